"""The whole lobby kiosk in-process: a card held on a pty reader is greeted exactly once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from devices.simulate import PtySimulator
from kiosk.base.clock import SystemClock
from kiosk.config.settings import load_config
from kiosk.demo.data import create_demo
from kiosk.store.engine import open_store
from kiosk.store.models import Checkin
from kiosk.views.screens import TapResult
from ui.shell.app import Kiosk


def visible_text(widget: QWidget) -> str:
    return " ".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


@pytest.fixture
def simulator() -> Iterator[PtySimulator]:
    sim = PtySimulator("rdm6300")
    yield sim
    sim.close()


@pytest.fixture
def lobby(qtbot: QtBot, tmp_path: Path, simulator: PtySimulator) -> Iterator[Kiosk]:
    demo = create_demo(tmp_path, SystemClock().now())
    config = load_config(demo.write_config("lobby-1", "lobby", reader_port=simulator.path))
    kiosk = Kiosk(config, SystemClock())
    screen = kiosk.start()
    qtbot.addWidget(screen)
    yield kiosk
    kiosk.shutdown()


def test_a_held_card_is_one_check_in_greeted_by_name(
    qtbot: QtBot, lobby: Kiosk, simulator: PtySimulator
) -> None:
    from ui.lobby.screen import LobbyScreen

    screen = lobby.screen
    assert isinstance(screen, LobbyScreen)
    # Wait until the first sync brought the people in, or the tap would be "unknown".
    qtbot.waitUntil(lambda: not lobby.status.current.syncing_first_time, timeout=10_000)
    qtbot.waitUntil(lambda: lobby.status.current.readers[0].state == "connected", timeout=15_000)

    shown: list[TapResult] = []
    original = screen.show_outcome

    def record(outcome):  # type: ignore[no-untyped-def]
        shown.append(outcome.result)
        original(outcome)

    screen.show_outcome = record  # type: ignore[method-assign]
    simulator.present("0A00F1C2D3", repeats=15)  # held: the reader repeats its frame
    qtbot.waitUntil(lambda: shown == [TapResult.CHECKED_IN], timeout=15_000)
    assert "Aino Virtanen" in visible_text(screen)

    # Pushed to the central store by the sync worker, off the GUI thread.
    central = open_store(lobby.config.central_url, migrate=False)

    def pushed() -> int:
        with central.engine.connect() as conn:
            return len(conn.execute(select(Checkin)).all())

    assert lobby.sync is not None
    lobby.sync.wake()
    qtbot.waitUntil(lambda: pushed() == 1, timeout=10_000)
    central.dispose()
    assert shown == [TapResult.CHECKED_IN]


def test_an_unknown_card_is_told_politely(
    qtbot: QtBot, lobby: Kiosk, simulator: PtySimulator
) -> None:
    qtbot.waitUntil(lambda: lobby.status.current.readers[0].state == "connected", timeout=15_000)
    screen = lobby.screen
    assert screen is not None
    simulator.present("0FFFFFFFFF", repeats=3)
    # No translator is installed here, so the screen speaks its English source strings.
    qtbot.waitUntil(lambda: "not recognised" in visible_text(screen), timeout=15_000)
    assert lobby.store is not None
    with lobby.store.session() as s:
        assert s.scalars(select(Checkin)).all() == []


def test_a_door_before_its_first_sync_says_it_is_fetching(qtbot: QtBot, tmp_path: Path) -> None:
    """No room data yet: the door must not claim "free" or "no more bookings"."""
    from kiosk.config.settings import parse_config
    from ui.door.screen import DoorScreen

    config = parse_config(
        {
            "kiosk": {"id": "door-1", "role": "door", "room": "aurora", "data_dir": str(tmp_path)},
            "central": {"url": f"sqlite:///{tmp_path / 'unreachable' / 'nothing.db'}"},
        }
    )
    (tmp_path / "site.key").write_text("00" * 32)
    kiosk = Kiosk(config, SystemClock())
    screen = kiosk.start()
    qtbot.addWidget(screen)
    try:
        assert isinstance(screen, DoorScreen)
        qtbot.waitUntil(lambda: "One moment" in visible_text(screen), timeout=15_000)
        assert "aurora" in visible_text(screen)
        assert "Free" not in visible_text(screen)
    finally:
        kiosk.shutdown()
