"""Event tickets: one signed QR card per attendee, one at a time or from a CSV file.

The import is ``kiosk.lobby.invite_import.import_rows``, as for invitations: each row is stored
inside
its own savepoint and gets its card before the savepoint is released, so a bad row (reported by
its line number) leaves nothing of itself behind while the good rows are kept. The CSV needs a
header; columns: ``name`` (required; the name printed on the card) and ``organisation``.
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
from kiosk.events.manage import EventInfo, create_ticket, ticket_window
from kiosk.lobby.invite_card import Card
from kiosk.lobby.invite_import import FIRST_YEAR, LAST_YEAR, ImportResult, Issued, import_rows
from kiosk.security.tokens import TokenKind, sign

COLUMNS = ("name", "organisation")
REQUIRED = ("name",)


@dataclass(frozen=True)
class Ticket:
    id: uuid.UUID
    token: str
    valid_from: datetime
    valid_to: datetime


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
    invitation_id = create_ticket(conn, event, name, organisation, now)
    start, end = ticket_window(event)
    token = sign(
        key,
        invitation_id=invitation_id,
        kind=TokenKind.EVENT_TICKET,
        valid_from=start,
        valid_to=end,
    )
    return Ticket(invitation_id, token, start, end)


def ticket_card(event: EventInfo, token: str, name: str | None, tz: ZoneInfo) -> Card:
    """The printable card: the event's title, the attendee (if named), the event's day and hours."""
    return Card(token, name or "", event.starts_at, event.ends_at, tz, event_title=event.title)


def import_tickets(
    conn: Connection,
    event: EventInfo,
    rows: Iterator[tuple[int, dict[str, str]]],
    *,
    key: Ed25519PrivateKey,
    out_dir: Path,
    tz: ZoneInfo,
    now: datetime,
    progress: Callable[[int], None] = lambda n: None,
    cards: bool = True,
) -> ImportResult:
    def issue(row: dict[str, str]) -> Issued:
        name = " ".join(row.get("name", "").split())
        if not name:
            raise UsageError("name must not be empty")
        if not all(FIRST_YEAR <= t.year <= LAST_YEAR for t in (event.starts_at, event.ends_at)):
            raise UsageError(  # an event left at the end of time: no token carries its day
                f"the event's times are outside the years {FIRST_YEAR} to {LAST_YEAR} "
                "that a ticket can carry"
            )
        ticket = issue_ticket(conn, event, name, row.get("organisation") or None, key=key, now=now)
        return Issued(ticket.id, name, ticket.token, ticket_card(event, ticket.token, name, tz))

    return import_rows(conn, rows, issue, out_dir=out_dir, progress=progress, cards=cards)
