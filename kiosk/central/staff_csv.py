"""The staff console's CSV uploads read as the admin CLI reads its files, and every row's
outcome (the import itself reports only the refused rows)."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.base.csvfiles import sniff_delimiter
from kiosk.base.errors import UsageError
from kiosk.base.text import clean_line
from kiosk.central.staff_refusals import row_refusal_of
from kiosk.console.models import CsvOutcome, CsvRow
from kiosk.lobby.invite_import import ImportResult, read_rows

MAX_CSV = 1024 * 1024  # characters; far more than 10,000 rows of names
# Rows in one staff upload: the import runs in one transaction (a card per row), and on
# PostgreSQL an open transaction holds back the change feed, so every kiosk's sync waits for
# it; at this many rows it ends within seconds. The admin CLI keeps its larger limit. The
# preview only reads, but has the same cap: it never promises rows the import would refuse.
MAX_STAFF_ROWS = 500


@contextmanager
def uploaded_csv(text: str) -> Iterator[Path]:
    """The CSV as the import reads it from a file (the same decoding and header checks), in a
    folder of its own that is removed afterwards. A refusal that names the file names "the
    CSV" instead: the service's temporary path is nothing the staff member can use, and
    nothing a caller needs to learn about the server."""
    if len(text) > MAX_CSV:
        raise UsageError(f"the CSV is longer than {MAX_CSV} characters; split it")
    with tempfile.TemporaryDirectory(prefix="kiosk-staff-csv-") as folder:
        path = Path(folder) / "upload.csv"
        path.write_text(text, encoding="utf-8")
        try:
            yield path
        except UsageError as exc:
            if str(path) not in str(exc):
                raise
            raise UsageError(str(exc).replace(str(path), "the CSV")) from None


def capped(rows: Iterable[tuple[int, dict[str, str]]]) -> list[tuple[int, dict[str, str]]]:
    """Every row, read before any is stored: too many refuses the file before it writes."""
    read: list[tuple[int, dict[str, str]]] = []
    for row in rows:
        if len(read) == MAX_STAFF_ROWS:
            raise UsageError(f"more than {MAX_STAFF_ROWS} rows; split the file")
        read.append(row)
    return read


def row_outcomes(result: ImportResult, path: Path) -> CsvOutcome:
    """Every row by line, ok or with its reason (the import reports refused rows only)."""
    by_line = dict(_rows(path))
    rows = [CsvRow(i.line, i.name, True) for i in result.imported]
    for r in result.refused:
        refusal = row_refusal_of(r.reason)
        name = clean_line(by_line.get(r.line, {}).get("name", ""))[:200]  # shown: no bidi
        rows.append(CsvRow(r.line, name, False, r.reason, refusal.code, refusal.params))
    queued = sum(1 for i in result.imported if by_line.get(i.line, {}).get("email"))
    return CsvOutcome(tuple(sorted(rows, key=lambda r: r.line)), queued)


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The file's rows by line again (already read once by the import, so they parse)."""
    try:
        return list(read_rows(path, columns=tuple(_any_columns(path)), required=()))
    except UsageError:
        return []


def _any_columns(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")  # as read_rows reads it: a BOM is no column
    header = next(csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text)), [])
    return [h.strip().lower() for h in header]
