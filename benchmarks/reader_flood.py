"""Benchmark: 2 MB of junk on a scanner line while members tap badges on another reader.

Runs a whole lobby ``Kiosk`` (demo data, SQLite central store) with two pseudo-terminal readers,
a scanner "qr" and an RDM6300 "badge", and the kiosk's own log format written to a file at INFO.
At once: one thread writes 2 MB of random bytes to the scanner in 64 KB chunks spread over
``--spread`` seconds (by default as long as the taps take, so every tap meets junk on the line;
that is still 150 times what a 38400-baud line could carry), another taps a demo member's badge
every ``--interval`` seconds, ``--taps`` times. Measured:

- tap answered: last byte of the badge frame -> the lobby's answer to it on the GUI thread (the
  check-in committed on the database worker and handed back), p50 / p95 / max;
- junk reads that reached the lobby (each is one refused scan and one log line);
- RSS growth: before the flood -> after the last answer, once the scanner is calm again;
- log growth: bytes and lines written to the log from the flood's start to that point.

Each run is a fresh process (``--one``), so memory figures do not carry over; the parent prints
the median of each figure over ``--runs`` runs (the p95 line first: other scripts read it).
Goals (issue 17): tap answered p95 at most 200 ms, RSS growth at most 10 MB, log growth bounded.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.reader_flood [--runs 5] [--taps 12]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.reader_latency import percentile

JUNK_BYTES = 2 << 20
CHUNK = 64 * 1024


def rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def one_run(
    taps: int, interval: float, spread: float, seed: int, answer_timeout: float, junk_bytes: int
) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from devices.events import ReadEvent
    from devices.simulate import PtySimulator
    from kiosk.base.clock import SystemClock
    from kiosk.base.logsetup import FORMAT
    from kiosk.config.settings import load_config
    from kiosk.demo.data import create_demo
    from kiosk.views.screens import TapOutcome
    from ui.lobby.controller import LobbyController
    from ui.shell.app import Kiosk

    app = QApplication.instance() or QApplication([])
    clock = SystemClock()
    answered: dict[str, list[float]] = {}  # badge uid -> when the lobby answered its taps
    junk_reads = [0]

    show_tap = LobbyController._show_tap

    def timed_tap(self: LobbyController, outcome: TapOutcome, uid: str) -> None:
        answered.setdefault(uid, []).append(time.monotonic())
        show_tap(self, outcome, uid)

    LobbyController._show_tap = timed_tap  # type: ignore[method-assign]
    handle_read = LobbyController.handle_read

    def counted_read(self: LobbyController, event: ReadEvent) -> None:
        if event.reader == "qr":
            junk_reads[0] += 1
        handle_read(self, event)

    LobbyController.handle_read = counted_read  # type: ignore[method-assign]

    def spin(condition: Any, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                return False
            app.processEvents()
            time.sleep(0.002)
        return True

    with (
        tempfile.TemporaryDirectory(prefix="kiosk-flood-") as tmp,
        PtySimulator("scanner") as qr,
        PtySimulator("rdm6300") as badge,
    ):
        base = Path(tmp)
        demo = create_demo(base, clock.now())
        path = demo.write_config("lobby-flood", "lobby", reader_port=badge.path)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f'\n[[readers]]\nname = "qr"\nport = "{qr.path}"\nprotocol = "scanner"\n')
        log_path = base / "kiosk.log"
        handler = logging.FileHandler(log_path, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        root = logging.getLogger()
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        kiosk = Kiosk(load_config(path), clock)
        screen = kiosk.start()
        screen.resize(1280, 800)
        screen.show()
        try:
            readers = lambda: {r.name: r.state for r in kiosk.status.current.readers}  # noqa: E731
            spin(lambda: not kiosk.status.current.syncing_first_time, 30)
            spin(lambda: set(readers().values()) == {"connected"}, 10)
            # Warm up: one tap answered, so the first measured tap pays no first-use costs.
            warm_uid = demo.badges[0][1]
            badge.present(warm_uid)
            spin(lambda: warm_uid in answered, 30)
            if warm_uid not in answered:
                raise RuntimeError("the warm-up tap was not answered")
            spin(lambda: False, 1.5)  # past the hold-off; let the sync push settle
            junk = random.Random(seed).randbytes(junk_bytes)  # not part of the growth measured
            answered.clear()
            junk_reads[0] = 0
            rss_before = rss_kib()
            log_before = log_path.stat().st_size
            lines_before = len(log_path.read_bytes().splitlines())

            uids = [uid for _name, uid in demo.badges]
            written: list[tuple[str, float]] = []  # (uid, last byte written), in tap order
            flood_done: list[float] = []
            started = time.monotonic()

            def write_junk() -> None:
                # Spread over the taps, so every tap meets junk on the line (0 s: all at once).
                chunks = range(0, len(junk), CHUNK)
                pause = spread / max(1, len(chunks))
                for at in chunks:
                    qr.send_raw(junk[at : at + CHUNK])
                    if pause:
                        time.sleep(pause)
                flood_done.append(time.monotonic())

            def tap() -> None:
                for i in range(taps):
                    # Members in turn, each back after more than the reader's 1 s hold-off.
                    uid = uids[i % len(uids)]
                    badge.present(uid)
                    written.append((uid, time.monotonic()))
                    time.sleep(interval)

            writer = threading.Thread(target=write_junk, name="junk-writer", daemon=True)
            tapper = threading.Thread(target=tap, name="tapper", daemon=True)
            writer.start()
            tapper.start()
            spin(lambda: sum(map(len, answered.values())) >= taps, taps * interval + answer_timeout)
            latencies: list[float] = []
            nth: dict[str, int] = {}
            for uid, at in written:
                k = nth[uid] = nth.get(uid, -1) + 1
                times = answered.get(uid, [])
                if k < len(times):
                    latencies.append((times[k] - at) * 1000)
            writer.join(answer_timeout)
            calm = spin(lambda: readers().get("qr") == "connected", answer_timeout)
            spin(lambda: False, 0.5)
            rss_after = rss_kib()
            log_text = log_path.read_bytes()
            log_growth = len(log_text) - log_before
            log_lines = len(log_text.splitlines()) - lines_before
            refused = log_text[log_before:].count(b"scan refused")
        finally:
            kiosk.shutdown()
            root.removeHandler(handler)
            handler.close()
    return {
        "taps": taps,
        "answered": len(latencies),
        "p50_ms": percentile(latencies, 50) if latencies else None,
        "p95_ms": percentile(latencies, 95) if latencies else None,
        "max_ms": max(latencies) if latencies else None,
        "junk_reads": junk_reads[0],
        "refused_lines": refused,
        "rss_growth_mib": (rss_after - rss_before) / 1024,
        "log_growth_bytes": log_growth,
        "log_growth_lines": log_lines,
        "flood_written_s": (flood_done[0] - started) if flood_done else None,
        "calm_again": calm,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--taps", type=int, default=12, help="badge taps per run")
    parser.add_argument("--interval", type=float, default=0.3, help="seconds between taps")
    parser.add_argument(
        "--timeout", type=float, default=120.0, help="seconds to wait for the last answer"
    )
    parser.add_argument(
        "--spread",
        type=float,
        help="seconds to spread the 2 MB over (default: as long as the taps; 0: at once)",
    )
    parser.add_argument(
        "--junk-bytes", type=int, default=JUNK_BYTES, help="junk to send (0: taps alone)"
    )
    parser.add_argument("--one", action="store_true", help="one run in this process, as JSON")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    if args.spread is None:
        args.spread = args.taps * args.interval
    if args.one:
        figures = one_run(
            args.taps, args.interval, args.spread, args.seed, args.timeout, args.junk_bytes
        )
        print(json.dumps(figures))
        return
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    runs: list[dict[str, Any]] = []
    for i in range(args.runs):
        command = [sys.executable, "-m", "benchmarks.reader_flood", "--one"]
        command += ["--taps", str(args.taps), "--interval", str(args.interval)]
        command += ["--timeout", str(args.timeout), "--spread", str(args.spread)]
        command += ["--seed", str(args.seed + i), "--junk-bytes", str(args.junk_bytes)]
        done = subprocess.run(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=args.timeout * 3 + 120,
        )
        if done.returncode != 0:
            raise SystemExit(f"run {i + 1} failed ({done.returncode}):\n{done.stderr[-2000:]}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"[reader_flood] run {i + 1}/{args.runs}: {runs[-1]}", file=sys.stderr, flush=True)

    def median(key: str) -> float:
        values = [r[key] for r in runs if r[key] is not None]
        return statistics.median(values) if values else float("nan")

    n = len(runs)
    print(
        f"tap answered during a {args.junk_bytes / (1 << 20):g} MB scanner flood "
        f"(median of {n} runs): "
        f"p50 {median('p50_ms'):.1f} ms, p95 {median('p95_ms'):.1f} ms, "
        f"max {median('max_ms'):.1f} ms"
    )
    print(f"taps answered: {median('answered'):.0f} of {args.taps} per run")
    print(f"RSS growth: {median('rss_growth_mib'):.1f} MiB")
    print(
        f"log growth: {median('log_growth_bytes'):.0f} bytes, "
        f"{median('log_growth_lines'):.0f} lines"
    )
    print(
        f"junk reads that reached the lobby: {median('junk_reads'):.0f} "
        f"({median('refused_lines'):.0f} 'scan refused' log lines)"
    )
    calm = all(r["calm_again"] for r in runs)
    print(f"flood written in {median('flood_written_s'):.2f} s; scanner calm again after: {calm}")


if __name__ == "__main__":
    main()
