"""Fixtures for the token CLI tests: an initialised admin config with a host, and a key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli.main import main
from tests.security.tokens.helpers import HOST, admin


@pytest.fixture
def config(tmp_path: Path, central_url: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "data"\n[central]\nurl = "{central_url}"\n',
        encoding="utf-8",
    )
    assert main(["admin", "--config", str(path), "init"]) == 0
    assert (
        admin(path, "person", "add", "--name", "Mikko Korhonen", "--email", HOST, "--role", "host")
        == 0
    )
    return path


@pytest.fixture
def keyed(config: Path) -> Path:
    assert admin(config, "keys", "create") == 0
    return config
