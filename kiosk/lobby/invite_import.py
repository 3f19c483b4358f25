"""Many invitations from one CSV file, each with its card, for an event or a group visit.

Each row is stored inside its own savepoint and gets its card before the savepoint is released,
so a bad row (reported by its line number) leaves nothing of itself behind while the good rows
are kept. The CSV (``,`` ``;`` or tab, UTF-8 or Windows-1252: kiosk/base/csvfiles.py) needs a
header; columns: ``name``, ``host`` (required), ``organisation``, ``valid_from``, ``valid_to``,
``single_use`` (yes/no, true/false, 1/0), ``email`` (the visitor's address: the invitation is
e-mailed, queued in the row's savepoint) and ``lang`` (fi/sv/en, the e-mail's language).
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from kiosk.base.csvfiles import decode, safe_row, sniff_delimiter
from kiosk.base.errors import KioskError, UsageError
from kiosk.base.text import check_text
from kiosk.base.timeutil import parse_when
from kiosk.lobby.invitations import NewInvitation, default_window, issue_invitation
from kiosk.lobby.invite_card import Card, save_card
from kiosk.lobby.invite_delivery import MailSettings, check_address, check_lang, queue_invitation
from kiosk.security.tokens import TokenKind

COLUMNS = (
    "name",
    "host",
    "organisation",
    "valid_from",
    "valid_to",
    "single_use",
    "email",
    "lang",
)
REQUIRED = ("name", "host")
MAX_ROWS = 10_000
_YES, _NO = {"yes", "true", "1", "x", "kyllä", "ja"}, {"", "no", "false", "0", "ei", "nej"}


@dataclass(frozen=True)
class Imported:
    line: int
    id: uuid.UUID
    name: str
    token: str
    card: Path


@dataclass(frozen=True)
class Refused:
    line: int
    reason: str


@dataclass
class ImportResult:
    imported: list[Imported]
    refused: list[Refused]


def read_rows(
    path: Path, columns: tuple[str, ...] = COLUMNS, required: tuple[str, ...] = REQUIRED
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; the header is checked first so a wrong file fails at once.

    ``columns`` and ``required`` default to the invitation columns (event tickets have others).
    """
    try:
        text = decode(path.read_bytes(), path)
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror}") from None
    with io.StringIO(text, newline="") as fh:
        reader = csv.DictReader(fh, delimiter=sniff_delimiter(text))
        header = [h.strip().lower() for h in reader.fieldnames or []]
        missing = [c for c in required if c not in header]
        unknown = [h for h in header if h not in columns]
        if missing or unknown:
            raise UsageError(
                f"{path}: the header must name the columns {', '.join(columns)} "
                f"({' and '.join(required)} {'is' if len(required) == 1 else 'are'} required); "
                + (f"missing: {', '.join(missing)}" if missing else f"unknown: {unknown[0]}")
            )
        reader.fieldnames = header
        try:
            for row in reader:
                if None in row:
                    yield reader.line_num, {"__error__": "more fields than the header names"}
                    continue
                yield reader.line_num, {k: (v or "").strip() for k, v in row.items()}
        except csv.Error as exc:
            raise UsageError(f"{path}: line {reader.line_num}: {exc}") from None


def _flag(text: str) -> bool:
    value = text.lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise UsageError(f"single_use: {text!r} is not yes or no")


def _new(row: dict[str, str], tz: ZoneInfo, now: datetime) -> NewInvitation:
    start, end = default_window(now, tz)
    if row.get("valid_from"):
        start = parse_when(row["valid_from"], tz, end=False, what="valid_from")
        end = default_window(start, tz)[1]
    if row.get("valid_to"):
        end = parse_when(row["valid_to"], tz, end=True, what="valid_to")
    return NewInvitation(
        name=row.get("name", ""),
        host=row.get("host", ""),
        organisation=row.get("organisation") or None,
        valid_from=start,
        valid_to=end,
        single_use=_flag(row.get("single_use", "")),
        kind=TokenKind.VISITOR,
    )


