"""Room-mode versions: the newest switch wins, on every store alike.

A version is above every version the store knows, and at least the switch time in
microseconds. The central store assigns it to every pushed switch itself
(``kiosk.sync.acceptance``), so no kiosk can pin a mode for ever with a huge version.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kiosk.store.models import RoomMode, table_of

_modes = table_of(RoomMode)


def version_at(now: datetime) -> int:
    return int(now.timestamp() * 1_000_000)


def next_version(conn: Connection, now: datetime) -> int:
    """A version above every one this store knows, and at least the switch time."""
    known = conn.execute(select(func.max(_modes.c.version))).scalar()
    return max(version_at(now), int(known or 0) + 1)
