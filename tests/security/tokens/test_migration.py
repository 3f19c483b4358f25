"""Migration 0003 (signing_keys) goes up and down on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from kiosk.store.engine import open_store
from kiosk.store.migrate import alembic_config, current_revision, head_revision


def test_signing_keys_migration_up_and_down(central_url: str) -> None:
    store = open_store(central_url)
    try:
        engine = store.engine
        assert "signing_keys" in inspect(engine).get_table_names()
        previous = ScriptDirectory.from_config(alembic_config()).get_revision("0003").down_revision
        assert isinstance(previous, str)
        command.downgrade(alembic_config(engine), previous)
        assert current_revision(engine) == previous
        assert "signing_keys" not in inspect(engine).get_table_names()
        command.upgrade(alembic_config(engine), "head")
        assert current_revision(engine) == head_revision()
        columns = {c["name"]: c for c in inspect(engine).get_columns("signing_keys")}
        assert set(columns) == {"key_id", "public_key", "created_at", "retired_at"}
        assert columns["retired_at"]["nullable"] and not columns["public_key"]["nullable"]
    finally:
        store.dispose()