def import_invitations(
    conn: Connection,
    rows: Iterator[tuple[int, dict[str, str]]],
    *,
    key: Ed25519PrivateKey,
    out_dir: Path,
    tz: ZoneInfo,
    now: datetime,
    progress: Callable[[int], None] = lambda n: None,
    mail: MailSettings | None = None,
    lang: str = "fi",
    cards: bool = True,
) -> ImportResult:
    def issue(row: dict[str, str]) -> Issued:
        address = check_address(row["email"], "email") if row.get("email") else None
        row_lang = check_lang(row.get("lang") or None, lang, "lang")
        new = _new(row, tz, now)
        invitation_id, token = issue_invitation(conn, new, key, now)
        if address is not None:
            if mail is None:
                raise UsageError("email: the config has no notify.sender to send it from")
            queue_invitation(conn, invitation_id, token, address, row_lang, mail, now)
        name = " ".join(new.name.split())
        card = Card(token, name, new.valid_from, new.valid_to, tz)
        return Issued(invitation_id, name, token, card)

    return import_rows(conn, rows, issue, out_dir=out_dir, progress=progress, cards=cards)


@dataclass(frozen=True)
class Issued:
    """What one row became: its record's id, the name on its card, its token, and the card."""

    id: uuid.UUID
    name: str
    token: str
    card: Card


def import_rows(
    conn: Connection,
    rows: Iterator[tuple[int, dict[str, str]]],
    issue: Callable[[dict[str, str]], Issued],
    *,
    out_dir: Path,
    progress: Callable[[int], None] = lambda n: None,
    cards: bool = True,
) -> ImportResult:
    """Each row stored by ``issue`` inside its own savepoint, its card written before the
    savepoint is released: a bad row (reported by its line number) leaves nothing of itself
    behind, card included, while the good rows are kept. Invitations and event tickets.

    Without ``cards`` no card is drawn (the staff console hands out none; drawing is most of
    an import's time): each row's ``card`` is then where it would have been written."""
    result = ImportResult([], [])
    for count, (line, row) in enumerate(rows, start=1):
        if count > MAX_ROWS:
            raise UsageError(f"more than {MAX_ROWS} rows; split the file")
        card_path: Path | None = None
        try:
            with conn.begin_nested():
                check_row(row)
                issued = issue(row)
                card_path = out_dir / f"{issued.id}.png"
                if cards:
                    save_card(issued.card, card_path)
            result.imported.append(Imported(line, issued.id, issued.name, issued.token, card_path))
        # ValueError, OverflowError: a date the token or the clock cannot hold (year 9999)
        except (KioskError, OSError, SQLAlchemyError, ValueError, OverflowError) as exc:
            if card_path is not None and cards:
                card_path.unlink(missing_ok=True)
            result.refused.append(Refused(line, _reason(exc)))
        progress(count)
    return result


def check_row(row: dict[str, str]) -> None:
    """A row :func:`read_rows` could not split, or any cell with a hidden character (its
    column named): refused before any rule reads it. A file's leading BOM is gone by now."""
    if "__error__" in row:
        raise UsageError(row["__error__"])
    for column, value in row.items():
        check_text(value, what=column)


def _reason(exc: Exception) -> str:
    """A refused row's reason for the report: no row values beyond what the admin typed."""
    if isinstance(exc, KioskError):  # HiddenText is a ValueError too: it keeps its words
        return str(exc)
    if isinstance(exc, OSError):
        return f"card: {exc.strerror}"
    if isinstance(exc, SQLAlchemyError):
        return f"refused by the central store ({type(getattr(exc, 'orig', exc)).__name__})"
    if isinstance(exc, (ValueError, OverflowError)):
        return f"a date or number is out of range ({exc})"
    return str(exc)


def write_summary(result: ImportResult, path: Path) -> None:
    """``invitations.csv`` beside the cards: line, id, name, token, card file, for mail merge."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # -sig: a BOM for Excel
        writer = csv.writer(fh)
        writer.writerow(("line", "id", "name", "token", "card"))
        for i in result.imported:
            writer.writerow(safe_row((i.line, i.id, i.name, i.token, i.card.name)))
