"""One UID's components -> its occurrences, each with its own original start.

``recurring-ical-events`` expands a series' own rules (RRULE, RDATE in every form, EXDATE, time
zones across DST). Overrides (RECURRENCE-ID) are applied here instead, because the library
loses what the room needs to key a booking by: after a ``RANGE=THISANDFUTURE`` override every
later occurrence carries the override's RECURRENCE-ID, so they all looked like one booking;
and an override without its master (an invitation to one occurrence) loses its own RDATEs.
Here each occurrence keeps the start the series gave it (its RECURRENCE-ID), whatever moved it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

Time = date | datetime
MAX_PADDING = timedelta(days=400)


@dataclass(frozen=True)
class Instance:
    """One occurrence: where the series put it (``original``) and where it is now."""

    original: Time
    start: Time
    end: Time
    component: Any  # the VEVENT its title, status and class come from


def instant(value: Time, tz: ZoneInfo) -> datetime:
    """An aware UTC datetime. Floating times are read in the site's zone, and a date is its
    local midnight there (an all-day DTEND is exclusive, so that is where the day ends)."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=tz)
        return aware.astimezone(UTC)
    return datetime.combine(value, time.min, tzinfo=tz).astimezone(UTC)


def span(component: Any) -> tuple[Time, Time]:
    """(start, end) of a component as written: DTEND, or DTSTART + DURATION, or the default
    (a day for an all-day event, nothing for a timed one)."""
    start: Time = component["DTSTART"].dt
    if component.get("DTEND") is not None:
        return start, component["DTEND"].dt
    if component.get("DURATION") is not None:
        return start, start + component["DURATION"].dt
    if isinstance(start, datetime):
        return start, start
    return start, start + timedelta(days=1)


def expand(
    components: Sequence[Any],
    *,
    start: datetime,
    end: datetime,
    tz: ZoneInfo,
    excluded: set[datetime],
) -> list[Instance]:
    """The occurrences of one UID's ``components`` that may touch ``start``..``end``.

    ``excluded`` holds original starts (as UTC instants) of occurrences to leave out: broken
    overrides and broken RDATE periods, reported by the caller. The result may reach a little
    outside the window; the caller clips it.
    """
    masters = [c for c in components if c.get("RECURRENCE-ID") is None]
    overrides = [c for c in components if c.get("RECURRENCE-ID") is not None]
    if not masters:
        return _lone(overrides, start=start, end=end, tz=tz, excluded=excluded)
    master = _latest(masters)
    if not overrides and not any(name in master for name in ("RRULE", "RDATE", "EXDATE")):
        start_value = master["DTSTART"].dt  # a one-off event, most of any feed: no library
        return [Instance(start_value, *span(master), master)]
    exact: dict[datetime, Any] = {}
    by_day: dict[date, Any] = {}  # date RECURRENCE-IDs of a timed series (rare exporters)
    for override in overrides:
        rid = override["RECURRENCE-ID"].dt
        key = instant(rid, tz)
        exact[key] = _latest([exact[key], override]) if key in exact else override
        if not isinstance(rid, datetime):
            by_day[rid] = exact[key]
    future = _ranged(overrides, "THISANDFUTURE", tz)
    prior = _ranged(overrides, "THISANDPRIOR", tz)
    pad = _padding(overrides, tz)
    found: list[Instance] = []
    used: set[int] = set()
    for base in _rule_instances(master, start - pad, end + pad):
        original = base.original
        at = instant(original, tz)
        if at in excluded:
            continue
        day = _local_day(original, tz)
        override = exact.get(at) or (by_day.get(day) if isinstance(original, datetime) else None)
        if override is not None:
            used.add(id(override))
            found.append(Instance(original, *span(override), override))
            continue
        ranged = _before(future, at) or _after(prior, at)
        found.append(_shifted(base, ranged, tz) if ranged is not None else base)
    skipped_days, skipped_times = _exdates(master, tz)
    for override in overrides:
        rid = override["RECURRENCE-ID"].dt
        at = instant(rid, tz)
        day = _local_day(rid, tz)
        if id(override) in used or at in excluded or at in skipped_times or day in skipped_days:
            continue
        # Its slot is not in the series as expanded (outside the padded window, or the rule
        # changed since): it still stands for itself.
        if override is exact.get(at):
            found.append(Instance(rid, *span(override), override))
    return found


def _lone(
    overrides: Sequence[Any],
    *,
    start: datetime,
    end: datetime,
    tz: ZoneInfo,
    excluded: set[datetime],
) -> list[Instance]:
    """Overrides without their master: each stands for its own slot, and its own RRULE or
    RDATEs (which the library ignores on an override) add the further occurrences it names."""
    found: list[Instance] = []
    for override in overrides:
        rid = override["RECURRENCE-ID"].dt
        own_start = override["DTSTART"].dt
        if instant(rid, tz) not in excluded:
            found.append(Instance(rid, *span(override), override))
        if "RRULE" not in override and "RDATE" not in override:
            continue
        series = override.copy()
        del series["RECURRENCE-ID"]
        for base in _rule_instances(series, start - timedelta(days=1), end + timedelta(days=1)):
            if instant(base.original, tz) == instant(own_start, tz):
                continue  # the override's own slot, added above under its RECURRENCE-ID
            if instant(base.original, tz) not in excluded:
                found.append(Instance(base.original, base.start, base.end, override))
    return found


