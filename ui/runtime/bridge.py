"""Re-emits callbacks from reader and sync threads as Qt signals, queued onto the GUI thread.

Reads do not go into Qt's event queue one by one: they wait in a bounded mailbox per reader
(``devices.mailbox``) and one queued wake-up delivers whatever is waiting, so a reader that
floods cannot grow the GUI's queue or push another reader's tap to the back of it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from devices.events import ReaderStatus, ReadEvent
from devices.mailbox import CAPACITY, ReadMailbox

if TYPE_CHECKING:
    from kiosk.sync.engine import SyncStatus  # imports SQLAlchemy: not before the first frame

log = logging.getLogger(__name__)


class ThreadBridge(QObject):
    """Thread-safe: the ``on_*`` methods may be called from any thread."""

    read = Signal(object)  # ReadEvent
    reader_status = Signal(object)  # ReaderStatus
    sync_status = Signal(object)  # SyncStatus
    _reads_waiting = Signal()

    def __init__(self, parent: QObject | None = None, *, capacity: int = CAPACITY) -> None:
        super().__init__(parent)
        self._mailbox = ReadMailbox(self._reads_waiting.emit, capacity)
        # Auto connection: queued from a reader thread, direct when posted on the GUI thread.
        self._reads_waiting.connect(self._deliver)

    def on_read(self, event: ReadEvent) -> None:
        self._mailbox.post(event)

    def on_reader_status(self, status: ReaderStatus) -> None:
        self.reader_status.emit(status)

    def on_sync_status(self, status: SyncStatus) -> None:
        self.sync_status.emit(status)

    def _deliver(self) -> None:
        batch = self._mailbox.take()
        for reader, count in sorted(batch.dropped.items()):
            log.warning("reader %s: %d reads dropped while the screen was busy", reader, count)
        for event in batch.reads:
            self.read.emit(event)
