"""The door's part of the composition root: its actions, controller and host panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kiosk.rooms.door_actions import DoorActions
from ui.door.controller import DoorController
from ui.door.screen import DoorScreen

if TYPE_CHECKING:
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
    controller.host_gate = kiosk.host_gate(screen, lobby=False)
    controller.host_gate.switched.connect(controller.refresh)
    kiosk.bridge.read.connect(controller.handle_read)
    kiosk.every(1_000, controller.tick)  # a new minute (or a mode's start or end) reloads
    controller.tick()
    kiosk.bridge.sync_status.connect(lambda _s: controller.refresh())
