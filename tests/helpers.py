"""Helpers shared by tests of more than one area (each area keeps its own ``helpers.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_for(
    condition: Callable[[], bool], timeout: float, what: str, *, interval: float = 0.02
) -> None:
    """Poll ``condition`` every ``interval`` seconds until it is true; fail naming ``what``
    after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)
