"""The seeded Lab's fixture (tests/central/seeded_lab.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.base.clock import FixedClock
from kiosk.store.engine import open_store
from tests.central.helpers import live_service
from tests.central.seeded_lab import Lab, seed_lab
from tests.stores import NOON, site_key


@pytest.fixture
def lab(tmp_path: Path, central_url: str) -> Iterator[Lab]:
    clock = FixedClock(NOON)
    store = open_store(central_url)
    admin_dir = tmp_path / "admin"
    inactive, revoked, inside, tomorrow = seed_lab(store, site_key(tmp_path), admin_dir)
    try:
        with live_service(store, clock) as live:
            yield Lab(live, inactive, revoked, inside, tomorrow, admin_dir)
    finally:
        store.dispose()
