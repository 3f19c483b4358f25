"""Event tickets: one signed QR card per attendee, one at a time or from a CSV file.

The import follows ``kiosk/invite_import.py``: each row is stored inside its own savepoint and
gets its card before the savepoint is released, so a bad row (reported by its line number)
leaves nothing of itself behind while the good rows are kept. The CSV needs a header; columns:
``name`` (required; the name printed on the card) and ``organisation``.
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
from sqlalchemy.exc import SQLAlchemyError

from kiosk.errors import KioskError, UsageError
from kiosk.events import EventInfo, create_ticket, ticket_window
from kiosk.invite_card import Card, save_card
from kiosk.invite_import import MAX_ROWS, Imported, ImportResult, Refused
from kiosk.tokens import TokenKind, sign

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
) -> ImportResult:
    result = ImportResult([], [])
    for count, (line, row) in enumerate(rows, start=1):
        if count > MAX_ROWS:
            raise UsageError(f"more than {MAX_ROWS} rows; split the file")
        card_path: Path | None = None
        try:
            with conn.begin_nested():
                if "__error__" in row:
                    raise UsageError(row["__error__"])
                name = " ".join(row.get("name", "").split())
                if not name:
                    raise UsageError("name must not be empty")
                ticket = issue_ticket(
                    conn, event, name, row.get("organisation") or None, key=key, now=now
                )
                card_path = out_dir / f"{ticket.id}.png"
                save_card(ticket_card(event, ticket.token, name, tz), card_path)
            result.imported.append(Imported(line, ticket.id, name, ticket.token, card_path))
        except (KioskError, OSError, SQLAlchemyError) as exc:
            if card_path is not None:
                card_path.unlink(missing_ok=True)
            result.refused.append(Refused(line, _reason(exc)))
        progress(count)
    return result


def _reason(exc: Exception) -> str:
    """A refused row's reason for the report: no row values beyond what the admin typed."""
    if isinstance(exc, OSError):
        return f"card: {exc.strerror}"
    if isinstance(exc, SQLAlchemyError):
        return f"refused by the central store ({type(getattr(exc, 'orig', exc)).__name__})"
    return str(exc)
