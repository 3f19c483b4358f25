"""Faults against the real PostgreSQL: nothing committed on a kiosk is lost or doubled.

Each test prints attempted / acknowledged / rejected / lost / duplicated and passes only with
0 lost and 0 duplicated. "Duplicated" counts both extra central rows and extra feed entries
for one record (a doubled feed entry is how a check-in would be counted twice elsewhere).
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.store.engine import Store, open_store
from kiosk.store.models import Checkin, Person
from kiosk.sync import engine as sync_module
from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.feed import feed_table
from kiosk.sync.link import StoreLink
from kiosk.sync.worker import SyncWorker
from tests.helpers import wait_for
from tests.stores import local
from tests.sync.helpers import Tally, checkin_locally, engine_for, outbox_left
from tests.sync.proxy import CuttableProxy

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


def _member(store: Store) -> uuid.UUID:
    with store.session() as s:
        return s.scalars(select(Person.id).where(Person.role == "member")).one()


def _local_checkins(store: Store) -> set[uuid.UUID]:
    with store.session() as s:
        return set(s.scalars(select(Checkin.id)))


def _tally(name: str, url: str, attempted: set[uuid.UUID], store: Store) -> Tally:
    c = open_store(url, migrate=False)
    with c.engine.connect() as conn:
        rows = list(conn.execute(select(Checkin.id)).scalars())
        feed = conn.execute(
            select(feed_table.c.payload).where(feed_table.c.entity == "checkins")
        ).scalars()
        fed = [uuid.UUID(p["id"]) for p in feed]
    c.dispose()
    tally = Tally(name, attempted, rows, pending=outbox_left(store))
    extra_feed = len(fed) - len(set(fed))
    tally.central_ids += [i for i in fed if fed.count(i) > 1][: max(0, extra_feed)]
    return tally


def _via(url: str, port: int, **query: str) -> str:
    u = make_url(url).set(host="127.0.0.1", port=port)
    return u.update_query_dict(query).render_as_string(hide_password=False)


def test_central_unreachable_for_a_while_during_checkins(
    tmp_path: Path, seeded_pg: str, clock: FixedClock
) -> None:
    pg = make_url(seeded_pg)
    proxy = CuttableProxy(pg.host or "127.0.0.1", pg.port or 5432)
    store = local(tmp_path)
    statuses: list[SyncStatus] = []
    engine = engine_for(store, _via(seeded_pg, proxy.port), clock, batch_size=4)
    worker = SyncWorker(
        engine, interval=0.1, clock=clock, on_status=statuses.append, max_backoff=0.4
    )
    worker.start()
    attempted: set[uuid.UUID] = set()
    try:
        wait_for(lambda: engine.first_sync_done(), 10, "the first sync")
        person = _member(store)
        for _ in range(10):
            attempted.add(checkin_locally(store, person, "lobby-1", clock.now()))
            worker.wake()
        proxy.cut()  # the network goes away, the kiosk keeps working
        for _ in range(25):
            attempted.add(checkin_locally(store, person, "lobby-1", clock.now()))
            worker.wake()
        wait_for(lambda: any(not s.online for s in statuses), 10, "the kiosk to notice")
        assert outbox_left(store) > 0
        proxy.restore()
        wait_for(lambda: outbox_left(store) == 0, 20, "the outbox to drain")
        wait_for(lambda: statuses[-1].online, 10, "online again")
    finally:
        worker.stop()
        proxy.close()
    offline = [s for s in statuses if not s.online]
    assert offline and offline[0].offline_since is not None
    _tally("central unreachable", seeded_pg, attempted, store).check()
    store.dispose()


def test_connection_killed_mid_push(tmp_path: Path, seeded_pg: str, clock: FixedClock) -> None:
    """The central server drops the kiosk's connection just before a push commits, and at
    random moments while a worker keeps pushing."""
    store = local(tmp_path)
    url = _via(seeded_pg, make_url(seeded_pg).port or 5432, application_name="kiosk-under-test")
    engine = engine_for(store, url, clock, batch_size=3)
    engine.cycle()
    person = _member(store)
    attempted = {checkin_locally(store, person, "lobby-1", clock.now()) for _ in range(6)}
    admin = open_store(seeded_pg, migrate=False)

    def kill_before_commit(conn: Any) -> None:
        pid = conn.exec_driver_sql("select pg_backend_pid()").scalar()
        with admin.engine.connect() as killer:
            killer.execute(text("select pg_terminate_backend(:p)"), {"p": pid})

    central_engine = _central_store(engine).engine
    event.listen(central_engine, "commit", kill_before_commit)
    with pytest.raises(OperationalError):
        engine.push()
    event.remove(central_engine, "commit", kill_before_commit)
    assert outbox_left(store) == 6  # nothing acknowledged, nothing dropped
    engine.close()

    stop = threading.Event()
    kills = 0

    def chaos() -> None:
        nonlocal kills
        while not stop.wait(0.03):
            with admin.engine.connect() as conn:
                kills += len(
                    conn.execute(
                        text(
                            "select pg_terminate_backend(pid) from pg_stat_activity "
                            "where application_name = 'kiosk-under-test'"
                        )
                    ).all()
                )

    statuses: list[SyncStatus] = []
    worker = SyncWorker(
        engine, interval=0.05, clock=clock, on_status=statuses.append, max_backoff=0.1
    )
    killer = threading.Thread(target=chaos, name="chaos")
    killer.start()
    worker.start()
    try:
        for _ in range(40):
            attempted.add(checkin_locally(store, person, "lobby-1", clock.now()))
            worker.wake()
        wait_for(lambda: kills >= 5, 20, "some connections to be killed")
        stop.set()
        killer.join()
        worker.wake()
        wait_for(lambda: outbox_left(store) == 0, 20, "the outbox to drain")
    finally:
        stop.set()
        killer.join()
        worker.stop()
    print(f"connections killed: {kills + 1}, failed cycles: {sum(not s.online for s in statuses)}")
    _tally("connection killed mid-push", seeded_pg, attempted, store).check()
    admin.dispose()
    store.dispose()


def test_the_same_batch_delivered_twice_after_a_lost_acknowledgement(
    tmp_path: Path, seeded_pg: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = local(tmp_path)
    engine = engine_for(store, seeded_pg, clock, batch_size=5)
    engine.cycle()
    person = _member(store)
    attempted = {checkin_locally(store, person, "lobby-1", clock.now()) for _ in range(12)}
    real_settle = sync_module.SyncEngine._settle
    calls = 0

    def lose_the_second_ack(self: Any, *args: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:  # central committed batch 2; the answer never reaches the kiosk
            raise OperationalError("push", {}, ConnectionResetError("connection reset"))
        real_settle(self, *args)

    monkeypatch.setattr(sync_module.SyncEngine, "_settle", lose_the_second_ack)
    with pytest.raises(OperationalError):
        engine.push()
    assert outbox_left(store) == 7  # batch 1 acknowledged; batch 2 kept for another try
    assert engine.push() == (7, 0)  # batch 2 again (stored once), then the rest
    _tally("same batch twice", seeded_pg, attempted, store).check()
    engine.close()
    store.dispose()


def _read_line(proc: subprocess.Popen[str], timeout: float) -> str:
    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            raise AssertionError(f"kiosk process silent for {timeout} s")
    return proc.stdout.readline().strip()


def test_kiosk_process_killed_mid_sync_and_restarted(
    tmp_path: Path, seeded_pg: str, clock: FixedClock
) -> None:
    path = tmp_path / "lobby" / "kiosk.db"
    store = local(tmp_path)
    first = engine_for(store, seeded_pg, clock)
    first.pull()
    first.close()
    person = _member(store)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "tests.sync.kiosk_loop", str(path), seeded_pg, "lobby-1"]
    kills = 0
    for round_ in range(3):
        proc = subprocess.Popen(
            [*cmd, str(person)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        )
        try:
            assert _read_line(proc, 20) == "ready"
            bursts = 0
            while bursts < 2 + round_:  # a different point in the cycle each round
                if _read_line(proc, 20).startswith("committed"):
                    bursts += 1
            proc.send_signal(signal.SIGKILL)  # right after a burst: inside a sync cycle
            kills += 1
        finally:
            proc.kill()
            proc.wait(10)
            if proc.stdout is not None:
                proc.stdout.close()
    attempted = _local_checkins(store)
    queued = outbox_left(store)
    engine = engine_for(store, seeded_pg, SystemClock())
    engine.cycle()  # the restarted kiosk's first cycle
    print(f"SIGKILLs: {kills}, still queued at the last kill: {queued}")
    _tally("kiosk SIGKILLed mid-sync", seeded_pg, attempted, store).check()
    assert outbox_left(store) == 0
    engine.close()
    store.dispose()


def _central_store(engine: SyncEngine) -> Store:
    """The central store an engine with a direct link writes to."""
    link = engine.link
    assert isinstance(link, StoreLink)
    return link.store()
