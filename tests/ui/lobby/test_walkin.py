"""The walk-in form: on-screen keyboard, host search on the worker, privacy, idle timeout."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.lobby.walkin import WalkinService
from kiosk.store.models import Checkin
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


@pytest.fixture
def lobby(qtbot: QtBot, tz: ZoneInfo) -> LobbyScreen:
    screen = LobbyScreen(tz, welcome_seconds=30, idle_seconds=30)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_a_visitor_registers_with_the_on_screen_keyboard(
    qtbot: QtBot, lobby: LobbyScreen, db: DbWorker, lab: Lab
) -> None:
    woken: list[bool] = []
    controller = LobbyController(
        lobby,
        db,
        None,  # type: ignore[arg-type]  # no badge taps here
        lab.clock,
        lambda: woken.append(True),
        walkins=WalkinService(lab.lobby, lab.clock, "lobby-1"),
    )
    click(qtbot, lobby.home.walkin)
    assert lobby.showing_walkin
    page = lobby.walkin
    assert not page.submit.isEnabled() and page.hint.text()

    keys = page.keyboard
    click(qtbot, keys.shift)
    for char in "sofia":
        click(qtbot, keys.keys[char])
    click(qtbot, keys.space)
    click(qtbot, keys.shift)
    for char in "lainex":
        click(qtbot, keys.keys[char])
    click(qtbot, keys.backspace)
    assert page.name.text() == "Sofia Laine"

    page.host_search.setFocus()
    qtbot.waitUntil(lambda: keys.target is page.host_search)
    qtbot.keyClicks(page.host_search, "kor")  # a physical keyboard works too
    qtbot.waitUntil(lambda: page.choices[0].isVisible(), timeout=15_000)
    assert page.choices[0].text() == "Mikko Korhonen"
    click(qtbot, page.choices[0])
    assert not page.submit.isEnabled()  # the privacy notice is not accepted yet
    assert "privacy" in page.hint.text()
    page.privacy.setChecked(True)
    assert page.submit.isEnabled() and page.hint.text() == ""

    click(qtbot, page.submit)
    qtbot.waitUntil(lambda: lobby.showing_result, timeout=15_000)
    outcome = lobby.outcome
    assert isinstance(outcome, ScanOutcome) and outcome.result is ScanResult.WELCOME
    assert lobby.result.headline.text() == "Welcome, Sofia Laine!"
    assert lobby.result.detail.text() == "Mikko Korhonen will come to meet you"
    assert woken == [True]
    with lab.lobby.session() as s:
        assert len(s.scalars(select(Checkin)).all()) == 1
    lobby.show_home()
    controller.deleteLater()


def test_an_untouched_form_warns_then_is_cleared_and_goes_home(qtbot: QtBot, tz: ZoneInfo) -> None:
    lobby = LobbyScreen(tz, idle_seconds=0.05, warning_seconds=2)
    qtbot.addWidget(lobby)
    lobby.resize(1280, 800)
    lobby.show()
    lobby.show_walkin()
    lobby.walkin.name.setText("Half typed")
    warning = lobby.walkin.still_there
    qtbot.waitUntil(warning.isVisible, timeout=2_000)
    assert lobby.showing_walkin and lobby.walkin.name.text() == "Half typed"
    assert warning.question.text() == "Still there?"
    assert warning.countdown.text() == "This form will be cleared in 2 s."
    assert warning.geometry() == lobby.walkin.keyboard.geometry()  # over the keys, not the form
    qtbot.waitUntil(lambda: lobby.showing_home, timeout=15_000)
    assert lobby.walkin.name.text() == "" and not warning.isVisible()
    assert not [t for t in lobby.findChildren(QTimer) if t.isActive()]


def test_an_empty_form_goes_home_without_asking(qtbot: QtBot, tz: ZoneInfo) -> None:
    lobby = LobbyScreen(tz, idle_seconds=0.05)
    qtbot.addWidget(lobby)
    lobby.show()
    lobby.show_walkin()
    qtbot.waitUntil(lambda: lobby.showing_home, timeout=2_000)
    assert not lobby.walkin.still_there.isVisible()


def test_continue_or_typing_keeps_the_form(qtbot: QtBot, tz: ZoneInfo) -> None:
    lobby = LobbyScreen(tz, idle_seconds=0.2, warning_seconds=20)
    qtbot.addWidget(lobby)
    lobby.resize(1280, 800)
    lobby.show()
    lobby.show_walkin()
    lobby.walkin.name.setText("Sofia")
    warning = lobby.walkin.still_there
    qtbot.waitUntil(warning.isVisible, timeout=2_000)
    qtbot.mouseClick(warning.keep, Qt.MouseButton.LeftButton)
    assert not warning.isVisible() and lobby.showing_walkin
    assert lobby.walkin.name.text() == "Sofia"
    qtbot.waitUntil(warning.isVisible, timeout=2_000)  # the idle time starts over
    lobby.walkin.name.setText("Sofia L")  # typing answers too
    assert not warning.isVisible() and lobby.showing_walkin
    lobby.show_home()


def test_a_badge_or_code_during_the_form_wins_and_clears_it(lobby: LobbyScreen) -> None:
    from tools.sample_views import scan_outcomes

    lobby.show_walkin()
    lobby.walkin.name.setText("Someone")
    lobby.show_outcome(scan_outcomes()["welcome"])
    assert lobby.showing_result and lobby.walkin.name.text() == ""
    timer = lobby.findChild(QTimer, "IdleTimer")
    assert timer is not None and not timer.isActive()
    lobby.show_home()


def test_a_custom_privacy_notice_is_shown(lobby: LobbyScreen) -> None:
    lobby.privacy_notice = "Tietosuojaseloste: lab.example/tietosuoja"
    lobby.show_walkin()
    assert lobby.walkin.notice.text() == "Tietosuojaseloste: lab.example/tietosuoja"
    lobby.show_home()


def test_a_visitor_checks_out_by_tapping_their_short_name(
    qtbot: QtBot, lobby: LobbyScreen, db: DbWorker, lab: Lab
) -> None:
    from kiosk.lobby.checkout import CheckoutService

    walkins = WalkinService(lab.lobby, lab.clock, "lobby-1")
    walkins.register(
        "Sofia Laine", "Kela", walkins.search_hosts("mik")[0].id, privacy_accepted=True
    )
    controller = LobbyController(
        lobby,
        db,
        None,  # type: ignore[arg-type]
        lab.clock,
        lambda: None,
        checkouts=CheckoutService(lab.lobby, lab.clock, "lobby-1"),
    )
    click(qtbot, lobby.home.checkout)
    qtbot.waitUntil(lambda: lobby.showing_checkout, timeout=15_000)
    button = lobby.checkout.buttons[0]
    assert button.isVisible() and button.text().startswith("Sofia L. · ")
    assert "Laine" not in button.text()
    assert not lobby.checkout.buttons[1].isVisible()
    click(qtbot, button)
    qtbot.waitUntil(lambda: lobby.showing_result, timeout=15_000)
    assert lobby.result.headline.text() == "Goodbye, Sofia Laine! See you soon."
    lobby.show_home()
    click(qtbot, lobby.home.checkout)
    qtbot.waitUntil(lambda: lobby.showing_checkout, timeout=15_000)
    assert not lobby.checkout.buttons[0].isVisible()
    assert "No visitors are checked in" in lobby.checkout.help.text()
    lobby.show_home()
    controller.deleteLater()


@pytest.mark.parametrize("size", [(1280, 800), (800, 480)])
@pytest.mark.parametrize("stretch", [1, 2])
def test_new_pages_fit_long_finnish_words(
    lobby: LobbyScreen, language: object, size: tuple[int, int], stretch: int
) -> None:
    from datetime import UTC, datetime

    from kiosk.lobby.checkout import InsideVisitor
    from kiosk.lobby.walkin import HostChoice
    from tests.ui.helpers import clipped_texts, settle

    language("fi", stretch=stretch)  # type: ignore[operator]
    lobby.resize(*size)
    lobby.show_walkin()
    lobby.walkin.set_host_choices([HostChoice(uuid.uuid4(), "Mikko Korhonen", None)])
    settle()
    assert clipped_texts(lobby) == [], "walk-in"
    now = datetime(2026, 11, 26, 12, 25, tzinfo=UTC)
    lobby.show_checkout([InsideVisitor(uuid.uuid4(), "Sofia L.", now)])
    settle()
    assert clipped_texts(lobby) == [], "check-out"
    lobby.show_home()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # activating a window offscreen says this
def test_tab_follows_what_is_seen_on_the_home_page_and_the_form(qtbot: QtBot, tz: ZoneInfo) -> None:
    lobby = LobbyScreen(tz, welcome_seconds=30, idle_seconds=30)
    qtbot.addWidget(lobby)
    lobby.resize(1280, 800)
    lobby.show()
    lobby.activateWindow()
    qtbot.waitUntil(lobby.isActiveWindow)
    for show, first in ((lobby.show_home, "WalkinButton"), (lobby.show_walkin, "WalkinName")):
        show()
        lobby.setFocus()
        seen = []
        for _ in range(8):
            focused = QApplication.focusWidget() or lobby
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
            now = QApplication.focusWidget()
            assert now is not None and lobby.isAncestorOf(now)
            seen.append(now)
        assert seen[0].objectName() == first
        stops = list(dict.fromkeys(seen))  # one round, in the order reached
        places = [w.mapTo(lobby, w.rect().center()) for w in stops]
        assert [(p.y(), p.x()) for p in places] == sorted((p.y(), p.x()) for p in places)
    lobby.show_home()
