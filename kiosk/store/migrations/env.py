"""Alembic environment: the engine comes from ``kiosk.store.migrate``, never from an ini file."""

from __future__ import annotations

from alembic import context

from kiosk.store.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # pragma: no cover - only reached when someone runs plain `alembic`
    raise RuntimeError("run migrations through `kiosk admin init`")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
