"""Migration 0005: check-ins refer to invitations without a foreign key; the notify queue."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import insert, inspect, text

from kiosk.store.engine import open_store
from kiosk.store.migrate import alembic_config, current_revision, head_revision
from kiosk.store.models import Checkin, table_of


def test_up_and_down_keeps_every_check_in(central_url: str) -> None:
    store = open_store(central_url)
    try:
        engine = store.engine
        fks = inspect(engine).get_foreign_keys("checkins")
        assert "invitations" not in {fk["referred_table"] for fk in fks}
        assert "notifications" in inspect(engine).get_table_names()
        with engine.begin() as conn:  # a check-in whose invitation never arrived
            conn.execute(
                insert(table_of(Checkin)).values(
                    id=uuid.uuid4(),
                    direction="in",
                    invitation_id=uuid.uuid4(),
                    method="qr",
                    kiosk_id="lobby-1",
                    at=datetime(2026, 11, 26, tzinfo=UTC),
                )
            )
        command.downgrade(alembic_config(engine), "0004")
        assert current_revision(engine) == "0004"
        fks = inspect(engine).get_foreign_keys("checkins")
        assert "invitations" in {fk["referred_table"] for fk in fks}
        assert "notifications" not in inspect(engine).get_table_names()
        with engine.connect() as conn:
            kept = conn.execute(text("SELECT invitation_id FROM checkins")).all()
        assert [r[0] for r in kept] == [None]  # kept, its dangling reference cleared
        command.upgrade(alembic_config(engine), "head")
        assert current_revision(engine) == head_revision()
    finally:
        store.dispose()
