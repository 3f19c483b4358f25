"""What the staff console reads: the day's visitors, hosts, rooms and their week, events,
the fleet and feedback — built from the same queries the admin CLI and the kiosks use.

Plain functions on a connection, each returning :mod:`kiosk.console.models` values.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.engine import Connection, Row

from kiosk.base.errors import NotFound
from kiosk.base.timeutil import as_utc
from kiosk.console.models import (
    BookingInfo,
    EventCounter,
    EventSummary,
    ExpectedVisitor,
    FeedbackItem,
    FleetRow,
    Host,
    LocalText,
    PersonInside,
    ReaderState,
    RoomInfo,
    TodayView,
)
from kiosk.events.manage import get_event, list_events
from kiosk.lab.feedback import list_feedback
from kiosk.lobby.presence import who_is_in
from kiosk.rooms.modes import room_states
from kiosk.security.host_auth import HOST_ROLES
from kiosk.store.models import Booking, Checkin, Event, Invitation, Person, Room, Visitor, table_of
from kiosk.sync.fleet import fleet

_inv, _vis, _people = table_of(Invitation), table_of(Visitor), table_of(Person)
_checkins, _bookings, _rooms, _events = (
    table_of(Checkin),
    table_of(Booking),
    table_of(Room),
    table_of(Event),
)
EVENTS_BACK = timedelta(days=7)  # finished events stay listed this long (their feedback, counts)


def day_bounds(day: date, tz: ZoneInfo, days: int = 1) -> tuple[datetime, datetime]:
    """``day`` (and the ``days - 1`` after it) in the site's zone, as UTC instants."""
    start = datetime.combine(day, time(), tz)
    end = datetime.combine(day + timedelta(days=days), time(), tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def today(conn: Connection, day: date, tz: ZoneInfo) -> TodayView:
    """Visitor invitations valid during ``day`` and where each visitor is, plus who is in."""
    start, end = day_bounds(day, tz)
    host = _people.alias("host")
    rows = conn.execute(
        select(
            _inv.c.id,
            _inv.c.revoked_at,
            _vis.c.name,
            _vis.c.organisation,
            host.c.name.label("host"),
        )
        .join(_vis, _vis.c.id == _inv.c.visitor_id)
        .outerjoin(host, host.c.id == _vis.c.host_id)
        .where(
            _inv.c.kind == "visitor",
            _inv.c.valid_from < end,
            _inv.c.valid_to > start,
            _vis.c.anonymised_at.is_(None),
        )
        .order_by(_vis.c.name, _inv.c.id)
    ).all()
    latest = _latest_checkins(conn, [r.id for r in rows])
    expected = []
    for r in rows:
        first_in, last = latest.get(r.id, (None, None))
        if r.revoked_at is not None:
            status = "revoked"
        elif last is None:
            status = "expected"
        else:
            status = "inside" if last == "in" else "left"
        expected.append(ExpectedVisitor(r.id, r.name, r.organisation, r.host, status, first_in))
    inside = tuple(
        PersonInside(p.name, p.kind, p.organisation, p.checked_in_at) for p in who_is_in(conn)
    )
    return TodayView(day, tuple(expected), inside)


def _latest_checkins(
    conn: Connection, invitation_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[datetime | None, str | None]]:
    """Per invitation: its first check-in time, and the direction of its latest event."""
    out: dict[uuid.UUID, tuple[datetime | None, str | None]] = {}
    if not invitation_ids:
        return out
    c = _checkins.c
    rows = conn.execute(
        select(c.invitation_id, c.direction, c.at)
        .where(c.invitation_id.in_(invitation_ids))
        .order_by(c.at, c.id)
    )
    for r in rows:
        first_in, _last = out.get(r.invitation_id, (None, None))
        if first_in is None and r.direction == "in":
            first_in = as_utc(r.at)
        out[r.invitation_id] = (first_in, r.direction)
    return out


def hosts(conn: Connection) -> tuple[Host, ...]:
    rows = conn.execute(
        select(_people.c.id, _people.c.name)
        .where(_people.c.role.in_(HOST_ROLES), _people.c.active.is_(True))
        .order_by(_people.c.name, _people.c.id)
    )
    return tuple(Host(r.id, r.name) for r in rows)


def local_text(row: Row[Any] | Any, column: str) -> LocalText:
    """An event's text in fi/sv/en from ``column`` and its ``_sv``/``_en`` siblings."""
    m = row._mapping
    return LocalText(m[column] or "", m.get(f"{column}_sv") or "", m.get(f"{column}_en") or "")


def events(conn: Connection, now: datetime) -> tuple[EventSummary, ...]:
    """Events not over, and those over within :data:`EVENTS_BACK`, soonest first."""
    extra = {
        r.id: r for r in conn.execute(select(_events).where(_events.c.ends_at > now - EVENTS_BACK))
    }
    return tuple(
        _summary(extra[e.id], e.tickets, e.checked_in) for e in list_events(conn) if e.id in extra
    )


def event(conn: Connection, event_id: uuid.UUID) -> EventSummary:
    info = get_event(conn, event_id)
    row = conn.execute(select(_events).where(_events.c.id == event_id)).one()
    return _summary(row, info.tickets, info.checked_in)


def _summary(row: Row[Any], tickets: int, checked_in: int) -> EventSummary:
    return EventSummary(
        row.id,
        local_text(row, "title"),
        local_text(row, "description"),
        row.room_id,
        as_utc(row.starts_at),
        as_utc(row.ends_at),
        row.capacity,
        bool(row.allow_walkins),
        row.online_url,
        tickets,
        checked_in,
    )


def counter(conn: Connection, event_id: uuid.UUID) -> EventCounter:
    info = get_event(conn, event_id)
    return EventCounter(event_id, info.checked_in, info.tickets, info.walkins, info.capacity)


def rooms(conn: Connection, now: datetime) -> tuple[RoomInfo, ...]:
    return tuple(
        RoomInfo(s.room_id, s.room_name, s.mode, s.title, s.until) for s in room_states(conn, now)
    )


def week(conn: Connection, room_id: str, monday: date, tz: ZoneInfo) -> tuple[BookingInfo, ...]:
    """The room's bookings that overlap the seven days from ``monday``; private titles hidden."""
    if conn.execute(select(_rooms.c.id).where(_rooms.c.id == room_id)).first() is None:
        raise NotFound(f"no room {room_id!r}")
    start, end = day_bounds(monday, tz, days=7)
    b = _bookings.c
    rows = conn.execute(
        select(b.id, b.room_id, b.title, b.private, b.starts_at, b.ends_at, b.status,
               _people.c.name.label("organiser"))
        .outerjoin(_people, _people.c.id == b.organiser_id)
        .where(b.room_id == room_id, b.starts_at < end, b.ends_at > start)
        .order_by(b.starts_at, b.id)
    )  # fmt: skip
    return tuple(
        BookingInfo(
            r.id,
            r.room_id,
            None if r.private else r.title,
            as_utc(r.starts_at),
            as_utc(r.ends_at),
            r.status,
            r.organiser,
        )
        for r in rows
    )


def fleet_rows(conn: Connection, now: datetime) -> tuple[FleetRow, ...]:
    return tuple(
        FleetRow(
            k.id,
            k.role,
            k.room_id,
            k.version,
            as_utc(k.last_seen_at),
            k.silent,
            tuple(ReaderState(name, state) for name, state in sorted(k.readers.items())),
            k.outbox_depth,
            k.rejected,
            max(0, len(k.instances) - 1) if k.duplicate else 0,
            k.disk_full,
        )
        for k in fleet(conn, now)
    )


def feedback(conn: Connection, since: date, until: date, tz: ZoneInfo) -> tuple[FeedbackItem, ...]:
    start, end = day_bounds(since, tz, days=(until - since).days + 1)
    return tuple(
        FeedbackItem(f.at, f.score, f.comment, f.context, f.kiosk_id, f.event_title)
        for f in list_feedback(conn, start, end)
    )


def person_name(conn: Connection, person_id: uuid.UUID) -> str:
    name = conn.execute(select(_people.c.name).where(_people.c.id == person_id)).scalar()
    if name is None:
        raise NotFound("the person this credential acts as no longer exists")
    return str(name)
