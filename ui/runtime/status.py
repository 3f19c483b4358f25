"""Collects reader and sync health into the one ``KioskStatus`` the status strip draws."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from devices.events import ReaderStatus
from kiosk.views.screens import KioskStatus, ReaderState

if TYPE_CHECKING:
    from kiosk.sync.engine import SyncStatus  # imports SQLAlchemy: not before the first frame


class StatusModel:
    def __init__(self, reader_names: list[str]) -> None:
        self._lock = threading.Lock()
        self._status = KioskStatus(
            syncing_first_time=True,
            readers=tuple(ReaderState(n, "reconnecting") for n in reader_names),
        )

    def synced_before(self) -> KioskStatus:
        """The local store already holds synced data (a restart): not a first sync."""
        with self._lock:
            self._status = replace(self._status, syncing_first_time=False)
            return self._status

    @property
    def current(self) -> KioskStatus:
        with self._lock:
            return self._status

    def apply_sync(self, s: SyncStatus) -> KioskStatus:
        with self._lock:
            self._status = replace(
                self._status,
                online=s.online,
                offline_since=s.offline_since,
                syncing_first_time=not s.first_sync_done,
                outbox_depth=s.outbox_depth,
                duplicate_id=s.duplicate_id,
                disk_full=s.disk_full,
            )
            return self._status

    def apply_reader(self, r: ReaderStatus) -> KioskStatus:
        with self._lock:
            readers = tuple(
                ReaderState(r.reader, r.state, r.error) if x.name == r.reader else x
                for x in self._status.readers
            )
            self._status = replace(self._status, readers=readers)
            return self._status

    def heartbeat(self) -> dict[str, Any]:
        """Reader health for the central heartbeat (called from the sync thread)."""
        status = self.current
        return {"readers": {r.name: {"state": r.state, "error": r.error} for r in status.readers}}
