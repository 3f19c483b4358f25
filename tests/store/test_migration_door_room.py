"""Migration 0006: doors confined to their room; runs (as a no-op) on SQLite, reverses on PG."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from kiosk.store.engine import open_store
from kiosk.store.migrate import alembic_config, current_revision, head_revision

_POLICIES = "SELECT policyname FROM pg_policies WHERE policyname LIKE '%door%' ORDER BY 1"
_APPEND = "SELECT qual, with_check FROM pg_policies WHERE policyname = 'changes_kiosk_append'"


def test_up_and_down(central_url: str) -> None:
    store = open_store(central_url)
    try:
        engine = store.engine
        postgres = engine.dialect.name == "postgresql"
        if postgres:
            with engine.connect() as conn:
                assert conn.execute(text("SELECT kiosk_self_room()")).scalar() is None
                assert conn.execute(text(_POLICIES)).scalars().all() == [
                    "audit_log_door_insert",
                    "booking_actions_door_insert",
                    "booking_actions_door_read",
                    "bookings_door_update",
                ]
        command.downgrade(alembic_config(engine), "0005")
        assert current_revision(engine) == "0005"
        if postgres:
            with engine.connect() as conn:
                assert conn.execute(text(_POLICIES)).scalars().all() == []
                check = conn.execute(text(_APPEND)).one().with_check
                assert "booking_actions" not in check and "source" in check
                columns = "SELECT column_name FROM information_schema.columns "
                columns += "WHERE table_name = 'kiosk_roles'"
                assert "room_id" not in conn.execute(text(columns)).scalars().all()
        command.upgrade(alembic_config(engine), "head")
        assert current_revision(engine) == head_revision()
    finally:
        store.dispose()
