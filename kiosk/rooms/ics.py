"""iCalendar feeds -> the room bookings they mean, for one window of dates.

Room calendars come from Exchange/Outlook, Google and friends as ICS files or URLs. Recurrences
are expanded by ``recurring-ical-events`` (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides, time
zones across DST changes) rather than by hand: getting those right is its whole job. Time zone
names, IANA or the Windows names Outlook writes ("FLE Standard Time"), are resolved by
``icalendar`` itself, which carries the Windows-to-IANA table.

What this module adds is the room's point of view:

- each occurrence gets a stable key (UID, plus the original start for a recurring series) so a
  re-import updates the booking it made before instead of adding a second one;
- floating times and all-day dates are read in the site's zone (a whole local day);
- cancelled events and occurrences, and events that do not block time, are not bookings;
- the title of a private or confidential event is not kept: it would reach every door display.

Nothing here touches a store: a malformed feed raises :class:`KioskError` before any write.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.base.errors import KioskError

PRIVATE_TITLE = "—"  # what a private event's booking is called (the door says "Varattu")
_MAX_UID = 300  # external_uid holds 500 characters: the UID plus a timestamp must fit
_PRIVATE_CLASSES = frozenset({"PRIVATE", "CONFIDENTIAL"})
# A room is booked in minutes and hours: a rule repeating every second or minute is a broken or
# hostile feed, and expanding it over months would take the importer down with it.
_REFUSED_FREQ = frozenset({"SECONDLY", "MINUTELY"})
MAX_OCCURRENCES = 20_000
_TIME_PROPERTIES = frozenset(
    {"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}
)


class FeedError(KioskError):
    """The feed cannot be read as a calendar; nothing was changed."""


@dataclass(frozen=True)
class Occurrence:
    """One time a room is taken according to a feed. Times are aware, in UTC."""

    key: str
    title: str
    starts_at: datetime
    ends_at: datetime
    private: bool


def parse_ics(data: bytes, *, start: datetime, end: datetime, tz: ZoneInfo) -> list[Occurrence]:
    """The bookings ``data`` (an ICS file) makes between ``start`` and ``end``, sorted by start.

    ``tz`` is the site's zone: floating times and all-day dates are read in it. Raises
    :class:`FeedError` when the feed is not a usable calendar.
    """
    import icalendar
    import recurring_ical_events

    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("the window must be timezone-aware")
    try:
        with warnings.catch_warnings():
            # Vendor-prefixed TZIDs are guessed with a warning; the guess is what we want.
            warnings.simplefilter("ignore")
            calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, UnicodeDecodeError) as exc:
        raise FeedError(f"not an iCalendar file: {_short(exc)}") from None
    if getattr(calendar, "name", None) != "VCALENDAR":
        raise FeedError("not an iCalendar file: no VCALENDAR in it")
    try:
        recurring = _check_events(calendar.walk("VEVENT"))
        components = recurring_ical_events.of(calendar).between(start, end)
        if len(components) > MAX_OCCURRENCES:
            raise FeedError(f"more than {MAX_OCCURRENCES} occurrences: import fewer days")
        found: dict[str, Occurrence] = {}
        for component in components:
            occurrence = _occurrence(component, recurring, tz)
            if occurrence and occurrence.ends_at > start and occurrence.starts_at < end:
                found.setdefault(occurrence.key, occurrence)
    except FeedError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
        # Whatever else a broken event trips over (a property given twice, say) is still a
        # broken feed: say so in one line rather than with a traceback.
        raise FeedError(f"cannot read the events in the feed: {_short(exc)}") from None
    return sorted(found.values(), key=lambda o: (o.starts_at, o.key))


def _check_events(events: Iterable[Any]) -> set[str]:
    """Refuse events that cannot be placed in time; return the UIDs of recurring series.

    A series is any UID with a rule, extra dates or an overridden occurrence: its bookings are
    keyed by their original start. A one-off event is keyed by its UID alone, so moving it in
    the calendar moves its booking.
    """
    recurring: set[str] = set()
    for event in events:
        uid = _uid(event)
        for name, problem in getattr(event, "errors", ()):
            if name.upper() in _TIME_PROPERTIES:
                raise FeedError(f"event {uid!r}: {name}: {problem}")
        if "DTSTART" not in event:
            raise FeedError(f"event {uid!r} has no start (DTSTART)")
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            prop = event.get(name)
            if prop is None:
                continue
            tzid = prop.params.get("TZID")
            value = prop.dt
            if tzid and isinstance(value, datetime) and value.tzinfo is None:
                raise FeedError(f"event {uid!r}: unknown time zone {str(tzid)!r}")
        rules = event.get("RRULE") or []
        for rule in rules if isinstance(rules, list) else [rules]:
            freq = " ".join(str(f).upper() for f in rule.get("FREQ", ()))
            if freq in _REFUSED_FREQ:
                raise FeedError(f"event {uid!r} repeats {freq}: not a room booking")
        if "RRULE" in event or "RDATE" in event or "RECURRENCE-ID" in event:
            recurring.add(uid)
    return recurring


def _occurrence(component: Any, recurring: set[str], tz: ZoneInfo) -> Occurrence | None:
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return None
    if str(component.get("TRANSP", "")).upper() == "TRANSPARENT":
        return None  # marked "free" in the calendar: it does not take the room
    start_value = component["DTSTART"].dt
    end_prop = component.get("DTEND")
    end_value = end_prop.dt if end_prop is not None else start_value
    starts_at, ends_at = _instant(start_value, tz), _instant(end_value, tz)
    all_day = not isinstance(start_value, datetime)
    if all_day and ends_at <= starts_at:  # an all-day event without an end takes its day
        ends_at = _instant(start_value + timedelta(days=1), tz)
    if ends_at <= starts_at:
        return None  # a moment, not a stretch of time: nothing to book
    uid = _uid(component)
    private = str(component.get("CLASS", "PUBLIC")).upper() in _PRIVATE_CLASSES
    title = PRIVATE_TITLE if private else " ".join(str(component.get("SUMMARY", "")).split())
    key = _key(uid)
    if uid in recurring:
        rid = component.get("RECURRENCE-ID")
        original = rid.dt if rid is not None else start_value
        key = f"{key}/{_stamp(original, tz)}"
    return Occurrence(key, title[:300] or PRIVATE_TITLE, starts_at, ends_at, private)


def _instant(value: date | datetime, tz: ZoneInfo) -> datetime:
    """An aware UTC datetime. Floating times are read in the site's zone, and a date is its
    local midnight there (an all-day DTEND is exclusive, so that is where the day ends)."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=tz)
        return aware.astimezone(UTC)
    return datetime.combine(value, time.min, tzinfo=tz).astimezone(UTC)


def _stamp(value: date | datetime, tz: ZoneInfo) -> str:
    if isinstance(value, datetime):
        return _instant(value, tz).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def _uid(component: Any) -> str:
    uid = " ".join(str(component.get("UID", "")).split())
    if uid:
        return uid
    # RFC 5545 requires a UID; some exporters forget it. The summary and start still identify
    # the event from one export to the next.
    start = component.get("DTSTART")
    seed = f"{component.get('SUMMARY', '')}|{start.to_ical() if start is not None else ''!r}"
    return "nouid-" + hashlib.sha256(seed.encode()).hexdigest()[:32]


def _key(uid: str) -> str:
    if len(uid) <= _MAX_UID:
        return uid
    return "sha256-" + hashlib.sha256(uid.encode()).hexdigest()


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    return line if len(line) <= 160 else line[:157] + "..."
