"""The numbers behind the usage report, read from the central store with SQLAlchemy Core.

Queries fetch plain rows of one period; the bucketing into local days, weekdays and hours, and
the counting of distinct people, happen here in Python with ``zoneinfo``, so SQLite and
PostgreSQL give the same figures and a day is a day in Helsinki, DST switches included.
Only aggregates leave this module: no names, no ids of people (event titles are shown).

Definitions (also printed at the end of the report, see ``texts.py``):

- a *visit* is a check-in "in" of a member (a person with the role ``member``) or a visitor on a
  local day; a person counts once per day, at their first arrival. Hosts and admins are staff
  and do not count. A visitor is known by their visitor record, else by their invitation, else
  the check-in counts alone.
- *booked hours* of a room: bookings that held the room (confirmed, provisional, or released as
  a no-show), clipped to the opening hours; *used hours*: those someone checked in to at the
  door, from start to (possibly shortened) end, clipped the same way.
- an event belongs to the period when it starts in it; its *check-ins* are the distinct people
  with a check-in "in" naming the event; *tickets* are its event-ticket invitations not
  withdrawn.
- feedback counts each answer (faces 1-4) by the local ISO week (or month) and by where it
  was given.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kiosk.base.timeutil import as_utc
from kiosk.report.intervals import Interval, clip, length_hours, union
from kiosk.report.period import OpeningHours, Period
from kiosk.store.models import Booking, Checkin, Event, Feedback, Invitation, Person, Room, table_of

BOOKED_STATUSES = ("confirmed", "provisional", "released")
SCORES = (1, 2, 3, 4)
CONTEXTS = ("home", "checkout", "event")


@dataclass(frozen=True)
class DayVisits:
    day: date
    members: int
    visitors: int

    @property
    def total(self) -> int:
        return self.members + self.visitors


@dataclass(frozen=True)
class RoomUse:
    room_id: str
    name: str
    open_hours: float
    booked_hours: float
    used_hours: float
    bookings: int  # bookings that held the room within the period
    checked_in: int  # of which someone checked in

    def share(self, hours: float) -> float:
        return hours / self.open_hours if self.open_hours else 0.0


@dataclass(frozen=True)
class EventAttendance:
    title: str
    starts_at: datetime
    capacity: int | None
    tickets: int
    checkins: int


@dataclass(frozen=True)
class FeedbackCounts:
    """Answers per face (index 0 is face 1) for one week or one context."""

    label: str  # ISO week "2026-W44", month "2026-10" or a context name
    counts: tuple[int, int, int, int]
    comments: int

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Report:
    period: Period
    opening: OpeningHours
    generated_at: datetime
    visits: list[DayVisits]
    heatmap: list[list[int]]  # [weekday 0=Mon][hour 0-23] first arrivals
    rooms: list[RoomUse]
    events: list[EventAttendance]
    feedback_weeks: list[FeedbackCounts]
    feedback_months: list[FeedbackCounts] = field(default_factory=list)
    feedback_contexts: list[FeedbackCounts] = field(default_factory=list)

    @property
    def total_visits(self) -> int:
        return sum(d.total for d in self.visits)

    @property
    def feedback_total(self) -> int:
        return sum(w.total for w in self.feedback_weeks)

    @property
    def comments(self) -> int:
        return sum(w.comments for w in self.feedback_weeks)

    def is_empty(self) -> bool:
        """Nothing happened: no visit, no booking, no event, no feedback."""
        return not (
            self.total_visits
            or any(r.bookings for r in self.rooms)
            or self.events
            or self.feedback_total
        )

    def as_json(self) -> dict[str, Any]:
        """Every number behind the charts, with the definitions' parameters."""
        tz = self.period.tz
        return {
            "from": self.period.first.isoformat(),
            "to": self.period.last.isoformat(),
            "timezone": tz.key,
            "opening_hours": self.opening.describe(),
            "generated_at": self.generated_at.astimezone(tz).isoformat(),
            "visits": {
                "total": self.total_visits,
                "members": sum(d.members for d in self.visits),
                "visitors": sum(d.visitors for d in self.visits),
                "per_day": [
                    {
                        "date": d.day.isoformat(),
                        "members": d.members,
                        "visitors": d.visitors,
                        "total": d.total,
                    }
                    for d in self.visits
                ],
            },
            "arrivals_by_weekday_hour": {
                day: row for day, row in zip(WEEKDAY_KEYS, self.heatmap, strict=True)
            },
            "rooms": [
                {
                    "room": r.room_id,
                    "name": r.name,
                    "open_hours": round(r.open_hours, 2),
                    "booked_hours": round(r.booked_hours, 2),
                    "used_hours": round(r.used_hours, 2),
                    "booked_share": round(r.share(r.booked_hours), 4),
                    "used_share": round(r.share(r.used_hours), 4),
                    "bookings": r.bookings,
                    "checked_in_bookings": r.checked_in,
                }
                for r in self.rooms
            ],
            "events": [
                {
                    "title": e.title,
                    "starts_at": e.starts_at.astimezone(tz).isoformat(),
                    "capacity": e.capacity,
                    "tickets": e.tickets,
                    "checkins": e.checkins,
                }
                for e in self.events
            ],
            "feedback": {
                "answers": self.feedback_total,
                "comments": self.comments,
                "per_week": [_feedback_json(w) for w in self.feedback_weeks],
                "per_month": [_feedback_json(m) for m in self.feedback_months],
                "per_context": [_feedback_json(c) for c in self.feedback_contexts],
            },
        }


WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _feedback_json(f: FeedbackCounts) -> dict[str, Any]:
    return {
        "label": f.label,
        **{f"score_{s}": n for s, n in zip(SCORES, f.counts, strict=True)},
        "total": f.total,
        "comments": f.comments,
    }


def collect(conn: Connection, period: Period, opening: OpeningHours, now: datetime) -> Report:
    """Read the period from the central store and count everything the report shows."""
    visits, heatmap = _visits(conn, period)
    feedback = _feedback(conn, period)
    return Report(
        period=period,
        opening=opening,
        generated_at=now,
        visits=visits,
        heatmap=heatmap,
        rooms=_rooms(conn, period, opening),
        events=_events(conn, period),
        feedback_weeks=feedback["week"],
        feedback_months=feedback["month"],
        feedback_contexts=feedback["context"],
    )


def _person_key(
    person_id: uuid.UUID | None,
    visitor_id: uuid.UUID | None,
    invitation_id: uuid.UUID | None,
    checkin_id: uuid.UUID,
) -> tuple[str, uuid.UUID]:
    """Who a check-in is for, as well as the store knows it (see the module's definitions)."""
    if person_id is not None:
        return ("p", person_id)
    if visitor_id is not None:
        return ("v", visitor_id)
    if invitation_id is not None:
        return ("i", invitation_id)
    return ("c", checkin_id)


def _checkins_in(conn: Connection, period: Period) -> Any:
    c = table_of(Checkin).c
    people, invitations = table_of(Person), table_of(Invitation)
    query = (
        select(
            c.id,
            c.at,
            c.person_id,
            people.c.role,
            func.coalesce(c.visitor_id, invitations.c.visitor_id).label("visitor_id"),
            c.invitation_id,
            c.event_id,
        )
        .select_from(table_of(Checkin))
        .outerjoin(people, people.c.id == c.person_id)
        .outerjoin(invitations, invitations.c.id == c.invitation_id)
        .where(c.direction == "in", c.at >= period.start, c.at < period.end)
        .order_by(c.at, c.id)
    )
    return conn.execute(query).all()


def _visits(conn: Connection, period: Period) -> tuple[list[DayVisits], list[list[int]]]:
    first_arrival: dict[tuple[date, tuple[str, uuid.UUID]], datetime] = {}
    for r in _checkins_in(conn, period):
        if r.person_id is not None and r.role != "member":
            continue  # hosts and admins are staff at work, not visits
        at = as_utc(r.at).astimezone(period.tz)
        key = (at.date(), _person_key(r.person_id, r.visitor_id, r.invitation_id, r.id))
        first_arrival.setdefault(key, at)  # rows come oldest first
    members: dict[date, int] = defaultdict(int)
    visitors: dict[date, int] = defaultdict(int)
    heatmap = [[0] * 24 for _ in range(7)]
    for (day, (kind, _id)), at in first_arrival.items():
        (members if kind == "p" else visitors)[day] += 1
        heatmap[at.weekday()][at.hour] += 1
    days = [DayVisits(d, members[d], visitors[d]) for d in period.days()]
    return days, heatmap


