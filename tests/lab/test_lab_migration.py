"""Migration 0009 up and down, on SQLite and PostgreSQL: tables, policies, the notice queue."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect, pool, text

from kiosk.store.migrate import alembic_config, current_revision

_APPEND = "SELECT with_check FROM pg_policies WHERE policyname = 'changes_kiosk_append'"
_POLICIES = "SELECT count(*) FROM pg_policies WHERE tablename IN ('feedback', 'host_call_acks')"
_TABLES = {"feedback", "board_consents", "host_calls", "host_call_acks", "host_duty"}


def test_up_and_down(central_url: str) -> None:
    engine = create_engine(central_url, poolclass=pool.NullPool)
    postgres = engine.dialect.name == "postgresql"
    try:
        command.upgrade(alembic_config(engine), "0008")
        if postgres:
            with engine.connect() as conn:
                append_0008 = conn.execute(text(_APPEND)).scalar_one()
        command.upgrade(alembic_config(engine), "0009")
        assert set(inspect(engine).get_table_names()) >= _TABLES
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO notifications (id, kind, checkin_id, call_id, host_id, created_at,"
                    " next_attempt_at, attempts) VALUES (:id, 'host_call', NULL, :id, :id,"
                    " '2026-11-26 10:00:00+00:00', '2026-11-26 10:00:00+00:00', 0)"
                ),
                {"id": "0193a1b2-0000-7000-8000-000000000001"},
            )
            if postgres:
                append_0009 = conn.execute(text(_APPEND)).scalar_one()
                assert "host_call_acks" in append_0009 and "feedback" not in append_0009
                assert conn.execute(text(_POLICIES)).scalar_one() == 6
        command.downgrade(alembic_config(engine), "0008")
        assert current_revision(engine) == "0008"
        assert not _TABLES & set(inspect(engine).get_table_names())
        columns = {c["name"] for c in inspect(engine).get_columns("notifications")}
        assert "call_id" not in columns and "host_id" not in columns
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM notifications")).scalar_one() == 0
            if postgres:
                assert conn.execute(text(_APPEND)).scalar_one() == append_0008
        command.upgrade(alembic_config(engine), "head")
    finally:
        engine.dispose()
