"""What a screen's wiring needs of the running kiosk: its parts, as a protocol.

``ui.shell.app`` builds a :class:`~ui.shell.app.Kiosk` and hands it to the lobby's or the door's
wiring (``ui.shell.lobby_wiring``, ``ui.shell.door_wiring``). The wiring depends on this
protocol, not on the class, so the composition root imports its wiring and never the reverse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kiosk.base.clock import Clock
    from kiosk.config.settings import Config
    from kiosk.lobby.notify_queue import NotificationWorker
    from kiosk.store.engine import Store
    from ui.camera.scanner import CameraScanner
    from ui.event.watch import EventWatcher
    from ui.host.gate import HostGate
    from ui.lab.controller import LabController
    from ui.runtime.bridge import ThreadBridge
    from ui.runtime.db_worker import DbWorker
    from ui.runtime.sound import SoundCues
    from ui.runtime.wedge import WedgeScanner


class KioskParts(Protocol):
    """The running kiosk as its wiring sees it (implemented by ``ui.shell.app.Kiosk``)."""

    config: Config
    clock: Clock
    store: Store | None
    db: DbWorker | None
    bridge: ThreadBridge
    notifier: NotificationWorker | None
    on_language: Callable[[str], None] | None
    # Set by the wiring: the parts it made that the kiosk shuts down or tests reach.
    door_controller: QObject | None
    wedge: WedgeScanner | None
    camera: CameraScanner | None
    lab: LabController | None
    event_watcher: EventWatcher | None
    sound: SoundCues | None

    @property
    def owner(self) -> QObject:
        """The QObject that owns what the wiring makes: it lives as long as the kiosk."""
        ...

    def host_gate(self, screen: QWidget, *, lobby: bool) -> HostGate: ...
    def start_notifier(self) -> None: ...
    def every(self, msec: int, fn: Callable[[], None]) -> None: ...
    def wake_sync(self) -> None: ...
    def refuse(self, message: str) -> None: ...
