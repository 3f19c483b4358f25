"""What a room's door shows at a given moment: its state, current and next bookings."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from kiosk.models import Booking, Room, RoomMode, table_of
from kiosk.views import BookingView, DoorView, RoomState

ACTIVE_BOOKING = ("confirmed", "provisional")
_MODE_STATE = {"event": RoomState.EVENT, "closed": RoomState.CLOSED}

rooms_t, bookings_t, modes_t = table_of(Room), table_of(Booking), table_of(RoomMode)


def local_day_bounds(now: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Start and end of ``now``'s calendar day in ``tz`` (correct on DST-change days)."""
    day = now.astimezone(tz).date()
    start = datetime.combine(day, time.min, tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def door_view(conn: Connection, room_id: str, now: datetime, tz: ZoneInfo) -> DoorView | None:
    """The door's view of ``room_id`` at ``now``; None while the room is not yet known here."""
    room = conn.execute(select(rooms_t).where(rooms_t.c.id == room_id)).first()
    if room is None:
        return None
    day_start, day_end = local_day_bounds(now, tz)
    rows = conn.execute(
        select(bookings_t)
        .where(
            bookings_t.c.room_id == room_id,
            bookings_t.c.status.in_(ACTIVE_BOOKING),
            bookings_t.c.ends_at > max(day_start, now),
            bookings_t.c.starts_at < day_end,
        )
        .order_by(bookings_t.c.starts_at)
    ).all()
    views = [
        BookingView(r.title, r.private, r.starts_at, r.ends_at, r.status == "provisional")
        for r in rows
    ]
    current = next((b for b in views if b.starts_at <= now < b.ends_at), None)
    upcoming = tuple(b for b in views if b.starts_at > now)

    mode = conn.execute(
        select(modes_t)
        .where(
            or_(modes_t.c.room_id == room_id, modes_t.c.room_id.is_(None)),
            modes_t.c.starts_at <= now,
            or_(modes_t.c.expires_at.is_(None), modes_t.c.expires_at > now),
        )
        .order_by(modes_t.c.version.desc())
        .limit(1)
    ).first()
    if mode is not None and mode.mode in _MODE_STATE:
        return DoorView(
            room_id,
            room.name,
            _MODE_STATE[mode.mode],
            now,
            current,
            upcoming,
            mode_title=mode.title,
            mode_until=mode.expires_at,
        )

    state = RoomState.BUSY if current else RoomState.FREE
    free_until = None if current else (upcoming[0].starts_at if upcoming else None)
    return DoorView(room_id, room.name, state, now, current, upcoming, free_until=free_until)
