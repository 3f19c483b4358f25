"""Fixtures for the sync tests: a seeded central store (SQLite or the real PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.base.clock import FixedClock
from tests.stores import NOON, seed_central, site_key


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOON)


@pytest.fixture
def seeded_pg(pg_url: str, tmp_path: Path, clock: FixedClock) -> str:
    """A PostgreSQL central store at head with a room, a member with a badge and a host."""
    seed_central(pg_url, site_key(tmp_path), clock).dispose()
    return pg_url
