"""The composition root: read this file top to bottom to see how a kiosk starts and stops.

``Kiosk`` wires one configuration into a running kiosk: the local store, the services, the
database worker, the serial readers, the sync worker and the screen. Everything is passed in
explicitly; nothing is looked up globally. ``shutdown`` undoes ``start`` in reverse order.

A kiosk starts in two phases, so a display lights up as fast as Qt allows:

1. ``first_screen``: the site key is checked and the screen is built. A door fills it from its
   local store with the standard library's sqlite3 (``kiosk.rooms.door_snapshot``); a lobby, or a
   door without a synced store, shows its "one moment" state. Nothing here imports SQLAlchemy
   (it costs more than Qt itself); the launcher shows the screen and tells systemd READY=1 once
   it is painted.
2. ``attach``: the local store, the services and controllers (``ui/shell/door_wiring.py``,
   ``ui/shell/lobby_wiring.py``), the sync worker and the readers. The screen fills in from the
   store.

``start`` runs both at once (tests, the demo).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from devices.events import ReaderStatus, ReadEvent
from kiosk.base.clock import Clock
from kiosk.config.settings import Config
from kiosk.security.badges import load_site_key
from kiosk.views.screens import KioskStatus
from ui.runtime.bridge import ThreadBridge
from ui.runtime.status import StatusModel

if TYPE_CHECKING:
    from kiosk.lobby.notify_queue import NotificationWorker
    from kiosk.security.host_auth import RemotePinCheck
    from kiosk.store.engine import Store
    from kiosk.sync.http_link import HttpLink
    from kiosk.sync.worker import SyncWorker
    from ui.camera.scanner import CameraScanner
    from ui.common.screen import ScaledScreen
    from ui.event.watch import EventWatcher
    from ui.host.gate import HostGate
    from ui.lab.controller import LabController
    from ui.runtime.db_worker import DbWorker
    from ui.runtime.sound import SoundCues
    from ui.runtime.wedge import WedgeScanner

log = logging.getLogger(__name__)


class Reader(Protocol):
    def start(self) -> None: ...
    def stop(self, timeout: float = 2.0) -> None: ...


ReaderFactory = Callable[..., Reader]


class Kiosk(QObject):
    """One running kiosk (the demo runs two in one process)."""

    #: The kiosk cannot go on (a door's room does not exist): the message; ``kiosk run`` exits 2.
    refused = Signal(str)

    def __init__(
        self,
        config: Config,
        clock: Clock,
        *,
        reader_factory: ReaderFactory | None = None,  # None: serial readers (devices.reader)
        on_language: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.clock = clock
        self._reader_factory = reader_factory
        self.on_language = on_language
        self.store: Store | None = None
        self.screen: QWidget | None = None
        self.db: DbWorker | None = None
        self.sync: SyncWorker | None = None
        self.wedge: WedgeScanner | None = None  # lobby only: keyboard-wedge QR scanners
        self.camera: CameraScanner | None = None  # lobby only: the tablet's own camera
        self.notifier: NotificationWorker | None = None  # lobby only: host notifications
        self.lab: LabController | None = None  # lobby only: feedback, board, host calls
        self.door_controller: QObject | None = None  # door only
        self.event_watcher: EventWatcher | None = None  # lobby only: follows event mode
        self.sound: SoundCues | None = None  # cues with answers, when [sound] turns them on
        self._site_key: bytes | None = None
        self._set_status: Callable[[KioskStatus], None] = lambda _status: None
        self._readers: list[Reader] = []
        self._gates: list[HostGate] = []
        self._pin_link: HttpLink | None = None  # host PINs, checked by the sync service
        self._timers: list[QTimer] = []
        self.bridge = ThreadBridge(self)
        self.status = StatusModel([r.name for r in config.readers])

    @property
    def owner(self) -> QObject:
        """The QObject that owns what the wiring makes (``ui.shell.kiosk_parts``)."""
        return self

    # --- start-up, in order -------------------------------------------------------------

    def start(self) -> QWidget:
        """Both phases at once."""
        screen = self.first_screen()
        self.attach()
        return screen

    def first_screen(self) -> QWidget:
        """Phase 1: the screen alone, before any store work."""
        cfg = self.config
        log.info("starting kiosk %s (%s)", cfg.kiosk_id, cfg.role)
        self._site_key = load_site_key(cfg.site_key_file)  # fail early, before any window
        if cfg.uses_service:  # the token and CA files too: one line and exit 2, not a traceback
            from kiosk.config.credential_file import service_credentials

            service_credentials(cfg)
        if cfg.role == "door":
            from kiosk.rooms.door_room import refuse_missing_room
            from kiosk.rooms.door_snapshot import read_door_view

            refuse_missing_room(cfg.local_store_path, cfg.room or "")  # synced, and no such room
            from ui.door.screen import DoorScreen

            door = DoorScreen(cfg.tz)
            # The room as the local store last knew it, read with sqlite3 alone: a restarting
            # door shows its real state in its first frame. A few rows, before the event loop
            # runs, so nothing waits on it; None (no store yet, a migration due) leaves the
            # "one moment" state until attach() has the store.
            first = read_door_view(
                cfg.local_store_path,
                cfg.room or "",
                self.clock.now(),
                cfg.tz,
                kiosk_id=cfg.kiosk_id,
            )
            if first is not None:
                door.show_view(first)
                self.status.synced_before()
            self._set_status = door.set_status
            screen: ScaledScreen = door
        else:
            from ui.lobby.screen import LobbyScreen

            lobby = LobbyScreen(
                cfg.tz, welcome_seconds=cfg.welcome_seconds, idle_seconds=cfg.idle_seconds
            )
            lobby.privacy_notice = cfg.privacy_notice or ""
            lobby.walkin.retention_days = cfg.retention_days
            lobby.set_now(self.clock.now())
            self._set_status = lobby.set_status
            screen = lobby
        if cfg.screen_ppi is not None:  # the panel's real density, for 9 mm touch targets
            screen.set_ppi(cfg.screen_ppi)
        self._set_status(self.status.current)
        self.screen = screen
        return screen

    def attach(self) -> None:
        """Phase 2: the store, the services and controllers, sync and readers."""
        from kiosk.base.folders import make_folder
        from kiosk.store.engine import open_local_store
        from kiosk.store.upgrade_apart import upgrade_apart
        from ui.runtime.db_worker import DbWorker

        cfg, screen, site_key = self.config, self.screen, self._site_key
        assert screen is not None and site_key is not None, "first_screen() comes first"
        make_folder(cfg.data_dir)
        # A store behind the newest schema is upgraded by a child process; should it fail,
        # open_local_store upgrades here and says why (else the schema is not read twice).
        at_head = upgrade_apart(cfg.path, cfg.local_store_path)
        self.store = open_local_store(cfg.local_store_path, migrate=not at_head)
        self.db = DbWorker(self)
        if cfg.role == "door":
            from ui.shell.door_wiring import wire_door

            wire_door(self, screen, site_key)
        else:
            from ui.shell.lobby_wiring import wire_lobby

            wire_lobby(self, screen, site_key)
        set_status = self._set_status
        self.bridge.sync_status.connect(lambda s: set_status(self.status.apply_sync(s)))
        self.bridge.reader_status.connect(lambda r: set_status(self.status.apply_reader(r)))
        self._start_sync()
        self._start_readers()
        log.info("kiosk %s started", cfg.kiosk_id)

    def host_gate(self, screen: QWidget, *, lobby: bool) -> HostGate:
        """Host sign-in (badge + PIN) and the host panel over ``screen``."""
        from ui.host.gate import attach_host_gate

        assert self.store is not None and self.db is not None and self._site_key is not None
        cfg = self.config
        gate = attach_host_gate(
            screen,
            self.db,
            self.store,
            self.clock,
            self._site_key,
            cfg.kiosk_id,
            cfg.tz,
            lobby=lobby,
            parent=self,
            remote_pin=self._remote_pin(),
        )
        gate.switched.connect(self.wake_sync)  # push the switch to the other kiosks now
        self.bridge.sync_status.connect(lambda s: gate.set_online(s.online))
        self._gates.append(gate)
        return gate

    def start_notifier(self) -> None:
        """Host notifications: their own thread, so a slow mail server never delays a scan."""
        from kiosk.lobby.notify import notifier_for
        from kiosk.lobby.notify_queue import NotificationQueue, NotificationWorker

        assert self.store is not None
        cfg = self.config
        notifier = notifier_for(cfg.notify.method, cfg.notify, cfg.tz)
        if notifier is None:
            return
        queue = NotificationQueue(
            self.store, notifier, self.clock, cfg.kiosk_id, retention_days=cfg.retention_days
        )
        also = []
        if cfg.notify.method == "smtp" and cfg.invitations.sends_here(cfg.central_url):
            from functools import partial

            from kiosk.lobby.invite_delivery import deliver_embedded

            also.append(  # the embedded set-up: this kiosk retries invitation e-mails too
                partial(
                    deliver_embedded,
                    cfg.central_url,
                    cfg.notify,
                    cfg.tz,
                    self.clock,
                    max_attempts=cfg.invitations.max_attempts,
                )
            )
        self.notifier = NotificationWorker(queue, interval=cfg.notify.retry_seconds, also=also)
        self.notifier.start()

    def _start_sync(self) -> None:
        from kiosk.sync.engine import SyncEngine
        from kiosk.sync.worker import SyncWorker

        assert self.store is not None
        cfg = self.config
        engine = SyncEngine.for_kiosk(
            cfg, self.store, self.clock, heartbeat_status=self.status.heartbeat
        )
        self.sync = SyncWorker(
            engine,
            interval=cfg.sync_interval,
            clock=self.clock,
            on_status=self.bridge.on_sync_status,
        )
        self.sync.start()

    def _start_readers(self) -> None:
        factory = self._reader_factory
        if factory is None:
            from devices.reader import SerialReader

            factory = SerialReader
        for rc in self.config.readers:
            reader = factory(
                rc.name,
                rc.port,
                rc.protocol,
                baud=rc.baud,
                hold_off=rc.hold_off,
                parser_factory=rc.parser_factory(),
                on_event=self.bridge.on_read,
                on_status=self.bridge.on_reader_status,
            )
            reader.start()
            self._readers.append(reader)

    def every(self, msec: int, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the GUI thread every ``msec``; stopped by ``shutdown``."""
        timer = QTimer(self)
        timer.setInterval(msec)
        timer.timeout.connect(fn)
        timer.start()
        self._timers.append(timer)

    def refuse(self, message: str) -> None:
        """Stop for a mistake in the config found after start-up (see ``refused``)."""
        log.error("kiosk %s refuses to go on: %s", self.config.kiosk_id, message)
        self.refused.emit(message)

    def wake_sync(self) -> None:
        """Something was stored locally: push it now, and send what the notifier holds."""
        if self.sync is not None:
            self.sync.wake()
        if self.notifier is not None:
            self.notifier.wake()

    # --- shut-down, in reverse ----------------------------------------------------------

    def _remote_pin(self) -> RemotePinCheck | None:
        """With the sync service, host PINs are checked there (the kiosk holds no hashes)."""
        if not self.config.uses_service:
            return None
        if self._pin_link is None:
            from kiosk.sync.engine import service_link

            self._pin_link = service_link(self.config)
        return self._pin_link.host_pin

    def shutdown(self) -> None:
        log.info("stopping kiosk %s", self.config.kiosk_id)
        for timer in self._timers:
            timer.stop()
        for gate in self._gates:
            gate.close()  # and its idle timer with it
        if self.wedge is not None:
            self.wedge.uninstall()
        if self.camera is not None:
            self.camera.stop()  # the camera, then its decode thread
            self.camera = None
        if self.sound is not None:
            self.sound.stop()
            self.sound = None
        for reader in self._readers:
            reader.stop()
        self._readers.clear()
        if self.sync is not None:
            self.sync.stop()
            self.sync = None
        if self.notifier is not None:
            self.notifier.stop()
            self.notifier = None
        if self.db is not None:
            self.db.shutdown()
        if self.screen is not None:
            self.screen.close()
        if self._pin_link is not None:
            self._pin_link.close()
            self._pin_link = None
        if self.store is not None:
            self.store.dispose()
        log.info("kiosk %s stopped", self.config.kiosk_id)


# Signatures the bridge accepts, re-exported for type checkers of reader factories.
__all__ = ["Kiosk", "ReadEvent", "ReaderStatus"]
