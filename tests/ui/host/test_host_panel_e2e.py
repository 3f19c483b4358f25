"""Event mode end to end: a host taps a badge on a door, types the PIN, switches the whole Lab
to an event; the lobby next to it, synced through the same central store, switches too.

Two whole kiosks run in-process (readers on pseudo-terminals, database workers, sync workers),
against the demo's central store, with one fixed clock that the test moves to the switch's end.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from devices.simulate import PtySimulator
from kiosk.base.clock import FixedClock
from kiosk.config.settings import load_config
from kiosk.demo.data import DEMO_HOST_PIN, create_demo
from kiosk.store.engine import open_store
from kiosk.store.models import AuditEntry, RoomMode
from kiosk.views.screens import RoomState
from ui.door.controller import DoorController
from ui.door.screen import DoorScreen
from ui.host.overlay import HostOverlay
from ui.lobby.screen import LobbyScreen
from ui.shell.app import Kiosk

TZ = ZoneInfo("Europe/Helsinki")
AINO, MIKKO = "0A00F1C2D3", "0C55AA0F10"
NOON = datetime(2026, 11, 26, 12, 0, tzinfo=TZ)


@pytest.fixture
def readers() -> Iterator[tuple[PtySimulator, PtySimulator]]:
    door, lobby = PtySimulator("rdm6300"), PtySimulator("rdm6300")
    yield door, lobby
    door.close()
    lobby.close()


def overlay_of(qtbot: QtBot, screen: object) -> HostOverlay:
    """The host overlay over ``screen``, once a host badge has had it built."""
    assert isinstance(screen, DoorScreen | LobbyScreen)
    qtbot.waitUntil(lambda: screen.findChild(HostOverlay) is not None, timeout=15_000)
    overlay = screen.findChild(HostOverlay)
    assert overlay is not None
    return overlay


def type_pin(qtbot: QtBot, overlay: HostOverlay, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(overlay.pin_pad.digits[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(overlay.pin_pad.ok, Qt.MouseButton.LeftButton)


def start(qtbot: QtBot, kiosk: Kiosk) -> QWidget:
    """Start ``kiosk``, show its screen, and wait for its first sync and its reader."""
    screen = kiosk.start()
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitUntil(lambda: not kiosk.status.current.syncing_first_time, timeout=10_000)
    qtbot.waitUntil(lambda: kiosk.status.current.readers[0].state == "connected", timeout=15_000)
    return screen


def lobby_pin_pad(qtbot: QtBot, screen: LobbyScreen, reader: PtySimulator) -> HostOverlay:
    """The host taps at the lobby (checked in as usual) and opens the PIN pad from the answer."""
    reader.present(MIKKO, repeats=2)
    qtbot.waitUntil(lambda: screen.result.evacuation.isVisible(), timeout=15_000)
    qtbot.mouseClick(screen.result.evacuation, Qt.MouseButton.LeftButton)
    overlay = overlay_of(qtbot, screen)
    qtbot.waitUntil(lambda: overlay.showing_pin, timeout=15_000)
    return overlay


def test_a_host_at_a_door_switches_the_lab_and_the_lobby_follows(
    qtbot: QtBot, tmp_path: Path, readers: tuple[PtySimulator, PtySimulator]
) -> None:
    door_reader, lobby_reader = readers
    clock = FixedClock(NOON)
    demo = create_demo(tmp_path, NOON)
    door_cfg = demo.write_config("door-aurora", "door", room="aurora", reader_port=door_reader.path)
    lobby_cfg = demo.write_config("lobby-1", "lobby", reader_port=lobby_reader.path)
    door = Kiosk(load_config(door_cfg), clock)
    lobby = Kiosk(load_config(lobby_cfg), clock)
    central = open_store(demo.central_url, migrate=False)
    try:
        door_screen, lobby_screen = start(qtbot, door), start(qtbot, lobby)
        assert isinstance(door_screen, DoorScreen) and isinstance(lobby_screen, LobbyScreen)
        controller = door.door_controller
        assert isinstance(controller, DoorController)

        # A member's badge opens nothing.
        said: list[str] = []
        original_say = door_screen.show_message

        def record(text: str) -> None:
            said.append(text)
            original_say(text)

        door_screen.show_message = record  # type: ignore[method-assign]
        door_reader.present(AINO, repeats=2)
        qtbot.waitUntil(lambda: len(said) == 1, timeout=15_000)
        assert door_screen.findChild(HostOverlay) is None  # not even built

        # The host: badge, PIN, the panel.
        door_reader.present(MIKKO, repeats=2)
        overlay = overlay_of(qtbot, door_screen)
        qtbot.waitUntil(lambda: overlay.showing_pin, timeout=15_000)
        type_pin(qtbot, overlay, DEMO_HOST_PIN)
        qtbot.waitUntil(lambda: overlay.showing_panel, timeout=15_000)
        panel = overlay.panel
        qtbot.waitUntil(lambda: panel.rooms.buttons[0].isVisible(), timeout=15_000)
        qtbot.mouseClick(panel.rooms.whole_lab, Qt.MouseButton.LeftButton)
        panel.set_title("Avoin Lab -ilta")
        qtbot.mouseClick(panel.choices.mode_buttons["event"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.choices.duration_buttons[120], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.message.text() != "", timeout=15_000)

        # The door shows the event at once, from its own store.
        qtbot.waitUntil(
            lambda: door_screen.view is not None and door_screen.view.state is RoomState.EVENT,
            timeout=15_000,
        )

        # The switch reaches the central store, then the lobby, which enters event mode.
        def central_modes() -> list[tuple[str, str | None]]:
            with central.engine.connect() as conn:
                return [(r.mode, r.kiosk_id) for r in conn.execute(select(RoomMode))]

        qtbot.waitUntil(lambda: central_modes() == [("event", "door-aurora")], timeout=10_000)
        assert lobby.sync is not None
        lobby.sync.wake()
        qtbot.waitUntil(lambda: lobby_screen.event_home.view is not None, timeout=10_000)
        view = lobby_screen.event_home.view
        assert view is not None and view.title == "Avoin Lab -ilta"

        # Every step is audited centrally, with the kiosk it happened at.
        with central.engine.connect() as conn:
            audit = [(e.action, e.kiosk_id) for e in conn.execute(select(AuditEntry))]
        assert ("host.signed_in", "door-aurora") in audit
        assert ("host.mode_set", "door-aurora") in audit

        # The panel closes itself; the switch reverts on time, on both screens.
        qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
        assert not overlay.is_open
        clock.advance(timedelta(hours=2, seconds=1))
        controller.refresh()
        qtbot.waitUntil(
            lambda: door_screen.view is not None and door_screen.view.state is not RoomState.EVENT,
            timeout=15_000,
        )
        qtbot.waitUntil(lambda: lobby_screen.event_home.view is None, timeout=15_000)
        # People leaving are asked how the event was.
        feedback = lobby_screen.lab.feedback
        assert lobby_screen.pages.currentWidget() is feedback
        assert "Avoin Lab -ilta" in " ".join(
            label.text() for label in feedback.findChildren(QLabel) if label.isVisibleTo(feedback)
        )
    finally:
        door.shutdown()
        lobby.shutdown()
        central.dispose()


def test_wrong_pins_lock_the_lobby_panel_and_it_closes_when_left(
    qtbot: QtBot, tmp_path: Path, readers: tuple[PtySimulator, PtySimulator]
) -> None:
    _door_reader, reader = readers
    clock = FixedClock(NOON)
    demo = create_demo(tmp_path, NOON)
    kiosk = Kiosk(
        load_config(demo.write_config("lobby-1", "lobby", reader_port=reader.path)), clock
    )
    try:
        screen = start(qtbot, kiosk)
        assert isinstance(screen, LobbyScreen)
        # The host's tap checks them in as usual and offers the panel.
        overlay = lobby_pin_pad(qtbot, screen, reader)
        for attempt in range(5):
            type_pin(qtbot, overlay, "9999")
            qtbot.waitUntil(lambda: overlay.pin_pad.message.text() != "", timeout=15_000)
            if attempt < 4:
                assert str(4 - attempt) in overlay.pin_pad.message.text()
                overlay.pin_pad.set_message("")
        assert "locked" in overlay.pin_pad.message.text()
        assert not overlay.pin_pad.ok.isEnabled()
        # Left alone, it closes itself after a minute.
        idle = kiosk.findChild(QTimer, "HostPanelIdleTimer")
        assert idle is not None and idle.isActive() and idle.interval() == 60_000
        idle.timeout.emit()
        assert not overlay.is_open
    finally:
        kiosk.shutdown()


def test_a_prepared_event_starts_from_the_lobby_panel_in_one_tap(
    qtbot: QtBot, tmp_path: Path, readers: tuple[PtySimulator, PtySimulator]
) -> None:
    from kiosk.events.manage import NewEvent, create_event

    _door_reader, reader = readers
    clock = FixedClock(NOON)
    demo = create_demo(tmp_path, NOON)
    central = open_store(demo.central_url, migrate=False)
    with central.engine.begin() as conn:
        event_id = create_event(
            conn,
            NewEvent(
                "Tekoälyaamupäivä",
                NOON + timedelta(minutes=30),
                NOON + timedelta(hours=3),
                capacity=60,
                online_url="https://meet.example/ai",
            ),
            NOON,
        )
    kiosk = Kiosk(
        load_config(demo.write_config("lobby-1", "lobby", reader_port=reader.path)), clock
    )
    try:
        screen = start(qtbot, kiosk)
        assert isinstance(screen, LobbyScreen)
        overlay = lobby_pin_pad(qtbot, screen, reader)
        type_pin(qtbot, overlay, DEMO_HOST_PIN)
        qtbot.waitUntil(lambda: overlay.panel.events.buttons[0].isVisible(), timeout=15_000)
        assert "Tekoälyaamupäivä" in overlay.panel.events.buttons[0].text()
        qtbot.mouseClick(overlay.panel.events.buttons[0], Qt.MouseButton.LeftButton)
        # The lobby enters event check-in for that very event, with its capacity.
        qtbot.waitUntil(lambda: screen.event_home.view is not None, timeout=15_000)
        view = screen.event_home.view
        assert view is not None and view.title == "Tekoälyaamupäivä" and view.capacity == 60
        assert kiosk.store is not None
        with kiosk.store.engine.connect() as conn:
            rows = conn.execute(select(RoomMode.event_id, RoomMode.room_id)).all()
        assert [(r.event_id, r.room_id) for r in rows] == [(event_id, None)]
        # Shutting down closes the open panel: no idle timer outlives its kiosk.
        idle = kiosk.findChild(QTimer, "HostPanelIdleTimer")
        assert idle is not None and idle.isActive()
        kiosk.shutdown()
        assert not idle.isActive()
    finally:
        kiosk.shutdown()
        central.dispose()


def test_a_visitor_calls_a_host_and_a_host_takes_it_at_a_door(
    qtbot: QtBot, tmp_path: Path, readers: tuple[PtySimulator, PtySimulator]
) -> None:
    door_reader, lobby_reader = readers
    clock = FixedClock(NOON)
    demo = create_demo(tmp_path, NOON)
    door_cfg = demo.write_config("door-aurora", "door", room="aurora", reader_port=door_reader.path)
    lobby_cfg = demo.write_config("lobby-1", "lobby", reader_port=lobby_reader.path)
    door, lobby = Kiosk(load_config(door_cfg), clock), Kiosk(load_config(lobby_cfg), clock)
    try:
        door_screen, lobby_screen = start(qtbot, door), start(qtbot, lobby)
        assert isinstance(lobby_screen, LobbyScreen)
        # At the lobby: "Call a host"; the call is pushed, the door pulls it.
        assert lobby.lab is not None
        lobby.lab.call_host()
        page = lobby_screen.lab.host_call
        qtbot.waitUntil(lambda: page.state is not None, timeout=15_000)

        def door_sees_the_call() -> bool:
            assert door.sync is not None
            door.sync.wake()
            return door_has_call()

        def door_has_call() -> bool:
            assert door.store is not None
            from kiosk.store.models import HostCall

            with door.store.engine.connect() as conn:
                return conn.execute(select(HostCall.id)).first() is not None

        qtbot.waitUntil(door_sees_the_call, timeout=10_000)
        # At the door: the host signs in; the panel says a call is waiting; they take it.
        door_reader.present(MIKKO, repeats=2)
        overlay = overlay_of(qtbot, door_screen)
        panel = overlay.panel
        qtbot.waitUntil(lambda: overlay.showing_pin, timeout=15_000)
        type_pin(qtbot, overlay, DEMO_HOST_PIN)
        qtbot.waitUntil(lambda: "(1)" in panel.calls_button.text(), timeout=15_000)
        qtbot.mouseClick(panel.calls_button, Qt.MouseButton.LeftButton)
        assert panel.calls_page is not None
        take = panel.calls_page.calls.buttons[0]
        # The place the visitor waits at, not the kiosk's id ("lobby-1").
        assert take.isVisible() and take.text() == "Lobby at 12:00: I'm on my way"
        qtbot.mouseClick(take, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "(1)" not in panel.calls_button.text(), timeout=15_000)

        # The lobby learns who is coming with its next sync.
        def lobby_knows() -> bool:
            assert lobby.sync is not None
            lobby.sync.wake()
            state = page.state
            return state is not None and state.acknowledged

        qtbot.waitUntil(lobby_knows, timeout=15_000)
        assert page.state is not None and page.state.host_name == "Mikko Korhonen"
    finally:
        door.shutdown()
        lobby.shutdown()


def test_a_members_tap_is_answered_even_while_the_pin_pad_is_open(
    qtbot: QtBot, tmp_path: Path, readers: tuple[PtySimulator, PtySimulator]
) -> None:
    _door_reader, reader = readers
    clock = FixedClock(NOON)
    demo = create_demo(tmp_path, NOON)
    kiosk = Kiosk(
        load_config(demo.write_config("lobby-1", "lobby", reader_port=reader.path)), clock
    )
    try:
        screen = start(qtbot, kiosk)
        assert isinstance(screen, LobbyScreen)
        overlay = lobby_pin_pad(qtbot, screen, reader)
        overlay.pin_pad.type_digit("1")
        reader.present(AINO, repeats=2)  # a member arrives while the host is typing
        qtbot.waitUntil(lambda: not overlay.is_open, timeout=15_000)
        assert screen.showing_result and screen.outcome is not None
        assert screen.outcome.name == "Aino Virtanen"
        assert overlay.pin_pad.length == 0  # the half-typed PIN is gone
    finally:
        kiosk.shutdown()
