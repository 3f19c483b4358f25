"""The whole door kiosk in-process, with a badge reader on a pseudo-terminal and a fixed clock.

Book now, extend, end early and the no-show release go through the real chain: a button press,
a card on the pty reader, the reader thread, the database worker, the local store, the sync
worker and the central store, and back to the screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from devices.simulate import PtySimulator
from kiosk.base.clock import FixedClock
from kiosk.config.settings import load_config
from kiosk.demo.data import Demo, create_demo
from kiosk.rooms.bookings import add_booking
from kiosk.rooms.door_offers import Offer
from kiosk.rooms.policy import set_room_policy
from kiosk.store.engine import Store, open_store
from kiosk.store.models import Booking
from kiosk.views.screens import ActionKind, ActionResult, RoomState
from tests.stores import dump
from tests.ui.helpers import visible_text
from ui.door.controller import DoorController
from ui.door.screen import DoorScreen
from ui.runtime.sound import Cue
from ui.shell.app import Kiosk

TZ = ZoneInfo("Europe/Helsinki")
AINO, LINNEA, MIKKO = "0A00F1C2D3", "0B1234ABCD", "0C55AA0F10"


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 26, hour, minute, tzinfo=TZ)


@dataclass
class Door:
    kiosk: Kiosk
    screen: DoorScreen
    controller: DoorController
    reader: PtySimulator
    clock: FixedClock
    central: Store
    demo: Demo

    @property
    def local(self) -> Store:
        assert self.kiosk.store is not None
        return self.kiosk.store

    def booking_at(self, moment: datetime, where: str = "local") -> Booking | None:
        store = self.local if where == "local" else self.central
        with store.session() as s:
            found = s.scalars(
                select(Booking).where(
                    Booking.room_id == "aurora",
                    Booking.starts_at <= moment,
                    Booking.ends_at > moment,
                    Booking.status.in_(("confirmed", "provisional")),
                )
            ).first()
            if found is not None:
                s.expunge(found)
            return found

    def press(self, qtbot: QtBot, label: str) -> None:
        buttons = {b.text(): b for b in self.screen.action_panel.buttons}
        assert label in buttons, f"no {label!r} button; there are {sorted(buttons)}"
        qtbot.mouseClick(buttons[label], Qt.MouseButton.LeftButton)

    def tap(self, qtbot: QtBot, uid: str) -> ActionResult:
        before = self.controller.last_outcome
        self.reader.present(uid, repeats=3)
        qtbot.waitUntil(lambda: self.controller.last_outcome is not before, timeout=15_000)
        outcome = self.controller.last_outcome
        assert outcome is not None
        return outcome.result

    def sync_now(self, qtbot: QtBot) -> None:
        assert self.kiosk.sync is not None
        self.kiosk.sync.wake()

    def wait_view(self, qtbot: QtBot, check: object) -> None:
        qtbot.waitUntil(
            lambda: self.screen.view is not None and check(self.screen.view),  # type: ignore[operator]
            timeout=10_000,
        )


@contextmanager
def start_door(
    qtbot: QtBot, tmp_path: Path, reader: PtySimulator, now: datetime, **policy: object
) -> Iterator[Door]:
    clock = FixedClock(now)
    demo = create_demo(tmp_path, now)
    central = open_store(demo.central_url, migrate=False)
    if policy:
        with central.engine.begin() as conn:
            set_room_policy(conn, "aurora", now, **policy)  # type: ignore[arg-type]
    config = load_config(
        demo.write_config("door-aurora", "door", room="aurora", reader_port=reader.path)
    )
    kiosk = Kiosk(config, clock)
    screen = kiosk.start()
    qtbot.addWidget(screen)
    assert isinstance(screen, DoorScreen)
    assert isinstance(kiosk.door_controller, DoorController)
    door = Door(kiosk, screen, kiosk.door_controller, reader, clock, central, demo)
    try:
        qtbot.waitUntil(lambda: not kiosk.status.current.syncing_first_time, timeout=10_000)
        qtbot.waitUntil(
            lambda: kiosk.status.current.readers[0].state == "connected", timeout=15_000
        )
        door.controller.refresh()
        qtbot.waitUntil(lambda: screen.view is not None, timeout=15_000)
        yield door
    finally:
        kiosk.shutdown()
        central.dispose()


@pytest.fixture
def reader() -> Iterator[PtySimulator]:
    sim = PtySimulator("rdm6300")
    yield sim
    sim.close()


@pytest.fixture
def free_door(qtbot: QtBot, tmp_path: Path, reader: PtySimulator) -> Iterator[Door]:
    with start_door(qtbot, tmp_path, reader, at(11, 40)) as door:  # free until 12.30
        yield door


@pytest.fixture
def busy_door(qtbot: QtBot, tmp_path: Path, reader: PtySimulator) -> Iterator[Door]:
    with start_door(qtbot, tmp_path, reader, at(10, 40)) as door:  # a workshop until 11.30
        yield door


def test_book_now_with_a_badge_is_provisional_then_confirmed(qtbot: QtBot, free_door: Door) -> None:
    door = free_door
    assert door.screen.view is not None and door.screen.view.state is RoomState.FREE
    door.press(qtbot, "30 min")
    assert "Tap your badge" in visible_text(door.screen)
    assert door.tap(qtbot, AINO) is ActionResult.DONE
    assert "Booked 11.40–12.10" in visible_text(door.screen) or "Booked 11:40–12:10" in (
        visible_text(door.screen)
    )
    booking = door.booking_at(at(11, 45))
    assert booking is not None and booking.source == "kiosk"
    # Pushed at once (the controller wakes sync); the central copy comes back confirmed.
    qtbot.waitUntil(
        lambda: (b := door.booking_at(at(11, 45))) is not None and b.status == "confirmed",
        timeout=10_000,
    )
    central = door.booking_at(at(11, 45), "central")
    assert central is not None and central.created_by is not None
    door.wait_view(qtbot, lambda v: v.state is RoomState.BUSY and not v.current.provisional)


def test_extend_then_end_early(qtbot: QtBot, busy_door: Door) -> None:
    door = busy_door
    door.press(qtbot, "+15 min")
    assert door.tap(qtbot, LINNEA) is ActionResult.DONE
    running = door.booking_at(at(10, 41))
    assert running is not None and running.ends_at == at(11, 45)
    door.wait_view(qtbot, lambda v: v.current is not None and v.current.ends_at == at(11, 45))

    door.press(qtbot, "End now")
    assert door.tap(qtbot, MIKKO) is ActionResult.DONE
    door.wait_view(qtbot, lambda v: v.state is RoomState.FREE)
    assert "The room is free" in visible_text(door.screen)
    door.sync_now(qtbot)
    qtbot.waitUntil(lambda: door.booking_at(at(10, 39), "central") is not None, timeout=15_000)
    qtbot.waitUntil(lambda: door.booking_at(at(10, 40), "central") is None, timeout=10_000)


def test_extend_into_the_next_booking_says_why_and_changes_nothing(
    qtbot: QtBot, busy_door: Door
) -> None:
    door = busy_door
    view = door.screen.view
    assert view is not None and view.current is not None and view.current.id is not None
    stale = Offer(ActionKind.EXTEND, 15, view.current.id)  # offered before the next one arrived
    with door.central.engine.begin() as conn:
        add_booking(
            conn,
            room_id="aurora",
            title="Heti perään",
            starts_at=at(11, 30),
            ends_at=at(12, 0),
            now=door.clock.now(),
        )
    door.sync_now(qtbot)
    qtbot.waitUntil(lambda: door.booking_at(at(11, 40)) is not None, timeout=10_000)
    before = dump(door.local)
    door.controller.choose(stale)
    assert door.tap(qtbot, AINO) is ActionResult.NO_TIME
    text = visible_text(door.screen)
    assert "booked from 11:30" in text and "Nothing was changed" in text
    assert dump(door.local) == before


def test_ending_a_booking_that_has_ended_says_so_and_changes_nothing(
    qtbot: QtBot, busy_door: Door
) -> None:
    door = busy_door
    door.press(qtbot, "End now")
    door.clock.set(at(11, 31))  # the workshop ends while the member looks for the badge
    before = dump(door.local)
    assert door.tap(qtbot, AINO) is ActionResult.ENDED
    assert "already ended" in visible_text(door.screen)
    assert dump(door.local) == before


def test_an_unknown_badge_changes_nothing(qtbot: QtBot, free_door: Door) -> None:
    door = free_door
    heard: list[Cue] = []
    door.controller.answered.connect(heard.append)
    door.press(qtbot, "15 min")
    before = dump(door.local)
    assert door.tap(qtbot, "0FFFFFFFFF") is ActionResult.UNKNOWN_BADGE
    assert "not recognised" in visible_text(door.screen)
    assert dump(door.local) == before
    assert heard == [Cue.REFUSED]  # played only where [sound] turns cues on
    assert door.kiosk.sound is None  # a door's default: off


def test_a_no_show_is_released_and_the_central_store_agrees(
    qtbot: QtBot, tmp_path: Path, reader: PtySimulator
) -> None:
    # The private 12.30 meeting; nobody checked in by 12.41 with a 10-minute grace period.
    with start_door(qtbot, tmp_path, reader, at(12, 41), release_after_minutes=10) as door:
        door.wait_view(qtbot, lambda v: v.state is RoomState.FREE)
        door.sync_now(qtbot)
        qtbot.waitUntil(lambda: door.booking_at(at(12, 45), "central") is None, timeout=10_000)
        with door.central.session() as s:
            statuses = s.scalars(
                select(Booking.status).where(Booking.starts_at == at(12, 30))
            ).all()
        assert statuses == ["released"]


def test_a_tap_checks_in_to_the_meeting_that_is_about_to_start(
    qtbot: QtBot, tmp_path: Path, reader: PtySimulator
) -> None:
    with start_door(qtbot, tmp_path, reader, at(12, 25), release_after_minutes=10) as door:
        door.wait_view(qtbot, lambda v: v.awaiting_checkin is not None)
        assert door.tap(qtbot, AINO) is ActionResult.DONE
        assert door.booking_at(at(12, 35)) is not None
        door.clock.set(at(12, 45))
        door.controller.refresh()
        door.wait_view(qtbot, lambda v: v.state is RoomState.BUSY)
