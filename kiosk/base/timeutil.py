"""UTC-aware timestamps: reading them back from a store, parsing them from people, and writing
a wall-clock time the way each of the Lab's languages does.

Free of SQLAlchemy (a door's first frame uses it); the column type is ``kiosk.store.dbtypes``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.base.errors import UsageError

#: The help of every command-line option that takes a moment (``parse_when``).
WHEN_HELP = (
    "ISO date-time, e.g. 2026-11-27T09:00 (the site's zone) or 2026-11-27T07:00Z; "
    "a bare date is the start of that day (the end, for an end)"
)


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


def parse_when(text: str, tz: ZoneInfo, *, end: bool, what: str) -> datetime:
    """An ISO date or date-time from the command line, as aware UTC: one reading for every
    command (bookings, invitations, events, modes, exports).

    A bare date means the whole day in the site's zone (its start for ``--valid-from``, the next
    midnight for ``--valid-to``); a date-time without an offset is read in the site's zone.
    Seconds are dropped, because tokens carry whole seconds and the store must agree with them.
    """
    try:
        if len(text.strip()) == 10:
            day = date.fromisoformat(text.strip())
            value = datetime.combine(day + timedelta(days=1 if end else 0), time(), tz)
        else:
            value = datetime.fromisoformat(text.strip())
            if value.tzinfo is None:
                value = value.replace(tzinfo=tz)
    except ValueError:
        raise UsageError(
            f"{what}: {text!r} is not an ISO date or date-time (like 2026-11-27 or "
            "2026-11-27T09:00)"
        ) from None
    return value.astimezone(UTC).replace(microsecond=0)


def wall_clock(moment: datetime, lang: str) -> str:
    """The time of day of ``moment`` (already in the site's zone) as the glossary writes it:
    Finnish and Finland-Swedish 9.05, English 09:05 (docs/glossary.md, "Times and dates")."""
    if lang == "en":
        return f"{moment:%H:%M}"
    return f"{moment.hour}.{moment.minute:02d}"


def local_time(moment: datetime, tz: ZoneInfo) -> datetime:
    """``moment`` in ``tz``; in UTC where ``tz`` cannot hold it (a record left at the end of
    year 9999 would overflow), so a listing prints it instead of failing."""
    for zone in (tz, UTC):
        try:
            return moment.astimezone(zone)
        except (OverflowError, ValueError):
            continue
    return moment
