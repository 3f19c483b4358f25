"""A kiosk's store upgraded by a child ``kiosk upgrade-store``, and what happens when it fails."""

from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.store.engine import open_local_store
from kiosk.store.schema_head import SCHEMA_HEAD
from kiosk.store.upgrade_apart import at_head, self_command, upgrade_apart


def _config(tmp_path: Path) -> Path:
    path = tmp_path / "door.toml"
    path.write_text(
        '[kiosk]\nid = "door-aurora"\nrole = "door"\nroom = "aurora"\ndata_dir = "door"\n'
        f'[central]\nurl = "sqlite:///{tmp_path / "central.db"}"\n',
        encoding="utf-8",
    )
    return path


def _version(store: Path) -> str:
    with sqlite3.connect(store) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_a_child_creates_a_missing_store_at_the_newest_schema(tmp_path: Path) -> None:
    store = tmp_path / "door" / "kiosk.db"
    assert not at_head(store)
    assert upgrade_apart(_config(tmp_path), store)
    assert _version(store) == SCHEMA_HEAD


def test_a_store_behind_is_upgraded_by_the_child(tmp_path: Path) -> None:
    from kiosk.store.migrate import upgrade

    store = tmp_path / "door" / "kiosk.db"
    engine = open_local_store(store, migrate=False).engine
    upgrade(engine, "0017")  # as an older release left it
    engine.dispose()
    assert _version(store) == "0017" and not at_head(store)
    assert upgrade_apart(_config(tmp_path), store)
    assert _version(store) == SCHEMA_HEAD


def test_a_failed_child_leaves_the_upgrade_to_the_caller(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = tmp_path / "door" / "kiosk.db"
    with caplog.at_level(logging.WARNING):
        assert not upgrade_apart(tmp_path / "no-such.toml", store)  # the child exits 2
    assert "upgrading here" in caplog.text
    open_local_store(store).dispose()  # what Kiosk.attach does next
    assert _version(store) == SCHEMA_HEAD


def test_a_file_that_is_no_store_is_not_at_head(tmp_path: Path) -> None:
    junk = tmp_path / "kiosk.db"
    junk.write_bytes(b"not a database at all")
    assert not at_head(junk)
    assert not upgrade_apart(None, junk)  # built in code: no config for a child to read


def test_upgrade_store_is_a_command_of_its_own(tmp_path: Path) -> None:
    config = _config(tmp_path)
    done = subprocess.run(
        [*self_command(), "upgrade-store", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout
    assert self_command()[:2] == [sys.executable, "-m"]  # not frozen here
