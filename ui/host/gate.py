"""Host sign-in and the host panel over any kiosk screen: badge, PIN, then the panel.

``HostGate`` drives a ``HostOverlay`` (ui/host/overlay.py), built on the first host badge:
every check and switch runs on the database worker
(kiosk/security/host_auth.py, kiosk/rooms/host_modes.py) and the answers come back here.
The overlay closes
itself after a minute without a touch, so a host who walks away leaves nothing open.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.base.clock import Clock
from kiosk.lab.host_calls import CallState, HostCallService
from kiosk.rooms.host_modes import EventChoice, HostModes, RoomChoice, SwitchDone
from kiosk.rooms.modes import end_of_day
from kiosk.security.host_auth import (
    BadgeCheck,
    BadgeOutcome,
    HostAuth,
    HostIdentity,
    PinCheck,
    PinOutcome,
    RemotePinCheck,
)
from kiosk.store.engine import Store
from ui.common.formatting import format_time
from ui.host.calls_page import OpenCallsPanel
from ui.host.open_calls import OpenCallsController
from ui.host.overlay import HostOverlay
from ui.host.panel import SwitchRequest
from ui.runtime.db_worker import DbWorker

log = logging.getLogger(__name__)

IDLE_SECONDS = 60


class HostGate(QObject):
    """Badge -> PIN -> panel, with the answers of the database worker."""

    switched = Signal()  # a switch (or a taken call) was stored here: refresh, push it now
    evacuation_requested = Signal()
    opened = Signal()
    closed = Signal()

    def __init__(
        self,
        make_overlay: Callable[[], HostOverlay],
        db: DbWorker,
        auth: HostAuth,
        modes: HostModes,
        clock: Clock,
        tz: ZoneInfo,
        *,
        calls: HostCallService | None = None,
        idle_seconds: float = IDLE_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Built on the first host badge: most kiosks see a host rarely, and the PIN pad, the
        # panel and its keyboard are ~2 MiB and some milliseconds of every start otherwise.
        self._make_overlay = make_overlay
        self._built: HostOverlay | None = None
        self._db = db
        self._auth = auth
        self._modes = modes
        self._clock = clock
        self._tz = tz
        self._host: HostIdentity | None = None
        # Whether sync last reached the central service; until it says otherwise, assume so
        # (the PIN's own check still answers "offline" when it cannot reach it).
        self._online = True
        self._offline_notice = False  # the PIN pad shows "no connection" instead of keys
        self._idle = QTimer(self)
        self._idle.setObjectName("HostPanelIdleTimer")
        self._idle.setSingleShot(True)
        self._idle.setInterval(round(idle_seconds * 1000))
        self._idle.timeout.connect(self.close)
        self._calls = calls
        self.calls: OpenCallsController | None = None
        if calls is not None:
            calls_panel = OpenCallsPanel(tz)
            self.calls = OpenCallsController(calls_panel, db, calls, self._call_taken, parent=self)

    @property
    def _overlay(self) -> HostOverlay:
        """The PIN pad and panel over the screen, built the first time they are needed."""
        if self._built is None:
            overlay = self._built = self._make_overlay()
            overlay.destroyed.connect(self._idle.stop)  # its screen is gone: nothing to close
            pad, panel = overlay.pin_pad, overlay.panel
            pad.submitted.connect(self._check_pin)
            pad.cancelled.connect(self.close)
            panel.close_requested.connect(self.close)
            panel.switch_requested.connect(self._switch)
            panel.start_event_requested.connect(self._start_event)
            panel.activity.connect(self._touch)
            panel.evacuation_requested.connect(self._evacuation)
            if self.calls is not None:
                panel.set_calls_page(self.calls.panel)
        return self._built

    @property
    def is_open(self) -> bool:
        return self._built is not None and self._built.is_open

    @property
    def host(self) -> HostIdentity | None:
        """The signed-in host (None until the PIN was right)."""
        return self._host if self._built is not None and self._built.showing_panel else None

    def set_online(self, online: bool) -> None:
        """What the sync worker last found: a networked kiosk that knows it is offline says
        so at the badge, not after the PIN; the keys come back once it is online again."""
        self._online = online
        if online and self._offline_notice and self.is_open and self._overlay.showing_pin:
            self._offline_notice = False
            self._overlay.pin_pad.set_enabled(True)
            self._overlay.pin_pad.set_message("")

    def try_badge(self, uid: str, otherwise: Callable[[], None] | None = None) -> None:
        """A badge meant for the host panel; ``otherwise`` runs for a badge that gets none."""

        def answer(outcome: BadgeOutcome) -> None:
            if outcome.result in (BadgeCheck.NOT_A_HOST, BadgeCheck.UNKNOWN):
                if otherwise is not None:
                    otherwise()
                return
            host = outcome.host
            self._host = host
            self._offline_notice = False
            self._overlay.pin_pad.start(host.name if host else "")
            self._overlay.show_page(self._overlay.pin_pad)
            self._touch()
            self.opened.emit()
            if outcome.result is BadgeCheck.LOCKED and outcome.locked_until is not None:
                self._locked(outcome.locked_until)
            elif outcome.result is BadgeCheck.HOST and not self._online and remote:
                self._offline_notice = True
                self._overlay.pin_pad.set_enabled(False)
                self._overlay.pin_pad.set_message(_no_connection())
            elif outcome.result is BadgeCheck.NO_PIN:
                self._overlay.pin_pad.set_enabled(False)
                self._overlay.pin_pad.set_message(
                    QCoreApplication.translate(
                        "HostPanel",
                        "No PIN has been set for you yet. Ask an administrator to set one.",
                    )
                )

        remote = self._auth.checks_remotely
        self._db.submit(lambda: self._auth.badge(uid), answer, self._failed)

    def close(self) -> None:
        was_open = self.is_open
        self._idle.stop()
        self._host = None
        if self.calls is not None:
            self.calls.host_id = None
        if self._built is not None:
            self._built.pin_pad.clear()
            self._built.hide()
        if was_open:
            self.closed.emit()

    # --- internals -------------------------------------------------------------------
    def _touch(self) -> None:
        self._idle.start()

    def _locked(self, until: datetime) -> None:
        self._overlay.pin_pad.set_enabled(False)
        self._overlay.pin_pad.set_message(
            QCoreApplication.translate(
                "HostPanel", "Too many wrong PINs. The host panel is locked until %1."
            ).replace("%1", format_time(until, self._tz))
        )

    def _check_pin(self, pin: str) -> None:
        host = self._host
        if host is None:
            return
        self._touch()

        def answer(outcome: PinOutcome) -> None:
            if not self._overlay.showing_pin:
                return  # closed meanwhile
            pad = self._overlay.pin_pad
            if outcome.result is PinCheck.OK:
                self._open_panel(host)
            elif outcome.result is PinCheck.LOCKED and outcome.locked_until is not None:
                self._locked(outcome.locked_until)
            elif outcome.result is PinCheck.OFFLINE:  # it went offline since the badge
                pad.set_enabled(True)
                pad.set_message(_no_connection())
            else:
                pad.set_enabled(True)
                pad.set_message(
                    QCoreApplication.translate(
                        "HostPanel", "Wrong PIN. %1 tries left before the panel locks."
                    ).replace("%1", str(outcome.tries_left))
                )

        self._db.submit(lambda: self._auth.pin(host.person_id, pin), answer, self._failed)

    def _open_panel(self, host: HostIdentity) -> None:
        panel = self._overlay.panel
        panel.start(host.name)
        if self.calls is not None:
            self.calls.host_id = host.person_id
        self._overlay.show_page(panel)
        self._touch()
        self._load_rooms()

    def _load_rooms(self) -> None:
        calls = self._calls

        def load() -> tuple[list[RoomChoice], list[EventChoice], list[CallState]]:
            waiting = calls.open_calls() if calls is not None else []
            return self._modes.rooms(), self._modes.prepared_events(), waiting

        def show(found: tuple[list[RoomChoice], list[EventChoice], list[CallState]]) -> None:
            rooms, events, waiting = found
            panel = self._overlay.panel
            panel.set_rooms(rooms, self._clock.now())
            panel.set_events(events)
            panel.set_call_count(len(waiting))
            if self.calls is not None:
                self.calls.panel.set_calls(waiting)

        self._db.submit(load, show, self._failed)

    def _start_event(self, event: EventChoice) -> None:
        """A prepared event, now: in the chosen rooms, else in the whole Lab, until its end."""
        panel = self._overlay.panel
        rooms = panel.selected_rooms()
        request = SwitchRequest(rooms or None, "event", 0, None, "")
        self._submit_switch(request, self._clock.now(), event.ends_at, event.id)

    def _switch(self, request: SwitchRequest) -> None:
        now = self._clock.now()
        starts = now if request.mode == "normal" else now + timedelta(minutes=request.start_minutes)
        if request.duration_minutes is None or request.mode == "normal":
            until = end_of_day(starts, self._tz)
        else:
            until = starts + timedelta(minutes=request.duration_minutes)
        self._submit_switch(request, starts, until, None)

    def _submit_switch(
        self,
        request: SwitchRequest,
        starts: datetime,
        until: datetime,
        event_id: uuid.UUID | None,
    ) -> None:
        host = self._host
        if host is None or not self._overlay.showing_panel or until <= starts:
            return
        now = self._clock.now()
        panel = self._overlay.panel
        panel.set_busy(True)

        def done(result: SwitchDone) -> None:
            panel.set_busy(False)
            panel.set_message(self._describe(result, starts, now))
            self.switched.emit()
            self._load_rooms()

        def failed(exc: BaseException) -> None:
            panel.set_busy(False)
            log.error("host switch not stored: %s", type(exc).__name__, exc_info=exc)
            panel.set_message(
                QCoreApplication.translate(
                    "HostPanel", "The switch could not be saved. Nothing was changed."
                )
            )

        self._db.submit(
            lambda: self._modes.switch(
                host.person_id,
                request.rooms,
                request.mode,
                until,
                title=request.title or None,
                starts_at=starts if starts > now else None,
                event_id=event_id,
            ),
            done,
            failed,
        )

    def _describe(self, result: SwitchDone, starts: datetime, now: datetime) -> str:
        if result.rooms is None:
            where = QCoreApplication.translate("HostPanel", "the whole Lab")
        else:
            where = ", ".join(self._overlay.panel.room_names(result.rooms))
        until = format_time(result.until, self._tz)
        if result.mode == "normal":
            text = QCoreApplication.translate("HostPanel", "Done: %1 is back to normal.")
        elif starts > now:
            text = (
                QCoreApplication.translate("HostPanel", "Done: event mode in %1 from %3 to %2.")
                if result.mode == "event"
                else QCoreApplication.translate("HostPanel", "Done: %1 closed from %3 to %2.")
            )
        else:
            text = (
                QCoreApplication.translate("HostPanel", "Done: event mode in %1 until %2.")
                if result.mode == "event"
                else QCoreApplication.translate("HostPanel", "Done: %1 closed until %2.")
            )
        start = format_time(starts, self._tz)
        return text.replace("%1", where).replace("%2", until).replace("%3", start)

    def _call_taken(self) -> None:
        """A host took a visitor's call here: push it now, so the lobby says who is coming."""
        self._touch()
        self.switched.emit()
        self._load_rooms()

    def _evacuation(self) -> None:
        self.close()
        self.evacuation_requested.emit()

    def _failed(self, exc: BaseException) -> None:
        log.error("host panel: %s", type(exc).__name__, exc_info=exc)
        if self.is_open:
            message = QCoreApplication.translate(
                "HostPanel", "Something went wrong. Please try again."
            )
            if self._overlay.showing_pin:
                self._overlay.pin_pad.set_enabled(True)
                self._overlay.pin_pad.set_message(message)
            else:
                self._overlay.panel.set_message(message)


def _no_connection() -> str:
    return QCoreApplication.translate(
        "HostPanel",
        "The PIN could not be checked: no connection to the Lab's server. Try again in a moment.",
    )


def attach_host_gate(
    screen: QWidget,
    db: DbWorker,
    store: Store,
    clock: Clock,
    site_key: bytes,
    kiosk_id: str,
    tz: ZoneInfo,
    *,
    lobby: bool,
    parent: QObject | None = None,
    remote_pin: RemotePinCheck | None = None,
) -> HostGate:
    """An overlay on ``screen`` and the gate that drives it, for the composition root."""
    return HostGate(
        lambda: HostOverlay(screen, tz, lobby=lobby),
        db,
        HostAuth(store, clock, site_key, kiosk_id, remote=remote_pin),
        HostModes(store, clock, kiosk_id, tz),
        clock,
        tz,
        # Taking a call needs no notifier: the lobby that called learns it by sync.
        calls=HostCallService(store, clock, kiosk_id, tz, notify=False),
        parent=parent,
    )
