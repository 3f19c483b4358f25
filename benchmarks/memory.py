"""Steady memory: a running display's process tree after it settled, as PSS.

One at a time, never side by side: two Qt programs running together share library pages, and
PSS would charge each only half of them.
"""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks import chromium, startup
from benchmarks.procs import Memory, tree_memory


def kiosk(setup: startup.KioskSetup, config: Path, settle: float) -> Memory:
    """``kiosk run`` of ``config``, ``settle`` seconds after its first screen."""
    with startup.running_kiosk(setup, config) as (proc, _ready):
        time.sleep(settle)
        if proc.poll() is not None:
            raise RuntimeError(f"kiosk run ended early ({proc.returncode})")
        return tree_memory(proc.pid)


def browser(binary: str, profile: Path, settle: float) -> Memory:
    """Headless Chromium showing the door page, ``settle`` seconds after its first frame."""
    with chromium.running_chromium(binary, profile) as (proc, _first):
        time.sleep(settle)
        if proc.poll() is not None:
            raise RuntimeError(f"chromium ended early ({proc.returncode})")
        return tree_memory(proc.pid)
