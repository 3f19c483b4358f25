"""CSV files that people open in spreadsheets.

Exports: a cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) is
prefixed with ``'`` so Excel or LibreOffice shows it as text instead of running it (OWASP's
advice on CSV injection), and files start with a UTF-8 byte-order mark so Excel opens ä and ö
right. Imports: the delimiter is whatever the header line uses of ``,`` ``;`` and tab
(Finnish-locale Excel saves with ``;``), a BOM is accepted, and a file that is not UTF-8 is read
as Windows-1252 (Excel's plain "CSV" on Finnish Windows) with a warning.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

log = logging.getLogger(__name__)

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DELIMITERS = (",", ";", "\t")


def neutralise(value: object) -> object:
    """``value``, with a text that a spreadsheet would read as a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [neutralise(v) for v in values]


def safe_dict(row: Mapping[str, object]) -> dict[str, object]:
    return {k: neutralise(v) for k, v in row.items()}


def decode(data: bytes, path: Path) -> str:
    """The text of a CSV file: UTF-8 (with or without a BOM), else Windows-1252 with a warning."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    log.warning(
        "%s is not UTF-8: read as Windows-1252; if names look wrong, save it from Excel as "
        '"CSV UTF-8 (comma delimited)"',
        path,
    )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1")


def sniff_delimiter(text: str) -> str:
    """The delimiter the header line uses most (``,`` when it uses none: one column)."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
