"""A change on the central PostgreSQL wakes a kiosk long before its polling interval."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kiosk.base.clock import FixedClock
from kiosk.store.engine import Store, open_store
from kiosk.store.models import Room
from kiosk.sync import central
from kiosk.sync.engine import SyncStatus
from kiosk.sync.worker import SyncWorker
from tests.helpers import wait_for
from tests.stores import local
from tests.sync.helpers import engine_for

pytestmark = pytest.mark.postgres

INTERVAL = 30.0  # a poll would come far too late for these tests to pass by polling


def _has_room(store: Store, room_id: str) -> bool:
    with store.session() as s:
        return s.scalar(select(Room.id).where(Room.id == room_id)) is not None


def _add_room(url: str, room_id: str, clock: FixedClock) -> None:
    c = open_store(url, migrate=False)
    with c.engine.begin() as conn:
        row = {"id": room_id, "name": room_id, "capacity": None, "updated_at": clock.now()}
        central.write(conn, "rooms", row, clock.now())
    c.dispose()


def _worker(store: Store, url: str, clock: FixedClock) -> tuple[SyncWorker, list[SyncStatus]]:
    statuses: list[SyncStatus] = []
    worker = SyncWorker(
        engine_for(store, url, clock), interval=INTERVAL, clock=clock, on_status=statuses.append
    )
    return worker, statuses


def test_notify_wakes_the_worker(tmp_path: Path, seeded_pg: str, clock: FixedClock) -> None:
    store = local(tmp_path)
    worker, statuses = _worker(store, seeded_pg, clock)
    worker.start()
    try:
        assert worker.listener is not None
        wait_for(lambda: _has_room(store, "aurora"), 10, "the first sync")
        wait_for(worker.listener.connected.is_set, 10, "the listener")
        started = time.monotonic()
        _add_room(seeded_pg, "borealis", clock)
        wait_for(lambda: _has_room(store, "borealis"), 10, "the notified change")
        took = time.monotonic() - started
        print(f"woken and applied in {took:.3f} s (poll interval {INTERVAL} s)")
        wait_for(lambda: any(s.listening for s in statuses), 10, "a status saying listening")
    finally:
        worker.stop()
    store.dispose()


def test_after_the_listener_reconnects_the_kiosk_catches_up(
    tmp_path: Path, seeded_pg: str, clock: FixedClock
) -> None:
    store = local(tmp_path)
    worker, _ = _worker(store, seeded_pg, clock)
    worker.start()
    c = open_store(seeded_pg, migrate=False)
    try:
        listener = worker.listener
        assert listener is not None
        wait_for(lambda: listener.connections == 1 and _has_room(store, "aurora"), 10, "start")
        with c.engine.connect() as conn:  # the central store drops the listening connection
            killed = conn.execute(
                text(
                    "select pg_terminate_backend(pid) from pg_stat_activity "
                    "where datname = current_database() and query like 'LISTEN%'"
                )
            ).all()
        assert killed
        _add_room(seeded_pg, "missed", clock)  # its notification may go nowhere
        wait_for(lambda: listener.connections >= 2, 10, "the listener to reconnect")
        wait_for(lambda: _has_room(store, "missed"), 10, "the catch-up after reconnecting")
    finally:
        worker.stop()
        c.dispose()
    store.dispose()
