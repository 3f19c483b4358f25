"""Each kind of bad CSV row is refused with its own code and the column it is about, never with
an exception's words; the good rows of the same file are stored and the bad ones leave nothing
(the import's contract: row by row), and a file of good rows imports whole (the real service
on loopback, SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.store.models import Visitor
from tests.console.helpers import HOST, Site, staff_site

# One row per kind of mistake a spreadsheet holds, with the code and column it is refused by.
BAD = {
    f"Aada Alku,{HOST},,2026-11-27,2026-11-26,": ("ends_before_start", "valid_to"),
    f"Bea Bee,{HOST},,huomenna,,": ("bad_date", "valid_from"),
    f"Cai Cee,{HOST},,9999-12-31,,": ("date_out_of_range", "valid_from"),
    f"Dan Dee,{HOST},,,9999-12-31,": ("date_out_of_range", "valid_to"),
    f"Eki Eko,{HOST},,2107-01-01,2107-01-02,": ("date_out_of_range", "valid_from"),
    f"Fia Fee,{HOST},,0001-01-01,0001-01-02,": ("date_out_of_range", "valid_from"),
    f"Gus Gee,{HOST},,,,not-an-address": ("bad_email", "email"),
    f"Hal H\u200bee,{HOST},,,,": ("hidden_character", "name"),
    f"{'I' * 201},{HOST},,,,": ("name_too_long", "name"),
    "Jon Jii,nobody@lab.example,,,,": ("unknown_host", "host"),
    f",{HOST},,,,": ("name_missing", "name"),
}
HEADER = "name,host,organisation,valid_from,valid_to,email\n"
GOOD = (f"Kaisa Koo,{HOST},OKM,,,", f"Lauri Luu,{HOST},,2026-11-28,2026-11-29,")


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        yield s


def _names(site: Site) -> set[str]:
    with site.service.store.engine.connect() as conn:
        return set(conn.execute(select(Visitor.name)).scalars())


def test_each_bad_row_is_refused_by_its_own_code_and_column(site: Site) -> None:
    rows = [GOOD[0], *BAD, GOOD[1]]
    csv = HEADER + "".join(f"{r}\n" for r in rows)
    before = _names(site)
    with site.client() as client:
        preview = client.preview_invites_csv(csv)
        assert _names(site) == before
        imported = client.import_invites_csv(csv)
    for outcome in (preview, imported):
        got = {r.line: (r.code, r.params.get("column")) for r in outcome.refused}
        assert got == {line: BAD[row] for line, row in enumerate(rows, start=2) if row in BAD}
        for row in outcome.refused:
            reason = row.reason or ""
            assert "out of range" not in reason and "whole second" not in reason, reason
            assert row.code not in ("refused", "out_of_range", "row_failed"), reason
        assert outcome.ok_count == 2
    far = {r.line: r.params for r in imported.refused if r.code == "date_out_of_range"}
    assert far[5] == {
        "column": "valid_from",
        "value": "9999-12-31",
        "first": "2000",
        "last": "2100",
    }
    assert _names(site) - before == {"Kaisa Koo", "Lauri Luu"}  # the bad rows left nothing


def test_a_file_of_good_rows_imports_whole(site: Site) -> None:
    csv = HEADER + "".join(f"{r}\n" for r in GOOD)
    with site.client() as client:
        preview = client.preview_invites_csv(csv)
        imported = client.import_invites_csv(csv)
    assert (preview.ok_count, preview.refused) == (imported.ok_count, imported.refused) == (2, ())
    assert {"Kaisa Koo", "Lauri Luu"} <= _names(site)
