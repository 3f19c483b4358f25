"""The feedback page's hint says what to do with what is on screen: with the keyboard up and the
faces put away for it, "tap a face" would point at nothing. With the keys up the page uses the
panel: on the 1280x800 tablet the question comes back above the comment and no band of empty page
is left under the keys; the 800x480 panel keeps just the line being typed."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tests.ui.helpers import settle
from tests.ui.layout.test_layout import PANELS, Panel
from ui.common.i18n import LanguageManager
from ui.lab.feedback import FeedbackAsk, FeedbackPage
from ui.lobby.screen import LobbyScreen

LEFT = Qt.MouseButton.LeftButton
WHILE_TYPING = {
    "en": "Tap Done to choose a face. Your answer is anonymous.",
    "fi": "Napauta Valmis ja valitse hymiö. Vastauksesi on nimetön.",
    "sv": "Tryck på Klar och välj en smiley. Ditt svar är anonymt.",
}
TAP_A_FACE = {
    "en": "Tap a face. Your answer is anonymous.",
    "fi": "Valitse hymiö. Vastauksesi on nimetön.",
    "sv": "Välj en smiley. Ditt svar är anonymt.",
}


def _feedback(qtbot: QtBot, tz: ZoneInfo, panel: Panel) -> FeedbackPage:
    lobby = LobbyScreen(tz)
    qtbot.addWidget(lobby)
    lobby.set_ppi(panel.ppi)
    lobby.resize(panel.width, panel.height)
    lobby.show()
    page = lobby.lab.feedback
    page.start(FeedbackAsk("home"))
    lobby.show_page(page)
    settle()
    return page


def _empty_below_keys(page: FeedbackPage) -> int:
    """Pixels between the last row of keys and the page's bottom edge."""
    last = page.keyboard.visible_keys()[-1]
    return page.height() - last.mapTo(page, QPoint(0, last.height())).y()


@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.name)
def test_with_the_keys_up_the_hint_points_to_done_not_to_hidden_faces(
    qtbot: QtBot, tz: ZoneInfo, panel: Panel, language: Callable[..., LanguageManager]
) -> None:
    page = _feedback(qtbot, tz, panel)
    for code in ("fi", "sv", "en"):
        language(code)
        settle()
        assert page.faces.isVisibleTo(page) and page.hint.text() == TAP_A_FACE[code]
        qtbot.mouseClick(page.comment, LEFT)  # the comment tapped: the keys come up
        settle()
        assert page.keyboard.isVisibleTo(page) and not page.faces.isVisibleTo(page)
        assert page.hint.isVisibleTo(page) and page.hint.text() == WHILE_TYPING[code]
        keyboard = page.keyboard
        assert keyboard.height() >= keyboard.needed_height
        assert _empty_below_keys(page) < keyboard.needed_height // 4, code  # about a key row
        assert page.title.isVisibleTo(page) is (panel.height >= 800), code  # where it fits
        qtbot.mouseClick(page.keyboard.hide_key, LEFT)  # "Done": the faces are back
        settle()
        assert page.faces.isVisibleTo(page) and page.hint.text() == TAP_A_FACE[code]


def test_a_face_chosen_before_typing_keeps_the_sending_hint(
    qtbot: QtBot, tz: ZoneInfo, language: Callable[..., LanguageManager]
) -> None:
    language("en")
    page = _feedback(qtbot, tz, PANELS[1])
    qtbot.mouseClick(page.faces.faces[3], LEFT)
    qtbot.mouseClick(page.comment, LEFT)
    settle()
    assert not page.faces.isVisibleTo(page) and page.send.isEnabled()
    assert page.hint.text() == "Sent by itself in 30 s, or tap Send."
