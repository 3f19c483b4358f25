"""Keeps the lobby in step with event mode: into the event home when one starts, out when it ends.

The event on now is read from the replica on the database worker (never on the GUI thread):
at start-up, after every sync (a newer mode row, other lobbies' check-ins for the counter), on
each new minute, and at the exact moment a known mode starts or expires (``next_change_at``),
so an event that ends at 21:00 leaves the screen at 21:00 even between syncs.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from kiosk.base.clock import Clock
from kiosk.events.checkin import EventCheckinService
from kiosk.events.state import LobbyEventState
from ui.lobby.screen import LobbyScreen
from ui.runtime.db_worker import DbWorker

log = logging.getLogger(__name__)


class EventWatcher(QObject):
    ended = Signal(object)  # the EventView of an event that just ended on this lobby

    def __init__(
        self,
        screen: LobbyScreen,
        db: DbWorker,
        events: EventCheckinService,
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._screen = screen
        self._db = db
        self._events = events
        self._clock = clock
        self._next_change: datetime | None = None
        self._minute: tuple[int, ...] | None = None
        self._busy = False
        self._again = False

    def refresh(self) -> None:
        """Read the event on now (on the worker) and show it; one read at a time."""
        if self._busy:
            self._again = True  # the answer in flight may be older than what asked
            return
        self._busy = True
        self._db.submit(self._events.state, self._apply, self._failed)

    def tick(self) -> None:
        """Called every second: look again on a new minute or when a known mode changes."""
        now = self._clock.now()
        minute = now.timetuple()[:5]
        due = self._next_change is not None and now >= self._next_change
        if minute != self._minute or due:
            self._minute = minute
            if due:
                self._next_change = None
            self.refresh()

    def _apply(self, state: LobbyEventState) -> None:
        self._busy = False
        self._next_change = state.next_change_at
        before = self._screen.event_home.view
        was_on = before is not None
        self._screen.set_event(state.event)
        if before is not None and (state.event is None or state.event.id != before.id):
            self.ended.emit(before)  # people are leaving: ask them how it was
        if was_on != (state.event is not None):
            log.info("lobby %s event mode", "enters" if state.event else "leaves")
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.error("event state could not be read: %s", type(exc).__name__, exc_info=exc)
