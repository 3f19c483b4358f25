"""iCalendar feeds -> the room bookings they mean, for one window of dates.

Room calendars come from Exchange/Outlook, Google, Nextcloud, Apple, Notes and friends as ICS
files or URLs. A series' own rules are expanded by ``recurring-ical-events`` (RRULE, RDATE in
all its forms, EXDATE, time zones across DST changes) rather than by hand; overrides
(RECURRENCE-ID, with or without RANGE) are applied in :mod:`kiosk.rooms.ics_series`, which
keeps each occurrence's own original start. Time zone names, IANA or the Windows names Outlook
writes ("FLE Standard Time"), are resolved by ``icalendar`` itself.

What this module adds is the room's point of view:

- each occurrence gets a stable key (UID, plus the original start for a recurring series) so a
  re-import updates the booking it made before instead of adding a second one;
- floating times and all-day dates are read in the site's zone (a whole local day), or in the
  calendar's X-WR-TIMEZONE when it names one;
- cancelled events and occurrences, and events that do not block time, are not bookings;
- the title of a private or confidential event is not kept: it would reach every door display;
- an event that contradicts itself (it ends before it starts) is skipped and reported, and
  the rest of the feed still counts.

Nothing here touches a store: a malformed feed raises :class:`FeedError` before any write,
with a message that names the line and never quotes the file.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.rooms.ics_attendees import People, people_of
from kiosk.rooms.ics_checks import Problem, check_event, where
from kiosk.rooms.ics_lines import NOT_ICS, EventLines, FeedError, Layout, scan
from kiosk.rooms.ics_series import Instance, expand, instant

__all__ = ["Feed", "FeedError", "Occurrence", "SkippedEvent", "parse_feed", "parse_ics"]

PRIVATE_TITLE = "—"  # what a private event's booking is called (the door says "Varattu")
_MAX_UID = 300  # external_uid holds 500 characters: the UID plus a timestamp must fit
_PRIVATE_CLASSES = frozenset({"PRIVATE", "CONFIDENTIAL"})
MAX_OCCURRENCES = 20_000


@dataclass(frozen=True)
class Occurrence:
    """One time a room is taken according to a feed. Times are aware, in UTC."""

    key: str
    title: str
    starts_at: datetime
    ends_at: datetime
    private: bool
    # Organiser and attendees, read only when asked (a feed that invites its attendees).
    people: People | None = None


@dataclass(frozen=True)
class SkippedEvent:
    """An event (or one occurrence of it) left out of the import, and why.

    ``key`` is the booking key, or with ``series`` the key prefix of a whole series, whose
    earlier bookings the import leaves as they are: a broken edit in the calendar should not
    cancel a meeting. ``uid`` and ``line`` tell the admin where to look; ``reason`` never
    quotes the file.
    """

    uid: str
    line: int
    reason: str
    key: str
    series: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"uid": self.uid, "line": self.line, "reason": self.reason}

    def __str__(self) -> str:
        return f"event {self.uid!r} ({where(self.line)}): {self.reason}"


@dataclass
class Feed:
    occurrences: list[Occurrence] = field(default_factory=list)
    skipped: list[SkippedEvent] = field(default_factory=list)


def parse_ics(data: bytes, *, start: datetime, end: datetime, tz: ZoneInfo) -> list[Occurrence]:
    """The bookings of :func:`parse_feed`, without the report of skipped events."""
    return parse_feed(data, start=start, end=end, tz=tz).occurrences


def parse_feed(
    data: bytes, *, start: datetime, end: datetime, tz: ZoneInfo, attendees: bool = False
) -> Feed:
    """The bookings ``data`` (an ICS file) makes between ``start`` and ``end``, sorted by start,
    and the events it skipped.

    ``tz`` is the site's zone: floating times and all-day dates are read in it. With
    ``attendees`` each occurrence also carries its organiser and (bounded) attendees. Raises
    :class:`FeedError` when the feed is not a usable calendar.
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("the window must be timezone-aware")
    layout = scan(data)
    calendar = _calendar(layout)
    events = calendar.walk("VEVENT")
    lines = layout.events if len(layout.events) == len(events) else [EventLines(0)] * len(events)
    problems = [check_event(event, at, tz) for event, at in zip(events, lines, strict=True)]
    recurring = {_uid(e) for e in events if "RRULE" in e or "RDATE" in e or "RECURRENCE-ID" in e}
    events = _standard(calendar, events)
    feed = Feed()
    groups: dict[str, list[int]] = {}
    for index, event in enumerate(events):
        groups.setdefault(_uid(event), []).append(index)
    found: dict[str, Occurrence] = {}
    # One reading per component: a series' occurrences share their master's attendees.
    people: dict[int, People] | None = {} if attendees else None
    count = 0
    for uid, indexes in groups.items():
        kept, excluded = _triage(uid, indexes, events, lines, problems, uid in recurring, tz, feed)
        if not kept:
            continue
        try:
            instances = expand(kept, start=start, end=end, tz=tz, excluded=excluded)
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
            # Whatever else a broken event trips over is still a broken feed: one line that
            # names it, never the library's own words (they may quote the file).
            line = lines[indexes[0]].begin
            message = (
                f"{where(line)}: the times of this event (DTSTART, RRULE, RDATE, EXDATE)"
                " do not fit together"
            )
            raise FeedError(message) from None
        count += len(instances)
        if count > MAX_OCCURRENCES:
            raise FeedError(f"more than {MAX_OCCURRENCES} occurrences: import fewer days")
        for instance in instances:
            occurrence = _occurrence(instance, uid, uid in recurring, tz, people)
            if occurrence and occurrence.ends_at > start and occurrence.starts_at < end:
                found.setdefault(occurrence.key, occurrence)
    feed.occurrences = sorted(found.values(), key=lambda o: (o.starts_at, o.key))
    return feed


