"""The lobby works with a keyboard alone (WCAG 2.1.1): Tab reaches every control, Space and
Enter use them, Escape goes back. Keys are pressed on the real widgets, focus follows Qt."""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.lobby.walkin import HostChoice
from tests.ui.helpers import settle
from ui.lobby.screen import LobbyScreen


@pytest.fixture
def lobby(qtbot: QtBot, tz: ZoneInfo) -> LobbyScreen:
    screen = LobbyScreen(tz, welcome_seconds=30, idle_seconds=30)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.activateWindow()
    qtbot.waitActive(screen)
    return screen


def _tab_cycle(qtbot: QtBot, start: QWidget, presses: int = 60) -> list[QWidget]:
    """The widgets Tab visits from ``start``, in order, until it comes round again."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(presses):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused in seen:
            break
        seen.append(focused)
    return seen


def test_tab_reaches_every_control_of_the_home_page(qtbot: QtBot, lobby: LobbyScreen) -> None:
    settle()
    visited = _tab_cycle(qtbot, lobby)
    for widget in (lobby.home.walkin, lobby.home.checkout):
        assert widget in visited, widget.objectName()
    # The language buttons are one exclusive group: Tab enters it, the arrow keys move within.
    languages = list(lobby.language_bar.buttons.values())
    entered = [button for button in languages if button in visited]
    assert entered
    reached = set(entered)
    for arrow in (Qt.Key.Key_Left, Qt.Key.Key_Right):
        current: QWidget = entered[0]
        current.setFocus(Qt.FocusReason.TabFocusReason)
        for _ in languages:
            qtbot.keyClick(current, arrow)
            focused = QApplication.focusWidget()
            assert isinstance(focused, QWidget)
            current = focused
            reached.add(current)
    assert set(languages) <= reached


def test_the_walk_in_form_is_filled_and_sent_with_the_keyboard(
    qtbot: QtBot, lobby: LobbyScreen
) -> None:
    sent: list[tuple[str, str, object]] = []
    lobby.walkin_submitted.connect(lambda *args: sent.append(args))
    lobby.home.walkin.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(lobby.home.walkin, Qt.Key.Key_Space)
    assert lobby.showing_walkin
    page = lobby.walkin
    host = HostChoice(uuid.uuid4(), "Mikko Korhonen", None)
    page.set_host_choices([host])
    settle()
    assert QApplication.focusWidget() is page.name
    qtbot.keyClicks(page.name, "Sofia Laine")
    qtbot.keyClick(page.name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.organisation
    qtbot.keyClicks(page.organisation, "Kela")

    visited = _tab_cycle(qtbot, page.organisation)
    for widget in (page.host_search, page.choices[0], page.privacy, page.cancel):
        assert widget in visited, widget.objectName()
    assert page.submit not in visited  # disabled until the form is complete
    for key in page.keyboard.keys.values():  # on-screen keys type, they never take focus
        assert key not in visited

    page.choices[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.choices[0], Qt.Key.Key_Space)
    assert page.chosen_host == host
    page.privacy.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.privacy, Qt.Key.Key_Space)
    assert page.privacy.isChecked()
    assert page.submit.isEnabled()
    assert page.submit in _tab_cycle(qtbot, page.privacy)
    page.submit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.submit, Qt.Key.Key_Space)
    assert sent == [("Sofia Laine", "Kela", host.id)]


def test_escape_leaves_the_form_from_a_text_field(qtbot: QtBot, lobby: LobbyScreen) -> None:
    lobby.show_walkin()
    settle()
    qtbot.keyClicks(lobby.walkin.name, "Sofia")
    qtbot.keyClick(lobby.walkin.name, Qt.Key.Key_Escape)
    assert lobby.showing_home
    lobby.show_walkin()
    assert lobby.walkin.name.text() == ""  # the next visitor does not see it
