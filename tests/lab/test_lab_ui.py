"""The lobby's Lab pages with real widgets, a real DB worker and a real replica."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.lab.feedback import FeedbackService
from kiosk.lab.here_today import HereTodayService
from kiosk.lab.host_calls import HostCallService
from kiosk.lobby.checkin import CheckinService
from kiosk.store.models import BoardConsent, Feedback
from kiosk.views.screens import TapResult
from tests.lab.helpers import TZ, Site, write_event
from tests.stores import AINO_UID
from ui.host.calls_page import OpenCallsPanel
from ui.host.open_calls import OpenCallsController
from ui.lab.controller import LabController
from ui.lobby.screen import LobbyScreen
from ui.runtime.db_worker import DbWorker


@pytest.fixture
def db() -> Iterator[DbWorker]:
    worker = DbWorker()
    yield worker
    worker.shutdown()


@pytest.fixture
def lobby(qtbot: QtBot) -> LobbyScreen:
    screen = LobbyScreen(TZ, welcome_seconds=30, idle_seconds=60)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture
def wakes() -> list[bool]:
    return []


@pytest.fixture
def lab(site: Site, lobby: LobbyScreen, db: DbWorker, wakes: list[bool]) -> LabController:
    return LabController(
        lobby,
        db,
        FeedbackService(site.lobby, site.clock, "lobby-1"),
        HereTodayService(site.lobby, site.clock, "lobby-1", TZ),
        HostCallService(site.lobby, site.clock, "lobby-1", TZ),
        lambda: wakes.append(True),
    )


def click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def feedback_rows(site: Site) -> list[Feedback]:
    with site.lobby.session() as s:
        rows = list(s.scalars(select(Feedback).order_by(Feedback.at)))
        s.expunge_all()
        return rows


def test_a_tap_on_a_face_is_stored_anonymously(
    qtbot: QtBot, site: Site, lobby: LobbyScreen, lab: LabController, wakes: list[bool]
) -> None:
    click(qtbot, lobby.lab.home_buttons.feedback)
    page = lobby.lab.feedback
    assert lobby.pages.currentWidget() is page and not page.sign.isVisible()
    assert not page.send.isEnabled()
    assert [f.accessibleName() for f in page.faces.faces] == [
        "Very unhappy",
        "Unhappy",
        "Happy",
        "Very happy",
    ]
    click(qtbot, page.faces.faces[2])
    assert page.faces.score == 3 and page.send.isEnabled()
    page.comment.setFocus()
    qtbot.waitUntil(page.keyboard.isVisible)
    for char in "kiitos":
        click(qtbot, page.keyboard.keys[char])
    click(qtbot, page.send)
    qtbot.waitUntil(lambda: page.showing_thanks, timeout=15_000)
    [row] = feedback_rows(site)
    assert (row.score, row.comment, row.context, row.person_id) == (3, "kiitos", "home", None)
    assert wakes == [True]
    click(qtbot, page.thanks_back)
    assert lobby.showing_home


def test_a_chosen_face_is_sent_when_nobody_touches_the_page(
    qtbot: QtBot, site: Site, lobby: LobbyScreen, lab: LabController
) -> None:
    click(qtbot, lobby.lab.home_buttons.feedback)
    page = lobby.lab.feedback
    page._send_timer.setInterval(50)  # the 30 s of a real lobby, shortened
    click(qtbot, page.faces.faces[0])
    qtbot.waitUntil(lambda: page.showing_thanks, timeout=15_000)
    assert [r.score for r in feedback_rows(site)] == [1]
    # Cancel after choosing sends nothing.
    click(qtbot, lobby.lab.home_buttons.feedback)
    click(qtbot, page.faces.faces[3])
    click(qtbot, page.cancel)
    assert lobby.showing_home
    assert len(feedback_rows(site)) == 1


def test_a_member_checking_out_may_sign_and_join_the_board(
    qtbot: QtBot, site: Site, lobby: LobbyScreen, db: DbWorker, lab: LabController
) -> None:
    taps = CheckinService(site.lobby, site.clock, site.key, "lobby-1")
    lobby.show_outcome(taps.badge_tap(AINO_UID))  # in
    extras = lobby.lab.extras
    qtbot.waitUntil(extras.toggle.isVisible, timeout=15_000)
    assert not extras.faces.isVisible()  # arriving: no "how was your visit?"
    assert not extras.toggle.isChecked()
    assert extras.toggle.text() == "Show me on the Here today board"
    click(qtbot, extras.toggle)
    qtbot.waitUntil(
        lambda: extras.toggle.text() == "You are on the Here today board", timeout=15_000
    )
    with site.lobby.session() as s:
        assert [c.visible for c in s.scalars(select(BoardConsent))] == [True]
    # ...and the board now shows her.
    lobby.show_home()
    click(qtbot, lobby.lab.home_buttons.here_today)
    board = lobby.lab.here_today
    qtbot.waitUntil(lambda: board.shown_names == ["Aino Virtanen"], timeout=15_000)
    qtbot.waitUntil(lambda: "Mikko Korhonen" in board.hosts.label.text(), timeout=15_000)
    # Leaving: the goodbye asks how it was; a face opens the form with that face chosen.
    site.clock.advance(timedelta(minutes=5))
    outcome = taps.badge_tap(AINO_UID)
    assert outcome.result is TapResult.CHECKED_OUT
    lobby.show_outcome(outcome)
    qtbot.waitUntil(extras.faces.isVisible, timeout=15_000)
    assert not extras.toggle.isVisible()  # leaving: only "how was your visit?"
    click(qtbot, extras.faces.faces[3])
    page = lobby.lab.feedback
    assert lobby.pages.currentWidget() is page and page.faces.score == 4
    assert page.sign.isVisible() and "Aino Virtanen" in page.sign.text()
    page.sign.setChecked(True)
    click(qtbot, page.send)
    qtbot.waitUntil(lambda: page.showing_thanks, timeout=15_000)
    [row] = feedback_rows(site)
    assert (row.score, row.context, row.person_id) == (4, "checkout", site.ids["aino"])
    # Back in later: the toggle shows her choice; opting out takes her off the board at once.
    site.clock.advance(timedelta(minutes=5))
    lobby.show_outcome(taps.badge_tap(AINO_UID))
    qtbot.waitUntil(lambda: extras.toggle.isVisible() and extras.toggle.isChecked(), timeout=15_000)
    assert not extras.faces.isVisible()
    service = HereTodayService(site.lobby, site.clock, "lobby-1", TZ)
    assert [e.name for e in service.board()] == ["Aino Virtanen"]
    click(qtbot, extras.toggle)
    qtbot.waitUntil(lambda: not extras.toggle.isChecked(), timeout=15_000)
    assert service.board() == []


def test_call_a_host_then_the_hosts_name_when_acknowledged(
    qtbot: QtBot, site: Site, lobby: LobbyScreen, db: DbWorker, lab: LabController
) -> None:
    click(qtbot, lobby.lab.home_buttons.call_host)
    page = lobby.lab.host_call
    qtbot.waitUntil(lambda: page.headline.text() == "A host has been called", timeout=15_000)
    assert "12.00" in page.detail.text() or "12:00" in page.detail.text()
    state = page.state
    assert state is not None
    # A host takes it on another kiosk's host panel; the lobby hears of it by sync.
    door = site.local("door")
    site.engine().push()
    site.engine(door, kiosk_id="door-aurora", role="door").cycle()
    panel = OpenCallsPanel(TZ)
    qtbot.addWidget(panel)
    taker = OpenCallsController(
        panel, db, HostCallService(door, site.clock, "door-aurora", TZ), lambda: None
    )
    taker.host_id = site.ids["mikko"]
    taker.refresh()
    qtbot.waitUntil(lambda: panel.call_ids == [state.call_id], timeout=15_000)
    assert panel.buttons[0].isVisibleTo(panel)
    assert panel.buttons[0].text().startswith("Lobby at 12")  # the place, not "lobby-1"
    panel.take_requested.emit(state.call_id)
    qtbot.waitUntil(lambda: panel.call_ids == [], timeout=15_000)
    site.engine(door, kiosk_id="door-aurora", role="door").cycle()
    site.sync()
    lab.refresh()
    qtbot.waitUntil(lambda: page.headline.text() == "Mikko is on the way", timeout=15_000)
    door.dispose()


def test_the_event_prompt_names_the_event(
    qtbot: QtBot, site: Site, lobby: LobbyScreen, lab: LabController
) -> None:
    event_id = write_event(site, "Lab-ilta")
    site.sync()
    lab.ask_event_feedback(event_id, "Lab-ilta")
    page = lobby.lab.feedback
    assert page.title.text() == "How was Lab-ilta?"
    click(qtbot, page.faces.faces[1])
    click(qtbot, page.send)
    qtbot.waitUntil(lambda: page.showing_thanks, timeout=15_000)
    [row] = feedback_rows(site)
    assert (row.context, row.event_id, row.score) == ("event", event_id, 2)


@pytest.mark.parametrize("size", [(1280, 800), (800, 480)])
def test_the_lab_pages_survive_long_words(
    qtbot: QtBot, site: Site, lobby: LobbyScreen, size: tuple[int, int]
) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from kiosk.lab.here_today import BoardEntry
    from kiosk.lab.host_calls import CallState
    from tests.ui.helpers import clipped_texts, settle
    from ui.common.i18n import LanguageManager
    from ui.lab.here_today import HostCard

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QLocale()
    manager = LanguageManager(app, stretch=2)
    manager.set_language("fi")
    try:
        lobby.resize(*size)
        lab, now = lobby.lab, site.clock.now()
        settle()
        assert clipped_texts(lobby) == [], "home"
        entries = [
            BoardEntry(
                site.ids["aino"],
                f"Person {i} Virtanen-Lindqvist",
                "Terveyden ja hyvinvoinnin laitos",
                ("hyvinvointialueet", "tekoäly", "palvelumuotoilu"),
                now,
            )
            for i in range(11)
        ]
        lab.here_today.set_entries(entries)
        lab.here_today.set_hosts([HostCard("Mikko Korhonen"), HostCard("Helmi Saarinen")])
        lab.host_call.set_state(CallState(site.ids["aino"], "lobby-1", now, "Mikko Korhonen", now))
        lab.feedback.start(lab.feedback.ask, 3)
        for page in lab.pages:
            lobby.show_page(page)
            settle()
            assert clipped_texts(lobby) == [], (page.objectName(), size)
        assert lab.here_today.more.isVisibleTo(lab.here_today)  # 11 people: 2 pages
        from dataclasses import replace

        from kiosk.views.screens import TapOutcome

        goodbye = TapOutcome(
            TapResult.CHECKED_OUT, now, "Aino Virtanen", person_id=site.ids["aino"]
        )
        lobby.show_outcome(goodbye)
        lab.show_extras(toggle=False, faces=True)
        settle()
        assert clipped_texts(lobby) == [], ("goodbye", size)
        lobby.show_outcome(replace(goodbye, result=TapResult.CHECKED_IN))
        lab.show_extras(toggle=True, faces=False)
        settle()
        assert clipped_texts(lobby) == [], ("welcome", size)
        lobby.show_home()
    finally:
        manager.shutdown()
        manager.deleteLater()
        QLocale.setDefault(original)
        app.processEvents()


def test_todays_hosts_are_shown_with_their_photo(
    qtbot: QtBot, site: Site, lobby: LobbyScreen, db: DbWorker, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    photos = tmp_path / "photos"
    photos.mkdir()
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    assert image.save(str(photos / "mikko@lab.example.png"))
    LabController(
        lobby,
        db,
        FeedbackService(site.lobby, site.clock, "lobby-1"),
        HereTodayService(site.lobby, site.clock, "lobby-1", TZ),
        HostCallService(site.lobby, site.clock, "lobby-1", TZ),
        lambda: None,
        photos_dir=photos,
    )
    click(qtbot, lobby.lab.home_buttons.call_host)
    strip = lobby.lab.host_call.hosts
    qtbot.waitUntil(lambda: strip.photo_count == 1, timeout=15_000)
    assert strip.names == ["Mikko Korhonen"]
    assert "Mikko Korhonen" in strip.accessibleName()


def test_a_long_label_breaks_at_the_space_nearest_its_middle() -> None:
    from ui.lab.board_toggle import two_lines

    assert two_lines("Show me on the Here today board") == "Show me on the\nHere today board"
    assert two_lines("Kokoustilavarausjärjestelmä") == "Kokoustilavarausjärjestelmä"
