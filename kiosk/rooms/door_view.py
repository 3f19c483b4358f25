"""What a room's door shows at a given moment, read through SQLAlchemy from any store.

:func:`door_rows` reads the rows a door's view is computed from; ``kiosk.rooms.door_state`` computes
the view (and ``kiosk.rooms.door_snapshot`` reads the same rows from a local SQLite file without
SQLAlchemy, for a door's first frame). ``next_mode`` and ``mode_view`` serve the door's actions.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from kiosk.rooms import door_state
from kiosk.rooms.door_state import (
    DESCRIPTION_CHARS,
    DOOR_BOOKING_STATUSES,
    REFUSABLE_CHANGES,
    DoorRows,
    assemble_door_view,
    booking_view,
    checkin_window_open,
    local_day_bounds,
    lost_candidates,
    next_free_after,
    refusals_since,
    room_policy,
    short_text,
)
from kiosk.store.models import Booking, BookingAction, Event, Room, RoomMode, table_of
from kiosk.views.screens import ACTIVE_BOOKING, DoorView, ModeView

__all__ = [
    "ACTIVE_BOOKING",
    "DESCRIPTION_CHARS",
    "booking_view",
    "checkin_window_open",
    "door_rows",
    "door_view",
    "local_day_bounds",
    "mode_view",
    "next_free_after",
    "next_mode",
    "room_policy",
    "short_text",
]

rooms_t, bookings_t, modes_t = table_of(Room), table_of(Booking), table_of(RoomMode)
actions_t, events_t = table_of(BookingAction), table_of(Event)


def mode_rows(conn: Connection, room_id: str, now: datetime) -> list[Any]:
    """``room_modes`` rows of ``room_id`` or the whole Lab not expired at ``now`` (or later)."""
    return list(
        conn.execute(
            select(modes_t).where(
                or_(modes_t.c.room_id == room_id, modes_t.c.room_id.is_(None)),
                or_(
                    modes_t.c.expires_at.is_(None),
                    modes_t.c.expires_at > now,
                    modes_t.c.starts_at > now,
                ),
            )
        )
    )


def events_of(conn: Connection, modes: Iterable[Any]) -> dict[uuid.UUID, Any]:
    ids = {row.event_id for row in modes if row.event_id is not None}
    if not ids:
        return {}
    return {ev.id: ev for ev in conn.execute(select(events_t).where(events_t.c.id.in_(ids)))}


def mode_view(conn: Connection, row: Any) -> ModeView:
    """A ``room_modes`` row with its event (when the event row has arrived here)."""
    return door_state.mode_view(row, events_of(conn, [row]))


def next_mode(conn: Connection, room_id: str, now: datetime, before: datetime) -> ModeView | None:
    """The event or closure that will apply to ``room_id`` from a moment in (now, before)."""
    modes = mode_rows(conn, room_id, now)
    return door_state.next_mode(modes, events_of(conn, modes), now, before)


def door_rows(
    conn: Connection, room_id: str, now: datetime, tz: ZoneInfo, *, kiosk_id: str | None = None
) -> DoorRows | None:
    """What ``room_id``'s view at ``now`` is computed from; None while the room is unknown here.

    With ``kiosk_id``, the day's refused bookings that this kiosk made are marked, so the door
    can say who won, and its recently refused changes read, so it can say why.
    """
    room = conn.execute(select(rooms_t).where(rooms_t.c.id == room_id)).first()
    if room is None:
        return None
    day_start, day_end = local_day_bounds(now, tz)
    bookings = conn.execute(
        select(bookings_t).where(
            bookings_t.c.room_id == room_id,
            bookings_t.c.status.in_(DOOR_BOOKING_STATUSES),
            bookings_t.c.ends_at > day_start,
            bookings_t.c.starts_at < day_end,
        )
    ).all()
    modes = mode_rows(conn, room_id, now)
    booked_here: frozenset[uuid.UUID] = frozenset()
    lost = lost_candidates(bookings, now)
    if kiosk_id is not None and lost:
        booked_here = frozenset(
            conn.execute(
                select(actions_t.c.booking_id).where(
                    actions_t.c.booking_id.in_([r.id for r in lost]),
                    actions_t.c.kind == "book",
                    actions_t.c.kiosk_id == kiosk_id,
                )
            ).scalars()
        )
    refused: list[Any] = []
    if kiosk_id is not None:
        refused = list(
            conn.execute(
                select(actions_t).where(
                    actions_t.c.room_id == room_id,
                    actions_t.c.kiosk_id == kiosk_id,
                    actions_t.c.outcome == "refused",
                    actions_t.c.kind.in_(REFUSABLE_CHANGES),
                    actions_t.c.at >= refusals_since(now),
                )
            )
        )
    return DoorRows(room, bookings, modes, events_of(conn, modes), booked_here, refused)


def door_view(
    conn: Connection,
    room_id: str,
    now: datetime,
    tz: ZoneInfo,
    *,
    kiosk_id: str | None = None,
    shown_version: int | None = None,
) -> DoorView | None:
    """The door's view of ``room_id`` at ``now``; None while the room is not yet known here.

    ``shown_version`` is the mode version the door shows now (see
    :func:`kiosk.rooms.modes.active_mode`).
    """
    rows = door_rows(conn, room_id, now, tz, kiosk_id=kiosk_id)
    if rows is None:
        return None
    return assemble_door_view(rows, now, tz, shown_version=shown_version)
