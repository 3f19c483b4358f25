"""The lobby screen: home page, every tap outcome, going home by itself, languages, keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from kiosk.views.screens import TapOutcome, TapResult
from tests.ui.helpers import clipped_texts, settle, visible_text
from tools.sample_views import NOW, statuses, tap_outcomes
from ui.common.i18n import LanguageManager
from ui.lobby.screen import LobbyScreen

SIZES = [(1280, 800), (800, 480)]
HEADLINES = {
    "fi": {
        "checked-in": "Tervetuloa, Aino Virtanen!",
        "checked-out": "Näkemiin, Aino Virtanen! Nähdään pian.",
        "already-in": "Aino Virtanen, olet jo kirjautunut sisään",
        "already-out": "Aino, olet jo kirjautunut ulos",
        "unknown-badge": "Kulkukorttia ei tunnistettu",
        "error": "Jokin meni vikaan, mitään ei tallennettu.",
    },
    "sv": {
        "checked-in": "Välkommen, Aino Virtanen!",
        "checked-out": "Hej då, Aino Virtanen! Vi ses snart.",
        "already-in": "Aino Virtanen, du är redan incheckad",
        "already-out": "Aino, du är redan utcheckad",
        "unknown-badge": "Passerkortet kändes inte igen",
        "error": "Något gick fel, inget sparades.",
    },
    "en": {
        "checked-in": "Welcome, Aino Virtanen!",
        "checked-out": "Goodbye, Aino Virtanen! See you soon.",
        "already-in": "Aino Virtanen, you are already checked in",
        "already-out": "Aino, you are already checked out",
        "unknown-badge": "Badge not recognised",
        "error": "Something went wrong, nothing was saved.",
    },
}
ICONS = {
    "checked-in": "check",
    "checked-out": "exit",
    "already-in": "info",
    "already-out": "info",
    "unknown-badge": "warning",
    "error": "cross",
}


@pytest.fixture
def lobby(qtbot: QtBot, tz: ZoneInfo) -> LobbyScreen:
    screen = LobbyScreen(tz, welcome_seconds=30)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.set_now(NOW)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_home_and_every_outcome_render_readably(
    lobby: LobbyScreen, language: Callable[..., LanguageManager], code: str, size: tuple[int, int]
) -> None:
    language(code)
    lobby.resize(*size)
    lobby.set_status(statuses()["offline"])
    settle()
    assert not lobby.showing_result
    assert clipped_texts(lobby) == [], "home"
    for name, outcome in tap_outcomes().items():
        lobby.show_outcome(outcome)
        settle()
        assert lobby.showing_result
        assert lobby.result.headline.text() == HEADLINES[code][name]
        assert lobby.result.icon.icon_name == ICONS[name]
        assert clipped_texts(lobby) == [], (name, size)


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_a_kiosk_id_used_twice_is_said_on_the_lobby_beside_being_offline(
    lobby: LobbyScreen, language: Callable[..., LanguageManager], code: str
) -> None:
    language(code)
    lobby.resize(800, 480)
    lobby.set_status(replace(statuses()["offline"], duplicate_id="lobby-1"))
    settle()
    assert not lobby.status_strip.isHidden()
    assert "(lobby-1)" in lobby.status_strip.text
    assert clipped_texts(lobby) == []


def test_home_page_says_who_we_are_and_what_to_do(
    lobby: LobbyScreen, language: Callable[..., LanguageManager]
) -> None:
    language("fi")
    text = visible_text(lobby)
    for expected in (
        "Työ 2.0 Lab",
        "Tervetuloa",
        "Näytä kutsun QR-koodi tai kulkukortti",
        "torstai 26.11.",
        "14.25",
    ):
        assert expected in text


def test_outcome_details(lobby: LobbyScreen, language: Callable[..., LanguageManager]) -> None:
    language("en")
    outcomes = tap_outcomes()
    lobby.show_outcome(outcomes["checked-in"])
    assert lobby.result.detail.text() == "Checked in at 14:25"
    lobby.show_outcome(outcomes["already-in"])
    assert lobby.result.detail.text() == "Checked in since 09:14"
    lobby.show_outcome(outcomes["unknown-badge"])
    assert lobby.result.detail.text() == "Please contact a host. They are happy to help."
    lobby.show_outcome(outcomes["error"])
    assert lobby.result.detail.text() == "Please try again."
    lobby.show_outcome(TapOutcome(TapResult.CHECKED_IN, NOW))  # no name known
    assert lobby.result.headline.text() == "Welcome!"


def test_unknown_badge_never_shows_a_name(lobby: LobbyScreen) -> None:
    lobby.show_outcome(TapOutcome(TapResult.UNKNOWN_BADGE, NOW, name="Someone Else"))
    settle()
    assert "Someone" not in visible_text(lobby)


def test_result_returns_home_after_welcome_seconds(qtbot: QtBot, tz: ZoneInfo) -> None:
    lobby = LobbyScreen(tz, welcome_seconds=0.05)
    qtbot.addWidget(lobby)
    lobby.show()
    lobby.show_outcome(tap_outcomes()["checked-in"])
    assert lobby.showing_result
    qtbot.waitUntil(lambda: not lobby.showing_result, timeout=2000)
    assert lobby.outcome is None
    assert not [t for t in lobby.findChildren(QTimer) if t.isActive()]


def test_a_new_tap_restarts_the_timer(lobby: LobbyScreen) -> None:
    lobby.show_outcome(tap_outcomes()["checked-in"])
    timer = lobby.findChild(QTimer, "ReturnHomeTimer")
    assert timer is not None
    assert timer.isActive()
    assert timer.interval() == 30_000
    lobby.show_outcome(tap_outcomes()["checked-out"])
    assert timer.isActive()
    assert lobby.result.icon.icon_name == "exit"


def test_hiding_the_screen_stops_the_timer_and_goes_home(lobby: LobbyScreen) -> None:
    lobby.show_outcome(tap_outcomes()["checked-in"])
    lobby.hide()
    assert not lobby.showing_result
    assert not [t for t in lobby.findChildren(QTimer) if t.isActive()]


def test_back_button_and_escape_go_home(lobby: LobbyScreen, qtbot: QtBot) -> None:
    lobby.show_outcome(tap_outcomes()["error"])
    qtbot.mouseClick(lobby.result.back, Qt.MouseButton.LeftButton)
    assert not lobby.showing_result
    lobby.show_outcome(tap_outcomes()["error"])
    lobby.setFocus()
    qtbot.keyClick(lobby, Qt.Key.Key_Escape)
    assert not lobby.showing_result
    lobby.show_outcome(tap_outcomes()["error"])
    lobby.result.back.setFocus()
    qtbot.keyClick(lobby.result.back, Qt.Key.Key_Return)
    assert not lobby.showing_result


def test_language_buttons_ask_for_a_language(
    lobby: LobbyScreen, qtbot: QtBot, language: Callable[..., LanguageManager]
) -> None:
    language("fi")
    buttons = lobby.language_bar.buttons
    assert {code: b.text() for code, b in buttons.items()} == {
        "fi": "Suomi",
        "sv": "Svenska",
        "en": "English",
    }
    with qtbot.waitSignal(lobby.language_requested) as blocker:
        qtbot.mouseClick(buttons["sv"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["sv"]
    # Nothing changes until the language really changes.
    assert buttons["fi"].isChecked()
    assert not buttons["sv"].isChecked()
    with qtbot.waitSignal(lobby.language_requested) as blocker:
        buttons["en"].setFocus()
        qtbot.keyClick(buttons["en"], Qt.Key.Key_Space)
    assert blocker.args == ["en"]


def test_language_switch_retranslates_visible_text(
    lobby: LobbyScreen, qtbot: QtBot, language: Callable[..., LanguageManager]
) -> None:
    language("fi")
    lobby.show_outcome(tap_outcomes()["checked-in"])
    settle()
    assert "Tervetuloa, Aino Virtanen!" in visible_text(lobby)
    language("sv")
    qtbot.waitUntil(lambda: lobby.result.headline.text() == "Välkommen, Aino Virtanen!")
    text = visible_text(lobby)
    assert "Du checkade in kl. 14.25" in text
    assert "torsdag 26.11." in text
    assert lobby.result.back.text() == "Tillbaka till början"
    assert lobby.language_bar.buttons["sv"].isChecked()
    assert lobby.language_bar.buttons["fi"].text() == "Suomi"  # never translated
    lobby.show_home()
    assert "Välkommen" in visible_text(lobby)


def test_clock_is_ticked_from_outside(
    lobby: LobbyScreen, language: Callable[..., LanguageManager]
) -> None:
    language("fi")
    assert lobby.clock.text() == "14.25"
    lobby.set_now(NOW + timedelta(hours=2))
    assert lobby.clock.text() == "16.25"


def test_controls_are_named_focusable_and_big_enough(
    lobby: LobbyScreen, language: Callable[..., LanguageManager]
) -> None:
    language("en")
    lobby.show_outcome(tap_outcomes()["checked-in"])
    settle()
    target = lobby.min_target()
    buttons = [*lobby.language_bar.buttons.values(), lobby.result.back]
    for button in buttons:
        assert button.accessibleName(), button.text()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.width() >= target
        assert button.height() >= target
    assert lobby.result.back.accessibleName() == "Back to start"
    assert lobby.result.accessibleName().startswith("Welcome, Aino Virtanen!")


@pytest.mark.parametrize("size", SIZES)
def test_layout_survives_long_finnish_words(
    lobby: LobbyScreen, language: Callable[..., LanguageManager], size: tuple[int, int]
) -> None:
    language("fi", stretch=2)
    lobby.resize(*size)
    lobby.set_status(statuses()["offline"])
    settle()
    assert "TervetuloaTervetuloa" in visible_text(lobby)
    assert clipped_texts(lobby) == [], "home"
    for name, outcome in tap_outcomes().items():
        lobby.show_outcome(outcome)
        settle()
        assert clipped_texts(lobby) == [], (name, size)


def test_the_next_visitor_gets_the_sites_language_back(
    qtbot: QtBot, tz: ZoneInfo, language: Callable[..., LanguageManager]
) -> None:
    """A visitor's English lasts for their visit: home again, the lobby speaks Finnish."""
    manager = language("fi")
    lobby = LobbyScreen(tz, welcome_seconds=0.2, idle_seconds=0.3)
    qtbot.addWidget(lobby)
    lobby.home_language = "fi"
    lobby.language_requested.connect(manager.set_language)
    qtbot.mouseClick(lobby.language_bar.buttons["en"], Qt.MouseButton.LeftButton)
    assert manager.language == "en"
    lobby.show_outcome(tap_outcomes()["checked-in"])
    settle()
    assert lobby.result.headline.text() == "Welcome, Aino Virtanen!"
    qtbot.waitUntil(lambda: lobby.showing_home, timeout=3000)
    assert manager.language == "fi"
    # Chosen on the home page and left there: back to Finnish once the lobby is left alone.
    qtbot.mouseClick(lobby.language_bar.buttons["sv"], Qt.MouseButton.LeftButton)
    assert manager.language == "sv"
    qtbot.waitUntil(lambda: manager.language == "fi", timeout=3000)
    # Closing the screen at teardown goes home too: not into the next test's language.
    lobby.language_requested.disconnect(manager.set_language)


def test_without_a_site_language_the_choice_stays(
    lobby: LobbyScreen, qtbot: QtBot, language: Callable[..., LanguageManager]
) -> None:
    manager = language("fi")
    lobby.language_requested.connect(manager.set_language)
    qtbot.mouseClick(lobby.language_bar.buttons["sv"], Qt.MouseButton.LeftButton)
    lobby.show_outcome(tap_outcomes()["checked-in"])
    lobby.show_home()
    assert manager.language == "sv"
    lobby.language_requested.disconnect(manager.set_language)
