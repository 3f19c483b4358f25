"""Rooms, people and badges as administrators manage them on the central store."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.base.errors import Conflict, NotFound, UsageError
from kiosk.base.ids import new_id
from kiosk.base.text import check_text
from kiosk.security.badges import badge_hmac, canonical_uid
from kiosk.store.models import Badge, Person, Room, table_of
from kiosk.sync import central

ROLES = ("member", "host", "admin")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ROOM_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

rooms_t, people_t, badges_t = table_of(Room), table_of(Person), table_of(Badge)


@dataclass(frozen=True)
class PersonInfo:
    id: uuid.UUID
    name: str
    email: str
    role: str
    organisation: str | None
    badges: int


def _clean_name(name: str, what: str) -> str:
    check_text(name, name=True, what=what)  # before a line separator becomes a space
    text = " ".join(name.split())
    if not text:
        raise UsageError(f"{what} must not be empty")
    if len(text) > 200:
        raise UsageError(f"{what} is longer than 200 characters")
    return text


def _organisation(text: str | None) -> str | None:
    if not text or not text.strip():
        return None
    return _clean_name(text, "organisation")


def add_room(
    conn: Connection, room_id: str, name: str, capacity: int | None, now: datetime
) -> None:
    if not _ROOM_ID.match(room_id):
        raise UsageError(f"room id {room_id!r}: use lower-case letters, digits, '-' or '_'")
    if capacity is not None and capacity <= 0:
        raise UsageError("capacity must be greater than zero")
    if conn.execute(select(rooms_t.c.id).where(rooms_t.c.id == room_id)).first():
        raise Conflict(f"room {room_id!r} already exists")
    central.write(
        conn,
        "rooms",
        {
            "id": room_id,
            "name": _clean_name(name, "room name"),
            "capacity": capacity,
            "updated_at": now,
        },
        now,
    )


def list_rooms(conn: Connection) -> list[dict[str, object]]:
    rows = conn.execute(select(rooms_t).order_by(rooms_t.c.id))
    return [{"id": r.id, "name": r.name, "capacity": r.capacity} for r in rows]


def add_person(
    conn: Connection, *, name: str, email: str, role: str, organisation: str | None, now: datetime
) -> uuid.UUID:
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise UsageError(f"not an e-mail address: {email!r}")
    if role not in ROLES:
        raise UsageError(f"role must be one of {', '.join(ROLES)}")
    if conn.execute(select(people_t.c.id).where(people_t.c.email == email)).first():
        raise Conflict(f"a person with e-mail {email} already exists")
    person_id = new_id()
    central.write(
        conn,
        "people",
        {
            "id": person_id,
            "name": _clean_name(name, "name"),
            "email": email,
            "role": role,
            "organisation": _organisation(organisation),
            "pin_hash": None,
            "active": True,
            "updated_at": now,
        },
        now,
    )
    return person_id


def find_person(conn: Connection, ref: str) -> uuid.UUID:
    """A person by id or e-mail address."""
    try:
        person_id = uuid.UUID(ref)
    except ValueError:
        row = conn.execute(select(people_t.c.id).where(people_t.c.email == ref.strip().lower()))
    else:
        row = conn.execute(select(people_t.c.id).where(people_t.c.id == person_id))
    found = row.first()
    if found is None:
        raise NotFound(f"no person with id or e-mail {ref!r}")
    return uuid.UUID(str(found.id))


def list_people(conn: Connection) -> list[PersonInfo]:
    from sqlalchemy import func

    counts = (
        select(badges_t.c.person_id, func.count().label("n"))
        .where(badges_t.c.revoked_at.is_(None))
        .group_by(badges_t.c.person_id)
        .subquery()
    )
    rows = conn.execute(
        select(people_t, func.coalesce(counts.c.n, 0).label("badges"))
        .outerjoin(counts, counts.c.person_id == people_t.c.id)
        .order_by(people_t.c.name)
    )
    return [PersonInfo(r.id, r.name, r.email, r.role, r.organisation, int(r.badges)) for r in rows]


def enroll_badge(
    conn: Connection, person_ref: str, uid: str, site_key: bytes, now: datetime
) -> None:
    canonical = canonical_uid(uid)
    person_id = find_person(conn, person_ref)
    digest = badge_hmac(site_key, canonical)
    existing = conn.execute(select(badges_t.c.person_id).where(badges_t.c.uid_hmac == digest))
    owner = existing.first()
    if owner is not None:
        if owner.person_id == person_id:
            raise Conflict("this badge is already enrolled for this person")
        raise Conflict("this badge is already enrolled for someone else")
    central.write(
        conn,
        "badges",
        {
            "id": new_id(),
            "person_id": person_id,
            "uid_hmac": digest,
            "revoked_at": None,
            "updated_at": now,
        },
        now,
    )
