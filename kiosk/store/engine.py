"""Opening a store (the local SQLite replica or the central database) at the newest schema.

SQLite is opened as DESIGN.md asks: WAL, ``synchronous=FULL``, foreign keys on, a busy timeout,
and every transaction started with ``BEGIN IMMEDIATE`` so two writers queue instead of failing
half-way (SQLAlchemy's documented recipe for pysqlite transactions).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from kiosk.base.errors import ConfigError
from kiosk.base.folders import make_folder
from kiosk.store.schema_head import SCHEMA_HEAD

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


@dataclass
class Store:
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error."""
        with self.sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below decide when and how transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_store_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url`` whose errors and logs never show SQL parameters (names, e-mails):
    ``hide_parameters`` is always on, so a logged traceback of a database error stays clean."""
    kwargs["hide_parameters"] = True
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"not a database URL: {url!r}") from None
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            make_folder(Path(database).parent, "the folder of the SQLite store")
        # A connection per use: no SQLite handle is shared between the DB worker and sync threads.
        engine = create_engine(parsed, poolclass=NullPool, **kwargs)
        _configure_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        kwargs.setdefault("pool_pre_ping", True)
        kwargs.setdefault("connect_args", {"connect_timeout": 5})
    return create_engine(parsed, **kwargs)


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Open (and by default create or upgrade) the store at ``url``."""
    engine = create_store_engine(url)
    if migrate and not is_at_head(engine):
        from kiosk.store.migrate import upgrade

        upgrade(engine)
    return Store(engine, sessionmaker(engine, expire_on_commit=False))


def is_at_head(engine: Engine) -> bool:
    """Whether the store is already at ``SCHEMA_HEAD``: then Alembic (a sizeable import on
    every kiosk start) is not needed at all. Any doubt means "no", and Alembic decides."""
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return False
    return bool(revision == SCHEMA_HEAD)


def open_local_store(path: Path, *, migrate: bool = True) -> Store:
    return open_store(sqlite_url(path), migrate=migrate)
