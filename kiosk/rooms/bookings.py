"""Creating bookings centrally; two bookings of one room may never overlap."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.base.errors import Conflict, NotFound, UsageError
from kiosk.base.ids import new_id
from kiosk.base.text import check_text
from kiosk.rooms.door_view import ACTIVE_BOOKING
from kiosk.store.models import Booking, Room, table_of
from kiosk.sync import central

bookings_t, rooms_t = table_of(Booking), table_of(Room)


def add_booking(
    conn: Connection,
    *,
    room_id: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    now: datetime,
    private: bool = False,
    organiser_id: uuid.UUID | None = None,
    source: str = "admin",
) -> uuid.UUID:
    check_text(title, name=True, what="--title")
    if ends_at <= starts_at:
        raise UsageError("a booking must end after it starts")
    if conn.execute(select(rooms_t.c.id).where(rooms_t.c.id == room_id)).first() is None:
        raise NotFound(f"no room {room_id!r}")
    clash = conn.execute(
        select(bookings_t.c.id).where(
            bookings_t.c.room_id == room_id,
            bookings_t.c.status.in_(ACTIVE_BOOKING),
            bookings_t.c.starts_at < ends_at,
            bookings_t.c.ends_at > starts_at,
        )
    ).first()
    if clash is not None:
        raise Conflict(f"room {room_id!r} is already booked at that time")
    booking_id = new_id()
    central.write(
        conn,
        "bookings",
        {
            "id": booking_id,
            "room_id": room_id,
            "title": " ".join(title.split()) or "—",
            "private": private,
            "organiser_id": organiser_id,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "status": "confirmed",
            "source": source,
            "external_uid": None,
            "checked_in_at": None,
            "created_by": None,
            "updated_at": now,
        },
        now,
    )
    return booking_id
