"""The one database worker: store work runs here, never on the GUI thread.

A single-thread executor makes it the only writer to the local store from the GUI side (sync has
its own thread and queues on SQLite's lock). Results come back through a queued signal, so the
callbacks run on the GUI thread and may touch widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


class DbWorker(QObject):
    _finished = Signal(object, object)  # (callback, value)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-worker")
        self._closed = False
        self._finished.connect(self._deliver)

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[T] | None:
        """Run ``fn`` on the worker; ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""
        if self._closed:
            log.warning("database work submitted after shutdown was ignored")
            return None
        future = self._executor.submit(fn)

        def finished(f: Future[T]) -> None:
            exc = f.exception()
            if exc is not None:
                if on_error is None:
                    log.error("database work failed", exc_info=exc)
                else:
                    self._finished.emit(on_error, exc)
            elif on_done is not None:
                self._finished.emit(on_done, f.result())

        future.add_done_callback(finished)
        return future

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        if self._closed:
            return
        try:
            callback(value)
        except Exception:
            log.exception("handling a database result failed")

    def shutdown(self) -> None:
        """Finish queued work (nothing committed is abandoned), then stop the thread."""
        self._executor.shutdown(wait=True)
        self._closed = True
