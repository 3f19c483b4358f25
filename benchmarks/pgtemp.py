"""A throw-away PostgreSQL database for one benchmark run (``KIOSK_TEST_PG_URL``: the server)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@contextmanager
def temp_database(prefix: str = "kiosk_bench") -> Iterator[str]:
    base = os.environ.get("KIOSK_TEST_PG_URL", DEFAULT)
    admin = sa.create_engine(
        base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool, hide_parameters=True
    )
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.engine.make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
