"""The admin commands' fixture: an initialised central store behind an admin config."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import admin_config


@pytest.fixture
def config(tmp_path: Path, central_url: str) -> Path:
    return admin_config(tmp_path, central_url)
