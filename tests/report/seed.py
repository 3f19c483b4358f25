"""A central store with known use of four days around the end of summer time (25 Oct 2026).

Helsinki moves from +03:00 to +02:00 at 04:00 local on Sunday 25 October 2026 (01:00 UTC).
Every row below says where it should land; ``EXPECTED`` is what the report must count.
The period is Saturday 24 to Tuesday 27 October; the Lab is open Mon-Fri 08-18 (the default).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from kiosk.base.ids import new_id
from kiosk.security.directory import add_person, add_room
from kiosk.store.engine import open_store
from kiosk.store.models import Booking, Checkin, Event, Feedback, Invitation, Visitor, table_of

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
FIRST, LAST = "2026-10-24", "2026-10-27"
EVENT_TITLE = "Lab-ilta: tekoäly"
NAMES = ("Aino Virtanen", "Linnea Lindqvist", "Mikko Korhonen", "Eeva Ek")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def seed(url: str) -> None:
    store = open_store(url)
    try:
        with store.engine.begin() as conn:
            _seed(conn)
    finally:
        store.dispose()


def _seed(conn: Any) -> None:
    add_room(conn, "aurora", "Aurora", 10, NOW)
    add_room(conn, "tori", "Tori", 120, NOW)
    person = {}
    for name, email, role in (
        ("Aino Virtanen", "aino@vm.example", "member"),
        ("Linnea Lindqvist", "linnea@oph.example", "member"),
        ("Mikko Korhonen", "mikko@lab.example", "host"),
    ):
        person[email.split("@")[0]] = add_person(
            conn, name=name, email=email, role=role, organisation=None, now=NOW
        )
    aino, linnea, mikko = person["aino"], person["linnea"], person["mikko"]
    eeva = new_id()
    conn.execute(
        insert(table_of(Visitor)),
        [
            {
                "id": eeva,
                "name": "Eeva Ek",
                "organisation": None,
                "host_id": aino,
                "anonymised_at": None,
                "updated_at": NOW,
            }
        ],
    )
    party, other = new_id(), new_id()
    conn.execute(
        insert(table_of(Event)),
        [
            _event(party, EVENT_TITLE, "2026-10-27T16:00", 40),  # Tue 18.00 local
            _event(other, "Avoin lauantai", "2026-10-24T10:00", None),  # no one came
            _event(new_id(), "Ensi viikolla", "2026-10-28T10:00", 20),  # after the period
        ],
    )
    visit_inv, t1, t2, t3 = new_id(), new_id(), new_id(), new_id()
    conn.execute(
        insert(table_of(Invitation)),
        [
            _invitation(visit_inv, "visitor", eeva, None),
            _invitation(t1, "event-ticket", None, party),
            _invitation(t2, "event-ticket", None, party, revoked=True),  # withdrawn: not counted
            _invitation(t3, "event-ticket", None, party),
        ],
    )
    checkins = [
        # Sat 24 00.30 (+03): the UTC date is the 23rd, the local day the 24th; hour 0
        _in("2026-10-23T21:30", person=aino),
        _in("2026-10-24T06:00", person=aino),  # the same day again: one visit
        _in("2026-10-24T15:00", person=aino, direction="out"),  # check-outs never count
        # Sun 25 01.30 (+03, before the switch): a new day for Aino; hour 1
        _in("2026-10-24T22:30", person=aino),
        # Sun 25 03.30 (+02, after the switch; +03 would say 04.30); hour 3
        _in("2026-10-25T01:30", person=linnea),
        _in("2026-10-26T07:00", person=mikko),  # a host at work: not a visit
        # Mon 26 10.15: Eeva known only through her invitation; hour 10
        _in("2026-10-26T08:15", invitation=visit_inv),
        _in("2026-10-26T12:00", visitor=eeva),  # Eeva again the same day: one visit
        # Tue 27: the event. Ticket t1 at 17.50 (hour 17), back in at 18.30 (one visit)
        _in("2026-10-27T15:50", invitation=t1, event=party),
        _in("2026-10-27T16:30", invitation=t1, event=party),
        _in("2026-10-27T16:00", person=linnea, event=party),  # 18.00, hour 18
        _in("2026-10-27T16:05", event=party),  # an anonymous walk-in at 18.05, hour 18
        # Wed 28 00.30 (+02): after the period's last local midnight
        _in("2026-10-27T22:30", person=aino),
    ]
    conn.execute(insert(table_of(Checkin)), checkins)
    conn.execute(
        insert(table_of(Booking)),
        [
            # Mon 07-09 local, checked in: 08-09 counts (1 h booked, 1 h used)
            _booking("2026-10-26T05:00", "2026-10-26T07:00", "confirmed", checked=True),
            # Mon 10-12, a no-show released: 2 h booked, none used
            _booking("2026-10-26T08:00", "2026-10-26T10:00", "released"),
            # Tue 17-19, checked in: 17-18 counts (1 h booked, 1 h used)
            _booking("2026-10-27T15:00", "2026-10-27T17:00", "confirmed", checked=True),
            _booking("2026-10-27T10:00", "2026-10-27T11:00", "cancelled"),  # never counts
            # Sat 10-12: a booking, but the Lab is closed on Saturdays (0 h)
            _booking("2026-10-24T07:00", "2026-10-24T09:00", "confirmed"),
        ],
    )
    conn.execute(
        insert(table_of(Feedback)),
        [
            # Mon 26 00.30 local (+02), ISO week 44; the UTC date is Sunday (week 43)
            _feedback("2026-10-25T22:30", 4, "home", "Hyvä paikka"),
            _feedback("2026-10-24T08:00", 1, "checkout", "   "),  # a blank comment: none
            _feedback("2026-10-27T10:00", 3, "event", None),
            _feedback("2026-10-27T11:00", 4, "checkout", "Kiitos"),
            _feedback("2026-10-28T10:00", 2, "home", None),  # after the period
        ],
    )


def _event(id_: uuid.UUID, title: str, start: str, capacity: int | None) -> dict[str, Any]:
    return {
        "id": id_,
        "title": title,
        "description": None,
        "starts_at": utc(start),
        "ends_at": utc(start).replace(hour=23),
        "capacity": capacity,
        "online_url": None,
        "allow_walkins": True,
        "created_by": None,
        "kiosk_id": None,
        "updated_at": NOW,
    }


def _invitation(
    id_: uuid.UUID,
    kind: str,
    visitor: uuid.UUID | None,
    event: uuid.UUID | None,
    revoked: bool = False,
) -> dict[str, Any]:
    return {
        "id": id_,
        "kind": kind,
        "visitor_id": visitor,
        "event_id": event,
        "valid_from": utc("2026-10-20T00:00"),
        "valid_to": utc("2026-10-30T00:00"),
        "single_use": False,
        "revoked_at": NOW if revoked else None,
        "updated_at": NOW,
    }


def _in(
    at: str,
    *,
    person: uuid.UUID | None = None,
    visitor: uuid.UUID | None = None,
    invitation: uuid.UUID | None = None,
    event: uuid.UUID | None = None,
    direction: str = "in",
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "direction": direction,
        "person_id": person,
        "visitor_id": visitor,
        "invitation_id": invitation,
        "method": "badge" if person else "qr",
        "kiosk_id": "lobby-1",
        "at": utc(at),
        "event_id": event,
    }


def _booking(start: str, end: str, status: str, checked: bool = False) -> dict[str, Any]:
    return {
        "id": new_id(),
        "room_id": "aurora",
        "title": "Palaveri",
        "private": False,
        "organiser_id": None,
        "starts_at": utc(start),
        "ends_at": utc(end),
        "status": status,
        "source": "admin",
        "external_uid": None,
        "checked_in_at": utc(start) if checked else None,
        "created_by": None,
        "updated_at": NOW,
    }


def _feedback(at: str, score: int, context: str, comment: str | None) -> dict[str, Any]:
    return {
        "id": new_id(),
        "at": utc(at),
        "kiosk_id": "lobby-1",
        "score": score,
        "comment": comment,
        "context": context,
        "event_id": None,
        "person_id": None,
        "updated_at": NOW,
    }


def write_config(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "admin.toml"
    path.write_text(
        f'[kiosk]\nid = "admin"\ndata_dir = "{tmp_path / "admin"}"\n[central]\nurl = "{url}"\n',
        encoding="utf-8",
    )
    return path
