"""Migration 0013: kiosk instances; kiosk roles granted before it may write their own rows."""

from __future__ import annotations

import uuid

from alembic import command
from sqlalchemy import inspect, text

from kiosk.store.engine import open_store
from kiosk.store.migrate import alembic_config, current_revision, head_revision

_MAY = "SELECT has_table_privilege(:role, 'kiosk_instances', 'INSERT, UPDATE')"


def test_up_and_down_and_older_kiosk_roles_get_the_grant(central_url: str) -> None:
    store = open_store(central_url)
    engine = store.engine
    postgres = engine.dialect.name == "postgresql"
    role = f"kiosk_t{uuid.uuid4().hex[:10]}"  # roles are cluster-wide: a name of its own
    try:
        command.downgrade(alembic_config(engine), "0012")
        assert "kiosk_instances" not in inspect(engine).get_table_names()
        if postgres:  # a kiosk role made by `grant-kiosk` under 0012
            with engine.begin() as conn:
                conn.execute(text(f'CREATE ROLE "{role}"'))
                conn.execute(
                    text(
                        "INSERT INTO kiosk_roles (role_name, kiosk_id, kiosk_role) VALUES "
                        "(:r, 'lobby-old', 'lobby')"
                    ),
                    {"r": role},
                )
        command.upgrade(alembic_config(engine), "head")
        assert current_revision(engine) == head_revision()
        assert "kiosk_instances" in inspect(engine).get_table_names()
        if postgres:
            with engine.connect() as conn:
                assert conn.execute(text(_MAY), {"role": role}).scalar() is True
                policies = conn.execute(
                    text("SELECT policyname FROM pg_policies WHERE tablename = 'kiosk_instances'")
                ).scalars()
                assert sorted(policies) == [
                    "kiosk_instances_kiosk_self",
                    "kiosk_instances_not_kiosk",
                ]
    finally:
        if postgres:
            with engine.begin() as conn:
                conn.execute(text(f'DROP OWNED BY "{role}"'))
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        store.dispose()
