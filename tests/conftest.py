"""Shared fixtures. Every test runs Qt offscreen and fails if it leaves a thread or timer behind."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves a Python thread running (reader threads, sync workers, pools)."""
    before = set(threading.enumerate())
    yield
    deadline = 2.0
    leaked: list[threading.Thread] = []
    for thread in set(threading.enumerate()) - before:
        thread.join(timeout=deadline)
        if thread.is_alive():
            leaked.append(thread)
    assert not leaked, f"test left threads running: {[t.name for t in leaked]}"


@pytest.fixture(autouse=True)
def no_leaked_qt_objects(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves an active QTimer, a running QThread or a visible top-level widget."""
    yield
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtCore import QThread, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    app.processEvents()
    problems: list[str] = []
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            problems.append(f"visible widget {type(widget).__name__}")
        for timer in widget.findChildren(QTimer):
            if timer.isActive():
                problems.append(f"active timer in {type(widget).__name__}")
    for thread in app.findChildren(QThread):
        if thread.isRunning():
            problems.append(f"running QThread {thread.objectName() or type(thread).__name__}")
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    app.processEvents()
    assert not problems, "test left Qt objects running: " + ", ".join(problems)


# --- stores -------------------------------------------------------------------------------

PG_ENV = "KIOSK_TEST_PG_URL"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test; dropped afterwards."""
    import uuid

    import sqlalchemy as sa

    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set")
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    name = f"kiosk_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The central store's URL: a SQLite file, and the real PostgreSQL when configured."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.db'}"
    return str(request.getfixturevalue("pg_url"))
