"""Events on the central store: create, list, count, and their tickets.

An event is a row in ``events`` (replicated to every kiosk); its tickets are ``invitations`` of
kind ``event-ticket`` that name it (``event_id``), each signed like a visitor invitation. A
ticket may carry the attendee's name (a ``visitors`` row without a host) or be anonymous.
Every argument is checked before the first write, so a refused command stores nothing.

Counting rule (shared with the lobby, see ``kiosk/events/checkin.py``): an event's
attendance is the number of distinct tickets with an entry (``checkins`` direction ``in`` with
the event's ``event_id``) plus its walk-ins; a ticket scanned again is not counted again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import distinct, func, select
from sqlalchemy.engine import Connection, Result, Row

from kiosk.base.errors import NotFound, UsageError
from kiosk.base.ids import new_id
from kiosk.base.text import check_text
from kiosk.store.models import Checkin, Event, Invitation, Visitor, table_of
from kiosk.sync import central

events_t, invitations_t, checkins_t = table_of(Event), table_of(Invitation), table_of(Checkin)
visitors_t = table_of(Visitor)

#: Tickets work from this long before the event starts, so early guests can come in.
DOORS_OPEN = timedelta(hours=1)
MAX_LENGTH = timedelta(days=14)
MAX_TITLE, MAX_DESCRIPTION, MAX_URL = 300, 2000, 1000


@dataclass(frozen=True)
class NewEvent:
    title: str
    starts_at: datetime
    ends_at: datetime
    description: str | None = None
    capacity: int | None = None
    online_url: str | None = None
    allow_walkins: bool = False


@dataclass(frozen=True)
class EventInfo:
    id: uuid.UUID
    title: str
    description: str | None
    starts_at: datetime
    ends_at: datetime
    capacity: int | None
    online_url: str | None
    allow_walkins: bool
    tickets: int = 0
    checked_in: int = 0  # distinct tickets with an entry, plus walk-ins
    walkins: int = 0


def _text(
    value: str | None, what: str, limit: int, *, required: bool, lines: bool = False
) -> str | None:
    """``value`` on one line, or None; hidden characters refused before any are made spaces."""
    check_text(value or "", lines=lines, name=True, what=what)
    cleaned = " ".join((value or "").split())
    if not cleaned:
        if required:
            raise UsageError(f"{what} must not be empty")
        return None
    if len(cleaned) > limit:
        raise UsageError(f"{what} is longer than {limit} characters")
    return cleaned


def check_url(url: str | None) -> str | None:
    """An http(s) link with a host, or None; anything else (javascript:, file:) is refused."""
    if url is None or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in url:
        raise UsageError(f"--online-url: {url!r} is not an http:// or https:// link")
    if len(url) > MAX_URL:
        raise UsageError(f"--online-url is longer than {MAX_URL} characters")
    return url


def check_event(new: NewEvent, now: datetime) -> NewEvent:
    """The event with its texts cleaned, or a :class:`UsageError` naming the first problem."""
    title = _text(new.title, "--title", MAX_TITLE, required=True)
    assert title is not None
    description = _text(
        new.description, "--description", MAX_DESCRIPTION, required=False, lines=True
    )
    if new.ends_at <= new.starts_at:
        raise UsageError("--ends must be after --starts")
    if new.ends_at <= now:
        raise UsageError("the event would already be over (--ends is in the past)")
    if new.ends_at - new.starts_at > MAX_LENGTH:
        raise UsageError("an event can last 14 days at most")
    if new.capacity is not None and new.capacity <= 0:
        raise UsageError("--capacity must be greater than zero")
    return NewEvent(
        title,
        new.starts_at,
        new.ends_at,
        description,
        new.capacity,
        check_url(new.online_url),
        new.allow_walkins,
    )


def create_event(conn: Connection, new: NewEvent, now: datetime) -> uuid.UUID:
    event = check_event(new, now)
    event_id = new_id()
    central.write(
        conn,
        "events",
        {
            "id": event_id,
            "title": event.title,
            "description": event.description,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "capacity": event.capacity,
            "online_url": event.online_url,
            "allow_walkins": event.allow_walkins,
            "created_by": None,
            "kiosk_id": None,
            "updated_at": now,
        },
        now,
    )
    return event_id


def find_event(conn: Connection, ref: str) -> uuid.UUID:
    try:
        event_id = uuid.UUID(ref)
    except ValueError:
        raise UsageError(f"not an event id: {ref!r}") from None
    if conn.execute(select(events_t.c.id).where(events_t.c.id == event_id)).first() is None:
        raise NotFound(f"no event {ref}")
    return event_id


def _pairs(rows: Result[uuid.UUID, int]) -> dict[uuid.UUID, int]:
    return {row[0]: int(row[1]) for row in rows}


def _counts(conn: Connection, event_ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[int, int, int]]:
    """(tickets, tickets checked in, walk-ins) per event."""
    tickets: dict[uuid.UUID, int] = _pairs(
        conn.execute(
            select(invitations_t.c.event_id, func.count())
            .where(
                invitations_t.c.event_id.in_(event_ids),
                invitations_t.c.kind == "event-ticket",
                invitations_t.c.revoked_at.is_(None),
            )
            .group_by(invitations_t.c.event_id)
        )
    )
    entered: dict[uuid.UUID, int] = _pairs(
        conn.execute(
            select(checkins_t.c.event_id, func.count(distinct(checkins_t.c.invitation_id)))
            .where(
                checkins_t.c.event_id.in_(event_ids),
                checkins_t.c.direction == "in",
                checkins_t.c.invitation_id.is_not(None),
            )
            .group_by(checkins_t.c.event_id)
        )
    )
    walkins: dict[uuid.UUID, int] = _pairs(
        conn.execute(
            select(checkins_t.c.event_id, func.count())
            .where(
                checkins_t.c.event_id.in_(event_ids),
                checkins_t.c.direction == "in",
                checkins_t.c.method == "walk-in",
            )
            .group_by(checkins_t.c.event_id)
        )
    )
    return {
        e: (tickets.get(e, 0), entered.get(e, 0) + walkins.get(e, 0), walkins.get(e, 0))
        for e in event_ids
    }


def _info(r: Row[Any], counts: tuple[int, int, int]) -> EventInfo:
    return EventInfo(
        r.id,
        r.title,
        r.description,
        r.starts_at,
        r.ends_at,
        r.capacity,
        r.online_url,
        bool(r.allow_walkins),
        *counts,
    )


def list_events(conn: Connection) -> list[EventInfo]:
    rows = conn.execute(select(events_t).order_by(events_t.c.starts_at, events_t.c.id)).all()
    counts = _counts(conn, [r.id for r in rows])
    return [_info(r, counts[r.id]) for r in rows]


def get_event(conn: Connection, event_id: uuid.UUID) -> EventInfo:
    row = conn.execute(select(events_t).where(events_t.c.id == event_id)).first()
    if row is None:
        raise NotFound(f"no event {event_id}")
    return _info(row, _counts(conn, [event_id])[event_id])


def ticket_window(event: EventInfo) -> tuple[datetime, datetime]:
    """From an hour before the start to the end, in whole seconds (what the token carries)."""
    start = (event.starts_at - DOORS_OPEN).replace(microsecond=0)
    end = event.ends_at.replace(microsecond=0)
    if end < event.ends_at:
        end += timedelta(seconds=1)
    return start, end


@dataclass(frozen=True)
class CheckedTicket:
    """A ticket that passed every rule, its id minted and nothing written yet: the import
    stores it (:func:`store_ticket`), its preview stops here."""

    id: uuid.UUID
    name: str | None
    organisation: str | None
    valid_from: datetime
    valid_to: datetime


def check_ticket(
    event: EventInfo, name: str | None, organisation: str | None, now: datetime
) -> CheckedTicket:
    """Every rule a ticket must pass (the attendee's texts, an event not yet over)."""
    clean_name = _text(name, "name", 200, required=False)
    clean_org = _text(organisation, "organisation", 200, required=False)
    if clean_org is not None and clean_name is None:
        raise UsageError("an organisation without a name")
    start, end = ticket_window(event)
    if end <= now:
        raise UsageError("the event is already over")
    return CheckedTicket(new_id(), clean_name, clean_org, start, end)


def create_ticket(
    conn: Connection,
    event: EventInfo,
    name: str | None,
    organisation: str | None,
    now: datetime,
) -> uuid.UUID:
    """One ticket (and the attendee's visitor row when named); returns the invitation id."""
    return store_ticket(conn, event, check_ticket(event, name, organisation, now), now)


def store_ticket(
    conn: Connection, event: EventInfo, ticket: CheckedTicket, now: datetime
) -> uuid.UUID:
    """Write a checked ticket: the attendee's visitor row when named, and the ticket itself."""
    visitor_id = None
    if ticket.name is not None:
        visitor_id = new_id()
        central.write(
            conn,
            "visitors",
            {
                "id": visitor_id,
                "name": ticket.name,
                "organisation": ticket.organisation,
                "host_id": None,
                "anonymised_at": None,
                "updated_at": now,
            },
            now,
        )
    central.write(
        conn,
        "invitations",
        {
            "id": ticket.id,
            "kind": "event-ticket",
            "visitor_id": visitor_id,
            "event_id": event.id,
            "valid_from": ticket.valid_from,
            "valid_to": ticket.valid_to,
            "single_use": False,
            "revoked_at": None,
            "updated_at": now,
        },
        now,
    )
    return ticket.id
