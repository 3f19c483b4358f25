"""The lobby in event mode, with real stores, the database worker and an injected clock:
into the event home when the mode starts, scans and walk-ins counted live, out again at the end."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.events.checkin import EventCheckinService, EventOutcome, EventResult
from kiosk.events.state import EventView
from kiosk.lobby.checkin import CheckinService
from kiosk.security.badges import create_site_key, load_site_key
from tests.events.helpers import END, START, EventLab
from tests.ui.helpers import clipped_texts, settle, visible_text
from ui.common.i18n import LanguageManager
from ui.event.watch import EventWatcher
from ui.lobby.controller import LobbyController
from ui.lobby.screen import LobbyScreen
from ui.runtime.db_worker import DbWorker


class Rig:
    def __init__(self, qtbot: QtBot, elab: EventLab, tz: ZoneInfo, tmp_path: Path) -> None:
        self.elab = elab
        self.screen = LobbyScreen(tz, welcome_seconds=60)
        qtbot.addWidget(self.screen)
        self.screen.resize(1280, 800)
        self.db = DbWorker()
        key_file = tmp_path / "lobby-site.key"
        create_site_key(key_file)
        clock = elab.lab.clock
        self.events = EventCheckinService(elab.lab.lobby, clock, "lobby-1")
        self.controller = LobbyController(
            self.screen,
            self.db,
            CheckinService(elab.lab.lobby, clock, load_site_key(key_file), "lobby-1"),
            clock,
            lambda: None,
            elab.lab.service,
            events=self.events,
        )
        self.watcher = EventWatcher(self.screen, self.db, self.events, clock)

    def refresh(self, qtbot: QtBot) -> None:
        with qtbot.waitSignal(self.db._finished, timeout=15_000):
            self.watcher.refresh()

    def scan(self, qtbot: QtBot, text: str) -> None:
        with qtbot.waitSignal(self.db._finished, timeout=15_000):
            self.controller.handle_scan(text)

    def close(self) -> None:
        self.db.shutdown()


@pytest.fixture
def rig(qtbot: QtBot, elab: EventLab, tz: ZoneInfo, tmp_path: Path) -> Iterator[Rig]:
    r = Rig(qtbot, elab, tz, tmp_path)
    yield r
    r.close()


def test_the_lobby_follows_event_mode_and_counts_each_scan(qtbot: QtBot, rig: Rig) -> None:
    elab, screen = rig.elab, rig.screen
    elab.lab.clock.set(START - timedelta(minutes=30))
    event_id = elab.event("Lab-ilta", capacity=200)
    _, ticket = elab.ticket(event_id, "Eeva Ek")
    _, invitation = elab.lab.invite("Ville Vieras")
    elab.sync()
    rig.refresh(qtbot)
    assert screen.home_page is screen.home and screen.showing_home

    # The mode starts: the next tick (at the known start) brings the event home.
    elab.lab.clock.set(START)
    with qtbot.waitSignal(rig.db._finished, timeout=15_000):
        rig.watcher.tick()
    assert screen.pages.currentWidget() is screen.event_home
    assert screen.event_home.counter.text() == "0 / 200"
    assert screen.event_home.counter.accessibleName() == "0 of 200 checked in"
    text = visible_text(screen)
    assert "Lab-ilta" in text and "Scan your ticket" in text
    assert "Visitors and members: scan your invitation or tap your badge as usual" in text

    rig.scan(qtbot, ticket)
    assert "Welcome, Eeva Ek!" in visible_text(screen)
    assert screen.event_home.counter.text() == "1 / 200"  # updated with the answer

    elab.lab.clock.advance(timedelta(minutes=5))
    rig.scan(qtbot, ticket)
    assert "Already checked in at 11:00 — welcome back" in visible_text(screen)
    assert screen.event_home.counter.text() == "1 / 200"

    rig.scan(qtbot, invitation)  # an invitation still works during the event
    assert "Welcome, Ville Vieras!" in visible_text(screen)

    rig.scan(qtbot, "https://example.com/not-a-ticket")
    assert "This code is not a ticket" in visible_text(screen)

    screen.show_home()
    assert screen.pages.currentWidget() is screen.event_home

    # The event ends: the minute tick notices and the usual home is back.
    elab.lab.clock.set(END)
    with qtbot.waitSignal(rig.db._finished, timeout=15_000):
        rig.watcher.tick()
    assert screen.pages.currentWidget() is screen.home
    assert screen.event_home.view is None


def test_other_check_ins_arriving_by_sync_move_the_counter(qtbot: QtBot, rig: Rig) -> None:
    elab, screen = rig.elab, rig.screen
    event_id = elab.event(capacity=None)
    tokens = [elab.ticket(event_id, f"Guest {i}")[1] for i in range(2)]
    elab.sync()
    rig.refresh(qtbot)
    assert screen.event_home.counter.text() == "0"
    assert screen.event_home.counter.accessibleName() == "0 checked in"
    for token in tokens:  # stored directly, as if a scan on another path
        assert rig.events.scan(token) is not None
    rig.refresh(qtbot)  # what a sync status signal triggers
    assert screen.event_home.counter.text() == "2"


def test_a_newer_normal_switch_pulled_by_sync_ends_event_mode(qtbot: QtBot, rig: Rig) -> None:
    from kiosk.rooms.modes import ModeSwitch, set_mode_central

    elab, screen = rig.elab, rig.screen
    elab.event()
    elab.sync()
    rig.refresh(qtbot)
    assert screen.showing_home and screen.home_page is screen.event_home
    with elab.lab.central.engine.begin() as conn:
        back = ModeSwitch(None, "normal", START, END)
        set_mode_central(conn, back, set_by=None, now=elab.lab.clock.now())
    elab.sync()
    rig.refresh(qtbot)
    assert screen.pages.currentWidget() is screen.home


def test_an_event_walk_in_is_registered_and_counted(qtbot: QtBot, rig: Rig) -> None:
    elab, screen = rig.elab, rig.screen
    elab.event(capacity=10, walkins=True)
    elab.sync()
    rig.refresh(qtbot)
    assert screen.event_home.walkin.isVisibleTo(screen)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.mouseClick(screen.event_home.walkin, Qt.MouseButton.LeftButton)
    assert screen.showing_event_walkin
    form = screen.event_walkin
    assert "Register for Lab-ilta" in visible_text(screen)
    assert not form.submit.isEnabled()
    form.name.setText("Outi Ovelta")
    assert not form.submit.isEnabled()  # the privacy notice first
    form.privacy.setChecked(True)
    assert form.submit.isEnabled()
    with qtbot.waitSignal(rig.db._finished, timeout=15_000):
        form.submit.click()
    assert "Welcome, Outi Ovelta!" in visible_text(screen)
    assert screen.event_home.counter.text() == "1 / 10"
    screen.hide()


def test_no_walk_in_button_when_the_event_takes_none(qtbot: QtBot, rig: Rig) -> None:
    rig.elab.event(walkins=False)
    rig.elab.sync()
    rig.refresh(qtbot)
    assert not rig.screen.event_home.walkin.isVisibleTo(rig.screen)


SAMPLE = EventView(
    id=uuid.uuid4(),
    title="Tekoäly työn tukena – Lab-ilta julkishallinnon asiantuntijoille",
    starts_at=START,
    ends_at=END,
    capacity=200,
    allow_walkins=True,
    count=142,
)


@pytest.mark.parametrize("size", [(1280, 800), (800, 480)])
@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_event_pages_fit_with_long_words(
    qtbot: QtBot,
    tz: ZoneInfo,
    language: Callable[..., LanguageManager],
    code: str,
    size: tuple[int, int],
) -> None:
    language(code, stretch=2)
    screen = LobbyScreen(tz)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.set_now(START)
    screen.show()
    qtbot.waitExposed(screen)
    screen.set_event(SAMPLE)
    settle()
    assert screen.pages.currentWidget() is screen.event_home
    assert clipped_texts(screen) == []
    for outcome in (
        EventOutcome(EventResult.WELCOME, START, "Eeva Ek", event=SAMPLE),
        EventOutcome(EventResult.WELCOME_BACK, START, since=START - timedelta(hours=1)),
        EventOutcome(EventResult.FULL, START, event=SAMPLE),
        EventOutcome(EventResult.WRONG_EVENT, START, other_title="Aamukahvit", other_starts_at=END),
        EventOutcome(EventResult.NOT_A_TICKET, START),
    ):
        screen.show_outcome(outcome)
        settle()
        assert screen.result.headline.text()
        assert clipped_texts(screen) == [], outcome.result
    screen.show_event_walkin()
    settle()
    assert clipped_texts(screen) == []
    screen.hide()
