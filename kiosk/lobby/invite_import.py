"""Many invitations from one CSV file, each with its card, for an event or a group visit.

Each row is stored inside its own savepoint and gets its card before the savepoint is released,
so a bad row (reported by its line number) leaves nothing of itself behind while the good rows
are kept. The CSV (``,`` ``;`` or tab, UTF-8 or Windows-1252: kiosk/base/csvfiles.py) needs a
header; columns: ``name``, ``host`` (required), ``organisation``, ``valid_from``, ``valid_to``,
``single_use`` (yes/no, true/false, 1/0), ``email`` (the visitor's address: the invitation is
e-mailed, queued in the row's savepoint) and ``lang`` (fi/sv/en, the e-mail's language).

A preview (:func:`check_invitations`, the staff console's "which rows will fail") runs each
row through the import's own checks (:func:`check_invitation_row`) and writes nothing.
"""

from __future__ import annotations

import csv
import io
import logging
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
from kiosk.lobby.invitations import (
    CheckedInvitation,
    NewInvitation,
    check_invitation,
    default_window,
    sign_invitation,
    store_invitation,
)
from kiosk.lobby.invite_card import Card, save_card
from kiosk.lobby.invite_delivery import MailSettings, check_address, check_lang, queue_invitation
from kiosk.security.tokens import TokenKind

log = logging.getLogger(__name__)

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
# The years a row's date may name: inside what a token carries (1970 to 2106) and what the
# staff console's forms accept, so a far date is refused in words before any arithmetic on it
# overflows (the year 9999 plus a day).
FIRST_YEAR, LAST_YEAR = 2000, 2100
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
        try:
            names = reader.fieldnames  # reads the header line: one over csv's field limit fails
        except csv.Error as exc:  # the reader counts a line only once it is read whole
            raise UsageError(f"{path}: line {max(reader.line_num, 1)}: {exc}") from None
        header = [h.strip().lower() for h in names or []]
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


def _check_years(column: str, text: str, moment: datetime | None) -> datetime:
    """``moment`` when its year is one a row may name; None (it could not be computed) or a
    year outside :data:`FIRST_YEAR`..:data:`LAST_YEAR` refuses the row naming its column."""
    if moment is None or not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise UsageError(f"{column}: {text!r} is outside the years {FIRST_YEAR} to {LAST_YEAR}")
    return moment


def _when(row: dict[str, str], column: str, tz: ZoneInfo) -> datetime | None:
    """The row's date in ``column`` (None when empty); unreadable or far dates refused."""
    text = row.get(column, "")
    if not text:
        return None
    try:
        moment: datetime | None = parse_when(text, tz, end=column == "valid_to", what=column)
    except KioskError:  # the rule's own words (a ValueError too): they name the column
        raise
    except (ValueError, OverflowError):  # a far date whose next day or UTC time no datetime
        moment = None  # holds: refused below in words, not with the library's
    return _check_years(column, text, moment)


def _new(row: dict[str, str], tz: ZoneInfo, now: datetime) -> NewInvitation:
    start, end = default_window(now, tz)
    valid_from, valid_to = _when(row, "valid_from", tz), _when(row, "valid_to", tz)
    if valid_from is not None:
        start, end = valid_from, default_window(valid_from, tz)[1]
    if valid_to is not None:
        end = valid_to
    return NewInvitation(
        name=row.get("name", ""),
        host=row.get("host", ""),
        organisation=row.get("organisation") or None,
        valid_from=start,
        valid_to=end,
        single_use=_flag(row.get("single_use", "")),
        kind=TokenKind.VISITOR,
    )


@dataclass(frozen=True)
class InvitationRules:
    """What checking an invitation row needs beyond the row: the signing key, the site's zone,
    the time, the mail settings (None: no e-mail can be sent) and the e-mails' default language."""

    key: Ed25519PrivateKey
    tz: ZoneInfo
    now: datetime
    mail: MailSettings | None = None
    lang: str = "fi"


@dataclass(frozen=True)
class InvitationRow:
    """A row that passed every rule of the import, its token signed, nothing written yet."""

    invitation: CheckedInvitation
    token: str
    address: str | None
    lang: str

    def issued(self, tz: ZoneInfo) -> Issued:
        new = self.invitation.new
        card = Card(self.token, new.name, new.valid_from, new.valid_to, tz)
        return Issued(self.invitation.id, new.name, self.token, card)


def check_invitation_row(
    conn: Connection, row: dict[str, str], rules: InvitationRules
) -> InvitationRow:
    """Every check the import runs on a row, reading the store and never writing to it: the
    import stores what this returns, and the preview (:func:`check_invitations`) stops here,
    so the two cannot disagree on a row."""
    address = check_address(row["email"], "email") if row.get("email") else None
    row_lang = check_lang(row.get("lang") or None, rules.lang, "lang")
    checked = check_invitation(conn, _new(row, rules.tz, rules.now), rules.now)
    token = sign_invitation(rules.key, checked)  # a window no token can carry (year 2107)
    if address is not None and rules.mail is None:
        raise UsageError("email: the config has no notify.sender to send it from")
    return InvitationRow(checked, token, address, row_lang)


