"""The composition root: read this file top to bottom to see how a kiosk starts and stops.

``Kiosk`` wires one configuration into a running kiosk: the local store, the services, the
database worker, the serial readers, the sync worker and the screen. Everything is passed in
explicitly; nothing is looked up globally. ``shutdown`` undoes ``start`` in reverse order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from devices.events import ReaderStatus, ReadEvent
from devices.reader import SerialReader
from kiosk.badges import load_site_key
from kiosk.clock import Clock
from kiosk.config import Config
from kiosk.notify import notifier_for
from kiosk.notify_queue import NotificationQueue, NotificationWorker, enqueue_arrival
from kiosk.presence import who_is_in_store
from kiosk.services.auto_checkout import DailyAt, check_out_everyone
from kiosk.services.checkin import CheckinService
from kiosk.services.checkout import CheckoutService
from kiosk.services.visitor_checkin import VisitorCheckinService
from kiosk.services.walkin import WalkinService
from kiosk.store import Store, open_local_store
from kiosk.sync import SyncEngine, SyncStatus, SyncWorker
from ui.bridge import ThreadBridge
from ui.db_worker import DbWorker
from ui.status import StatusModel
from ui.wedge import WedgeScanner

if TYPE_CHECKING:
    from ui.camera import CameraScanner
    from ui.lobby import LobbyScreen
    from ui.lobby_controller import LobbyController

log = logging.getLogger(__name__)


class Reader(Protocol):
    def start(self) -> None: ...
    def stop(self, timeout: float = 2.0) -> None: ...


ReaderFactory = Callable[..., Reader]


class Kiosk(QObject):
    """One running kiosk (the demo runs two in one process)."""

    def __init__(
        self,
        config: Config,
        clock: Clock,
        *,
        reader_factory: ReaderFactory = SerialReader,
        on_language: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.clock = clock
        self._reader_factory = reader_factory
        self._on_language = on_language
        self.store: Store | None = None
        self.screen: QWidget | None = None
        self.db: DbWorker | None = None
        self.sync: SyncWorker | None = None
        self.wedge: WedgeScanner | None = None  # lobby only: keyboard-wedge QR scanners
        self.camera: CameraScanner | None = None  # lobby only: the tablet's own camera
        self.notifier: NotificationWorker | None = None  # lobby only: host notifications
        self.door_controller: QObject | None = None  # door only
        self._readers: list[Reader] = []
        self._timers: list[QTimer] = []
        self.bridge = ThreadBridge(self)
        self.status = StatusModel([r.name for r in config.readers])

    # --- start-up, in order -------------------------------------------------------------

    def start(self) -> QWidget:
        cfg = self.config
        log.info("starting kiosk %s (%s)", cfg.kiosk_id, cfg.role)
        site_key = load_site_key(cfg.site_key_file)  # fail early, before any window
        cfg.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = open_local_store(cfg.local_store_path)
        self.db = DbWorker(self)
        self.screen = self._build_screen(site_key)
        self._start_sync()
        self._start_readers()
        log.info("kiosk %s started", cfg.kiosk_id)
        return self.screen

    def _build_screen(self, site_key: bytes) -> QWidget:
        assert self.store is not None and self.db is not None
        cfg = self.config
        if cfg.role == "door":
            from kiosk.services.door_actions import DoorActions
            from ui.door import DoorScreen
            from ui.door_controller import DoorController

            assert cfg.room is not None
            door = DoorScreen(cfg.tz)
            actions = DoorActions(self.store, self.clock, site_key, cfg.kiosk_id, cfg.room, cfg.tz)
            controller = DoorController(
                door,
                self.db,
                self.store,
                cfg.room,
                self.clock,
                cfg.tz,
                self,
                actions=actions,
                kiosk_id=cfg.kiosk_id,
                door_config=cfg.door,
                on_stored=self._wake_sync,
            )
            self.door_controller = controller
            self.bridge.read.connect(controller.handle_read)
            self._every(1_000, controller.tick)  # a new minute reloads the view
            controller.tick()
            self.bridge.sync_status.connect(lambda _s: controller.refresh())
            screen: QWidget = door
            set_status = door.set_status
        else:
            from ui.lobby import LobbyScreen
            from ui.lobby_controller import LobbyController

            lobby = LobbyScreen(
                cfg.tz, welcome_seconds=cfg.welcome_seconds, idle_seconds=cfg.idle_seconds
            )
            lobby.privacy_notice = cfg.privacy_notice or ""
            lobby.walkin.retention_days = cfg.retention_days
            checkins = CheckinService(
                self.store,
                self.clock,
                site_key,
                cfg.kiosk_id,
                timedelta(seconds=cfg.repeat_tap_seconds),
            )
            self._start_notifier()
            visitors = VisitorCheckinService(
                self.store,
                self.clock,
                cfg.kiosk_id,
                repeat_window=timedelta(seconds=cfg.repeat_scan_seconds),
                on_checkin=enqueue_arrival if self.notifier is not None else None,
            )
            store = self.store
            lobby_ctl = LobbyController(
                lobby,
                self.db,
                checkins,
                self.clock,
                self._wake_sync,
                visitors,
                presence=lambda: who_is_in_store(store),
                checkouts=CheckoutService(store, self.clock, cfg.kiosk_id),
                walkins=WalkinService(
                    store,
                    self.clock,
                    cfg.kiosk_id,
                    on_checkin=enqueue_arrival if self.notifier is not None else None,
                ),
                export_dir=cfg.data_dir / "evacuation",
                parent=self,
            )
            self.bridge.read.connect(lobby_ctl.handle_read)
            self._schedule_auto_checkout()
            self.bridge.sync_status.connect(lambda _s: lobby_ctl.refresh_names())
            self.wedge = WedgeScanner(lobby, parent=self)
            self.wedge.scanned.connect(lobby_ctl.handle_scan)
            self.wedge.install()
            if cfg.camera:
                self._start_camera(lobby, lobby_ctl)
            if self._on_language is not None:
                lobby.language_requested.connect(self._on_language)
            lobby.set_now(self.clock.now())
            self._every(1_000, lambda: lobby.set_now(self.clock.now()))
            screen = lobby
            set_status = lobby.set_status
        self.bridge.sync_status.connect(lambda s: set_status(self.status.apply_sync(s)))
        self.bridge.reader_status.connect(lambda r: set_status(self.status.apply_reader(r)))
        set_status(self.status.current)
        return screen

    def _start_camera(self, lobby: LobbyScreen, controller: LobbyController) -> None:
        """The tablet's camera as one more QR scanner, when there is one (else nothing)."""
        from ui.camera import open_camera_scanner

        camera = open_camera_scanner(self, preview_parent=lobby.home)
        if camera is None:
            return
        lobby.home.set_camera_preview(camera.preview)
        camera.active_changed.connect(lobby.home.set_camera_active)
        camera.scanned.connect(controller.handle_read)
        camera.start()
        self.camera = camera

    def _schedule_auto_checkout(self) -> None:
        """Sign out everyone still in at ``lobby.auto_checkout_at``, checked every minute."""
        cfg, store, db = self.config, self.store, self.db
        if cfg.auto_checkout_at is None or store is None or db is None:
            return
        schedule = DailyAt(cfg.auto_checkout_at, cfg.tz)

        def tick() -> None:
            now = self.clock.now()
            if schedule.due(now):
                schedule.mark_done(now)
                db.submit(
                    lambda: check_out_everyone(store, self.clock, cfg.kiosk_id),
                    lambda count: self._wake_sync() if count else None,
                )

        self._every(60_000, tick)
        tick()

    def _start_notifier(self) -> None:
        """Host notifications: their own thread, so a slow mail server never delays a scan."""
        assert self.store is not None
        cfg = self.config
        notifier = notifier_for(cfg.notify.method, cfg.notify, cfg.tz)
        if notifier is None:
            return
        queue = NotificationQueue(
            self.store, notifier, self.clock, cfg.kiosk_id, retention_days=cfg.retention_days
        )
        self.notifier = NotificationWorker(queue, interval=cfg.notify.retry_seconds)
        self.notifier.start()

    def _start_sync(self) -> None:
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
        for rc in self.config.readers:
            reader = self._reader_factory(
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

    def _every(self, msec: int, fn: Callable[[], None]) -> None:
        timer = QTimer(self)
        timer.setInterval(msec)
        timer.timeout.connect(fn)
        timer.start()
        self._timers.append(timer)

    def _wake_sync(self) -> None:
        if self.sync is not None:
            self.sync.wake()
        if self.notifier is not None:
            self.notifier.wake()

    # --- shut-down, in reverse ----------------------------------------------------------

    def shutdown(self) -> None:
        log.info("stopping kiosk %s", self.config.kiosk_id)
        for timer in self._timers:
            timer.stop()
        if self.wedge is not None:
            self.wedge.uninstall()
        if self.camera is not None:
            self.camera.stop()  # the camera, then its decode thread
            self.camera = None
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
        if self.store is not None:
            self.store.dispose()
        log.info("kiosk %s stopped", self.config.kiosk_id)


# Signatures the bridge accepts, re-exported for type checkers of reader factories.
__all__ = ["Kiosk", "ReadEvent", "ReaderStatus", "SyncStatus"]
