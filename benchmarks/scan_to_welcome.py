"""Benchmark: last byte of a QR scan on a pty -> welcome painted, local commit included.

Runs a real lobby ``Kiosk`` (demo data, a signing key, N invitations) with a pseudo-terminal
scanner: PtySimulator("scanner") -> SerialReader thread -> ThreadBridge -> LobbyController ->
DbWorker (token verify, replica look-up, check-in + outbox + notice in one BEGIN IMMEDIATE
transaction with synchronous=FULL) -> LobbyScreen.show_outcome -> repaint. Each scan uses its
own invitation, so every one is a real check-in. Prints p50 / p95 / max (that line first: other
scripts read it), then where the time went. Goal (issue 4): p95 at most 50 ms. Not a test.

Between scans the event loop runs for ``--gap`` seconds (default 0.5), as at a real lobby where
the next visitor arrives after the welcome has been painted and the sync worker has pushed the
previous check-in. ``--gap 0`` scans back to back: every scan then competes with the previous
scan's sync push for SQLite's write lock and the GIL (a stress figure, not a visitor's wait).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.scan_to_welcome [--scans 200] [--gap 0.5]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict
from datetime import timedelta
from pathlib import Path
from typing import Any

from benchmarks.reader_latency import percentile

# The stages of one scan, in order (each span ends where the next begins).
SPANS = (
    ("pty -> reader thread", "written", "read"),
    ("reader -> GUI thread", "read", "gui"),
    ("GUI -> visitor service starts", "gui", "service_start"),
    ("check-in service (verify + commit)", "service_start", "service_end"),
    ("result -> GUI thread", "service_end", "show_start"),
    ("show_outcome (texts, page switch)", "show_start", "show_end"),
    ("paint", "show_end", "painted"),
)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser()
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument(
        "--gap", type=float, default=0.5, help="seconds of event loop between scans"
    )
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from devices.events import ReadEvent
    from devices.simulate import PtySimulator
    from kiosk.base.clock import SystemClock
    from kiosk.config.settings import load_config
    from kiosk.demo.data import create_demo
    from kiosk.lobby.invitations import NewInvitation, create_invitation
    from kiosk.lobby.visitor_checkin import VisitorCheckinService
    from kiosk.security.signing_keys import current_signing_key, new_key
    from kiosk.security.tokens import TokenKind, sign
    from kiosk.store.engine import open_store
    from kiosk.views.screens import ScanOutcome, ScanResult
    from ui.lobby.controller import LobbyController
    from ui.lobby.screen import LobbyScreen
    from ui.shell.app import Kiosk

    app = QApplication.instance() or QApplication([])
    clock = SystemClock()
    marks: dict[str, float] = {}  # this scan's stage times (time.monotonic)
    stages: dict[str, list[float]] = defaultdict(list)

    # The service's own time, measured where it runs (the DB worker thread).
    service_scan = VisitorCheckinService.scan

    def timed_scan(self: VisitorCheckinService, text: str) -> Any:
        marks["service_start"] = time.monotonic()
        try:
            return service_scan(self, text)
        finally:
            marks["service_end"] = time.monotonic()

    VisitorCheckinService.scan = timed_scan  # type: ignore[method-assign]

    # When the GUI thread has the read: the controller's own slot, before it hands the work on
    # (a slot connected after it would also wait for the worker to let go of the GIL).
    handle_read = LobbyController.handle_read

    def timed_read(self: LobbyController, event: ReadEvent) -> None:
        marks["read"], marks["gui"] = event.at, time.monotonic()
        handle_read(self, event)

    LobbyController.handle_read = timed_read  # type: ignore[method-assign]

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        base = Path(tmp)
        demo = create_demo(base, clock.now())
        central = open_store(demo.central_url)
        now = clock.now().replace(microsecond=0)
        start, end = now - timedelta(hours=1), now + timedelta(hours=8)
        tokens = []
        with central.engine.begin() as conn:
            new_key(conn, base / "admin", now)
        with central.engine.begin() as conn:
            _key_id, key = current_signing_key(conn, base / "admin")
            for i in range(args.scans):
                invitation = NewInvitation(
                    f"Vieras {i}", "mikko.korhonen@lab.example", None, start, end
                )
                invitation_id = create_invitation(conn, invitation, now)
                tokens.append(
                    sign(
                        key,
                        invitation_id=invitation_id,
                        kind=TokenKind.VISITOR,
                        valid_from=start,
                        valid_to=end,
                    )
                )
        central.dispose()

        with PtySimulator("scanner") as scanner:
            path = demo.write_config("lobby-bench", "lobby")
            with path.open("a", encoding="utf-8") as fh:
                fh.write(f'\n[[readers]]\nname = "qr"\nport = "{scanner.path}"\n')
                fh.write('protocol = "scanner"\n')
            kiosk = Kiosk(load_config(path), clock)
            screen = kiosk.start()
            assert isinstance(screen, LobbyScreen)
            screen.resize(1280, 800)
            screen.show()
            loop = QEventLoop()
            painted: list[float] = []
            original = screen.show_outcome

            def show(outcome: object) -> None:
                marks["show_start"] = time.monotonic()
                original(outcome)  # type: ignore[arg-type]
                marks["show_end"] = time.monotonic()
                screen.repaint()  # painted now, not at the next event-loop turn
                if isinstance(outcome, ScanOutcome):
                    assert outcome.result is ScanResult.WELCOME, outcome.result
                    marks["painted"] = time.monotonic()
                    painted.append(marks["painted"])
                    loop.quit()

            screen.show_outcome = show  # type: ignore[method-assign]

            def wait(condition: object, timeout: float) -> None:
                deadline = time.monotonic() + timeout
                while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
                    app.processEvents()
                    time.sleep(0.001)

            def run_loop(seconds: float) -> None:
                QTimer.singleShot(round(seconds * 1000), loop.quit)
                loop.exec()

            wait(lambda: not kiosk.status.current.syncing_first_time, 30)
            wait(lambda: kiosk.status.current.readers[0].state == "connected", 10)
            run_loop(max(args.gap, 0.2))
            timeout = QTimer()
            timeout.setSingleShot(True)
            timeout.timeout.connect(loop.quit)
            latencies = []
            for token in tokens:
                marks.clear()
                before = len(painted)
                scanner.present(token)
                marks["written"] = time.monotonic()  # the write returned: the last byte is out
                timeout.start(5000)
                loop.exec()  # until painted (or the timeout)
                timeout.stop()
                if len(painted) > before:
                    latencies.append((painted[-1] - marks["written"]) * 1000)
                    for name, first, last in SPANS:
                        if first in marks and last in marks:
                            stages[name].append((marks[last] - marks[first]) * 1000)
                screen.show_home()
                if args.gap > 0:
                    run_loop(args.gap)
                else:
                    app.processEvents()
            kiosk.shutdown()

    ms = latencies
    print(f"scans: {len(ms)} of {args.scans}, {args.gap:g} s apart")
    print(
        f"last byte -> welcome painted: p50 {percentile(ms, 50):.1f} ms, "
        f"p95 {percentile(ms, 95):.1f} ms, max {max(ms):.1f} ms"
    )
    print("where the time went (ms):")
    for name, _first, _last in SPANS:
        values = stages.get(name)
        if values:
            print(
                f"  {name:36s} median {percentile(values, 50):6.2f}"
                f"  p95 {percentile(values, 95):6.2f}  max {max(values):6.2f}"
            )


if __name__ == "__main__":
    main()
