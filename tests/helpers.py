"""Helpers shared by tests of more than one area (each area keeps its own ``helpers.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path


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


def admin_config(folder: Path, central_url: str) -> Path:
    """``folder/kiosk.toml`` for the admin commands, its central store (and site key) made."""
    from kiosk.cli.main import main

    path = folder / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "data"\n[central]\nurl = "{central_url}"\n',
        encoding="utf-8",
    )
    assert main(["admin", "--config", str(path), "init"]) == 0
    return path