def import_invitations(
    conn: Connection,
    rows: Iterator[tuple[int, dict[str, str]]],
    rules: InvitationRules,
    *,
    out_dir: Path,
    progress: Callable[[int], None] = lambda n: None,
    cards: bool = True,
) -> ImportResult:
    def issue(row: dict[str, str]) -> Issued:
        checked = check_invitation_row(conn, row, rules)
        store_invitation(conn, checked.invitation, rules.now)
        if checked.address is not None and rules.mail is not None:
            queue_invitation(
                conn,
                checked.invitation.id,
                checked.token,
                checked.address,
                checked.lang,
                rules.mail,
                rules.now,
            )
        return checked.issued(rules.tz)

    return import_rows(conn, rows, issue, out_dir=out_dir, progress=progress, cards=cards)


def check_invitations(
    conn: Connection,
    rows: Iterator[tuple[int, dict[str, str]]],
    rules: InvitationRules,
    *,
    out_dir: Path,
) -> ImportResult:
    """What :func:`import_invitations` would make of ``rows``, with nothing written: each row
    through the import's own checks (:func:`check_invitation_row`). Only what a write itself
    can refuse (the database, drawing a card) is left to the import. Each row's ``card`` is
    where the import would write it, as an import without cards says."""

    return preview_rows(
        rows, lambda row: check_invitation_row(conn, row, rules).issued(rules.tz), out_dir=out_dir
    )


def preview_rows(
    rows: Iterator[tuple[int, dict[str, str]]],
    check: Callable[[dict[str, str]], Issued],
    *,
    out_dir: Path,
) -> ImportResult:
    """What :func:`import_rows` would make of ``rows`` with ``check`` (an import's checks of
    a row, without its writes) in place of its ``issue``: the same refusals, nothing written.
    Invitations and event tickets."""

    def handle(line: int, row: dict[str, str]) -> Imported:
        check_row(row)
        issued = check(row)
        return Imported(line, issued.id, issued.name, issued.token, out_dir / f"{issued.id}.png")

    return each_row(rows, handle)


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

    def store(line: int, row: dict[str, str]) -> Imported:
        card_path: Path | None = None
        try:
            with conn.begin_nested():
                check_row(row)
                issued = issue(row)
                card_path = out_dir / f"{issued.id}.png"
                if cards:
                    save_card(issued.card, card_path)
        except BaseException:
            if card_path is not None and cards:
                card_path.unlink(missing_ok=True)
            raise
        return Imported(line, issued.id, issued.name, issued.token, card_path)

    return each_row(rows, store, progress)


# ValueError, OverflowError: not a rule's refusal (the rules check dates before they compute
# with them) but kept to the row, as a refusal without the exception's words.
ROW_ERRORS = (KioskError, OSError, SQLAlchemyError, ValueError, OverflowError)
#: A row's reason for anything but a rule's refusal, the database's or a card's failure.
ROW_FAILED = "the row could not be checked (an unexpected error; the log names its kind)"


def each_row(
    rows: Iterator[tuple[int, dict[str, str]]],
    handle: Callable[[int, dict[str, str]], Imported],
    progress: Callable[[int], None] = lambda n: None,
) -> ImportResult:
    """Each row through ``handle`` alone: what it returns is imported, what it raises of
    :data:`ROW_ERRORS` refuses that row with its reason. The import and its preview both."""
    result = ImportResult([], [])
    for count, (line, row) in enumerate(rows, start=1):
        if count > MAX_ROWS:
            raise UsageError(f"more than {MAX_ROWS} rows; split the file")
        try:
            result.imported.append(handle(line, row))
        except ROW_ERRORS as exc:
            result.refused.append(Refused(line, _reason(line, exc)))
        progress(count)
    return result


def check_row(row: dict[str, str]) -> None:
    """A row :func:`read_rows` could not split, or any cell with a hidden character (its
    column named): refused before any rule reads it. A file's leading BOM is gone by now."""
    if "__error__" in row:
        raise UsageError(row["__error__"])
    for column, value in row.items():
        check_text(value, what=column)


def _reason(line: int, exc: Exception) -> str:
    """A refused row's reason for the report: a rule's own words (they name only what the
    file holds), never an exception's message, which may be a library's or hold row values.
    Only the unexpected is logged, by line and kind: a row's values never reach the log."""
    if isinstance(exc, KioskError):  # HiddenText is a ValueError too: it keeps its words
        return str(exc)
    if isinstance(exc, OSError):
        return f"card: {exc.strerror}"
    if isinstance(exc, SQLAlchemyError):
        return f"refused by the central store ({type(getattr(exc, 'orig', exc)).__name__})"
    log.warning("import: line %d failed on %s (its message left out)", line, type(exc).__name__)
    return ROW_FAILED


def write_summary(result: ImportResult, path: Path) -> None:
    """``invitations.csv`` beside the cards: line, id, name, token, card file, for mail merge."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # -sig: a BOM for Excel
        writer = csv.writer(fh)
        writer.writerow(("line", "id", "name", "token", "card"))
        for i in result.imported:
            writer.writerow(safe_row((i.line, i.id, i.name, i.token, i.card.name)))
