"""A fullscreen kiosk window takes its screen's geometry itself (the bare-X case is e2e:
tests/e2e/test_fullscreen_xvfb.py)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.shell.fullscreen import show_filling_screen


def test_the_window_takes_its_screen_and_follows_its_changes(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    filler = show_filling_screen(window)
    qtbot.waitExposed(window)
    screen = window.screen()
    assert window.geometry() == screen.geometry()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.isFullScreen()
    # What QScreen.geometryChanged delivers when a panel is rotated: the window follows.
    screen.geometryChanged.emit(QRect(0, 0, 480, 800))
    qtbot.waitUntil(lambda: window.geometry() == QRect(0, 0, 480, 800), timeout=15_000)
    assert filler.parent() is window
