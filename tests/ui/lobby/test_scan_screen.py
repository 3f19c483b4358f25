"""The lobby's answers to scanned invitation codes: words, icons, three languages, no clipping."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from kiosk.views.screens import ScanOutcome, ScanResult
from tests.ui.helpers import clipped_texts, settle, visible_text
from tools.sample_views import NOW, scan_outcomes
from ui.common.i18n import LanguageManager
from ui.lobby.screen import LobbyScreen

EXPECTED = {
    "en": {
        "welcome": ("Welcome, Eeva Ek!", "Mikko Korhonen will come to meet you"),
        "already-in": ("Already checked in at 09:14", None),
        "not-yet-valid": ("This invitation is for Thu 3 Dec.", None),
        "expired": ("This invitation has expired", "It was valid until Wed 25 Nov 14:25."),
        "not-a-lab-code": ("This code is not a Lab invitation", None),
        "withdrawn": ("This invitation has been withdrawn", None),
    },
    "fi": {
        "welcome": ("Tervetuloa, Eeva Ek!", "Mikko Korhonen tulee sinua vastaan"),
        "already-in": ("Olet jo kirjautunut sisään klo 9.14", None),
        "not-yet-valid": ("Tämä kutsu koskee päivää to 3.12.", None),
        "not-a-lab-code": ("Tämä koodi ei ole Labin kutsu", None),
        "withdrawn": ("Tämä kutsu on peruttu", None),
    },
    "sv": {
        "welcome": ("Välkommen, Eeva Ek!", "Mikko Korhonen kommer och möter dig"),
        "already-in": ("Redan incheckad kl. 9.14", None),
        "not-yet-valid": ("Inbjudan gäller tors 3.12.", None),
        "not-a-lab-code": ("Koden är inte en inbjudan till Labbet", None),
        "withdrawn": ("Inbjudan har återkallats", None),
    },
}
ICONS = {
    "welcome": "check",
    "welcome-unsynced": "check",
    "checked-out": "exit",
    "already-in": "info",
    "not-yet-valid": "calendar",
    "expired": "clock",
    "not-a-lab-code": "qr",
    "unknown-key": "warning",
    "withdrawn": "cross",
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


@pytest.mark.parametrize("size", [(1280, 800), (800, 480)])
@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_every_scan_outcome_has_words_and_an_icon_and_fits(
    lobby: LobbyScreen, language: Callable[..., LanguageManager], code: str, size: tuple[int, int]
) -> None:
    language(code)
    lobby.resize(*size)
    for name, outcome in scan_outcomes().items():
        lobby.show_outcome(outcome)
        settle()
        assert lobby.result.icon.icon_name == ICONS[name], name
        assert lobby.result.headline.text(), name
        assert lobby.result.detail.text(), name
        assert clipped_texts(lobby) == [], (name, size)
        expected = EXPECTED[code].get(name)
        if expected is not None:
            headline, detail = expected
            assert lobby.result.headline.text() == headline
            if detail is not None:
                assert lobby.result.detail.text() == detail


def test_long_finnish_words_still_fit(
    lobby: LobbyScreen, language: Callable[..., LanguageManager]
) -> None:
    language("fi", stretch=2)
    lobby.resize(800, 480)
    for name, outcome in scan_outcomes().items():
        lobby.show_outcome(outcome)
        settle()
        assert clipped_texts(lobby) == [], name


def test_a_refused_code_never_shows_a_name(lobby: LobbyScreen) -> None:
    for result in (ScanResult.NOT_A_LAB_CODE, ScanResult.WITHDRAWN, ScanResult.EXPIRED):
        lobby.show_outcome(ScanOutcome(result, NOW, name="Someone Else", host="Host Person"))
        settle()
        text = visible_text(lobby)
        assert "Someone" not in text and "Host Person" not in text


def test_a_name_that_arrives_later_is_drawn_without_restarting_the_timer(
    lobby: LobbyScreen, language: Callable[..., LanguageManager]
) -> None:
    from dataclasses import replace

    from PySide6.QtCore import QTimer

    language("en")
    unnamed = scan_outcomes()["welcome-unsynced"]
    lobby.show_outcome(unnamed)
    assert lobby.result.headline.text() == "Welcome!"
    timer = lobby.findChild(QTimer, "ReturnHomeTimer")
    assert timer is not None
    remaining = timer.remainingTime()
    lobby.update_outcome(replace(unnamed, name="Eeva Ek", host="Mikko Korhonen"))
    assert lobby.result.headline.text() == "Welcome, Eeva Ek!"
    assert lobby.result.detail.text() == "Mikko Korhonen will come to meet you"
    assert timer.remainingTime() <= remaining
    lobby.show_home()
    lobby.update_outcome(unnamed)  # nothing on screen to update: stays home
    assert not lobby.showing_result
