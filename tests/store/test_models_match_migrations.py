"""The models and the migrations describe one schema: a store migrated to the head has the tables,
columns, types, indexes and constraints of ``kiosk.store.models``, as Alembic's autogenerate
compares them, on SQLite and on PostgreSQL. A model the migrations lack (or a table the models
lose) fails here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, Table

from kiosk.store.engine import open_store
from kiosk.store.models import Base

# What only the migrations make, reached with SQL rather than through a model: the change feed's
# commit-safe cursor (0002, kiosk/sync/feed.py) and its lookup indexes (0010); on PostgreSQL the
# legacy per-kiosk roles (0002, kiosk/sync/link.py) and an expression index.
MIGRATION_ONLY = {
    ("remove_column", "changes.txid"),
    ("remove_index", "ix_changes_txid_seq"),
    ("remove_index", "ix_changes_entity_record_id"),
}
MIGRATION_ONLY_POSTGRESQL = {
    ("remove_table", "kiosk_roles"),
    ("remove_index", "ix_changes_invitation_id"),
}


def _named(difference: Any) -> tuple[str, str]:
    """One autogenerate difference as (operation, what it is about)."""
    if isinstance(difference, list):  # modify_*: a list of tuples about one column
        return (difference[0][0], f"{difference[0][2]}.{difference[0][3]}")
    kind = difference[0]
    if kind.endswith("_column"):
        return (kind, f"{difference[2]}.{difference[3].name}")
    return (kind, str(getattr(difference[1], "name", difference[1])))


def _differences(url: str, metadata: MetaData) -> set[tuple[str, str]]:
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return {_named(d) for d in compare_metadata(context, metadata)}
    finally:
        store.dispose()


def test_a_migrated_store_has_the_models_schema(central_url: str) -> None:
    expected = set(MIGRATION_ONLY)
    if central_url.startswith("postgresql"):
        expected |= MIGRATION_ONLY_POSTGRESQL
    assert _differences(central_url, Base.metadata) == expected


def test_a_model_without_a_migration_is_seen(tmp_path: Path) -> None:
    extra = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(extra)
    Table("not_migrated", extra, Column("id", Integer, primary_key=True))
    extra.tables["rooms"].append_column(Column("not_migrated", Integer))
    found = _differences(f"sqlite:///{tmp_path / 'kiosk.db'}", extra)
    assert found == MIGRATION_ONLY | {
        ("add_table", "not_migrated"),
        ("add_column", "rooms.not_migrated"),
    }
