"""Benchmark: last byte of a QR scan on a pty -> welcome painted, local commit included.

Runs a real lobby ``Kiosk`` (demo data, a signing key, N invitations) with a pseudo-terminal
scanner: PtySimulator("scanner") -> SerialReader thread -> ThreadBridge -> LobbyController ->
DbWorker (token verify, replica look-up, check-in + outbox + notice in one BEGIN IMMEDIATE
transaction with synchronous=FULL) -> LobbyScreen.show_outcome -> repaint. Each scan uses its
own invitation, so every one is a real check-in. Prints p50 / p95 / max. Goal (issue 4): p95
at most 50 ms. Not a test.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.scan_to_welcome [--scans 200]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from benchmarks.reader_latency import percentile


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser()
    parser.add_argument("--scans", type=int, default=200)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from devices.simulate import PtySimulator
    from kiosk.clock import SystemClock
    from kiosk.config import load_config
    from kiosk.demo import create_demo
    from kiosk.invitations import NewInvitation, create_invitation
    from kiosk.signing_keys import current_signing_key, new_key
    from kiosk.store import open_store
    from kiosk.tokens import TokenKind, sign
    from kiosk.views import ScanOutcome, ScanResult
    from ui.app import Kiosk
    from ui.lobby import LobbyScreen

    app = QApplication.instance() or QApplication([])
    clock = SystemClock()
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
            painted: list[float] = []
            original = screen.show_outcome

            def show(outcome: object) -> None:
                original(outcome)  # type: ignore[arg-type]
                screen.repaint()  # painted now, not at the next event-loop turn
                if isinstance(outcome, ScanOutcome):
                    assert outcome.result is ScanResult.WELCOME, outcome.result
                    painted.append(time.monotonic())

            screen.show_outcome = show  # type: ignore[method-assign]

            def wait(condition: object, timeout: float) -> None:
                deadline = time.monotonic() + timeout
                while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
                    app.processEvents()
                    time.sleep(0.001)

            wait(lambda: not kiosk.status.current.syncing_first_time, 30)
            wait(lambda: kiosk.status.current.readers[0].state == "connected", 10)
            latencies = []
            for token in tokens:
                before = len(painted)
                scanner.present(token)
                written = time.monotonic()  # the write returned: the last byte is out
                wait(lambda before=before: len(painted) > before, 5)
                if len(painted) > before:
                    latencies.append((painted[-1] - written) * 1000)
                screen.show_home()
            kiosk.shutdown()

    ms = latencies
    print(f"scans: {len(ms)} of {args.scans}")
    print(
        f"last byte -> welcome painted: p50 {percentile(ms, 50):.1f} ms, "
        f"p95 {percentile(ms, 95):.1f} ms, max {max(ms):.1f} ms"
    )


if __name__ == "__main__":
    main()
