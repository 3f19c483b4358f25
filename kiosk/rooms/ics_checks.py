"""Checks on one VEVENT before it is expanded: what refuses the feed, what skips the event.

Two kinds of trouble, treated differently:

- the feed cannot be trusted to say when anything happens (a start that is no date, a time
  zone nobody knows, a rule repeating every minute, DTSTART given twice): :class:`FeedError`,
  naming the line and the property, and nothing is imported;
- one event contradicts itself (it ends before it starts, a negative DURATION, an RDATE period
  that ends before it starts): that event or that one occurrence is skipped and reported, and
  the rest of the feed is imported. ``icalendar``'s helpers would silently swap such a start
  and end, booking a time nobody asked for.

Messages never quote a property's value: it may be a name, an address or plain noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.rooms.ics_lines import EventLines, FeedError
from kiosk.rooms.ics_series import Time, instant, span

_SINGLE = ("UID", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID")
_TIME_PROPERTIES = frozenset(
    {"DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "RDATE", "EXDATE"}
)
_WHAT = {"RRULE": "a recurrence rule", "DURATION": "a duration", "RDATE": "dates or periods"}
# A room is booked in minutes and hours: a rule repeating every second or minute is a broken or
# hostile feed, and expanding it over months would take the importer down with it.
_REFUSED_FREQ = frozenset({"SECONDLY", "MINUTELY"})
_MOST_PER_PERIOD = 24  # BYHOUR x BYMINUTE x BYSECOND: a booking every hour of a day at most


@dataclass(frozen=True)
class Problem:
    """Why an event, or one of its occurrences (``original`` set), is not booked."""

    line: int
    reason: str
    original: Time | None = None


def where(line: int) -> str:
    return f"line {line}" if line > 0 else "an event"


def check_event(event: Any, lines: EventLines, tz: ZoneInfo) -> list[Problem]:
    """Raise :class:`FeedError` if ``event`` makes the feed unusable; else its own problems."""
    for name, _problem in getattr(event, "errors", ()):
        name = str(name).upper()
        if name in _TIME_PROPERTIES:
            what = _WHAT.get(name, "a date or time")
            raise FeedError(f"{where(lines.line_of(name))}: {name} cannot be read as {what}")
    for name in _SINGLE:
        seen = lines.properties.get(name, [])
        if len(seen) > 1 or isinstance(event.get(name), list):
            at = seen[1] if len(seen) > 1 else lines.begin
            raise FeedError(f"{where(at)}: {name} is given twice in one event")
    if event.get("DTSTART") is None:
        raise FeedError(f"{where(lines.begin)}: an event without DTSTART")
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID", "RDATE", "EXDATE"):
        _check_zones(event, name, lines)
    rules = event.get("RRULE") or []
    for rule in rules if isinstance(rules, list) else [rules]:
        freq = " ".join(str(f).upper() for f in rule.get("FREQ", ()))
        if freq in _REFUSED_FREQ:
            rule_at = where(lines.line_of("RRULE"))
            raise FeedError(f"{rule_at}: RRULE repeats {freq}: not a room booking")
        per_period = 1
        for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
            per_period *= max(1, len(rule.get(part, ())))
        if per_period > _MOST_PER_PERIOD:
            # Refused before expanding: 24 x 60 x 60 times a day for 400 days would be
            # tens of millions of occurrences in memory (a feed URL is not ours to trust).
            rule_at = where(lines.line_of("RRULE"))
            raise FeedError(
                f"{rule_at}: RRULE makes {per_period} occurrences per {freq or 'period'}: "
                "not a room booking"
            )
    return _own_problems(event, lines, tz)


def _check_zones(event: Any, name: str, lines: EventLines) -> None:
    values = event.get(name)
    if values is None:
        return
    for prop in values if isinstance(values, list) else [values]:
        tzid = prop.params.get("TZID")
        items = [d.dt for d in prop.dts] if hasattr(prop, "dts") else [prop.dt]
        for item in items:
            first = item[0] if isinstance(item, tuple) else item
            if tzid and isinstance(first, datetime) and first.tzinfo is None:
                shown = "".join(c for c in str(tzid) if c.isprintable())[:60]
                raise FeedError(
                    f"{where(lines.line_of(name))}: unknown time zone {shown!r} in {name}"
                )


def _own_problems(event: Any, lines: EventLines, tz: ZoneInfo) -> list[Problem]:
    problems: list[Problem] = []
    duration = event.get("DURATION")
    if event.get("DTEND") is None and duration is not None and duration.dt < timedelta(0):
        problems.append(Problem(lines.line_of("DURATION"), "DURATION is negative"))
    else:
        start, end = span(event)
        if instant(end, tz) < instant(start, tz):
            problems.append(Problem(lines.line_of("DTEND"), "DTEND is before DTSTART"))
    if problems:
        return problems
    values = event.get("RDATE") or []
    for prop in values if isinstance(values, list) else [values]:
        for item in prop.dts:
            period = item.dt
            if not isinstance(period, tuple):
                continue
            begins, ends = period
            ends = begins + ends if isinstance(ends, timedelta) else ends
            if _before(ends, begins, tz):
                problems.append(
                    Problem(lines.line_of("RDATE"), "an RDATE period ends before it starts", begins)
                )
    return problems


def _before(a: date | datetime, b: date | datetime, tz: ZoneInfo) -> bool:
    return instant(a, tz) < instant(b, tz)
