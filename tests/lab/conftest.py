"""Fixtures for the Lab feature tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lab.helpers import Site, make_site


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    """A seeded SQLite central store and a lobby replica synced from it."""
    s = make_site(tmp_path)
    yield s
    s.close()
