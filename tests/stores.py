"""Small builders shared by the core tests: a seeded central store and a kiosk's local store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from kiosk.base.clock import FixedClock
from kiosk.security.badges import create_site_key, load_site_key
from kiosk.security.directory import add_person, add_room, enroll_badge
from kiosk.store.engine import Store, open_local_store, open_store
from kiosk.store.models import Base

NOON = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # 12.00 in Helsinki
AINO_UID = "0A00F1C2D3"


def site_key(tmp_path: Path) -> bytes:
    path = tmp_path / "site.key"
    create_site_key(path)
    return load_site_key(path)


def seed_central(url: str, key: bytes, clock: FixedClock) -> Store:
    store = open_store(url)
    with store.engine.begin() as conn:
        add_room(conn, "aurora", "Aurora", 10, clock.now())
        add_person(
            conn,
            name="Aino Virtanen",
            email="aino@vm.example",
            role="member",
            organisation="VM",
            now=clock.now(),
        )
        enroll_badge(conn, "aino@vm.example", AINO_UID, key, clock.now())
        add_person(
            conn,
            name="Mikko Korhonen",
            email="mikko@lab.example",
            role="host",
            organisation=None,
            now=clock.now(),
        )
    return store


def local(tmp_path: Path, name: str = "lobby") -> Store:
    return open_local_store(tmp_path / name / "kiosk.db")


def row_counts(store: Store) -> dict[str, int]:
    """Rows per table: a cheap fingerprint to prove that nothing changed."""
    with store.engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in Base.metadata.tables.items()
        }


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, for before/after comparisons."""
    with store.engine.connect() as conn:
        return {
            name: sorted(map(tuple, conn.execute(select(table)).all()), key=repr)
            for name, table in Base.metadata.tables.items()
        }
