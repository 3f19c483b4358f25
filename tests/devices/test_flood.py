"""FloodGuard: when a reader turns noisy and when it is calm again (pure, no ports)."""

from __future__ import annotations

import pytest

from devices.flood import FloodGuard


def test_reads_at_a_human_pace_never_make_a_reader_noisy() -> None:
    guard = FloodGuard(limit=10, window=2.0)
    assert not any(guard.count(i * 0.25) for i in range(400))  # 4 a second for 100 s
    assert not guard.noisy


def test_the_limit_within_the_window_makes_it_noisy_once() -> None:
    guard = FloodGuard(limit=10, window=2.0)
    turned = [guard.count(i * 0.01) for i in range(1000)]
    assert turned.index(True) == 9  # the tenth result within two seconds
    assert turned.count(True) == 1  # said once, however long the flood lasts
    assert guard.noisy


def test_it_calms_down_once_the_window_passes_almost_quiet() -> None:
    guard = FloodGuard(limit=10, window=2.0, calm=2)
    for i in range(100):
        guard.count(i * 0.01)
    assert not guard.calmed(1.5)  # junk still within the window
    guard.count(2.5)  # one stray byte run after the flood is not enough to stay noisy
    assert not guard.calmed(2.98)
    assert guard.calmed(3.1)
    assert not guard.noisy
    assert not guard.calmed(3.2)  # only once
    assert not any(guard.count(3.2 + i * 0.01) for i in range(9))  # counts afresh
    assert guard.count(3.3)


@pytest.mark.parametrize(
    "kwargs", [{"limit": 1}, {"window": 0.0}, {"calm": 0}, {"limit": 4, "calm": 5}]
)
def test_nonsense_settings_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="flood guard"):
        FloodGuard(**kwargs)  # type: ignore[arg-type]
