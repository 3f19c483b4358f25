"""The staff CSV preview checks every row with the import's own code and writes nothing: it
names the same failing rows as the import of the same file, and it runs while another
transaction holds the visitors table (the real service on loopback, SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, text, update

from kiosk.console.models import CsvOutcome
from kiosk.store.engine import open_store
from kiosk.store.models import Change, Invitation, InvitationEmail, Person, Visitor
from tests.console.helpers import HOST, Site, staff_site

ADMIN = "admin@lab.example"
CSV = (
    "name,host,organisation,valid_from,valid_to,single_use,email,lang\n"
    f"Eeva Ek,{HOST},OKM,,,yes,eeva@okm.example,sv\n"  # 2: fine, with an e-mail
    f",{HOST},,,,,,\n"  # 3: no name
    "Olli Oja,nobody@lab.example,,,,,,\n"  # 4: no such host
    f"Pia Puu,{ADMIN},,,,,,\n"  # 5: a host who has left (made inactive below)
    f"Saku Salo,{HOST},,2026-11-27,2026-11-26,,,\n"  # 6: ends before it starts
    f"Tuuli Tie,{HOST},,2026-11-20,2026-11-21,,,\n"  # 7: already over
    f"Ulla Uusi,{HOST},,2026-11-27,2027-12-31,,,\n"  # 8: valid for over a year
    f"Vesa Vuo,{HOST},,9999-12-30,9999-12-31,,,\n"  # 9: no token carries the year 9999
    f"{'N' * 201},{HOST},,,,,,\n"  # 10: a name over 200 characters
    f"Aino Aho,{HOST},{'O' * 201},,,,,\n"  # 11: an organisation over 200 characters
    f"Kari Koo,{HOST},,,,maybe,,\n"  # 12: not yes or no
    f"Lea Lii,{HOST},,tomorrow,,,,\n"  # 13: not a date
    f"Mia Maa,{HOST},,,,,not-an-address,\n"  # 14: not an address
    f"Nea Nuo,{HOST},,,,,nea@okm.example,de\n"  # 15: no such language
    f"Ari Aal\u200bto,{HOST},,,,,,\n"  # 16: a hidden character
    f"Rea Ruu,{HOST},,,,,,,extra\n"  # 17: more fields than the header
    f"Eeva Ek,{HOST},OKM,,,,,\n"  # 18: fine (the same name again is a new visit)
)
FAILING = {
    3: "name_missing",
    4: "unknown_host",
    5: "host_inactive",
    6: "ends_before_start",
    7: "already_over",
    8: "valid_too_long",
    9: "date_out_of_range",
    10: "name_too_long",
    11: "company_too_long",
    12: "bad_yes_no",
    13: "bad_date",
    14: "bad_email",
    15: "bad_language",
    16: "hidden_character",
    17: "too_many_fields",
}


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        with s.service.store.engine.begin() as conn:
            conn.execute(update(Person).where(Person.email == ADMIN).values(active=False))
        yield s


def _failing(outcome: CsvOutcome) -> dict[int, tuple[str | None, str | None]]:
    return {r.line: (r.code, r.reason) for r in outcome.refused}


def _stored(site: Site) -> tuple[int, ...]:
    with site.service.store.engine.connect() as conn:
        return tuple(
            int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (Visitor, Invitation, InvitationEmail, Change)
        )


def test_a_preview_and_the_import_of_one_file_name_the_same_failing_rows(site: Site) -> None:
    before = _stored(site)
    with site.client() as client:
        preview = client.preview_invites_csv(CSV)
        assert _stored(site) == before  # nothing written, not even the change feed
        imported = client.import_invites_csv(CSV)
    assert {line: code for line, (code, _) in _failing(preview).items()} == FAILING
    assert _failing(preview) == _failing(imported)  # the codes and the English reasons alike
    assert [r.line for r in preview.rows if r.ok] == [r.line for r in imported.rows if r.ok]
    assert [r.name for r in preview.rows] == [r.name for r in imported.rows]
    assert (preview.ok_count, preview.emails_queued) == (imported.ok_count, 1) == (2, 1)
    assert _stored(site)[:3] == (before[0] + 2, before[1] + 2, before[2] + 1)


@pytest.mark.postgres
def test_a_preview_runs_while_a_writer_holds_the_visitors_table(
    tmp_path: Path, pg_url: str
) -> None:
    """The preview used to insert every row and roll back: on PostgreSQL it waited for any
    transaction that held the table, and held back every kiosk's change feed while it ran."""
    found: list[httpx.Response] = []
    with staff_site(tmp_path, pg_url) as site:
        headers = {"Authorization": f"Bearer {site.staff_token()}"}

        def preview() -> None:
            with httpx.Client(base_url=site.service.url, headers=headers, timeout=60) as http:
                body = {"csv": f"name,host\nEeva Ek,{HOST}\n"}
                found.append(http.post("/v1/staff/invitations/csv", json=body))

        holder = open_store(pg_url, migrate=False)
        asker = threading.Thread(target=preview, name="preview")
        try:
            with holder.engine.connect() as conn:
                conn.execute(text("LOCK TABLE visitors IN EXCLUSIVE MODE"))  # reads pass
                asker.start()
                asker.join(15)
                in_time = list(found)
                conn.rollback()
        finally:
            if asker.is_alive():
                asker.join(60)
            holder.dispose()
    assert len(in_time) == 1, "the preview waited for the lock"
    assert in_time[0].status_code == 200, in_time[0].text
    assert [r["ok"] for r in in_time[0].json()["rows"]] == [True]
