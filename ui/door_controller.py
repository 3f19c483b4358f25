"""Keeps the door screen current: recomputes the room's view on minute ticks and after sync."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from kiosk.clock import Clock
from kiosk.services.rooms import door_view
from kiosk.store import Store
from kiosk.views import DoorView
from ui.db_worker import DbWorker
from ui.door import DoorScreen


class DoorController(QObject):
    def __init__(
        self,
        screen: DoorScreen,
        db: DbWorker,
        store: Store,
        room_id: str,
        clock: Clock,
        tz: ZoneInfo,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._screen = screen
        self._db = db
        self._store = store
        self._room = room_id
        self._clock = clock
        self._tz = tz
        self._pending = False

    def refresh(self) -> None:
        if self._pending:  # a refresh is already queued; it will see the newest data
            return
        self._pending = True
        self._db.submit(self._load, self._show, self._failed)

    def _load(self) -> DoorView | None:
        with self._store.engine.connect() as conn:
            return door_view(conn, self._room, self._clock.now(), self._tz)

    def _show(self, view: DoorView | None) -> None:
        self._pending = False
        if view is None:  # the first sync has not brought this room in yet
            self._screen.show_waiting(self._room, self._clock.now())
        else:
            self._screen.show_view(view)

    def _failed(self, _exc: BaseException) -> None:
        self._pending = False
