"""The door screen in event and closed mode: what it says in each language and size, why it
offers nothing, and that it flips back exactly when the switch expires.

The demo's evening event (``kiosk.demo.door``) is synced into a real local store; the controller
runs its database work inline (``InlineDb``) against an injected clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from devices.events import ReadEvent
from kiosk.base.clock import FixedClock
from kiosk.config.settings import DoorConfig
from kiosk.demo.door import (
    DEMO_BOOKING_URL,
    DEMO_CLOSED_TITLE,
    DEMO_EVENT_TITLE,
    DEMO_EVENT_URL,
)
from kiosk.store.engine import Store
from kiosk.views.screens import ActionKind, ActionOutcome, ActionResult, RoomState
from tests.rooms.modes_helpers import ModeDoor, at, mode_door
from tests.ui.door.test_door_life import make_door, synced_store
from tests.ui.door.test_door_type_sizes import small_texts
from tests.ui.helpers import clipped_texts, settle, visible_text
from ui.common.i18n import LanguageManager
from ui.door.action_text import outcome_text
from ui.door.controller import DoorController
from ui.door.mode_text import CLOSED_EVERYWHERE, WELCOME
from ui.door.screen import DoorScreen

SIZES = [(1280, 800), (800, 480)]
EVENT_WORD = {"fi": "Tapahtuma", "sv": "Evenemang", "en": "Event"}
CLOSED_WORD = {"fi": "Suljettu", "sv": "Stängt", "en": "Closed"}
TIMES = {"fi": "18.00–21.00", "sv": "18.00–21.00", "en": "18:00–21:00"}


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Store]]:
    """One synced demo store per mode state (making them is the slow part)."""
    made = {
        state: synced_store(tmp_path_factory.mktemp(state), at(8), state)
        for state in ("event", "event-soon", "closed")
    }
    yield made
    for store in made.values():
        store.dispose()


def _door(
    qtbot: QtBot, store: Store, moment_or_clock: FixedClock, size: tuple[int, int] = (1280, 800)
) -> tuple[DoorScreen, DoorController]:
    screen, controller = make_door(qtbot, store, moment_or_clock)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    controller.tick()
    settle()
    return screen, controller


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_the_event_door_reads_from_the_corridor(
    qtbot: QtBot,
    stores: dict[str, Store],
    language: Callable[..., LanguageManager],
    code: str,
    size: tuple[int, int],
) -> None:
    language(code)
    screen, _ = _door(qtbot, stores["event"], FixedClock(at(18, 25)), size)
    view = screen.view
    assert view is not None and view.state is RoomState.EVENT
    banner = screen.banner
    assert banner.word.text() == EVENT_WORD[code] and banner.icon.icon_name == "star"
    assert banner.primary.text() == DEMO_EVENT_TITLE
    assert banner.secondary.text() == TIMES[code]
    panel = screen.mode_panel
    assert panel.headline.text() == WELCOME and panel.isVisibleTo(screen)
    assert panel.description.text().startswith("Kolme lyhyttä puheenvuoroa")
    assert panel.qr.url == DEMO_EVENT_URL and panel.qr.isVisibleTo(screen)
    assert panel.qr_caption.isVisibleTo(screen) and panel.qr_caption.text()
    # No booking here during the event: no buttons, no booking-page QR, no timeline.
    assert screen.action_panel.buttons == [] and not screen.qr.isVisibleTo(screen)
    assert not screen.timeline.isVisibleTo(screen)
    assert clipped_texts(screen) == [], (code, size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_the_closed_door_says_why_and_until_when(
    qtbot: QtBot,
    stores: dict[str, Store],
    language: Callable[..., LanguageManager],
    code: str,
    size: tuple[int, int],
) -> None:
    language(code)
    screen, _ = _door(qtbot, stores["closed"], FixedClock(at(19, 10)), size)
    banner = screen.banner
    assert banner.word.text() == CLOSED_WORD[code] and banner.icon.icon_name == "lock"
    assert banner.primary.text() == DEMO_CLOSED_TITLE
    assert "8" in banner.secondary.text() and "27" in banner.secondary.text()
    assert screen.mode_panel.headline.text() == CLOSED_EVERYWHERE
    assert screen.action_panel.buttons == []
    # A closed room invites no booking: the booking page's QR and its caption are hidden.
    assert screen.view is not None and screen.view.policy.booking_url
    assert not screen.qr.isVisibleTo(screen) and not screen.qr_caption.isVisibleTo(screen)
    assert clipped_texts(screen) == [], (code, size)
    if size == (800, 480):  # a full right-hand column squeezed "Book for later" to 12 px
        assert small_texts(screen) == [], code


@pytest.mark.parametrize("size", SIZES)
def test_a_free_door_announces_the_evening_event(
    qtbot: QtBot,
    stores: dict[str, Store],
    language: Callable[..., LanguageManager],
    size: tuple[int, int],
) -> None:
    language("en")
    screen, _ = _door(qtbot, stores["event-soon"], FixedClock(at(17, 20)), size)
    assert screen.banner.word.text() == "Free"
    assert screen.banner.primary.text() == "Free until 18:00"
    assert screen.banner.secondary.text() == "Event starts in 40 min"
    assert screen.mode_next.text() == f"Event from 18:00: {DEMO_EVENT_TITLE}"
    assert screen.mode_next.isVisibleTo(screen) and not screen.mode_panel.isVisibleTo(screen)
    assert [b.text() for b in screen.action_panel.buttons] == ["15 min", "30 min", "Until 18:00"]
    assert clipped_texts(screen) == [], size


def test_a_touch_or_a_badge_during_the_event_explains_why_nothing_is_offered(
    qtbot: QtBot, stores: dict[str, Store], language: Callable[..., LanguageManager]
) -> None:
    language("en")
    clock = FixedClock(at(18, 25))
    screen, controller = _door(qtbot, stores["event"], clock)
    assert not screen.action_panel.message.isVisibleTo(screen)
    qtbot.mouseClick(screen, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    expected = "The room is reserved for an event until 21:30, so it cannot be booked now."
    assert screen.action_panel.message.text() == expected
    assert screen.action_panel.message.isVisibleTo(screen)
    clock.advance(timedelta(seconds=13))  # the message goes after a while
    controller.tick()
    assert screen.action_panel.message.text() == ""
    controller.handle_read(ReadEvent("badge", "0A00F1C2D3", "door", "rdm6300", 0.0))
    assert screen.action_panel.message.text() == expected
    language("fi")
    controller.explain_mode()
    assert screen.action_panel.message.text() != expected  # said in the door's language


def test_the_service_s_refusal_is_said_in_words(language: Callable[..., LanguageManager]) -> None:
    from zoneinfo import ZoneInfo

    language("en")
    tz = ZoneInfo("Europe/Helsinki")
    event = ActionOutcome(
        ActionKind.BOOK, ActionResult.EVENT_MODE, at(18), mode_title="Lab", mode_until=at(21)
    )
    closed = ActionOutcome(ActionKind.EXTEND, ActionResult.CLOSED_MODE, at(18))
    assert outcome_text(event, tz) == (
        "The room is reserved for an event until 21:00, so it cannot be booked now."
        " Nothing was changed."
    )
    assert outcome_text(closed, tz) == (
        "The room is closed until further notice, so it cannot be booked now. Nothing was changed."
    )


def test_night_and_burn_in_keep_working_in_event_mode(
    qtbot: QtBot, stores: dict[str, Store]
) -> None:
    clock = FixedClock(at(19, 59))
    screen, controller = make_door(
        qtbot,
        stores["event"],
        clock,
        DoorConfig(night_start=time(20, 0), night_end=time(7, 0), burn_in_shift=4),
    )
    screen.show()
    controller.tick()
    assert screen.view is not None and screen.view.state is RoomState.EVENT
    margins = screen._body.contentsMargins()
    clock.set(at(20, 5))
    controller.tick()
    assert screen.night.isVisible()
    assert screen._body.contentsMargins() != margins
    screen.close()


# --- the flip at the switch's start and expiry, to the second --------------------------------


@pytest.fixture
def live(tmp_path: Path) -> Iterator[ModeDoor]:
    d = mode_door(tmp_path, f"sqlite:///{tmp_path / 'central.db'}", FixedClock(at(17, 0)))
    yield d
    d.close()


def test_the_door_flips_exactly_when_a_switch_starts_and_expires(
    qtbot: QtBot, live: ModeDoor
) -> None:
    # Neither moment is on a minute boundary, so the minute tick alone would be late.
    live.switch(
        "closed",
        set_at=at(16, 50),
        title="Siivous",
        starts_at=at(17, 10, 15),
        expires_at=at(17, 20, 40),
    )
    clock = live.clock
    clock.set(at(17, 10, 14))
    screen, controller = make_door(qtbot, live.store, clock)
    controller.tick()
    assert screen.view is not None and screen.view.state is RoomState.FREE
    assert screen.action_panel.buttons == []  # a second of free time is not worth a booking
    assert screen.view.next_mode is not None and screen.mode_next.isVisibleTo(screen)
    clock.set(at(17, 10, 15))
    controller.tick()
    assert screen.view.state is RoomState.CLOSED and screen.action_panel.buttons == []
    clock.set(at(17, 20, 39))
    controller.tick()
    assert screen.view.state is RoomState.CLOSED
    clock.set(at(17, 20, 40))
    controller.tick()
    assert screen.view.state is RoomState.FREE and screen.action_panel.buttons
    assert screen.banner.word.text() == "Free"


@pytest.mark.parametrize("room", ["aurora", None], ids=["room", "whole-lab"])
def test_the_booking_qr_leaves_while_closed_and_comes_back_when_the_room_reopens(
    qtbot: QtBot, live: ModeDoor, room: str | None
) -> None:
    from kiosk.rooms.policy import set_room_policy

    url = DEMO_BOOKING_URL.format(room="aurora")
    with live.central.engine.begin() as conn:
        set_room_policy(conn, "aurora", at(16), booking_url=url)
    live.switch("closed", set_at=at(16, 50), starts_at=at(17, 10), expires_at=at(17, 20), room=room)
    clock = live.clock
    screen, controller = make_door(qtbot, live.store, clock)
    screen.show()
    qtbot.waitExposed(screen)

    def booking_qr_shown() -> bool:
        return screen.qr.isVisibleTo(screen) and screen.qr_caption.isVisibleTo(screen)

    controller.tick()
    assert screen.view is not None and screen.view.state is RoomState.FREE
    assert screen.qr.url == url and booking_qr_shown()
    clock.set(at(17, 10))
    controller.tick()
    assert screen.view.state is RoomState.CLOSED
    assert not screen.qr.isVisibleTo(screen) and not screen.qr_caption.isVisibleTo(screen)
    assert screen.action_panel.buttons == []
    clock.set(at(17, 20))
    controller.tick()
    assert screen.view.state is RoomState.FREE and screen.action_panel.buttons
    assert screen.qr.url == url and booking_qr_shown()


def test_the_door_keeps_the_newer_version_when_its_clock_steps_back(
    qtbot: QtBot, live: ModeDoor
) -> None:
    live.switch("event", set_at=at(16), title="Vanha", expires_at=at(20))
    newer = live.switch("closed", set_at=at(16, 59), title="Uusi", starts_at=at(16, 59))
    clock = live.clock
    screen, controller = make_door(qtbot, live.store, clock)
    controller.tick()
    assert screen.view is not None and screen.view.mode_version == newer
    clock.set(at(16, 58))  # NTP steps the clock back
    controller.tick()
    assert screen.view.mode_version == newer and screen.banner.primary.text() == "Uusi"


def test_a_switch_pulled_by_sync_reaches_the_running_door(qtbot: QtBot, tmp_path: Path) -> None:
    """The whole kiosk: a switch written centrally reaches the screen through the sync worker."""
    from devices.simulate import PtySimulator
    from kiosk.base.ids import new_id
    from kiosk.sync import central
    from tests.rooms.modes_helpers import version
    from tests.ui.shell.test_app_door import start_door

    reader = PtySimulator("rdm6300")
    try:
        with start_door(qtbot, tmp_path, reader, at(11, 40)) as door:
            assert door.screen.view is not None
            assert door.screen.view.state is RoomState.FREE
            for mode, title in (("event", "Avoimet ovet"), ("normal", None)):
                with door.central.engine.begin() as conn:
                    central.write(
                        conn,
                        "room_modes",
                        {
                            "id": new_id(),
                            "room_id": None,
                            "mode": mode,
                            "version": version(at(11, 40)) + (1 if mode == "normal" else 0),
                            "title": title,
                            "event_id": None,
                            "starts_at": at(11, 30),
                            "expires_at": at(22),
                            "set_by": None,
                            "kiosk_id": None,
                            "updated_at": at(11, 40),
                        },
                        at(11, 40),
                    )
                door.sync_now(qtbot)
                want = RoomState.EVENT if mode == "event" else RoomState.FREE
                door.wait_view(qtbot, lambda v, want=want: v.state is want)
            assert "Avoimet ovet" not in visible_text(door.screen)
    finally:
        reader.close()


@pytest.mark.parametrize(
    ("code", "refusal", "soon"),
    [
        (
            "fi",
            "Tila on varattu tapahtumalle klo 21.30 asti, joten sitä ei voi nyt varata.",
            f"Tapahtuma klo 18.00 alkaen: {DEMO_EVENT_TITLE}",
        ),
        (
            "sv",
            "Rummet är reserverat för ett evenemang till kl. 21.30, så det kan inte bokas nu.",
            f"Evenemang från kl. 18.00: {DEMO_EVENT_TITLE}",
        ),
    ],
)
def test_the_mode_texts_are_translated(
    qtbot: QtBot,
    stores: dict[str, Store],
    language: Callable[..., LanguageManager],
    code: str,
    refusal: str,
    soon: str,
) -> None:
    language(code)
    screen, controller = _door(qtbot, stores["event"], FixedClock(at(18, 25)))
    controller.explain_mode()
    assert screen.action_panel.message.text() == refusal
    assert screen.mode_panel.qr_caption.text() != "Join online"
    soon_screen, _ = _door(qtbot, stores["event-soon"], FixedClock(at(17, 20)))
    assert soon_screen.mode_next.text() == soon


@pytest.mark.parametrize("state", ["event", "event-soon", "closed"])
def test_twice_as_long_words_still_fit_the_small_door(
    qtbot: QtBot,
    stores: dict[str, Store],
    language: Callable[..., LanguageManager],
    state: str,
) -> None:
    from kiosk.demo.door import DOOR_STATES

    language("fi", stretch=2)
    moment = at(DOOR_STATES[state].hour, DOOR_STATES[state].minute)
    screen, _ = _door(qtbot, stores[state], FixedClock(moment), (800, 480))
    # The booking-page caption under the small QR code is one doubled 22-letter word here,
    # which no font size fits into 110 px; it is not this screen's text, so it is left out.
    caption = screen.qr_caption.text()
    problems = [p for p in clipped_texts(screen) if not p.startswith(repr(caption))]
    if state == "event-soon":  # the booking buttons are the free door's, tested elsewhere
        problems = [p for p in problems if not p.startswith("button")]
        assert screen.mode_next.isVisibleTo(screen) and screen.mode_next.text_fits()
    assert problems == [], state
