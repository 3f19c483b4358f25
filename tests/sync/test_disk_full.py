"""A full local disk is reported as such (log, status strip, fleet), not as "central store
unreachable". The disk is filled for real as far as SQLite can tell: ``max_page_count`` caps the
local store's file, and SQLite answers SQLITE_FULL ("database or disk is full")."""

from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from kiosk.base.clock import FixedClock
from kiosk.base.errors import is_disk_full
from kiosk.security.directory import add_person
from kiosk.store.engine import open_store
from kiosk.sync.engine import SyncStatus
from kiosk.sync.fleet import fleet
from kiosk.sync.worker import SyncWorker
from tests.helpers import wait_for
from tests.stores import local, seed_central, site_key
from tests.sync.helpers import engine_for


def test_what_counts_as_a_full_disk() -> None:
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert not is_disk_full(OSError(errno.ECONNREFUSED, "Connection refused"))
    full = sqlite3.OperationalError("database or disk is full")
    assert is_disk_full(OperationalError("INSERT", {}, full))
    assert not is_disk_full(OperationalError("SELECT", {}, sqlite3.OperationalError("locked")))
    wrapped = RuntimeError("write failed")
    wrapped.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    assert is_disk_full(wrapped)


def test_a_full_local_disk_is_named_in_log_status_and_fleet(
    tmp_path: Path, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    seed_central(url, site_key(tmp_path), clock).dispose()
    store = local(tmp_path)
    engine = engine_for(store, url, clock)
    engine.cycle()  # synced once, with room to spare

    with store.engine.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar_one()

    @event.listens_for(store.engine, "connect")
    def cap(dbapi_connection: Any, _record: Any) -> None:  # the disk is now full
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    store.engine.dispose()
    central = open_store(url, migrate=False)
    with central.engine.begin() as conn:  # much more to pull than fits
        for i in range(400):
            add_person(
                conn,
                name=f"Member {i} " + "x" * 150,
                email=f"m{i}@lab.example",
                role="member",
                organisation=None,
                now=clock.now(),
            )
    statuses: list[SyncStatus] = []
    worker = SyncWorker(
        engine, interval=0.1, clock=clock, on_status=statuses.append, max_backoff=0.3, listen=False
    )
    with caplog.at_level(logging.INFO, logger="kiosk.sync.worker"):
        worker.start()
        try:
            wait_for(lambda: any(s.disk_full for s in statuses), 30, "a disk-full status")
        finally:
            worker.stop()
    full = next(s for s in statuses if s.disk_full)
    assert full.online and full.offline_since is None  # the central side is fine
    assert "local disk full" in caplog.text
    assert "unreachable" not in caplog.text
    with central.engine.connect() as conn:
        (kiosk,) = [k for k in fleet(conn, clock.now()) if k.id == "lobby-1"]
    assert kiosk.disk_full
    central.dispose()
    store.dispose()
