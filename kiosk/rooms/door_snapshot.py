"""A door's view read straight from its local SQLite store, with the standard library only.

A door display paints its real first screen (the room, free or busy, today's bookings) from
this before the rest of the kiosk starts: importing SQLAlchemy costs more than starting Qt. It
reads the same rows as ``kiosk.rooms.door_view.door_rows`` and hands them to the same
``kiosk.rooms.door_state.assemble_door_view``; tests check that both readers give the same view.

The file is opened read-only. Anything unexpected — no file yet, a schema that is not at
``SCHEMA_HEAD`` (a migration is due), the room not synced yet, any SQLite error — gives None,
and the door comes up in its "one moment" state instead; the store itself is opened (and
migrated) right after.

Values come back as SQLAlchemy stores them in SQLite: timestamps as naive UTC text, UUIDs as
32 hex digits, booleans as 0/1. Timestamps are compared as that same text (it sorts in time
order), so a parameter is formatted exactly the same way.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from kiosk.base.timeutil import as_utc
from kiosk.rooms.door_state import (
    DOOR_BOOKING_STATUSES,
    REFUSABLE_CHANGES,
    DoorRows,
    assemble_door_view,
    local_day_bounds,
    lost_candidates,
    refusals_since,
)
from kiosk.store.schema_head import SCHEMA_HEAD
from kiosk.views.screens import DoorView

log = logging.getLogger(__name__)

#: A reader waits at most this long for a lock (WAL readers rarely wait at all).
TIMEOUT_SECONDS = 0.5

Convert = Callable[[Any], Any]


def _when(value: Any) -> datetime | None:
    return None if value is None else as_utc(value)


def _uuid(value: Any) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(hex=str(value))


def _bool(value: Any) -> bool:
    return bool(value)


_ROOM = {"calendar_synced_at": _when, "anonymous_actions": _bool}
_BOOKING = {
    "id": _uuid,
    "private": _bool,
    "starts_at": _when,
    "ends_at": _when,
    "checked_in_at": _when,
    "updated_at": _when,
}
_MODE = {
    "id": _uuid,
    "event_id": _uuid,
    "starts_at": _when,
    "expires_at": _when,
    "updated_at": _when,
}
_EVENT = {"id": _uuid, "starts_at": _when, "ends_at": _when}
_ACTION = {
    "id": _uuid,
    "booking_id": _uuid,
    "actor_id": _uuid,
    "starts_at": _when,
    "ends_at": _when,
    "at": _when,
    "updated_at": _when,
}


def stored_time(moment: datetime) -> str:
    """``moment`` as SQLAlchemy writes a timestamp into SQLite (naive UTC, microseconds)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def read_door_view(
    path: Path, room_id: str, now: datetime, tz: ZoneInfo, *, kiosk_id: str | None = None
) -> DoorView | None:
    """``room_id``'s view at ``now`` from the local store at ``path``, or None (see above)."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(
            f"file:{quote(str(path))}?mode=ro", uri=True, timeout=TIMEOUT_SECONDS
        )
    except sqlite3.Error as exc:
        log.info("no first view from the local store: %s", exc)
        return None
    try:
        if not _at_head(conn):
            return None
        rows = read_door_rows(conn, room_id, now, tz, kiosk_id=kiosk_id)
    except sqlite3.Error as exc:
        log.info("no first view from the local store: %s", exc)
        return None
    finally:
        conn.close()
    return None if rows is None else assemble_door_view(rows, now, tz)


def _at_head(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # not created yet
        return False
    return row is not None and row[0] == SCHEMA_HEAD


def read_door_rows(
    conn: sqlite3.Connection,
    room_id: str,
    now: datetime,
    tz: ZoneInfo,
    *,
    kiosk_id: str | None = None,
) -> DoorRows | None:
    """The rows of ``kiosk.rooms.door_view.door_rows``, from a SQLite connection."""
    rooms = _select(conn, "SELECT * FROM rooms WHERE id = ?", (room_id,), _ROOM)
    if not rooms:
        return None
    day_start, day_end = local_day_bounds(now, tz)
    statuses = ", ".join("?" * len(DOOR_BOOKING_STATUSES))
    bookings = _select(
        conn,
        f"SELECT * FROM bookings WHERE room_id = ? AND status IN ({statuses})"
        " AND ends_at > ? AND starts_at < ?",
        (room_id, *DOOR_BOOKING_STATUSES, stored_time(day_start), stored_time(day_end)),
        _BOOKING,
    )
    at = stored_time(now)
    modes = _select(
        conn,
        "SELECT * FROM room_modes WHERE (room_id = ? OR room_id IS NULL)"
        " AND (expires_at IS NULL OR expires_at > ? OR starts_at > ?)",
        (room_id, at, at),
        _MODE,
    )
    event_ids = sorted({row.event_id.hex for row in modes if row.event_id is not None})
    events = (
        {
            ev.id: ev
            for ev in _select(
                conn,
                f"SELECT * FROM events WHERE id IN ({', '.join('?' * len(event_ids))})",
                tuple(event_ids),
                _EVENT,
            )
        }
        if event_ids
        else {}
    )
    booked_here: frozenset[uuid.UUID] = frozenset()
    lost = [row.id.hex for row in lost_candidates(bookings, now)]
    if kiosk_id is not None and lost:
        found = conn.execute(
            f"SELECT booking_id FROM booking_actions WHERE booking_id IN"
            f" ({', '.join('?' * len(lost))}) AND kind = 'book' AND kiosk_id = ?",
            (*lost, kiosk_id),
        ).fetchall()
        booked_here = frozenset(uuid.UUID(hex=str(r[0])) for r in found)
    refused: list[SimpleNamespace] = []
    if kiosk_id is not None:
        kinds = ", ".join("?" * len(REFUSABLE_CHANGES))
        refused = _select(
            conn,
            "SELECT * FROM booking_actions WHERE room_id = ? AND kiosk_id = ?"
            f" AND outcome = 'refused' AND kind IN ({kinds}) AND at >= ?",
            (room_id, kiosk_id, *REFUSABLE_CHANGES, stored_time(refusals_since(now))),
            _ACTION,
        )
    return DoorRows(rooms[0], bookings, modes, events, booked_here, refused)


def _select(
    conn: sqlite3.Connection, sql: str, params: Sequence[Any], convert: Mapping[str, Convert]
) -> list[SimpleNamespace]:
    """Rows as records with the columns as attributes, values converted as SQLAlchemy would."""
    cursor = conn.execute(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    out = []
    for values in cursor.fetchall():
        record = dict(zip(names, values, strict=True))
        for name, fn in convert.items():
            if name in record:
                record[name] = fn(record[name])
        out.append(SimpleNamespace(**record))
    return out
