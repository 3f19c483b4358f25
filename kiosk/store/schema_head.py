"""The newest migration's revision, and a store file's own, known without importing Alembic.

A kiosk checks its store against it on every start; only a store that is behind loads Alembic
and upgrades. A test keeps it equal to the head of ``kiosk/store/migrations`` (add a migration, and
that test says to change this line). ``kiosk doctor`` and a door's room check read a store file
the same way: read-only, with the standard library (a door's first frame loads no SQLAlchemy).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

SCHEMA_HEAD = "0018"


def open_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """The SQLite store at ``path``, opened so that nothing can be written (raises
    ``sqlite3.Error``)."""
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=timeout)


def schema_version(conn: sqlite3.Connection) -> str:
    """The revision the store was migrated to; "" when it has none (raises ``sqlite3.Error``
    when it is not a store at all)."""
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else ""
