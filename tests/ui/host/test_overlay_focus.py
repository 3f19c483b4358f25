"""The PIN pad and the host panel keep the keyboard focus: Tab never reaches the screen below."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ui.common.focus import focus_chain
from ui.host.overlay import HostOverlay

TZ = ZoneInfo("Europe/Helsinki")
# Focus needs an active window; activating one offscreen makes Qt say this, harmlessly.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _screen_with_buttons(qtbot: QtBot) -> tuple[QWidget, list[QPushButton]]:
    screen = QWidget()
    qtbot.addWidget(screen)
    row = QHBoxLayout(screen)
    buttons = [QPushButton(f"under {i}", screen) for i in range(3)]
    for button in buttons:
        row.addWidget(button)
    screen.resize(1280, 800)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    return screen, buttons


def test_tab_and_shift_tab_go_round_the_page_on_show(qtbot: QtBot) -> None:
    screen, underneath = _screen_with_buttons(qtbot)
    overlay = HostOverlay(screen, TZ, lobby=True)
    for page in (overlay.pin_pad, overlay.panel):
        overlay.show_page(page)
        chain = focus_chain(page)
        assert len(chain) >= 2, page
        seen = []
        for key in [Qt.Key.Key_Tab] * (2 * len(chain)) + [Qt.Key.Key_Backtab] * len(chain):
            focused = QApplication.focusWidget()
            assert focused is not None
            qtbot.keyClick(focused, key)
            now = QApplication.focusWidget()
            assert now is not None and now not in underneath
            assert page.isAncestorOf(now), f"{key} left the page for {now.objectName()}"
            seen.append(now)
        # Round and round: the stops come back (a group of choices is one stop, arrows move
        # inside it), and the last control is followed by the first.
        stops = seen[: 2 * len(chain)]
        assert len(set(stops)) < len(stops)
        assert chain[0] in stops and chain[-1] in stops
    overlay.hide()


def test_the_order_is_the_order_seen(qtbot: QtBot) -> None:
    screen, _underneath = _screen_with_buttons(qtbot)
    overlay = HostOverlay(screen, TZ, lobby=True)
    overlay.show_page(overlay.panel)
    places = [
        (
            w.mapTo(overlay.panel, w.rect().center()).y(),
            w.mapTo(overlay.panel, w.rect().center()).x(),
        )
        for w in focus_chain(overlay.panel)
    ]
    rows = [y for y, _x in places]
    assert rows == sorted(rows)
    overlay.hide()
