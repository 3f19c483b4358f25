"""The logging policy: database errors never carry SQL parameters (names, e-mails), and a handler
that logs a caught failure logs its traceback, not only the exception's class name."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from kiosk.base.clock import FixedClock
from kiosk.lobby.notify import LogNotifier
from kiosk.lobby.notify_queue import DeliveryReport, NotificationQueue, NotificationWorker
from kiosk.store.engine import Store, create_store_engine, open_local_store, open_store
from kiosk.store.models import Person
from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.worker import SyncWorker
from tests.stores import NOON

SENTINEL = "sentinel.person@private.example"


def _insert_twice(store: Store) -> None:
    """Two people with one e-mail: the second insert breaks ``people.email``'s unique rule."""
    for name in ("Sentinel One", "Sentinel Two"):
        with store.session() as s:
            s.add(Person(name=name, email=SENTINEL, role="member", updated_at=NOON))


def _wait_for(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 10
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


def test_a_failed_insert_does_not_show_its_parameters(tmp_path: Path) -> None:
    store = open_local_store(tmp_path / "kiosk.db")
    try:
        with pytest.raises(IntegrityError) as caught:
            _insert_twice(store)
    finally:
        store.dispose()
    message = str(caught.value)
    assert "people.email" in message  # the constraint is still named: the error stays useful
    assert "hidden" in message
    assert SENTINEL not in message and "Sentinel" not in message


def test_the_engines_own_sql_log_does_not_show_parameters(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'kiosk.db'}")
    try:
        with caplog.at_level(logging.INFO, logger="sqlalchemy.engine"), store.session() as s:
            s.add(Person(name="Sentinel One", email=SENTINEL, role="member", updated_at=NOON))
    finally:
        store.dispose()
    assert "INSERT INTO people" in caplog.text  # the SQL echo was on
    assert SENTINEL not in caplog.text and "Sentinel" not in caplog.text


@pytest.mark.parametrize(
    "url", ["sqlite:///:memory:", "postgresql+psycopg://kiosk@db.invalid/kiosk"]
)
def test_every_store_engine_hides_parameters_even_if_asked_not_to(url: str) -> None:
    engine = create_store_engine(url, hide_parameters=False)  # no connection is made
    try:
        assert engine.hide_parameters is True
    finally:
        engine.dispose()


class _FailingQueue(NotificationQueue):
    """A pass that hits a store error carrying an e-mail in its (hidden) parameters."""

    def deliver_due(self, limit: int = 20) -> DeliveryReport:
        _insert_twice(self._store)
        raise AssertionError("the second insert should have failed")


def test_a_failed_notification_pass_is_logged_with_its_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = open_local_store(tmp_path / "kiosk.db")
    queue = _FailingQueue(store, LogNotifier(), FixedClock(NOON), "lobby-1")
    worker = NotificationWorker(queue, interval=60)

    def logged() -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.getMessage().startswith("notification pass failed")]

    with caplog.at_level(logging.ERROR, logger="kiosk.lobby.notify_queue"):
        worker.start()
        try:
            _wait_for(lambda: bool(logged()), "the failed pass to be logged")
        finally:
            worker.stop()
    store.dispose()
    [record] = logged()
    assert record.getMessage() == "notification pass failed: IntegrityError"
    assert record.exc_info is not None and record.exc_info[0] is IntegrityError
    assert "Traceback (most recent call last)" in caplog.text
    assert "deliver_due" in caplog.text  # the frame that failed is there
    assert SENTINEL not in caplog.text and "Sentinel" not in caplog.text


def test_an_unreachable_central_store_is_logged_with_its_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    local = open_local_store(tmp_path / "kiosk.db")
    central_dir = tmp_path / "central.db"
    central_dir.mkdir()  # a directory where the database file should be: it cannot be opened
    clock = FixedClock(NOON)
    engine = SyncEngine(
        local,
        f"sqlite:///{central_dir}",
        kiosk_id="lobby-1",
        role="lobby",
        room_id=None,
        clock=clock,
    )
    statuses: list[SyncStatus] = []
    worker = SyncWorker(engine, interval=60, clock=clock, on_status=statuses.append)

    def logged() -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.getMessage().startswith("central store unreachable")]

    with caplog.at_level(logging.WARNING, logger="kiosk.sync.engine"):
        worker.start()
        try:
            _wait_for(lambda: bool(logged()) and bool(statuses), "the failed cycle")
        finally:
            worker.stop()
    local.dispose()
    [record] = logged()
    assert record.exc_info is not None and record.exc_info[0] is OperationalError
    assert "Traceback (most recent call last)" in caplog.text
    assert statuses[-1].online is False
