"""Listing and cancelling bookings as administrators do it on the central store.

Kept apart from :mod:`kiosk.rooms.bookings` (what doors and admins share: creating bookings
without overlaps) so the admin-only reading and cancelling stay small and separate.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.base.errors import Conflict, NotFound
from kiosk.store.models import Booking, Room, table_of
from kiosk.sync import central
from kiosk.views.screens import ACTIVE_BOOKING

bookings_t, rooms_t = table_of(Booking), table_of(Room)


@dataclass(frozen=True)
class BookingInfo:
    id: uuid.UUID
    room_id: str
    title: str
    private: bool
    starts_at: datetime
    ends_at: datetime
    status: str
    source: str

    def as_json(self, tz: ZoneInfo) -> dict[str, Any]:
        """The public JSON shape: times in ISO 8601 with the site zone's offset."""
        return {
            "id": str(self.id),
            "room": self.room_id,
            "title": self.title,
            "private": self.private,
            "start": self.starts_at.astimezone(tz).isoformat(),
            "end": self.ends_at.astimezone(tz).isoformat(),
            "status": self.status,
            "source": self.source,
        }


def list_bookings(
    conn: Connection, room_id: str, start: datetime, end: datetime
) -> list[BookingInfo]:
    """Every booking of ``room_id`` that overlaps ``start``..``end``, whatever its status."""
    if conn.execute(select(rooms_t.c.id).where(rooms_t.c.id == room_id)).first() is None:
        raise NotFound(f"no room {room_id!r}")
    rows = conn.execute(
        select(bookings_t)
        .where(
            bookings_t.c.room_id == room_id,
            bookings_t.c.starts_at < end,
            bookings_t.c.ends_at > start,
        )
        .order_by(bookings_t.c.starts_at, bookings_t.c.id)
    )
    return [_info(r) for r in rows]


def cancel_booking(conn: Connection, booking_id: uuid.UUID, now: datetime) -> BookingInfo | None:
    """Cancel an active booking; None when it was already cancelled (nothing is written).

    A booking that was released as a no-show or rejected is finished, not active: cancelling
    it is refused rather than rewriting its history.
    """
    row = conn.execute(select(bookings_t).where(bookings_t.c.id == booking_id)).first()
    if row is None:
        raise NotFound(f"no booking {booking_id}")
    if row.status == "cancelled":
        return None
    if row.status not in ACTIVE_BOOKING:
        raise Conflict(f"booking {booking_id} is {row.status}, not active")
    central.write(
        conn, "bookings", {**row._asdict(), "status": "cancelled", "updated_at": now}, now
    )
    return _info(row, "cancelled")


def _info(row: Any, status: str | None = None) -> BookingInfo:
    return BookingInfo(
        row.id,
        row.room_id,
        row.title,
        row.private,
        row.starts_at,
        row.ends_at,
        status or row.status,
        row.source,
    )
