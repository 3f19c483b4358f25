"""Scans in quick succession through the real controller and database worker: a refused code
never holds up the next one, and each answer replaces the one before on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from kiosk.views.screens import ScanOutcome, ScanResult
from tests.lobby.visitor_helpers import Lab, make_lab
from ui.lobby.controller import LobbyController
from ui.lobby.screen import LobbyScreen
from ui.runtime.db_worker import DbWorker


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    lab = make_lab(tmp_path)
    yield lab
    lab.close()


@pytest.fixture
def db() -> Iterator[DbWorker]:
    worker = DbWorker()
    yield worker
    worker.shutdown()


def test_a_refused_code_then_a_valid_one_welcomes_at_once(
    qtbot: QtBot, tz: ZoneInfo, lab: Lab, db: DbWorker
) -> None:
    lobby = LobbyScreen(tz, welcome_seconds=30)
    qtbot.addWidget(lobby)
    lobby.resize(1280, 800)
    lobby.show()
    _id, token = lab.invite("Eeva Ek")
    lab.sync()
    shown: list[ScanResult] = []
    woken: list[bool] = []
    controller = LobbyController(
        lobby,
        db,
        None,  # type: ignore[arg-type]  # no badge taps here
        lab.clock,
        lambda: woken.append(True),
        lab.service,
    )
    original = lobby.show_outcome

    def show(outcome: object) -> None:
        assert isinstance(outcome, ScanOutcome)
        shown.append(outcome.result)
        original(outcome)

    lobby.show_outcome = show  # type: ignore[method-assign]
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    for text in ("https://example.com/wifi", "x" * 2048, forged, token):
        controller.handle_scan(text)  # all queued before the first answer arrives
    qtbot.waitUntil(lambda: len(shown) == 4)
    assert shown == [ScanResult.NOT_A_LAB_CODE] * 3 + [ScanResult.WELCOME]
    outcome = lobby.outcome
    assert isinstance(outcome, ScanOutcome) and outcome.name == "Eeva Ek"
    assert lobby.showing_result
    assert woken == [True]  # only the stored check-in wakes the sync
