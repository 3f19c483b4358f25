"""Keyboard-wedge scanners: a fast burst ending in Enter is a scan; a person typing is not."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.lobby.screen import LobbyScreen
from ui.runtime.wedge import WedgeScanner

CODE = "LK1:AB CD$%*+-./:0123"


class Ticker:
    """A monotonic clock that moves a fixed step on every reading (one reading per key)."""

    def __init__(self, step: float) -> None:
        self.now = 100.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def lobby(qtbot: QtBot, tz: ZoneInfo) -> LobbyScreen:
    screen = LobbyScreen(tz)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture
def ticker() -> Ticker:
    return Ticker(0.005)


@pytest.fixture
def wedge(lobby: LobbyScreen, ticker: Ticker) -> Iterator[WedgeScanner]:
    scanner = WedgeScanner(lobby, clock=ticker)
    scanner.install()
    yield scanner
    scanner.uninstall()


def collect(wedge: WedgeScanner) -> list[str]:
    seen: list[str] = []
    wedge.scanned.connect(seen.append)
    return seen


def test_a_fast_burst_ending_in_enter_is_one_scan(
    qtbot: QtBot, lobby: LobbyScreen, wedge: WedgeScanner
) -> None:
    seen = collect(wedge)
    qtbot.keyClicks(lobby, CODE)
    qtbot.keyClick(lobby, Qt.Key.Key_Return)
    assert seen == [CODE]
    qtbot.keyClicks(lobby, CODE)  # the next scan starts afresh
    qtbot.keyClick(lobby, Qt.Key.Key_Enter)
    assert seen == [CODE, CODE]


def test_typing_at_human_speed_is_not_a_scan(
    qtbot: QtBot, lobby: LobbyScreen, wedge: WedgeScanner, ticker: Ticker
) -> None:
    seen = collect(wedge)
    ticker.step = 0.15
    qtbot.keyClicks(lobby, "hello there")
    qtbot.keyClick(lobby, Qt.Key.Key_Return)
    assert seen == []


def test_a_short_burst_is_not_a_scan(qtbot: QtBot, lobby: LobbyScreen, wedge: WedgeScanner) -> None:
    seen = collect(wedge)
    qtbot.keyClicks(lobby, "abc")
    qtbot.keyClick(lobby, Qt.Key.Key_Return)
    assert seen == []


def test_a_pause_inside_the_burst_starts_over(
    qtbot: QtBot, lobby: LobbyScreen, wedge: WedgeScanner, ticker: Ticker
) -> None:
    seen = collect(wedge)
    qtbot.keyClicks(lobby, "typed by hand")
    ticker.now += 5
    qtbot.keyClicks(lobby, CODE)
    qtbot.keyClick(lobby, Qt.Key.Key_Return)
    assert seen == [CODE]


def test_a_scan_never_presses_the_focused_button_but_a_person_still_can(
    qtbot: QtBot, lobby: LobbyScreen, wedge: WedgeScanner, ticker: Ticker
) -> None:
    button = lobby.language_bar.buttons["en"]
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    seen = collect(wedge)
    qtbot.keyClicks(button, CODE)  # spaces inside the burst
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert seen == [CODE]
    assert pressed == []
    ticker.now += 5  # later, a keyboard user presses Space on the button
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert pressed == [True]


def test_after_uninstall_nothing_is_seen(
    qtbot: QtBot, lobby: LobbyScreen, wedge: WedgeScanner
) -> None:
    seen = collect(wedge)
    wedge.uninstall()
    qtbot.keyClicks(lobby, CODE)
    qtbot.keyClick(lobby, Qt.Key.Key_Return)
    assert seen == []


def test_fast_typing_in_a_text_field_loses_no_letters(qtbot: QtBot, ticker: Ticker) -> None:
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    scanner = WedgeScanner(field, clock=ticker)
    scanner.install()
    try:
        seen = collect(scanner)
        qtbot.keyClicks(field, "the quick fox")  # 5 ms apart: as fast as a scanner
        assert field.text() == "the quick fox"
        qtbot.keyClick(field, Qt.Key.Key_Return)  # a burst ending in Enter is still a scan
        assert seen == ["the quick fox"]
    finally:
        scanner.uninstall()
