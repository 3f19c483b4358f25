from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select

from kiosk.base.clock import FixedClock
from kiosk.lobby.checkin import UNKNOWN_BADGE_COUNTER, CheckinService
from kiosk.store.engine import Store
from kiosk.store.models import Checkin, Counter, OutboxRow
from kiosk.sync.engine import SyncEngine
from kiosk.views.screens import TapResult
from tests.stores import AINO_UID, NOON, local, row_counts, seed_central, site_key


def lobby_with_people(tmp_path: Path) -> tuple[Store, CheckinService, FixedClock]:
    clock = FixedClock(NOON)
    key = site_key(tmp_path)
    central = seed_central(f"sqlite:///{tmp_path / 'central.db'}", key, clock)
    central.dispose()
    store = local(tmp_path)
    engine = SyncEngine(
        store,
        f"sqlite:///{tmp_path / 'central.db'}",
        kiosk_id="lobby-1",
        role="lobby",
        room_id=None,
        clock=clock,
    )
    engine.cycle()
    engine.close()
    return store, CheckinService(store, clock, key, "lobby-1"), clock


def test_tap_checks_in_then_later_out_with_outbox_rows(tmp_path: Path) -> None:
    store, service, clock = lobby_with_people(tmp_path)
    first = service.badge_tap(AINO_UID)
    assert first.result is TapResult.CHECKED_IN
    assert first.name == "Aino Virtanen"
    clock.advance(timedelta(hours=3))
    second = service.badge_tap(AINO_UID.lower())
    assert second.result is TapResult.CHECKED_OUT
    with store.session() as s:
        directions = s.scalars(select(Checkin.direction).order_by(Checkin.at)).all()
        queued = s.scalars(select(OutboxRow.entity)).all()
    assert directions == ["in", "out"]
    assert queued == ["checkins", "checkins"]
    store.dispose()


def test_a_second_tap_right_away_does_not_toggle(tmp_path: Path) -> None:
    store, service, clock = lobby_with_people(tmp_path)
    service.badge_tap(AINO_UID)
    clock.advance(timedelta(seconds=5))
    again = service.badge_tap(AINO_UID)
    assert again.result is TapResult.ALREADY_IN
    assert again.since == NOON
    with store.session() as s:
        assert len(s.scalars(select(Checkin)).all()) == 1
    store.dispose()


def test_unknown_badge_stores_nothing_but_a_counter(tmp_path: Path) -> None:
    store, service, _clock = lobby_with_people(tmp_path)
    before = row_counts(store)
    outcome = service.badge_tap("0FFFFFFFFF")
    service.badge_tap("0FFFFFFFFF")
    assert outcome.result is TapResult.UNKNOWN_BADGE
    assert outcome.name is None
    after = row_counts(store)
    assert {k: v for k, v in after.items() if k != "counters"} == {
        k: v for k, v in before.items() if k != "counters"
    }
    with store.session() as s:
        counter = s.get(Counter, UNKNOWN_BADGE_COUNTER)
        assert counter is not None and counter.value == 2
    store.dispose()


def test_check_in_is_logged_only_after_its_commit(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store, service, _clock = lobby_with_people(tmp_path)

    def refuse(_session: object) -> None:
        raise RuntimeError("commit refused")

    event.listen(store.sessions, "before_commit", refuse)
    with (
        caplog.at_level(logging.INFO, logger="kiosk.lobby.checkin"),
        pytest.raises(RuntimeError, match="commit refused"),
    ):
        service.badge_tap(AINO_UID)
    assert not [r for r in caplog.records if "checked in" in r.getMessage()]
    event.remove(store.sessions, "before_commit", refuse)

    with caplog.at_level(logging.INFO, logger="kiosk.lobby.checkin"):
        assert service.badge_tap(AINO_UID).result is TapResult.CHECKED_IN
    assert [r for r in caplog.records if "member checked in" in r.getMessage()]
    with store.session() as s:
        assert len(s.scalars(select(Checkin)).all()) == 1
    store.dispose()
