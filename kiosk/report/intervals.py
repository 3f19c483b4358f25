"""Time intervals for room utilisation: merge overlapping bookings, clip them to opening hours."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

Interval = tuple[datetime, datetime]


def union(spans: Iterable[Interval]) -> list[Interval]:
    """The same time covered once: overlapping or touching spans merged, sorted."""
    merged: list[Interval] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def clip(spans: Sequence[Interval], windows: Sequence[Interval]) -> list[Interval]:
    """The parts of ``spans`` inside any of ``windows`` (both lists sorted and disjoint)."""
    out: list[Interval] = []
    for w_start, w_end in windows:
        for start, end in spans:
            lo, hi = max(start, w_start), min(end, w_end)
            if hi > lo:
                out.append((lo, hi))
    return out


def length_hours(spans: Iterable[Interval]) -> float:
    return sum((end - start).total_seconds() for start, end in spans) / 3600
