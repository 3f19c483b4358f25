"""What a lobby knows about the event on now: which event, its times, and how many are in.

Read from the lobby's replica, so it works offline. The lobby's current event is the event of
the newest active event-mode row (any room or the whole Lab) that names one
(:func:`kiosk.rooms.modes.active_event`).

**Counting** (the same rule as ``kiosk admin event show``): distinct tickets with an entry for
the event plus its walk-ins. A ticket scanned again (re-entry) is never counted twice. A lobby's
replica holds its own check-ins at once and those of other lobbies after they synced (check-ins
reach every lobby through the change feed, audience ``lobby``), so with several lobbies the
counter is exact once everyone has synced, and each lobby's own entries show immediately.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.engine import Connection, Row

from kiosk.store.models import Checkin, Event, RoomMode, table_of
from kiosk.views.lobby import EventView as EventView  # re-exported: built here

checkins_t, events_t, modes_t = table_of(Checkin), table_of(Event), table_of(RoomMode)


@dataclass(frozen=True)
class LobbyEventState:
    """The event on now (None: none), and when the answer may next change by the clock alone
    (a mode starting or expiring), so the lobby knows when to look again."""

    event: EventView | None
    next_change_at: datetime | None = None


def attendance(conn: Connection, event_id: uuid.UUID) -> int:
    """Distinct tickets in, plus walk-ins (see the module docstring)."""
    tickets = conn.execute(
        select(func.count(distinct(checkins_t.c.invitation_id))).where(
            checkins_t.c.event_id == event_id,
            checkins_t.c.direction == "in",
            checkins_t.c.invitation_id.is_not(None),
        )
    ).scalar_one()
    walkins = conn.execute(
        select(func.count()).where(
            checkins_t.c.event_id == event_id,
            checkins_t.c.direction == "in",
            checkins_t.c.method == "walk-in",
        )
    ).scalar_one()
    return int(tickets) + int(walkins)


def event_view(conn: Connection, row: Row[Any]) -> EventView:
    """The view of an ``events`` row, counted now."""
    return EventView(
        id=row.id,
        title=row.title,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        capacity=row.capacity,
        allow_walkins=bool(row.allow_walkins),
        count=attendance(conn, row.id),
        description=row.description,
        title_sv=row.title_sv,
        title_en=row.title_en,
        description_sv=row.description_sv,
        description_en=row.description_en,
    )


def find_event(conn: Connection, event_id: uuid.UUID) -> Row[Any] | None:
    return conn.execute(select(events_t).where(events_t.c.id == event_id)).first()


def next_change(conn: Connection, now: datetime) -> datetime | None:
    """The next moment a mode row starts or expires (the lobby looks again then)."""
    starts = conn.execute(
        select(func.min(modes_t.c.starts_at)).where(modes_t.c.starts_at > now)
    ).scalar()
    expires = conn.execute(
        select(func.min(modes_t.c.expires_at)).where(
            modes_t.c.expires_at > now, modes_t.c.starts_at <= now
        )
    ).scalar()
    moments = [m for m in (starts, expires) if m is not None]
    return min(moments) if moments else None


def lobby_event_state(conn: Connection, now: datetime) -> LobbyEventState:
    from kiosk.rooms.modes import active_event

    row = active_event(conn, now)
    return LobbyEventState(None if row is None else event_view(conn, row), next_change(conn, now))
