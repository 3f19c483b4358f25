"""Room modes: normal, event or closed, for one room, several, or the whole Lab.

A switch is a set of append-only ``room_modes`` rows, one per room (or one with ``room_id``
NULL for the whole Lab). Rows never change once written, so a kiosk that made a switch offline
pushes it like a check-in, and every kiosk answers "what applies here now?" from its replica:

    the row with the highest ``version`` among those for this room or the whole Lab with
    ``starts_at <= now < expires_at``; a ``normal`` row means normal.

``version`` is the switch time in microseconds since the epoch, raised above every version the
writer already knows, so a later switch always wins and a display never goes back to an older
one. Every switch expires (default: the end of the day, local time), so a forgotten event or
closure reverts by itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection, Row

from kiosk.base.errors import UsageError
from kiosk.base.ids import new_id
from kiosk.base.text import check_text
from kiosk.store.mode_versions import next_version
from kiosk.store.models import Booking, Event, Room, RoomMode, table_of
from kiosk.views.screens import ACTIVE_BOOKING

MODES = ("normal", "event", "closed")
modes_t, events_t, rooms_t, bookings_t = (
    table_of(RoomMode),
    table_of(Event),
    table_of(Room),
    table_of(Booking),
)


@dataclass(frozen=True)
class ModeSwitch:
    """What a host or admin asked for. ``rooms`` None means the whole Lab."""

    rooms: tuple[str, ...] | None
    mode: str
    starts_at: datetime
    expires_at: datetime
    title: str | None = None
    event_id: uuid.UUID | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise UsageError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.rooms is not None and not self.rooms:
            raise UsageError("name at least one room, or the whole Lab")
        if self.expires_at <= self.starts_at:
            raise UsageError("the switch must end after it starts")
        if self.title is not None:
            check_text(self.title, name=True, what="the title")
        if self.title is not None and len(self.title) > 300:
            raise UsageError("the title is too long (300 characters at most)")


def end_of_day(now: datetime, tz: ZoneInfo) -> datetime:
    """Midnight after ``now`` in the site's zone: the default expiry of a switch."""
    local = now.astimezone(tz)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=tz)
    return midnight.astimezone(now.tzinfo)


def check_rooms(conn: Connection, rooms: Sequence[str]) -> None:
    known = set(conn.execute(select(rooms_t.c.id).where(rooms_t.c.id.in_(rooms))).scalars())
    missing = [r for r in rooms if r not in known]
    if missing:
        raise UsageError(f"unknown room(s): {', '.join(missing)}; nothing was changed")


def mode_rows(
    switch: ModeSwitch,
    *,
    version: int,
    set_by: uuid.UUID | None,
    kiosk_id: str | None,
    now: datetime,
) -> list[dict[str, Any]]:
    """The ``room_modes`` rows of a switch, all with one version."""
    targets: Sequence[str | None] = switch.rooms if switch.rooms is not None else (None,)
    return [
        {
            "id": new_id(),
            "room_id": room,
            "mode": switch.mode,
            "version": version,
            "title": switch.title,
            "event_id": switch.event_id,
            "starts_at": switch.starts_at,
            "expires_at": switch.expires_at,
            "set_by": set_by,
            "kiosk_id": kiosk_id,
            "updated_at": now,
        }
        for room in targets
    ]


def set_mode_central(
    conn: Connection, switch: ModeSwitch, *, set_by: uuid.UUID | None, now: datetime
) -> list[dict[str, Any]]:
    """Write a switch to the central store (and its change feed); returns the rows."""
    from kiosk.sync import central

    if switch.rooms is not None:
        check_rooms(conn, switch.rooms)
    rows = mode_rows(switch, version=next_version(conn, now), set_by=set_by, kiosk_id=None, now=now)
    for row in rows:
        central.write(conn, "room_modes", row, now)
    return rows