def _rooms(conn: Connection, period: Period, opening: OpeningHours) -> list[RoomUse]:
    rooms, bk = table_of(Room), table_of(Booking).c
    windows = [w for d in period.days() if (w := opening.window(d, period.tz)) is not None]
    open_hours = length_hours(windows)
    booked: dict[str, list[Interval]] = defaultdict(list)
    used: dict[str, list[Interval]] = defaultdict(list)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = conn.execute(
        select(bk.room_id, bk.starts_at, bk.ends_at, bk.checked_in_at).where(
            bk.status.in_(BOOKED_STATUSES),
            bk.starts_at < period.end,
            bk.ends_at > period.start,
        )
    )
    for r in rows:
        span = (as_utc(r.starts_at), as_utc(r.ends_at))
        booked[r.room_id].append(span)
        counts[r.room_id][0] += 1
        if r.checked_in_at is not None:
            used[r.room_id].append(span)
            counts[r.room_id][1] += 1
    result = []
    for room in conn.execute(select(rooms.c.id, rooms.c.name).order_by(rooms.c.name)):
        result.append(
            RoomUse(
                room_id=room.id,
                name=room.name,
                open_hours=open_hours,
                booked_hours=length_hours(clip(union(booked[room.id]), windows)),
                used_hours=length_hours(clip(union(used[room.id]), windows)),
                bookings=counts[room.id][0],
                checked_in=counts[room.id][1],
            )
        )
    return result


def _events(conn: Connection, period: Period) -> list[EventAttendance]:
    ev, inv, c = table_of(Event).c, table_of(Invitation).c, table_of(Checkin).c
    events = conn.execute(
        select(ev.id, ev.title, ev.starts_at, ev.capacity)
        .where(ev.starts_at >= period.start, ev.starts_at < period.end)
        .order_by(ev.starts_at, ev.id)
    ).all()
    if not events:
        return []
    ids = [e.id for e in events]
    tickets: dict[uuid.UUID, int] = {
        event_id: int(count)
        for event_id, count in conn.execute(
            select(inv.event_id, func.count())
            .where(inv.kind == "event-ticket", inv.event_id.in_(ids), inv.revoked_at.is_(None))
            .group_by(inv.event_id)
        )
    }
    invitations = table_of(Invitation)
    attendees: dict[uuid.UUID, set[tuple[str, uuid.UUID]]] = defaultdict(set)
    rows = conn.execute(
        select(
            c.id,
            c.event_id,
            c.person_id,
            func.coalesce(c.visitor_id, invitations.c.visitor_id).label("visitor_id"),
            c.invitation_id,
        )
        .select_from(table_of(Checkin))
        .outerjoin(invitations, invitations.c.id == c.invitation_id)
        .where(c.direction == "in", c.event_id.in_(ids))
    )
    for r in rows:
        attendees[r.event_id].add(_person_key(r.person_id, r.visitor_id, r.invitation_id, r.id))
    return [
        EventAttendance(
            title=e.title,
            starts_at=as_utc(e.starts_at),
            capacity=e.capacity,
            tickets=int(tickets.get(e.id, 0)),
            checkins=len(attendees[e.id]),
        )
        for e in events
    ]


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _feedback(conn: Connection, period: Period) -> dict[str, list[FeedbackCounts]]:
    """Answers per local ISO week, per local month and per context, from one query."""
    f = table_of(Feedback).c
    rows = conn.execute(
        select(f.at, f.score, f.comment, f.context).where(f.at >= period.start, f.at < period.end)
    ).all()
    days = list(period.days())
    buckets: dict[str, dict[str, list[int]]] = {
        "week": {iso_week(d): [0] * 5 for d in days},  # four faces, then comments
        "month": {f"{d:%Y-%m}": [0] * 5 for d in days},
        "context": {c: [0] * 5 for c in CONTEXTS},
    }
    for r in rows:
        if r.score not in SCORES:
            continue  # the table's check refuses these; never let one skew a chart
        day = as_utc(r.at).astimezone(period.tz).date()
        for kind, label in (
            ("week", iso_week(day)),
            ("month", f"{day:%Y-%m}"),
            ("context", r.context),
        ):
            counts = buckets[kind].setdefault(label, [0] * 5)
            counts[r.score - 1] += 1
            if r.comment and r.comment.strip():
                counts[4] += 1
    return {
        kind: [FeedbackCounts(label, (c[0], c[1], c[2], c[3]), c[4]) for label, c in rows_.items()]
        for kind, rows_ in buckets.items()
    }


def week_start(label: str) -> date:
    """The Monday of an ISO week label like ``2026-W44``."""
    year, week = label.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)
