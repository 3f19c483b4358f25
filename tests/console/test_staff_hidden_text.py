"""Invisible and bidi characters in a staff CSV: the row is refused with its column named, in the
preview and in the import alike, nothing of it is stored, and a spreadsheet's BOM at the start
of the file is no such character (the real service on loopback, SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.console.models import CsvOutcome, EventDraft, LocalText
from kiosk.store.models import Visitor
from tests.console.helpers import HOST, Site, staff_site
from tests.stores import NOON


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        yield s


# As Finnish Excel saves "CSV UTF-8": a BOM, then ';' between the cells.
CSV = (
    "\ufeffname;host;organisation\r\n"
    f"Eeva Ek;{HOST};OKM\r\n"  # 2
    f"\u202eevil\u202c Visitor;{HOST};\r\n"  # 3: a bidi override in the name
    f"Olli Oja;{HOST};Valtio\u200bkonttori\r\n"  # 4: a zero-width space in the organisation
    f"Pia\ufeff Puu;{HOST};\r\n"  # 5: a BOM inside a value is no BOM
    f"Saku Salo;{HOST}\u2066;\r\n"  # 6: an isolate after the host's address
    f"\u200d;{HOST};\r\n"  # 7: a joiner alone is no name
    f"Mi\u200cna Ma;{HOST};\r\n"  # 8: a joiner inside a real name is fine
)
REFUSED = {
    3: ("hidden_character", {"column": "name", "char": "U+202E"}),
    4: ("hidden_character", {"column": "organisation", "char": "U+200B"}),
    5: ("hidden_character", {"column": "name", "char": "U+FEFF"}),
    6: ("hidden_character", {"column": "host", "char": "U+2066"}),
    7: ("shows_nothing", {"column": "name"}),
}


def _refused(outcome: CsvOutcome) -> dict[int, tuple[str | None, dict[str, str]]]:
    return {r.line: (r.code, r.params) for r in outcome.refused}


def _visitors(site: Site) -> list[str]:
    with site.service.store.engine.connect() as conn:
        return sorted(conn.execute(select(Visitor.name)).scalars())


def test_hidden_characters_fail_their_row_in_the_preview_and_the_import(site: Site) -> None:
    with site.client() as client:
        preview = client.preview_invites_csv(CSV)
        assert _visitors(site) == []
        imported = client.import_invites_csv(CSV)
    assert _refused(preview) == _refused(imported) == REFUSED
    assert [r.line for r in imported.rows if r.ok] == [2, 8]
    assert _visitors(site) == ["Eeva Ek", "Mi\u200cna Ma"]
    for row in imported.refused:  # the name the console shows cannot turn its line around
        assert not any(c in row.name for c in "\u202e\u202c\ufeff\u200b\u2066")
    assert [r.name for r in imported.refused][:1] == ["evil Visitor"]


def test_a_bom_the_client_left_at_the_start_is_read_as_a_bom(site: Site) -> None:
    with site.client() as client:
        outcome = client.import_invites_csv(f"\ufeffname,host\nEeva Ek,{HOST}\n")
    assert (outcome.ok_count, outcome.refused) == (1, ())
    assert _visitors(site) == ["Eeva Ek"]


def test_ticket_names_are_checked_the_same_way(site: Site) -> None:
    with site.client() as client:
        start = NOON + timedelta(days=1)
        event = client.save_event(EventDraft(LocalText("Juhla"), start, start + timedelta(hours=2)))
        result = client.import_tickets(event.id, "\ufeffname\nEeva\nOl\u202eli\n")
    assert result.imported == 1
    assert [(r.line, r.code, r.params) for r in result.refused] == [
        (3, "hidden_character", {"column": "name", "char": "U+202E"})
    ]
