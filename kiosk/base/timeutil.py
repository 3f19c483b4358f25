"""UTC-aware timestamps: reading them back from a store, and parsing them from people.

Free of SQLAlchemy (a door's first frame uses it); the column type is ``kiosk.store.dbtypes``.
"""

from __future__ import annotations

from datetime import UTC, datetime


def as_utc(value: datetime | str) -> datetime:
    """A timestamp read back from a store as aware UTC (SQLite returns naive UTC or text).

    For raw rows (unions, aggregates) that bypass ``UTCDateTime``'s result processing.
    """
    parsed = datetime.fromisoformat(value) if isinstance(value, str) else value
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def parse_iso(text: str) -> datetime:
    """Parse an ISO 8601 timestamp that must carry an offset (or Z)."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"{text!r} has no UTC offset (add Z or +02:00)")
    return value.astimezone(UTC)
