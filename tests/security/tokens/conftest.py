"""Fixtures for the token CLI tests: an initialised admin config with a host, and a key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import admin_config
from tests.security.tokens.helpers import HOST, admin


@pytest.fixture
def config(tmp_path: Path, central_url: str) -> Path:
    path = admin_config(tmp_path, central_url)
    assert (
        admin(path, "person", "add", "--name", "Mikko Korhonen", "--email", HOST, "--role", "host")
        == 0
    )
    return path


@pytest.fixture
def keyed(config: Path) -> Path:
    assert admin(config, "keys", "create") == 0
    return config
