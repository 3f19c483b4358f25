"""The lobby's part of the composition root: check-in services, the controller, the Lab's own
features, event mode, the host panel, and the scanners (keyboard wedge, camera)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QWidget

from kiosk.events.checkin import EventCheckinService
from kiosk.lobby.auto_checkout import DailyAt, check_out_everyone
from kiosk.lobby.checkin import CheckinService
from kiosk.lobby.checkout import CheckoutService
from kiosk.lobby.notify_queue import enqueue_arrival
from kiosk.lobby.presence import who_is_in_store
from kiosk.lobby.visitor_checkin import VisitorCheckinService
from kiosk.lobby.walkin import WalkinService
from kiosk.views.lobby import Presence
from ui.lab.controller import LabController
from ui.lobby.controller import LobbyController
from ui.lobby.evacuation_print import EvacuationPrinter
from ui.lobby.evacuation_send import EvacuationMailer, hosts_on_duty_mailer
from ui.lobby.screen import LobbyScreen
from ui.runtime.sound import cues_for
from ui.runtime.wedge import WedgeScanner

if TYPE_CHECKING:
    from ui.event.watch import EventWatcher
    from ui.shell.kiosk_parts import KioskParts


def wire_lobby(kiosk: KioskParts, screen: QWidget, site_key: bytes) -> None:
    cfg, clock, store, db = kiosk.config, kiosk.clock, kiosk.store, kiosk.db
    assert isinstance(screen, LobbyScreen) and store is not None and db is not None
    lobby = screen
    checkins = CheckinService(
        store, clock, site_key, cfg.kiosk_id, timedelta(seconds=cfg.repeat_tap_seconds)
    )
    kiosk.start_notifier()
    on_checkin = enqueue_arrival if kiosk.notifier is not None else None
    visitors = VisitorCheckinService(
        store,
        clock,
        cfg.kiosk_id,
        repeat_window=timedelta(seconds=cfg.repeat_scan_seconds),
        on_checkin=on_checkin,
    )
    events = EventCheckinService(store, clock, cfg.kiosk_id)
    controller = LobbyController(
        lobby,
        db,
        checkins,
        clock,
        kiosk.wake_sync,
        visitors,
        presence=lambda: who_is_in_store(store),
        checkouts=CheckoutService(store, clock, cfg.kiosk_id),
        walkins=WalkinService(store, clock, cfg.kiosk_id, on_checkin=on_checkin),
        export_dir=cfg.data_dir / "evacuation",
        parent=kiosk.owner,
        events=events,
        write_pdf=_write_evacuation_pdf,
        printer=EvacuationPrinter(cfg.evacuation_printer, kiosk.owner)
        if cfg.evacuation_printer
        else None,
        mail_hosts=_evacuation_mailer(kiosk),
        on_mail_queued=kiosk.notifier.wake if kiosk.notifier is not None else None,
    )
    gate = kiosk.host_gate(lobby, lobby=True)
    controller.host_gate = gate
    gate.evacuation_requested.connect(controller.open_evacuation)
    kiosk.bridge.read.connect(controller.handle_read)
    _schedule_auto_checkout(kiosk)
    kiosk.bridge.sync_status.connect(lambda _s: controller.refresh_names())
    lab = _start_lab(kiosk, lobby)
    watcher = _watch_events(kiosk, lobby, events)
    gate.switched.connect(watcher.refresh)
    watcher.ended.connect(
        lambda event: lab.ask_event_feedback(event.id, event.title) if lobby.showing_home else None
    )
    kiosk.wedge = WedgeScanner(lobby, parent=kiosk.owner)
    kiosk.wedge.scanned.connect(controller.handle_scan)
    kiosk.wedge.install()
    if cfg.camera:
        _start_camera(kiosk, lobby, controller)
    kiosk.sound = cues_for(cfg)
    if kiosk.sound is not None:
        lobby.answered.connect(kiosk.sound.play)
    if kiosk.on_language is not None:
        lobby.language_requested.connect(kiosk.on_language)
        lobby.home_language = cfg.language
    kiosk.every(1_000, lambda: lobby.set_now(clock.now()))


def _start_lab(kiosk: KioskParts, lobby: LobbyScreen) -> LabController:
    """The Lab's own features: feedback, the "Here today" board, "Call a host"."""
    from kiosk.lab.feedback import FeedbackService
    from kiosk.lab.here_today import HereTodayService
    from kiosk.lab.host_calls import HostCallService

    cfg, store, db, clock = kiosk.config, kiosk.store, kiosk.db, kiosk.clock
    assert store is not None and db is not None
    lab = LabController(
        lobby,
        db,
        FeedbackService(store, clock, cfg.kiosk_id),
        HereTodayService(store, clock, cfg.kiosk_id, cfg.tz),
        HostCallService(store, clock, cfg.kiosk_id, cfg.tz, notify=kiosk.notifier is not None),
        kiosk.wake_sync,
        photos_dir=cfg.host_photos_dir,
        parent=kiosk.owner,
    )
    kiosk.bridge.sync_status.connect(lambda _s: lab.refresh())  # a host took the call
    kiosk.lab = lab
    return lab


