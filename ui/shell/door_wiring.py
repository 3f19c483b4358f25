"""The door's part of the composition root: its actions, controller and host panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kiosk.rooms.door_actions import DoorActions
from kiosk.rooms.door_room import RoomCheck, check_room, missing_room_message
from ui.door.controller import DoorController
from ui.door.screen import DoorScreen
from ui.runtime.sound import cues_for

if TYPE_CHECKING:
    from kiosk.sync.engine import SyncStatus
    from ui.shell.kiosk_parts import KioskParts


def wire_door(kiosk: KioskParts, screen: QWidget, site_key: bytes) -> None:
    cfg = kiosk.config
    assert isinstance(screen, DoorScreen) and cfg.room is not None
    assert kiosk.store is not None and kiosk.db is not None
    actions = DoorActions(kiosk.store, kiosk.clock, site_key, cfg.kiosk_id, cfg.room, cfg.tz)
    controller = DoorController(
        screen,
        kiosk.db,
        kiosk.store,
        cfg.room,
        kiosk.clock,
        cfg.tz,
        kiosk.owner,
        actions=actions,
        kiosk_id=cfg.kiosk_id,
        door_config=cfg.door,
        on_stored=kiosk.wake_sync,
    )
    kiosk.door_controller = controller
    kiosk.sound = cues_for(cfg)  # off at a door unless [sound] cues = "on"
    if kiosk.sound is not None:
        controller.answered.connect(kiosk.sound.play)
    controller.host_gate = kiosk.host_gate(screen, lobby=False)
    controller.host_gate.switched.connect(controller.refresh)
    kiosk.bridge.read.connect(controller.handle_read)
    kiosk.every(1_000, controller.tick)  # a new minute (or a mode's start or end) reloads
    controller.tick()
    kiosk.bridge.sync_status.connect(lambda _s: controller.refresh())
    _refuse_missing_room(kiosk, cfg.room)


def _refuse_missing_room(kiosk: KioskParts, room: str) -> None:
    """After the first sync a door's room must be there: otherwise the kiosk refuses to go on.

    Until then the screen says it waits for its room (``DoorScreen.show_waiting``). The check
    reads a few rows with sqlite3, on the database worker.
    """
    path = kiosk.config.local_store_path
    db = kiosk.db
    assert db is not None
    state = {"checking": False, "done": False}

    def checked(found: RoomCheck | None) -> None:
        state["checking"] = False
        if found is None or not found.synced:
            return  # asked again after the next sync
        state["done"] = True
        if found.missing:
            kiosk.refuse(missing_room_message(room, found.rooms))

    def on_status(status: SyncStatus) -> None:
        if status.first_sync_done and not (state["checking"] or state["done"]):
            state["checking"] = True
            db.submit(lambda: check_room(path, room), checked)

    kiosk.bridge.sync_status.connect(on_status)