def _rule_instances(master: Any, start: datetime, end: datetime) -> Iterable[Instance]:
    """The series as its own rules make it, through the recurrence library."""
    import icalendar
    import recurring_ical_events

    _drop_backward_periods(master)
    _dates_at_start_time(master)
    if not isinstance(master.get("SEQUENCE", 0), int):  # given twice, or not a number
        master["SEQUENCE"] = _sequence(master)
    calendar = icalendar.Calendar()
    calendar.add_component(master)
    for component in recurring_ical_events.of(calendar).between(start, end):
        occurrence_start = component["DTSTART"].dt
        occurrence_end = component["DTEND"].dt if "DTEND" in component else occurrence_start
        yield Instance(occurrence_start, occurrence_start, occurrence_end, master)


def _drop_backward_periods(component: Any) -> None:
    """Remove RDATE periods that end before they start (reported by the caller): the library
    refuses the whole series over one of them."""
    values = component.get("RDATE") or []
    for prop in values if isinstance(values, list) else [values]:
        prop.dts[:] = [item for item in prop.dts if not _backward(item.dt)]


def _dates_at_start_time(component: Any) -> None:
    """An RDATE;VALUE=DATE in a timed series (Notes writes these) is that day at the series'
    own time of day, not midnight: a 10.00 meeting on the 23rd, not 00.00-01.00."""
    start = component["DTSTART"].dt
    if not isinstance(start, datetime):
        return
    values = component.get("RDATE") or []
    for prop in values if isinstance(values, list) else [values]:
        for item in prop.dts:
            if isinstance(item.dt, date) and not isinstance(item.dt, datetime):
                item.dt = datetime.combine(item.dt, start.time(), tzinfo=start.tzinfo)


def _backward(value: Any) -> bool:
    if not isinstance(value, tuple):
        return False
    begins, ends = value
    if isinstance(ends, timedelta):
        return ends < timedelta(0)
    if isinstance(begins, datetime) != isinstance(ends, datetime):
        return False
    try:
        return bool(ends < begins)
    except TypeError:  # naive against aware: let the library decide
        return False


def _shifted(base: Instance, override: Any, tz: ZoneInfo) -> Instance:
    """``base`` moved the way a RANGE override moved its own occurrence (RFC 5545 3.2.13):
    by the same time difference, with the override's duration and properties."""
    rid: Time = override["RECURRENCE-ID"].dt
    new_start, new_end = span(override)
    if type(rid) is type(new_start) is type(base.start) and _same_zone(rid, new_start):
        # Same kind, same zone: wall-clock arithmetic, so 10.00 stays 10.00 across DST.
        start = base.start + (new_start - rid)
        return Instance(base.original, start, start + (new_end - new_start), override)  # type: ignore[operator]
    shift = instant(new_start, tz) - instant(rid, tz)
    moved = instant(base.start, tz) + shift
    return Instance(
        base.original, moved, moved + (instant(new_end, tz) - instant(new_start, tz)), override
    )


def _local_day(value: Time, tz: ZoneInfo) -> date:
    return instant(value, tz).astimezone(tz).date() if isinstance(value, datetime) else value


def _same_zone(a: Time, b: Time) -> bool:
    return not isinstance(a, datetime) or (isinstance(b, datetime) and a.tzinfo is b.tzinfo)


def _ranged(overrides: Sequence[Any], kind: str, tz: ZoneInfo) -> list[tuple[datetime, Any]]:
    found = [
        (instant(o["RECURRENCE-ID"].dt, tz), o)
        for o in overrides
        if str(o["RECURRENCE-ID"].params.get("RANGE", "")).upper() == kind
    ]
    return sorted(found, key=lambda pair: pair[0])


def _before(ranged: list[tuple[datetime, Any]], at: datetime) -> Any:
    """The latest THISANDFUTURE override that starts before ``at``."""
    index = bisect.bisect_left([rid for rid, _ in ranged], at)
    return ranged[index - 1][1] if index > 0 else None


def _after(ranged: list[tuple[datetime, Any]], at: datetime) -> Any:
    """The earliest THISANDPRIOR override (RFC 2445) that starts after ``at``."""
    index = bisect.bisect_right([rid for rid, _ in ranged], at)
    return ranged[index][1] if index < len(ranged) else None


def _padding(overrides: Sequence[Any], tz: ZoneInfo) -> timedelta:
    """How far outside the window an occurrence can start and still be moved into it.

    At most :data:`MAX_PADDING`: an override that claims to move a meeting by decades would
    otherwise make an hourly rule expand over all of them. An override moved further than
    that still stands for itself (see the end of :func:`expand`).
    """
    pad = timedelta(days=1)
    for override in overrides:
        own_start, own_end = span(override)
        moved = abs(instant(own_start, tz) - instant(override["RECURRENCE-ID"].dt, tz))
        length = abs(instant(own_end, tz) - instant(own_start, tz))
        pad = max(pad, moved + length + timedelta(days=1))
    return min(pad, MAX_PADDING)


def _exdates(master: Any, tz: ZoneInfo) -> tuple[set[date], set[datetime]]:
    days: set[date] = set()
    times: set[datetime] = set()
    values = master.get("EXDATE") or []
    for prop in values if isinstance(values, list) else [values]:
        for item in prop.dts:
            if isinstance(item.dt, datetime):
                times.add(instant(item.dt, tz))
            elif isinstance(item.dt, date):
                days.add(item.dt)
    return days, times


def _latest(components: Sequence[Any]) -> Any:
    """The component with the highest SEQUENCE; the first of equals, as the library does."""
    best = components[0]
    for component in components[1:]:
        if _sequence(component) > _sequence(best):
            best = component
    return best


def _sequence(component: Any) -> int:
    values = component.get("SEQUENCE", 0)
    numbers = [v for v in (values if isinstance(values, list) else [values]) if isinstance(v, int)]
    return max(numbers, default=0)