def _start_camera(kiosk: KioskParts, lobby: LobbyScreen, controller: LobbyController) -> None:
    """The tablet's camera as one more QR scanner, when there is one (else nothing)."""
    from ui.camera.scanner import open_camera_scanner

    camera = open_camera_scanner(kiosk.owner, preview_parent=lobby.home)
    if camera is None:
        return
    lobby.home.set_camera_preview(camera.preview)
    camera.active_changed.connect(lobby.set_camera_active)  # follows the event home too
    camera.scanned.connect(controller.handle_read)
    camera.start()
    kiosk.camera = camera


def _watch_events(
    kiosk: KioskParts, lobby: LobbyScreen, events: EventCheckinService
) -> EventWatcher:
    """Event mode: the lobby follows mode switches by sync and by the clock."""
    from ui.event.watch import EventWatcher

    assert kiosk.db is not None
    watcher = EventWatcher(lobby, kiosk.db, events, kiosk.clock, kiosk.owner)
    kiosk.bridge.sync_status.connect(lambda _s: watcher.refresh())
    kiosk.every(1_000, watcher.tick)
    watcher.tick()
    kiosk.event_watcher = watcher
    return watcher


def _schedule_auto_checkout(kiosk: KioskParts) -> None:
    """Sign out everyone still in at ``lobby.auto_checkout_at``, checked every minute."""
    cfg, store, db, clock = kiosk.config, kiosk.store, kiosk.db, kiosk.clock
    if cfg.auto_checkout_at is None or store is None or db is None:
        return
    schedule = DailyAt(cfg.auto_checkout_at, cfg.tz)

    def tick() -> None:
        now = clock.now()
        if schedule.due(now):
            schedule.mark_done(now)
            db.submit(
                lambda: check_out_everyone(store, clock, cfg.kiosk_id),
                lambda count: kiosk.wake_sync() if count else None,
            )

    kiosk.every(60_000, tick)
    tick()


def _write_evacuation_pdf(
    path: Path, people: Sequence[Presence], as_of: datetime, tz: ZoneInfo
) -> object:
    """The evacuation list as a PDF; QtGui's PDF writer is loaded when a host first asks."""
    from ui.render.evacuation_pdf import write_evacuation_pdf

    return write_evacuation_pdf(path, people, as_of, tz)


def _evacuation_mailer(kiosk: KioskParts) -> EvacuationMailer | None:
    """With mail set up, the evacuation list goes to the hosts on duty too."""
    cfg, store = kiosk.config, kiosk.store
    if kiosk.notifier is None or cfg.notify.method != "smtp" or store is None:
        return None
    return hosts_on_duty_mailer(store, cfg.tz)
