"""Re-emits callbacks from reader and sync threads as Qt signals, queued onto the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from devices.events import ReaderStatus, ReadEvent

if TYPE_CHECKING:
    from kiosk.sync.engine import SyncStatus  # imports SQLAlchemy: not before the first frame


class ThreadBridge(QObject):
    """Thread-safe: the ``on_*`` methods may be called from any thread."""

    read = Signal(object)  # ReadEvent
    reader_status = Signal(object)  # ReaderStatus
    sync_status = Signal(object)  # SyncStatus

    def on_read(self, event: ReadEvent) -> None:
        self.read.emit(event)

    def on_reader_status(self, status: ReaderStatus) -> None:
        self.reader_status.emit(status)

    def on_sync_status(self, status: SyncStatus) -> None:
        self.sync_status.emit(status)
