"""The benchmarks that already had their own scripts, run as they are and their figures read.

``scan_to_welcome``, ``sync_gui_stall`` and ``reader_flood`` print their figures from ``main()``
and are owned (and tuned) elsewhere, so they run unchanged as ``python -m benchmarks.<name>`` in
a fresh process — each needs its own QApplication — and the figures are read from what they
print.
If a script's wording changes, the figure is reported missing with its output, never guessed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Printed:
    figures: dict[str, float]
    output: str  # the script's own report, kept for --json


def _run(module: str, *args: str, timeout: float = 900) -> str:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"benchmarks.{module} failed ({done.returncode}):\n{done.stderr[-2000:]}"
        )
    return done.stdout


def _figures(text: str, patterns: dict[str, str]) -> dict[str, float]:
    found = {}
    for name, pattern in patterns.items():
        match = re.search(pattern, text)
        if match:
            found[name] = float(match.group(1))
    return found


def scan_to_welcome(scans: int) -> Printed:
    """Last byte of a QR scan -> welcome painted (ms): p50, p95, max."""
    out = _run("scan_to_welcome", "--scans", str(scans))
    match = re.search(
        r"welcome painted: p50 (?P<p50>[\d.]+) ms, p95 (?P<p95>[\d.]+) ms, max (?P<max>[\d.]+) ms",
        out,
    )
    figures = {f"{k}_ms": float(v) for k, v in match.groupdict().items()} if match else {}
    return Printed(figures, out)


def sync_gui_stall() -> Printed:
    """Worst 1 ms GUI-timer gap (ms) during a full initial sync of 15,000 rows."""
    out = _run("sync_gui_stall")
    patterns = {
        "worst_ms": r"worst ([\d.]+) ms",
        "p99_ms": r"p99 ([\d.]+) ms",
        "sync_s": r"initial sync on the worker thread: ([\d.]+) s",
    }
    return Printed(_figures(out, patterns), out)


def reader_flood(runs: int) -> Printed:
    """2 MB of junk on a scanner while badges are tapped: tap answered (ms), RSS and log growth."""
    out = _run("reader_flood", "--runs", str(runs))
    patterns = {
        "p50_ms": r"scanner flood .*: p50 ([\d.]+) ms",
        "p95_ms": r"scanner flood .*p95 ([\d.]+) ms",
        "max_ms": r"scanner flood .*max ([\d.]+) ms",
        "answered": r"taps answered: (\d+) of",
        "taps": r"taps answered: \d+ of (\d+)",
        "rss_mib": r"RSS growth: (-?[\d.]+) MiB",
        "log_bytes": r"log growth: (\d+) bytes",
        "log_lines": r"log growth: \d+ bytes, (\d+) lines",
        "junk_reads": r"junk reads that reached the lobby: (\d+)",
    }
    return Printed(_figures(out, patterns), out)
