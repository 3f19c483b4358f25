"""Small dialect-aware statements shared by the stores (insert-if-absent, upsert)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection


def _insert(conn: Connection, table: Table) -> Any:
    # Imported here: a kiosk's own store is SQLite, and SQLAlchemy's PostgreSQL dialect would
    # cost every door and lobby 2.3 MiB it never uses.
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table)
    raise NotImplementedError(f"unsupported database: {conn.dialect.name}")


def insert_if_absent(conn: Connection, table: Table, row: dict[str, Any]) -> bool:
    """Insert ``row`` unless its primary key exists; True when it was inserted."""
    key = list(table.primary_key.columns)
    stmt = (
        _insert(conn, table)
        .values(row)
        .on_conflict_do_nothing(index_elements=[c.name for c in key])
        .returning(*key)
    )
    # RETURNING rather than rowcount: psycopg reports no rowcount for this statement.
    return conn.execute(stmt).first() is not None


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or overwrite ``rows`` by primary key (one statement per row shape)."""
    if not rows:
        return
    key = [c.name for c in table.primary_key.columns]
    by_shape: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        by_shape.setdefault(tuple(sorted(row)), []).append(row)
    for shape, group in by_shape.items():
        stmt = _insert(conn, table)
        updates = {name: stmt.excluded[name] for name in shape if name not in key}
        stmt = (
            stmt.on_conflict_do_update(index_elements=key, set_=updates)
            if updates
            else stmt.on_conflict_do_nothing(index_elements=key)
        )
        conn.execute(stmt, group)
