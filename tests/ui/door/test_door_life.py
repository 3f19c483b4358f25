"""The door over time: states at fixed times, night and burn-in, minute ticks, a week of memory.

The controller runs against a real local store synced from demo data, with the database work
run inline (``InlineDb``, a fake with the ``DbWorker.submit`` interface), so a week of minute
ticks takes seconds and every assertion sees the tick's result at once.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from kiosk.base.clock import FixedClock
from kiosk.config.settings import DoorConfig, load_config
from kiosk.demo.data import create_demo
from kiosk.demo.door import prepare_door_state
from kiosk.rooms.door_offers import door_offers
from kiosk.store.engine import Store, open_local_store
from kiosk.sync.engine import SyncEngine
from kiosk.views.screens import ActionKind, RoomState
from tests.ui.helpers import settle
from ui.door.controller import DoorController
from ui.door.night import burn_in_offset, is_night
from ui.door.screen import DoorScreen

TZ = ZoneInfo("Europe/Helsinki")
T = TypeVar("T")


def at(hour: int, minute: int, day: int = 26) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


class InlineDb:
    """``DbWorker.submit`` run on the calling thread: deterministic, and fast enough for weeks."""

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        try:
            value = fn()
        except Exception as exc:
            if on_error is None:
                raise
            on_error(exc)
            return
        if on_done is not None:
            on_done(value)


def synced_store(tmp_path: Path, now: datetime, state: str | None = None) -> Store:
    demo = create_demo(tmp_path, now)
    if state:
        prepare_door_state(demo.central_url, "aurora", state, now.date(), TZ)
    config = load_config(demo.write_config("door-aurora", "door", room="aurora"))
    store = open_local_store(config.local_store_path)
    engine = SyncEngine(
        store,
        config.central_url,
        kiosk_id="door-aurora",
        role="door",
        room_id="aurora",
        clock=FixedClock(now),
    )
    try:
        engine.cycle()
    finally:
        engine.close()
    return store


def make_door(
    qtbot: QtBot, store: Store, clock: FixedClock, config: DoorConfig | None = None
) -> tuple[DoorScreen, DoorController]:
    screen = DoorScreen(TZ)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    controller = DoorController(
        screen,
        InlineDb(),  # type: ignore[arg-type]
        store,
        "aurora",
        clock,
        TZ,
        kiosk_id="door-aurora",
        door_config=config or DoorConfig(night_start=time(20, 0), night_end=time(7, 0)),
    )
    return screen, controller


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = synced_store(tmp_path, at(8, 0))
    yield s
    s.dispose()


@pytest.mark.parametrize(
    ("moment", "state", "ending_soon", "word"),
    [
        (at(9, 45), RoomState.FREE, False, "Free"),
        (at(10, 15), RoomState.BUSY, False, "Busy"),
        (at(11, 22), RoomState.BUSY, True, "Ending soon"),
        (at(13, 25), RoomState.BUSY, True, "Ending soon"),
        (at(14, 55), RoomState.BUSY, False, "Busy"),
        (at(17, 30), RoomState.FREE, False, "Free"),
    ],
)
def test_door_states_at_fixed_times(
    qtbot: QtBot, store: Store, moment: datetime, state: RoomState, ending_soon: bool, word: str
) -> None:
    screen, controller = make_door(qtbot, store, FixedClock(moment))
    controller.tick()
    view = screen.view
    assert view is not None and view.state is state and view.ending_soon is ending_soon
    assert screen.banner.word.text() == word


def test_the_offers_follow_the_state(qtbot: QtBot, store: Store) -> None:
    clock = FixedClock(at(9, 45))  # free until 10.00: only 15 minutes fit
    screen, controller = make_door(qtbot, store, clock)
    controller.tick()
    assert screen.view is not None
    offers = door_offers(screen.view)
    assert [(o.kind, o.until) for o in offers] == [(ActionKind.BOOK, at(10, 0))]
    assert [b.text() for b in screen.action_panel.buttons] == ["15 min"]
    clock.set(at(10, 15))
    controller.tick()
    assert [b.text() for b in screen.action_panel.buttons] == ["+15 min", "+30 min", "End now"]
    for button in screen.action_panel.buttons:
        assert button.accessibleName()
        assert min(button.minimumWidth(), button.minimumHeight()) >= screen.min_target()


@pytest.mark.parametrize("state", ["event", "closed"])
def test_event_and_closed_offer_nothing(qtbot: QtBot, tmp_path: Path, state: str) -> None:
    store = synced_store(tmp_path, at(8, 0), state)
    try:
        moment = datetime.combine(at(8, 0).date(), _state_time(state), tzinfo=TZ)
        screen, controller = make_door(qtbot, store, FixedClock(moment))
        controller.tick()
        assert screen.view is not None and screen.view.state is RoomState(state)
        assert screen.action_panel.buttons == []
        # No booking page while the room is in event use or closed (the room has one); an
        # event door shows the event's join-online QR instead.
        assert screen.view.policy.booking_url and not screen.qr.isVisibleTo(screen)
        assert not screen.qr_caption.isVisibleTo(screen)
        assert screen.mode_panel.qr.isVisibleTo(screen) is (state == "event")
    finally:
        store.dispose()


def _state_time(state: str) -> time:
    from kiosk.demo.door import DOOR_STATES

    return DOOR_STATES[state]


def test_night_window_and_burn_in_shift() -> None:
    assert is_night(at(22, 0), TZ, time(20, 0), time(7, 0))
    assert is_night(at(6, 59), TZ, time(20, 0), time(7, 0))
    assert not is_night(at(7, 0), TZ, time(20, 0), time(7, 0))
    assert not is_night(at(22, 0), TZ, None, time(7, 0))
    assert is_night(at(13, 0), TZ, time(12, 0), time(14, 0))
    offsets = {burn_in_offset(at(9, 0) + timedelta(minutes=5 * i), 4) for i in range(9)}
    assert len(offsets) == 9 and all(abs(x) <= 4 and abs(y) <= 4 for x, y in offsets)
    assert burn_in_offset(at(9, 0), 0) == (0, 0)


def test_night_covers_the_screen_and_a_touch_wakes_it(qtbot: QtBot, store: Store) -> None:
    clock = FixedClock(at(19, 59))
    screen, controller = make_door(qtbot, store, clock)
    screen.show()
    controller.tick()
    assert not screen.night.isVisible()
    clock.set(at(20, 0))
    controller.tick()
    assert screen.night.isVisible() and screen.night.mode == "dim"
    screen.night.wake_requested.emit()  # what a touch on the cover does
    assert not screen.night.isVisible()
    clock.advance(timedelta(seconds=61))
    controller.tick()
    assert screen.night.isVisible()
    screen.close()


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            name = watched.objectName()
            self.counts[name] = self.counts.get(name, 0) + 1
        return False


def test_a_minute_tick_repaints_only_what_changed(qtbot: QtBot, store: Store) -> None:
    clock = FixedClock(at(14, 30, 26))
    screen, controller = make_door(qtbot, store, clock, DoorConfig(burn_in_shift=0))
    screen.show()
    controller.tick()
    settle()
    counter = PaintCounter()
    for widget in (screen.clock, screen.banner.word, screen.banner.primary, screen.agenda):
        widget.installEventFilter(counter)
    clock.advance(timedelta(seconds=20))  # same minute: nothing at all
    controller.tick()
    settle()
    assert counter.counts == {}
    clock.advance(timedelta(minutes=1))
    controller.tick()
    settle()
    assert counter.counts.get("DoorClock", 0) >= 1
    assert "BannerWord" not in counter.counts and "BannerPrimary" not in counter.counts
    screen.close()


def _rss_bytes() -> int:
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs Linux /proc")
def test_a_week_of_minute_ticks_keeps_memory_flat(qtbot: QtBot, store: Store) -> None:
    clock = FixedClock(at(0, 0))
    screen, controller = make_door(qtbot, store, clock)
    screen.show()

    def run(minutes: int) -> None:
        for _ in range(minutes):
            clock.advance(timedelta(minutes=1))
            controller.tick()
            if clock.now().minute == 0:
                settle(1)  # paint now and then, as a running kiosk does

    run(24 * 60)  # warm up: caches, fonts, a first night and day
    gc.collect()
    before = _rss_bytes()
    run(7 * 24 * 60)
    settle()
    gc.collect()
    grown = _rss_bytes() - before
    print(f"RSS grew {grown / 1e6:.2f} MB over 7 days of minute ticks")
    assert grown < 5_000_000
    screen.close()


def test_buttons_work_from_the_keyboard(qtbot: QtBot, store: Store) -> None:
    from PySide6.QtCore import Qt

    screen, controller = make_door(qtbot, store, FixedClock(at(9, 45)))
    screen.show()
    controller.tick()
    button = screen.action_panel.buttons[0]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert screen.action_panel.prompting
    assert "Tap your badge" in screen.action_panel.message.text()
    qtbot.keyClick(screen.action_panel.cancel, Qt.Key.Key_Space)
    assert not screen.action_panel.prompting and screen.action_panel.buttons
    screen.close()


def test_a_lost_booking_names_the_winner(qtbot: QtBot) -> None:
    from kiosk.views.screens import BookingView, DoorView, LostBooking

    mine = BookingView("", False, at(11, 40), at(12, 10), source="kiosk")
    winner = BookingView("Viikkopalaveri", False, at(11, 30), at(12, 0))
    view = DoorView(
        "aurora",
        "Aurora",
        RoomState.BUSY,
        at(11, 41),
        current=winner,
        day=(winner,),
        lost=LostBooking(mine, winner),
    )
    screen = DoorScreen(TZ)
    qtbot.addWidget(screen)
    screen.show_view(view)
    text = screen.action_panel.message.text()
    assert "could not be confirmed" in text and "Viikkopalaveri" in text
    assert screen.banner.primary.text() == "Viikkopalaveri"


def test_a_refused_extension_says_why_and_who_has_the_room(qtbot: QtBot) -> None:
    from kiosk.views.screens import (
        REFUSED_CONFLICT,
        REFUSED_ENDED,
        BookingView,
        DoorView,
        RefusedChange,
    )

    meeting = BookingView("Strategiatyöpaja", False, at(10, 0), at(11, 30))
    private = BookingView("Kehityskeskustelu", True, at(11, 30), at(12, 0))
    refused = RefusedChange("extend", at(11, 5), REFUSED_CONFLICT, meeting, at(11, 45), private)
    view = DoorView(
        "aurora",
        "Aurora",
        RoomState.BUSY,
        at(11, 6),
        current=meeting,
        upcoming=(private,),
        day=(meeting, private),
        refused=refused,
    )
    screen = DoorScreen(TZ)
    qtbot.addWidget(screen)
    screen.show_view(view)
    text = screen.action_panel.message.text()
    assert "extension until 11:45 made at this door at 11:05 could not be saved" in text
    assert "booked from 11:30 (Private booking)" in text  # a private title stays private
    ended = RefusedChange("end", at(11, 5), REFUSED_ENDED, None, at(11, 5))
    screen.show_view(DoorView("aurora", "Aurora", RoomState.FREE, at(11, 6), refused=ended))
    assert "meeting had already ended" in screen.action_panel.message.text()
    screen.show_view(DoorView("aurora", "Aurora", RoomState.FREE, at(11, 30)))
    assert not screen.action_panel.message.isVisibleTo(screen)
