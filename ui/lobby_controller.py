"""Connects the lobby screen to readers and the check-in service, via the database worker."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from devices.events import ReadEvent
from kiosk.clock import Clock
from kiosk.services.checkin import CheckinService
from kiosk.views import TapOutcome, TapResult
from ui.db_worker import DbWorker
from ui.lobby import LobbyScreen

log = logging.getLogger(__name__)


class LobbyController(QObject):
    def __init__(
        self,
        screen: LobbyScreen,
        db: DbWorker,
        checkins: CheckinService,
        clock: Clock,
        on_local_write: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._screen = screen
        self._db = db
        self._checkins = checkins
        self._clock = clock
        self._on_local_write = on_local_write

    def handle_read(self, event: ReadEvent) -> None:
        if event.kind == "badge":
            self._db.submit(lambda: self._checkins.badge_tap(event.value), self._show, self._failed)
        else:
            log.info("scanned text ignored: QR check-in is not enabled on this kiosk yet")

    def _show(self, outcome: TapOutcome) -> None:
        self._screen.show_outcome(outcome)
        if outcome.result in (TapResult.CHECKED_IN, TapResult.CHECKED_OUT):
            self._on_local_write()

    def _failed(self, exc: BaseException) -> None:
        log.error("badge tap could not be stored: %s", type(exc).__name__)
        self._screen.show_outcome(TapOutcome(TapResult.ERROR, self._clock.now()))
