"""The hold-off window slides from the last sighting of each value."""

from __future__ import annotations

import pytest

from devices.holdoff import HoldOff


def test_repeats_within_the_window_fold_and_extend_it() -> None:
    hold = HoldOff(1.0)
    assert hold.admit("badge", "A", 0.0)
    # held for 10 s, seen every 0.1 s: never a new event although 10 s > 1 s
    assert not any(hold.admit("badge", "A", t / 10) for t in range(1, 101))
    assert hold.admit("badge", "A", 10.0 + 1.01)  # away for longer than the hold-off: a new tap


def test_values_are_independent() -> None:
    hold = HoldOff(1.0)
    assert hold.admit("badge", "A", 0.0)
    assert hold.admit("badge", "B", 0.1)
    assert hold.admit("text", "A", 0.2)  # same string, different kind
    assert not hold.admit("badge", "A", 0.3)


def test_zero_hold_off_admits_everything() -> None:
    hold = HoldOff(0.0)
    assert hold.admit("badge", "A", 0.0)
    assert hold.admit("badge", "A", 0.001)


def test_memory_holds_only_recent_values() -> None:
    hold = HoldOff(1.0)
    for i in range(1000):
        hold.admit("badge", str(i), float(i))
    assert len(hold._last_seen) <= 2


def test_negative_is_rejected() -> None:
    with pytest.raises(ValueError, match="negative"):
        HoldOff(-1)