def active_mode(
    conn: Connection, room_id: str | None, now: datetime, *, keep_version: int | None = None
) -> Row[Any] | None:
    """The mode row that applies to ``room_id`` (None: the Lab-wide mode only) at ``now``:
    room or whole-Lab rows, started, not expired; the highest version wins.

    ``keep_version`` is the version a display shows now: that row keeps applying until it
    expires even when ``now`` falls before its start (the device clock stepped back), so a
    display never goes back to an older version after showing a newer one. Rows are append-only
    and arrive in any order, so without a clock step the highest version already wins.
    """
    where_room = (
        modes_t.c.room_id.is_(None)
        if room_id is None
        else or_(modes_t.c.room_id == room_id, modes_t.c.room_id.is_(None))
    )
    started = modes_t.c.starts_at <= now
    if keep_version is not None:
        started = or_(started, modes_t.c.version == keep_version)
    return conn.execute(
        select(modes_t)
        .where(
            where_room,
            started,
            or_(modes_t.c.expires_at.is_(None), modes_t.c.expires_at > now),
        )
        .order_by(modes_t.c.version.desc(), modes_t.c.id.desc())
        .limit(1)
    ).first()


@dataclass(frozen=True)
class RoomModeState:
    """One room's mode now, for ``mode show`` and the host panel."""

    room_id: str
    room_name: str
    mode: str
    title: str | None
    until: datetime | None
    version: int | None
    lab_wide: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "room": self.room_id,
            "name": self.room_name,
            "mode": self.mode,
            "title": self.title,
            "until": self.until.isoformat() if self.until else None,
            "version": self.version,
            "lab_wide": self.lab_wide,
        }


def room_states(conn: Connection, now: datetime) -> list[RoomModeState]:
    """Every room's mode at ``now``, in room order."""
    out = []
    for room in conn.execute(select(rooms_t.c.id, rooms_t.c.name).order_by(rooms_t.c.id)):
        row = active_mode(conn, room.id, now)
        if row is None or row.mode == "normal":
            out.append(RoomModeState(room.id, room.name, "normal", None, None, None, False))
        else:
            out.append(
                RoomModeState(
                    room.id,
                    room.name,
                    row.mode,
                    row.title,
                    row.expires_at,
                    row.version,
                    row.room_id is None,
                )
            )
    return out


def scheduled(conn: Connection, now: datetime) -> list[Row[Any]]:
    """Switches that start later, soonest first."""
    return list(
        conn.execute(select(modes_t).where(modes_t.c.starts_at > now).order_by(modes_t.c.starts_at))
    )


def active_event(conn: Connection, now: datetime) -> Row[Any] | None:
    """The event the Lab is holding now: of the newest active event-mode row naming one.

    A newer ``normal`` switch for the whole Lab ends it; a room switched back to normal ends
    only that room's event.
    """
    candidates = conn.execute(
        select(modes_t)
        .where(
            modes_t.c.mode == "event",
            modes_t.c.event_id.is_not(None),
            modes_t.c.starts_at <= now,
            or_(modes_t.c.expires_at.is_(None), modes_t.c.expires_at > now),
        )
        .order_by(modes_t.c.version.desc())
    ).all()
    for row in candidates:
        current = active_mode(conn, row.room_id, now)
        if current is not None and current.id == row.id:
            return conn.execute(select(events_t).where(events_t.c.id == row.event_id)).first()
    return None


def overlapped_bookings(
    conn: Connection, rooms: Sequence[str] | None, starts_at: datetime, ends_at: datetime
) -> list[Row[Any]]:
    """Active bookings a switch covers: their organisers should hear about it."""
    query = select(bookings_t).where(
        bookings_t.c.status.in_(ACTIVE_BOOKING),
        bookings_t.c.starts_at < ends_at,
        bookings_t.c.ends_at > starts_at,
    )
    if rooms is not None:
        query = query.where(bookings_t.c.room_id.in_(rooms))
    return list(conn.execute(query.order_by(bookings_t.c.starts_at)))
