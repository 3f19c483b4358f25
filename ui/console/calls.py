"""Every client call of the console, off the GUI thread, its answer back as a queued signal.

The console reuses the kiosks' database worker (``ui.runtime.db_worker``): one thread runs the
HTTP calls in order and hands results to callbacks on the GUI thread. A failure becomes a
``Problem`` (``ui.console.problems``) that the window shows; the page that asked only gets an
``on_error`` when it needs to undo something (a button it disabled, say).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from ui.console.problems import Problem, problem_for
from ui.runtime.db_worker import DbWorker

T = TypeVar("T")


class ConsoleCalls(QObject):
    """Runs ``fn`` on the worker; a success also tells the window the service answered."""

    problem = Signal(object)  # Problem
    answered = Signal()  # the service answered (clears an offline banner)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = DbWorker(self)
        self._pending = 0

    @property
    def pending(self) -> int:
        """Calls asked for and not answered yet (tests wait on it reaching 0)."""
        return self._pending

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Problem], None] | None = None,
    ) -> None:
        self._started()

        def done(value: T) -> None:
            self._finished()
            self.answered.emit()
            on_done(value)

        def failed(exc: BaseException) -> None:
            self._finished()
            found = problem_for(exc)
            if found.reached_service:
                self.answered.emit()
            self.problem.emit(found)
            if on_error is not None:
                on_error(found)

        self._worker.submit(fn, done, failed)

    def _started(self) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

    def _finished(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Let the call under way finish (its answer is dropped), then stop the thread."""
        self._worker.shutdown()