def _calendar(layout: Layout) -> Any:
    import icalendar

    try:
        with warnings.catch_warnings():
            # Vendor-prefixed TZIDs are guessed with a warning; the guess is what we want.
            warnings.simplefilter("ignore")
            calendar = icalendar.Calendar.from_ical(layout.text)
    except (ValueError, IndexError, KeyError, TypeError, AttributeError):
        # The line scan passed, so the trouble is inside a value; icalendar's message would
        # quote it.
        where_ = layout.first_unreadable()
        raise FeedError(f"{NOT_ICS}: {where_} cannot be read") from None
    if getattr(calendar, "name", None) != "VCALENDAR":
        raise FeedError(f"{NOT_ICS}: no VCALENDAR in it")
    return calendar


def _standard(calendar: Any, events: list[Any]) -> list[Any]:
    """The events with X-WR-TIMEZONE applied (Google, Apple): floating and UTC times are read
    in the calendar's own zone, as the recurrence library would do for a whole calendar.

    Done here rather than with the library's ``x_wr_timezone`` helper, which drops the RANGE
    of a RECURRENCE-ID and takes a VTIMEZONE without TZNAME (Notes writes them) for floating.
    """
    name = " ".join(str(calendar.get("X-WR-TIMEZONE", "")).split())
    if not name:
        return events
    try:
        zone = ZoneInfo(name)
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return events  # a zone nobody knows: read the times as they are written
    for event in events:
        for prop_name in ("DTSTART", "DTEND", "RECURRENCE-ID", "RDATE", "EXDATE"):
            values = event.get(prop_name)
            for prop in values if isinstance(values, list) else [values]:
                for item in (
                    prop.dts if hasattr(prop, "dts") else [prop] if prop is not None else []
                ):
                    item.dt = _in_zone(item.dt, zone)
    return events


def _in_zone(value: Any, zone: ZoneInfo) -> Any:
    if isinstance(value, tuple):  # an RDATE period: (start, end or duration)
        return tuple(_in_zone(part, zone) for part in value)
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    if value.utcoffset() == timedelta(0) and value.tzname() == "UTC":
        return value.astimezone(zone)
    return value


def _triage(
    uid: str,
    indexes: Sequence[int],
    events: Sequence[Any],
    lines: Sequence[EventLines],
    problems: Sequence[list[Problem]],
    recurring: bool,
    tz: ZoneInfo,
    feed: Feed,
) -> tuple[list[Any], set[datetime]]:
    """The components of one UID that can be expanded, and the original starts to leave out.

    A broken series (its master contradicts itself) is skipped whole; a broken override or
    RDATE period skips that one occurrence.
    """
    kept: list[Any] = []
    excluded: set[datetime] = set()
    broken = False
    for index in indexes:
        event = events[index]
        rid = event.get("RECURRENCE-ID")
        whole = False
        for problem in problems[index]:
            original = problem.original if problem.original is not None else rid and rid.dt
            series = False
            if original is None:
                key, broken = _key(uid), True  # the series itself contradicts itself
                series = recurring
            else:
                key = _occurrence_key(uid, original, tz) if recurring else _key(uid)
                excluded.add(instant(original, tz))
            whole = whole or problem.original is None
            feed.skipped.append(
                SkippedEvent(_shown(uid), problem.line, problem.reason, key, series)
            )
        if not whole:
            kept.append(event)
    return ([], set()) if broken else (kept, excluded)


def _occurrence(
    instance: Instance,
    uid: str,
    recurring: bool,
    tz: ZoneInfo,
    people: dict[int, People] | None = None,
) -> Occurrence | None:
    component = instance.component
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return None
    if str(component.get("TRANSP", "")).upper() == "TRANSPARENT":
        return None  # marked "free" in the calendar: it does not take the room
    starts_at, ends_at = instant(instance.start, tz), instant(instance.end, tz)
    if not isinstance(instance.start, datetime) and ends_at <= starts_at:
        ends_at = instant(instance.start + timedelta(days=1), tz)  # an all-day event: its day
    if ends_at <= starts_at:
        return None  # a moment, not a stretch of time: nothing to book
    private = str(component.get("CLASS", "PUBLIC")).upper() in _PRIVATE_CLASSES
    title = PRIVATE_TITLE if private else " ".join(str(component.get("SUMMARY", "")).split())
    key = _occurrence_key(uid, instance.original, tz) if recurring else _key(uid)
    who = None
    if people is not None:
        who = people.get(id(component))
        if who is None:
            who = people[id(component)] = people_of(component)
    return Occurrence(key, title[:300] or PRIVATE_TITLE, starts_at, ends_at, private, who)


def _occurrence_key(uid: str, original: date | datetime, tz: ZoneInfo) -> str:
    """UID and original start: the same occurrence, however often it moves."""
    if isinstance(original, datetime):
        return f"{_key(uid)}/{instant(original, tz).strftime('%Y%m%dT%H%M%SZ')}"
    return f"{_key(uid)}/{original.strftime('%Y%m%d')}"


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


def _shown(uid: str) -> str:
    """The UID as an admin's terminal may print it: printable, and not a screenful."""
    text = "".join(c if c.isprintable() else "?" for c in uid)
    return text if len(text) <= 120 else text[:117] + "..."
