"""Event tickets: one signed QR card per attendee, one at a time or from a CSV file.

The import is ``kiosk.lobby.invite_import.import_rows``, as for invitations: each row is stored
inside
its own savepoint and gets its card before the savepoint is released, so a bad row (reported by
its line number) leaves nothing of itself behind while the good rows are kept. The CSV needs a
header; columns: ``name`` (required; the name printed on the card) and ``organisation``.

A preview (:func:`check_tickets`) runs each row through the import's own checks
(:func:`check_ticket_row`) and writes nothing, as the invitations' does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.engine import Connection

from kiosk.base.errors import UsageError
from kiosk.events.manage import CheckedTicket, EventInfo, check_ticket, store_ticket
from kiosk.lobby.invite_card import Card
from kiosk.lobby.invite_import import (
    FIRST_YEAR,
    LAST_YEAR,
    ImportResult,
    Issued,
    import_rows,
    preview_rows,
)
from kiosk.security.tokens import TokenKind, sign

COLUMNS = ("name", "organisation")
REQUIRED = ("name",)


@dataclass(frozen=True)
class Ticket:
    id: uuid.UUID
    token: str
    valid_from: datetime
    valid_to: datetime


def sign_ticket(key: Ed25519PrivateKey, ticket: CheckedTicket) -> str:
    return sign(
        key,
        invitation_id=ticket.id,
        kind=TokenKind.EVENT_TICKET,
        valid_from=ticket.valid_from,
        valid_to=ticket.valid_to,
    )


def issue_ticket(
    conn: Connection,
    event: EventInfo,
    name: str | None,
    organisation: str | None,
    *,
    key: Ed25519PrivateKey,
    now: datetime,
) -> Ticket:
    """Store one ticket and sign its token (inside the caller's transaction)."""
    checked = check_ticket(event, name, organisation, now)
    token = sign_ticket(key, checked)
    store_ticket(conn, event, checked, now)
    return Ticket(checked.id, token, checked.valid_from, checked.valid_to)


def ticket_card(event: EventInfo, token: str, name: str | None, tz: ZoneInfo) -> Card:
    """The printable card: the event's title, the attendee (if named), the event's day and hours."""
    return Card(token, name or "", event.starts_at, event.ends_at, tz, event_title=event.title)


@dataclass(frozen=True)
class TicketRules:
    """What checking a ticket row needs beyond the row: the event, the signing key, the site's
    zone (for the card) and the time."""

    event: EventInfo
    key: Ed25519PrivateKey
    tz: ZoneInfo
    now: datetime


def check_ticket_row(row: dict[str, str], rules: TicketRules) -> tuple[CheckedTicket, Issued]:
    """Every check the import runs on a row, writing nothing: the import stores what this
    returns and the preview (:func:`check_tickets`) stops here, so the two cannot disagree."""
    event = rules.event
    name = " ".join(row.get("name", "").split())
    if not name:
        raise UsageError("name must not be empty")
    if not all(FIRST_YEAR <= t.year <= LAST_YEAR for t in (event.starts_at, event.ends_at)):
        raise UsageError(  # an event left at the end of time: no token carries its day
            f"the event's times are outside the years {FIRST_YEAR} to {LAST_YEAR} "
            "that a ticket can carry"
        )
    checked = check_ticket(event, name, row.get("organisation") or None, rules.now)
    token = sign_ticket(rules.key, checked)
    card = ticket_card(event, token, checked.name, rules.tz)
    return checked, Issued(checked.id, checked.name or "", token, card)


def import_tickets(
    conn: Connection,
    rows: Iterator[tuple[int, dict[str, str]]],
    rules: TicketRules,
    *,
    out_dir: Path,
    progress: Callable[[int], None] = lambda n: None,
    cards: bool = True,
) -> ImportResult:
    def issue(row: dict[str, str]) -> Issued:
        checked, issued = check_ticket_row(row, rules)
        store_ticket(conn, rules.event, checked, rules.now)
        return issued

    return import_rows(conn, rows, issue, out_dir=out_dir, progress=progress, cards=cards)


def check_tickets(
    rows: Iterator[tuple[int, dict[str, str]]], rules: TicketRules, *, out_dir: Path
) -> ImportResult:
    """What :func:`import_tickets` would make of ``rows``, with nothing written."""
    return preview_rows(rows, lambda row: check_ticket_row(row, rules)[1], out_dir=out_dir)
