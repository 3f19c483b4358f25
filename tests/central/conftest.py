"""The services the thief tests attack: two rooms and two people (``service``), and the seeded
Lab (``lab``, tests/central/seeded_lab.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.base.clock import FixedClock
from kiosk.security.directory import add_room
from kiosk.store.engine import open_store
from tests.central.helpers import LiveService, live_service
from tests.central.seeded_lab import Lab, seed_lab
from tests.stores import NOON, seed_central, site_key


@pytest.fixture
def service(tmp_path: Path, central_url: str) -> Iterator[LiveService]:
    """A live service with rooms aurora and borealis, a member with a badge and a host, and a
    256 KiB body cap (a module may define its own ``service`` instead)."""
    clock = FixedClock(NOON)
    store = seed_central(central_url, site_key(tmp_path), clock)
    with store.engine.begin() as conn:
        add_room(conn, "borealis", "Borealis", 6, clock.now())
    try:
        with live_service(store, clock, max_body=256 * 1024) as live:
            yield live
    finally:
        store.dispose()


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
