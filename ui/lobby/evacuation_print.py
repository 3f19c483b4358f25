"""The evacuation list on paper: the saved PDF handed to CUPS (``lp``), without waiting.

In an evacuation the list has to leave the building with the people, so a lobby with a
printer configured (``lobby.evacuation_printer``) prints it with the same tap that saves it.
The print job runs as a QProcess: the GUI thread never waits for CUPS, and a printer that is
off or missing is reported on the page, in words, within :data:`PRINT_TIMEOUT_MS`. CUPS spools
locally, so printing works with the network down.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

PRINT_TIMEOUT_MS = 30_000
DEFAULT_PRINTER = "default"  # lobby.evacuation_printer = "default": the system's own default


class EvacuationPrinter(QObject):
    """``print_file(path)``; then ``finished(ok, reason)`` with lp's own reason on failure."""

    finished = Signal(bool, str)

    def __init__(
        self,
        printer: str,
        parent: QObject | None = None,
        *,
        program: str = "lp",
        timeout_ms: int = PRINT_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self.printer = printer
        self._program = program
        self._process: QProcess | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._timed_out)

    @property
    def busy(self) -> bool:
        return self._process is not None

    def print_file(self, path: Path) -> bool:
        """Start printing ``path``; False (and nothing started) while a job still runs."""
        if self._process is not None:
            return False
        arguments = ["-t", "Evacuation list"]
        if self.printer != DEFAULT_PRINTER:
            arguments += ["-d", self.printer]
        process = QProcess(self)
        process.setProgram(self._program)
        process.setArguments([*arguments, "--", str(path)])
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._failed_to_start)
        self._process = process
        self._timer.start()
        process.start()
        return True

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._end(False, "stopped")

    def _done(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            self._end(True, "")
            return
        error = bytes(process.readAllStandardError().data()).decode(errors="replace").strip()
        self._end(False, error.splitlines()[-1] if error else f"exit {code}")

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._end(False, f"{self._program} not found")

    def _timed_out(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._end(False, "no answer from the printer")

    def _end(self, ok: bool, reason: str) -> None:
        process, self._process = self._process, None
        self._timer.stop()
        if process is None:
            return
        if process.state() == QProcess.ProcessState.NotRunning:
            process.deleteLater()
        else:  # killed: deleted once it has really ended, never waited for here
            process.finished.disconnect(self._done)
            process.finished.connect(process.deleteLater)
        if ok:
            log.info("evacuation list sent to printer %s", self.printer)
        else:
            log.warning("evacuation list not printed on %s: %s", self.printer, reason[:200])
        self.finished.emit(ok, reason[:200])
