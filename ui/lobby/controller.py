"""Connects the lobby screen to readers and the check-in services, via the database worker.

Badge taps and scanned codes (from a serial scanner or a keyboard-wedge scanner) each become
one call on the database worker; the answer comes back on the GUI thread and is drawn. The
controller never touches the store itself.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject

from devices.events import ReadEvent
from kiosk.base.clock import Clock
from kiosk.events.checkin import EventCheckinService, EventOutcome
from kiosk.lobby.checkin import CheckinService
from kiosk.lobby.checkout import CheckoutService
from kiosk.lobby.visitor_checkin import VisitorCheckinService
from kiosk.lobby.walkin import HostChoice, WalkinService
from kiosk.security.tokens import TokenKind, claimed_kind
from kiosk.views.lobby import Presence
from kiosk.views.screens import ScanOutcome, ScanResult, TapOutcome, TapResult
from ui.host.gate import HostGate
from ui.lobby.evacuation_print import EvacuationPrinter
from ui.lobby.evacuation_send import EvacuationMailer, EvacuationPdfWriter, EvacuationSender
from ui.lobby.result import HOST_ROLES
from ui.lobby.screen import LobbyScreen
from ui.runtime.db_worker import DbWorker

log = logging.getLogger(__name__)


class LobbyController(QObject):
    def __init__(
        self,
        screen: LobbyScreen,
        db: DbWorker,
        checkins: CheckinService,
        clock: Clock,
        on_local_write: Callable[[], None],
        visitors: VisitorCheckinService | None = None,
        presence: Callable[[], list[Presence]] | None = None,
        walkins: WalkinService | None = None,
        checkouts: CheckoutService | None = None,
        export_dir: Path | None = None,
        parent: QObject | None = None,
        events: EventCheckinService | None = None,
        write_pdf: EvacuationPdfWriter | None = None,
        printer: EvacuationPrinter | None = None,
        mail_hosts: EvacuationMailer | None = None,
        on_mail_queued: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._screen = screen
        self._db = db
        self._checkins = checkins
        self._visitors = visitors
        self._clock = clock
        self._on_local_write = on_local_write
        self._presence = presence
        self._tz = screen.tz
        # The PDF writer is ui.render.evacuation_pdf, passed in by the wiring.
        self._evacuation = (
            EvacuationSender(
                screen.evacuation,
                db,
                screen.tz,
                export_dir,
                write_pdf,
                printer=printer,
                mail_hosts=mail_hosts,
                on_queued=on_mail_queued,
                parent=self,
            )
            if export_dir is not None and write_pdf is not None
            else None
        )
        self._walkins = walkins
        # The result page's host button: the PIN pad (when a gate is set), then the panel.
        screen.evacuation_requested.connect(self.open_host_panel)
        self.host_gate: HostGate | None = None  # set by the composition root
        self._host_uid: str | None = None  # the badge of the host on the result page
        screen.walkin_query.connect(self.search_hosts)
        screen.walkin_submitted.connect(self.register_walkin)
        self._checkouts = checkouts
        screen.checkout_requested.connect(self.open_checkout)
        screen.checkout_chosen.connect(self.check_out)
        screen.evacuation_export_requested.connect(self.export_evacuation)
        self._events = events  # event tickets first; anything else goes to the visitors
        screen.event_walkin_submitted.connect(self.register_event_walkin)

    def handle_read(self, event: ReadEvent) -> None:
        if event.kind == "badge":
            uid = event.value
            self._db.submit(
                lambda: self._checkins.badge_tap(uid),
                lambda outcome: self._show_tap(outcome, uid),
                self._failed,
            )
        else:
            self.handle_scan(event.value)

    def handle_scan(self, text: str) -> None:
        """A scanned code from any scanner: verified and stored on the database worker."""
        visitors = self._visitors
        if visitors is None:
            log.info("scanned text ignored: QR check-in is not enabled on this kiosk")
            return
        events = self._events
        if events is None:
            self._db.submit(lambda: visitors.scan(text), self._show_scan, self._scan_failed)
            return

        def scan() -> ScanOutcome | EventOutcome:
            # An invitation (by the kind it claims) goes straight to the visitor check-in: the
            # event check-in would read the store only to pass it on, a few ms of every welcome.
            # One refused as foreign (forged) still gets the event's wording below.
            if claimed_kind(text) is TokenKind.VISITOR:
                outcome = visitors.scan(text)
                if outcome.result is not ScanResult.NOT_A_LAB_CODE:
                    return outcome
                return events.scan(text) or outcome
            return events.scan(text) or visitors.scan(text)

        self._db.submit(scan, self._show_scan, self._scan_failed)

    def register_event_walkin(self, name: str, organisation: str) -> None:
        events = self._events
        if events is None:
            return
        accepted = self._screen.event_walkin.privacy.isChecked()
        self._db.submit(
            lambda: events.walkin(name, organisation, privacy_accepted=accepted),
            self._show_scan,
            self._scan_failed,
        )

    def refresh_names(self) -> None:
        """After a sync: name a visitor whose invitation arrived while the welcome still shows."""
        outcome, visitors = self._screen.outcome, self._visitors
        if (
            visitors is None
            or not isinstance(outcome, ScanOutcome)
            or outcome.name is not None
            or outcome.invitation_id is None
        ):
            return
        invitation_id = outcome.invitation_id

        def named(names: tuple[str | None, str | None]) -> None:
            name, host = names
            if name is not None and self._screen.outcome is outcome:
                self._screen.update_outcome(replace(outcome, name=name, host=host))

        self._db.submit(lambda: visitors.describe(invitation_id), named)

    def search_hosts(self, query: str) -> None:
        """Host suggestions for the walk-in form, found on the worker; stale answers dropped."""
        walkins = self._walkins
        if walkins is None:
            return

        def show(choices: list[HostChoice]) -> None:
            if self._screen.walkin.host_search.text() == query:
                self._screen.walkin.set_host_choices(choices)

        self._db.submit(lambda: walkins.search_hosts(query), show)

    def register_walkin(self, name: str, organisation: str, host_id: uuid.UUID) -> None:
        walkins = self._walkins
        if walkins is None:
            return
        accepted = self._screen.walkin.privacy.isChecked()
        self._db.submit(
            lambda: walkins.register(name, organisation, host_id, privacy_accepted=accepted),
            self._show_scan,
            self._scan_failed,
        )

    def open_checkout(self) -> None:
        checkouts = self._checkouts
        if checkouts is not None:
            self._db.submit(checkouts.inside, self._screen.show_checkout, self._scan_failed)

    def check_out(self, checkin_id: uuid.UUID) -> None:
        checkouts = self._checkouts
        if checkouts is not None:
            self._db.submit(
                lambda: checkouts.check_out(checkin_id), self._show_scan, self._scan_failed
            )

    def _show_tap(self, outcome: TapOutcome, uid: str) -> None:
        # Kept only while that host's result is on screen, to open the panel with one tap.
        self._host_uid = uid if outcome.role in HOST_ROLES else None
        self._show(outcome)

    def open_host_panel(self) -> None:
        """The host's button on the result page: PIN first, then the panel."""
        gate, uid = self.host_gate, self._host_uid
        self._host_uid = None
        if gate is None:
            self.open_evacuation()  # a kiosk without host sign-in (tests, the demo)
        elif uid is not None and self._screen.showing_result:
            self._screen.show_home()
            gate.try_badge(uid)

    def open_evacuation(self) -> None:
        """Load everyone inside from the replica (on the worker), then show the list."""
        presence = self._presence
        if presence is None:
            return
        self._db.submit(
            presence,
            lambda people: self._screen.show_evacuation(people, self._clock.now()),
            lambda exc: log.error("evacuation list failed: %s", type(exc).__name__, exc_info=exc),
        )

    def export_evacuation(self) -> Path | None:
        """Save the list on screen, print and e-mail it as configured, and say where it went."""
        return self._evacuation.send() if self._evacuation is not None else None

    def _answer_visibly(self) -> None:
        """A tap or scan is always answered on screen: an open host panel gives way to it."""
        if self.host_gate is not None and self.host_gate.is_open:
            self.host_gate.close()

    def _show(self, outcome: TapOutcome) -> None:
        self._answer_visibly()
        self._screen.show_outcome(outcome)
        if outcome.result in (TapResult.CHECKED_IN, TapResult.CHECKED_OUT):
            self._on_local_write()

    def _show_scan(self, outcome: ScanOutcome | EventOutcome) -> None:
        self._answer_visibly()
        self._screen.show_outcome(outcome)
        shown = self._screen.event_home.view
        counted = outcome.event if isinstance(outcome, EventOutcome) else None
        if counted is not None and shown is not None and counted.id == shown.id:
            self._screen.set_event(counted)  # the counter follows each scan at once
        if outcome.stored:
            self._on_local_write()

    def _failed(self, exc: BaseException) -> None:
        log.error("badge tap could not be stored: %s", type(exc).__name__, exc_info=exc)
        self._screen.show_outcome(TapOutcome(TapResult.ERROR, self._clock.now()))

    def _scan_failed(self, exc: BaseException) -> None:
        log.error("scan could not be handled: %s", type(exc).__name__, exc_info=exc)
        self._screen.show_outcome(ScanOutcome(ScanResult.ERROR, self._clock.now()))
