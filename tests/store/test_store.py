from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kiosk.store.engine import open_local_store, open_store
from kiosk.store.migrate import current_revision, head_revision
from kiosk.store.models import Room


def test_local_store_uses_the_durable_sqlite_settings(tmp_path: Path) -> None:
    store = open_local_store(tmp_path / "kiosk.db")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    store.dispose()


def test_opening_twice_is_idempotent_and_at_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    open_store(url).dispose()
    store = open_store(url)
    assert current_revision(store.engine) == head_revision()
    store.dispose()


def test_timestamps_come_back_aware_in_utc_and_naive_ones_are_refused(tmp_path: Path) -> None:
    store = open_local_store(tmp_path / "kiosk.db")
    helsinki = datetime.fromisoformat("2026-11-26T12:00:00+02:00")
    with store.session() as s:
        s.add(Room(id="aurora", name="Aurora", updated_at=helsinki))
    with store.session() as s:
        room = s.get(Room, "aurora")
        assert room is not None
        assert room.updated_at == helsinki
        assert room.updated_at.tzinfo == UTC
    with pytest.raises(Exception, match="naive datetime"), store.session() as s:
        s.add(Room(id="bad", name="Bad", updated_at=datetime(2026, 1, 1)))  # noqa: DTZ001
    with store.session() as s:
        assert s.get(Room, "bad") is None
    store.dispose()


def test_writes_take_the_lock_up_front(tmp_path: Path) -> None:
    """BEGIN IMMEDIATE: a second writer waits for the lock instead of failing mid-transaction."""
    store = open_local_store(tmp_path / "kiosk.db")
    with store.engine.connect() as conn:
        conn.execute(select(Room))
        # Inside a transaction begun IMMEDIATE the connection already holds the RESERVED lock,
        # so a nested BEGIN is refused, proving a transaction is open before any write.
        with pytest.raises(Exception, match="within a transaction"):
            conn.exec_driver_sql("BEGIN")
    store.dispose()


@pytest.mark.postgres
def test_the_same_migrations_run_on_postgresql(pg_url: str) -> None:
    store = open_store(pg_url)
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as conn:
        tables = set(
            conn.execute(
                text("select tablename from pg_tables where schemaname = 'public'")
            ).scalars()
        )
    assert {"people", "badges", "checkins", "bookings", "changes", "outbox"} <= tables
    store.dispose()


def test_schema_head_names_the_newest_migration() -> None:
    """``kiosk.store.schema_head`` lets a kiosk skip Alembic when its store is current: it must be
    the real head, or a new migration would never run on kiosks."""
    from kiosk.store.migrate import head_revision
    from kiosk.store.schema_head import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_a_store_behind_the_head_is_still_upgraded(tmp_path: Path) -> None:
    from sqlalchemy import text

    from kiosk.store.engine import create_store_engine, open_local_store, sqlite_url
    from kiosk.store.migrate import upgrade
    from kiosk.store.schema_head import SCHEMA_HEAD

    path = tmp_path / "old.db"
    engine = create_store_engine(sqlite_url(path))
    upgrade(engine, "0007")
    engine.dispose()
    store = open_local_store(path)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
    store.dispose()
