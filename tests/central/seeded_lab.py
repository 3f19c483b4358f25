"""A seeded Lab behind a live service, for the thief tests of least data and shared pages.

10 rooms, 124 people of whom 2 hosts, 122 badges, three lobbies, invitations for last week,
today, tomorrow morning and next week, a walk-in and check-ins at another lobby.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kiosk.base.ids import new_id
from kiosk.lobby.invitations import NewInvitation, create_invitation
from kiosk.security.directory import add_person, add_room, enroll_badge
from kiosk.security.host_auth import set_pin_central
from kiosk.security.signing_keys import new_key
from kiosk.store.engine import Store
from kiosk.store.models import Badge, Person
from kiosk.sync import central
from tests.central.helpers import LiveService
from tests.stores import NOON

ROOMS = ["aurora"] + [f"room-{n:02d}" for n in range(1, 10)]
MEMBERS, UNBADGED = 122, 2  # with the 2 hosts: 124 people, 122 badges
HEX = re.compile(r"^[0-9a-f]{64}$")
MORNING = NOON + timedelta(hours=20)  # 08.00 tomorrow in Helsinki
TODAY = ["Tiina Tanaan", "Toivo Tanaan", "Terhi Tanaan"]
TOMORROW, NEXT_WEEK, LAST_WEEK = "Huomen Aamuinen", ["Ensi Viikko", "Eeva Ensi"], "Mennyt Viikko"
WALKIN, WALKIN_ORG = "Walter Walk-in", "Acme Oy"


@dataclass
class Lab:
    service: LiveService
    inactive: str  # a member with a badge who may no longer act anywhere
    revoked: str  # a member whose only badge is revoked
    inside_since_monday: str  # checked in at lobby-2 three days ago, still inside
    tomorrow: uuid.UUID  # the invitation of tomorrow morning's visitor
    admin_dir: Path  # where the invitation signing key's private half is


def _person(conn: Any, n: int, role: str = "member") -> str:
    return str(
        add_person(
            conn,
            name=f"{role.title()} {n:03d}",
            email=f"{role}{n:03d}@agency.example",
            role=role,
            organisation=f"Agency {n % 7}",
            now=NOON,
        )
    )


def seed_lab(store: Store, key: bytes, data_dir: Path) -> tuple[str, str, str, uuid.UUID]:
    uid = iter(range(0x0A00000000, 0x0AFFFFFFFF))
    with store.engine.begin() as conn:
        for room in ROOMS:
            add_room(conn, room, room.title(), 8, NOON)
        members = [_person(conn, n) for n in range(MEMBERS)]
        hosts = [_person(conn, n, "host") for n in range(2)]
        for person in members[UNBADGED:] + hosts:
            enroll_badge(conn, person, f"{next(uid):010X}", key, NOON)
        set_pin_central(conn, as_uuid(hosts[0]), "482916", NOON)
        new_key(conn, data_dir, NOON)
        inactive, revoked, inside = members[10], members[11], members[12]
        row = conn.execute(select(Person).where(Person.id == as_uuid(inactive))).one()._asdict()
        central.write(conn, "people", {**row, "active": False, "updated_at": NOON}, NOON)
        badge = conn.execute(select(Badge).where(Badge.person_id == as_uuid(revoked))).one()
        central.write(conn, "badges", {**badge._asdict(), "revoked_at": NOON}, NOON)
        for n, room in enumerate(ROOMS):
            for hour in (1, 3, 5):
                central.write(conn, "bookings", _booking(room, members[20 + n], hour), NOON)
        host = f"member{30:03d}@agency.example"
        for name in TODAY:
            _invite(conn, name, host, NOON - timedelta(hours=2), timedelta(hours=8), NOON)
        tomorrow = _invite(conn, TOMORROW, host, MORNING, timedelta(hours=8), NOON)
        for name in NEXT_WEEK:
            _invite(conn, name, host, NOON + timedelta(days=7), timedelta(hours=8), NOON)
        week_ago = NOON - timedelta(days=8)
        _invite(conn, LAST_WEEK, host, week_ago, timedelta(hours=8), week_ago)
        # At lobby-2: a walk-in, a badge tap, last week's visit, someone in since Monday.
        walkin = new_id()
        central.write(
            conn,
            "visitors",
            {"id": walkin, "name": WALKIN, "organisation": WALKIN_ORG,
             "host_id": as_uuid(members[40]), "anonymised_at": None, "updated_at": NOON},
            NOON,
        )  # fmt: skip
        add_checkin(conn, None, walkin, "walk-in", NOON - timedelta(hours=1))
        add_checkin(conn, members[41], None, "badge", NOON - timedelta(minutes=30))
        add_checkin(conn, members[42], None, "badge", NOON - timedelta(days=7))
        add_checkin(conn, members[42], None, "badge", NOON - timedelta(days=7, hours=-4), "out")
        add_checkin(conn, inside, None, "badge", NOON - timedelta(days=3))
    return inactive, revoked, inside, tomorrow


def as_uuid(text: str) -> uuid.UUID:
    return uuid.UUID(text)


def _booking(room: str, organiser: str, hour: int) -> dict[str, Any]:
    return {
        "id": new_id(), "room_id": room, "title": f"Meeting in {room} at +{hour}h",
        "private": False, "organiser_id": as_uuid(organiser),
        "starts_at": NOON + timedelta(hours=hour), "ends_at": NOON + timedelta(hours=hour + 1),
        "status": "confirmed", "source": "admin", "external_uid": None, "checked_in_at": None,
        "created_by": None, "updated_at": NOON,
    }  # fmt: skip


def _invite(conn: Any, name: str, host: str, start: Any, length: timedelta, now: Any) -> uuid.UUID:
    new = NewInvitation(name, host, f"{name} Oy", start, start + length, single_use=True)
    return create_invitation(conn, new, now)


def add_checkin(
    conn: Any, person: str | None, visitor: Any, method: str, at: Any, direction: str = "in"
) -> None:
    central.write(
        conn,
        "checkins",
        {"id": new_id(), "direction": direction, "person_id": person and as_uuid(person),
         "visitor_id": visitor, "invitation_id": None, "method": method,
         "kiosk_id": "lobby-2", "at": at, "event_id": None},
        at,
    )  # fmt: skip
