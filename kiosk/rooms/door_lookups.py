"""What a door's actions read about its room, inside the action's own transaction: the booking
under way, the next start, a scheduled event or closure, the room's policy.

Read-only, so :mod:`kiosk.rooms.door_actions` keeps only the decisions and the writes.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.rooms.door_view import door_view, next_mode, room_policy
from kiosk.rooms.modes import active_mode
from kiosk.store.models import Booking, Room
from kiosk.views.screens import ACTIVE_BOOKING, RoomPolicy, RoomState


def policy_of(s: Session, room_id: str) -> RoomPolicy:
    room = s.get(Room, room_id)
    return room_policy(room) if room is not None else RoomPolicy()


def booking_at(s: Session, room_id: str, now: datetime) -> Booking | None:
    """The booking holding the room at ``now``, if any."""
    return s.scalars(
        select(Booking).where(
            Booking.room_id == room_id,
            Booking.status.in_(ACTIVE_BOOKING),
            Booking.starts_at <= now,
            Booking.ends_at > now,
        )
    ).first()


def event_or_closure_at(s: Session, room_id: str, at: datetime) -> Any | None:
    """The event or closed ``room_modes`` row applying to the room at ``at``, or None."""
    row = active_mode(s.connection(), room_id, at)
    return row if row is not None and row.mode in ("event", "closed") else None


def next_start(
    s: Session, room_id: str, after: datetime, exclude: uuid.UUID | None
) -> datetime | None:
    query = select(Booking.starts_at).where(
        Booking.room_id == room_id,
        Booking.status.in_(ACTIVE_BOOKING),
        Booking.starts_at >= after,
    )
    if exclude is not None:
        query = query.where(Booking.id != exclude)
    return s.scalars(query.order_by(Booking.starts_at).limit(1)).first()


def blocked_from(
    s: Session, room_id: str, after: datetime, exclude: uuid.UUID | None
) -> datetime | None:
    """Where a booking from ``after`` must stop: the next booking or a scheduled mode."""
    blocked = next_start(s, room_id, after, exclude)
    # A switch starting exactly at ``after`` blocks too (next_mode looks after a moment).
    since = after - timedelta(microseconds=1)
    coming = next_mode(s.connection(), room_id, since, after + timedelta(days=1))
    if coming is not None and (blocked is None or coming.starts_at < blocked):
        return coming.starts_at
    return blocked


def shut_at(s: Session, room_id: str, now: datetime, tz: ZoneInfo) -> bool:
    """Whether the door shows the room as an event or closed (or not at all) at ``now``."""
    view = door_view(s.connection(), room_id, now, tz)
    return view is None or view.state in (RoomState.EVENT, RoomState.CLOSED)


def checkin_candidate(s: Session, room_id: str, now: datetime, opens: timedelta) -> Booking | None:
    """The earliest booking not checked in whose check-in window is open at ``now``."""
    return s.scalars(
        select(Booking)
        .where(
            Booking.room_id == room_id,
            Booking.status.in_(ACTIVE_BOOKING),
            Booking.checked_in_at.is_(None),
            Booking.starts_at <= now + opens,
            Booking.ends_at > now,
        )
        .order_by(Booking.starts_at)
        .limit(1)
    ).first()
