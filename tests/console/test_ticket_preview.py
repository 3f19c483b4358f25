"""An event's ticket CSV has a preview, as the invitation CSV has: every row through the
import's own checks, nothing written, the same failing rows (codes, English reasons, columns)
as the import of the same file, whose answer is unchanged (the real service on loopback,
SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from kiosk.console.client import Refused
from kiosk.console.models import CsvOutcome, EventDraft, LocalText
from kiosk.store.models import AuditEntry, Change, Invitation, Visitor
from tests.console.helpers import Site, staff_site
from tests.stores import NOON

CSV = (
    "name,organisation\n"
    "Eeva Ek,OKM\n"  # 2: fine
    ",OKM\n"  # 3: no name
    f"{'N' * 201},\n"  # 4: a name over 200 characters
    f"Olli Oja,{'O' * 201}\n"  # 5: an organisation over 200 characters
    "Pia P\u200buu,\n"  # 6: a hidden character
    "Rea Ruu,VM,extra\n"  # 7: more fields than the header
    "Saku Salo,\n"  # 8: fine
)
FAILING = {
    3: ("name_missing", "name"),
    4: ("name_too_long", "name"),
    5: ("company_too_long", "organisation"),
    6: ("hidden_character", "name"),
    7: ("too_many_fields", None),
}


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        yield s


def _event(site: Site, hours: int = 2) -> uuid.UUID:
    start = NOON + timedelta(hours=hours)
    draft = EventDraft(LocalText("Avoimet ovet"), start, start + timedelta(hours=3))
    with site.client() as client:
        return client.save_event(draft).id


def _stored(site: Site) -> tuple[int, ...]:
    with site.service.store.engine.connect() as conn:
        return tuple(
            int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (Visitor, Invitation, Change, AuditEntry)
        )


def _failing(outcome: CsvOutcome) -> dict[int, tuple[str | None, str | None]]:
    return {r.line: (r.code, r.params.get("column")) for r in outcome.refused}


def test_the_preview_writes_nothing_and_names_the_rows_the_import_refuses(site: Site) -> None:
    event_id = _event(site)
    before = _stored(site)
    with site.client() as client:
        preview = client.preview_tickets(event_id, CSV)
        assert _stored(site) == before  # no ticket, no visitor, no change feed, no audit
        imported = client.import_tickets(event_id, CSV)
    assert _failing(preview) == FAILING
    assert [(r.line, r.code, r.reason, r.params) for r in preview.refused] == [
        (r.line, r.code, r.reason, r.params) for r in imported.refused
    ]
    assert [(r.line, r.name) for r in preview.rows if r.ok] == [(2, "Eeva Ek"), (8, "Saku Salo")]
    assert preview.ok_count == imported.imported == 2
    after = _stored(site)
    assert (after[0] - before[0], after[1] - before[1]) == (2, 2)


def test_for_an_event_already_over_every_row_fails_in_both(site: Site) -> None:
    event_id = _event(site, hours=1)
    site.service.clock.advance(timedelta(hours=6))
    with site.client() as client:
        preview = client.preview_tickets(event_id, "name\nEeva\nOlli\n")
        imported = client.import_tickets(event_id, "name\nEeva\nOlli\n")
    assert [(r.line, r.code) for r in preview.refused] == [(2, "event_over"), (3, "event_over")]
    assert [(r.line, r.code) for r in imported.refused] == [
        (r.line, r.code) for r in preview.refused
    ]
    assert imported.imported == preview.ok_count == 0


def test_an_unknown_event_or_a_wrong_header_is_refused_before_any_row(site: Site) -> None:
    event_id = _event(site)
    with site.client() as client:
        with pytest.raises(Refused) as unknown:
            client.preview_tickets(uuid.uuid4(), "name\nEeva\n")
        with pytest.raises(Refused) as header:
            client.preview_tickets(event_id, "nimi\nEeva\n")
    assert unknown.value.code == "unknown_event"
    assert header.value.code == "bad_header"


def test_the_import_without_dry_run_answers_as_before(site: Site) -> None:
    """The route is public: without ``dry_run`` it imports and answers its old JSON."""
    event_id = _event(site)
    with httpx.Client(base_url=site.service.url, timeout=20) as http:
        answer = http.post(
            f"/v1/staff/events/{event_id}/tickets",
            json={"csv": "name\nEeva\n\u200b\n"},
            headers={"Authorization": f"Bearer {site.staff_token()}"},
        )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) == {"imported", "refused"} and body["imported"] == 1
