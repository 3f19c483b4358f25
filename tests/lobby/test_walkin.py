"""Walk-in visitors: host search, privacy acceptance, one transaction with the outbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.base.errors import UsageError
from kiosk.lobby.notify_queue import enqueue_arrival
from kiosk.lobby.presence import who_is_in_store
from kiosk.lobby.walkin import WalkinService
from kiosk.store.models import Checkin, Notification, OutboxRow, Visitor
from kiosk.views.screens import ScanResult
from tests.lobby.visitor_helpers import Lab, make_lab
from tests.stores import dump


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    lab = make_lab(tmp_path)
    yield lab
    lab.close()


@pytest.fixture
def walkins(lab: Lab) -> WalkinService:
    return WalkinService(lab.lobby, lab.clock, "lobby-1", on_checkin=enqueue_arrival)


def test_host_search_matches_word_starts_in_any_case(walkins: WalkinService) -> None:
    assert [h.name for h in walkins.search_hosts("mik")] == ["Mikko Korhonen"]
    assert [h.name for h in walkins.search_hosts("KOR mi")] == ["Mikko Korhonen"]
    assert [h.name for h in walkins.search_hosts("virt")] == ["Aino Virtanen"]
    assert walkins.search_hosts("ikko") == []
    assert walkins.search_hosts("   ") == []


def test_a_walk_in_is_stored_with_its_outbox_rows_and_notice(
    lab: Lab, walkins: WalkinService
) -> None:
    [host] = walkins.search_hosts("mikko")
    outcome = walkins.register("  Sofia   Laine ", "Kela", host.id, privacy_accepted=True)
    assert outcome.result is ScanResult.WELCOME
    assert (outcome.name, outcome.host) == ("Sofia Laine", "Mikko Korhonen")
    with lab.lobby.session() as s:
        [visitor] = s.scalars(select(Visitor)).all()
        [checkin] = s.scalars(select(Checkin)).all()
        assert (visitor.name, visitor.organisation, visitor.host_id) == (
            "Sofia Laine",
            "Kela",
            host.id,
        )
        assert (checkin.visitor_id, checkin.method) == (visitor.id, "walk-in")
        assert s.scalars(select(OutboxRow.entity).order_by(OutboxRow.seq)).all() == [
            "visitors",
            "checkins",
        ]
        assert len(s.scalars(select(Notification)).all()) == 1
    [present] = who_is_in_store(lab.lobby)
    assert (present.name, present.host) == ("Sofia Laine", "Mikko Korhonen")
    lab.sync()  # the central store takes the visitor before its check-in
    with lab.central.engine.connect() as conn:
        assert len(conn.execute(select(Checkin)).all()) == 1
        assert len(conn.execute(select(Visitor)).all()) == 1


@pytest.mark.parametrize(
    ("name", "accepted", "host_ok"),
    [("Sofia", False, True), ("   ", True, True), ("Sofia", True, False)],
    ids=["privacy-not-accepted", "no-name", "unknown-host"],
)
def test_an_incomplete_registration_stores_nothing(
    lab: Lab, walkins: WalkinService, name: str, accepted: bool, host_ok: bool
) -> None:
    import uuid

    host_id = walkins.search_hosts("mikko")[0].id if host_ok else uuid.uuid4()
    before = dump(lab.lobby)
    with pytest.raises(UsageError):
        walkins.register(name, None, host_id, privacy_accepted=accepted)
    assert dump(lab.lobby) == before
