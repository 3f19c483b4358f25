"""The one table of ``python -m benchmarks``: a row per measure, ours beside Chromium's."""

from __future__ import annotations

import datetime
import os
import platform
import sys
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Row:
    """One measure. ``goal_ratio``: ours / Chromium's must be at most this; ``goal_max``: ours
    must be at most this (in ``unit``). ``ok`` is None where there is no goal or no figure."""

    what: str
    unit: str
    ours: float | None
    chromium: float | None = None
    goal_ratio: float | None = None
    goal_max: float | None = None
    note: str = ""
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.ours is None or not self.chromium:
            return None
        return self.ours / self.chromium

    @property
    def goal(self) -> str:
        if self.goal_ratio is not None:
            return f"<= {self.goal_ratio:g}x Chromium"
        if self.goal_max is not None:
            return f"<= {_num(self.goal_max)} {self.unit}"
        return ""

    @property
    def ok(self) -> bool | None:
        if self.goal_ratio is not None:
            ratio = self.ratio
            return None if ratio is None else ratio <= self.goal_ratio
        if self.goal_max is not None and self.ours is not None:
            return self.ours <= self.goal_max
        return None

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(ratio=self.ratio, goal=self.goal, ok=self.ok)
        return out


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(rows: list[Row]) -> str:
    head = ("measure", "ours", "Chromium", "ratio", "goal", "verdict")
    body = []
    for r in rows:
        verdict = {True: "PASS", False: "FAIL", None: "-"}[r.ok]
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        theirs = f"{_num(r.chromium)} {r.unit}" if r.chromium is not None else "-"
        ours = f"{_num(r.ours)} {r.unit}" if r.ours is not None else "no figure"
        body.append((r.what, ours, theirs, ratio, r.goal or "-", verdict))
    widths = [max(len(line[i]) for line in (head, *body)) for i in range(len(head))]

    def fmt(line: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()

    lines = [fmt(head), "  ".join("-" * w for w in widths)]
    lines += [fmt(line) for line in body]
    notes = [f"  {r.what}: {r.note}" for r in rows if r.note]
    if notes:
        lines += ["", "notes:", *notes]
    return "\n".join(lines)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith(("model name", "Model")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _mem_total_gib() -> float | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None


def machine() -> dict[str, Any]:
    """Where and when the figures were taken."""
    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = "not installed"
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gib": round(_mem_total_gib() or 0, 1),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "pyside6": pyside,
        "load_1min": round(os.getloadavg()[0], 2),
    }


def machine_text(info: dict[str, Any]) -> str:
    return (
        f"{info['date']}: {info['cores']} cores, {info['cpu']}, {info['memory_gib']} GiB, "
        f"{info['os']}, Python {info['python']}, PySide6 {info['pyside6']}, "
        f"load {info['load_1min']} at the start"
        + (f", {info['chromium']}" if info.get("chromium") else "")
        + (f"; kiosk: {info['kiosk']}" if info.get("kiosk") else "")
        + (f", central store: {info['central']}" if info.get("central") else "")
    )
