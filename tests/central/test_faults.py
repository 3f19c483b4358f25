"""Nothing lost, nothing doubled, through the service: the link cut and the service restarted
while a lobby keeps checking people in. Each test prints its tally."""

from __future__ import annotations

import random
import threading
from pathlib import Path

from sqlalchemy import select

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.config.settings import load_config
from kiosk.store.engine import open_local_store
from kiosk.store.models import Checkin, Person
from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.worker import SyncWorker
from tests.central.helpers import kiosk_config, live_service
from tests.helpers import wait_for
from tests.stores import seed_central, site_key
from tests.sync.helpers import Tally, checkin_locally, outbox_left
from tests.sync.proxy import CuttableProxy


def _lobby_through(tmp_path: Path, service_url: str, proxy: CuttableProxy, service) -> Path:  # type: ignore[no-untyped-def]
    config = kiosk_config(tmp_path, service, "lobby-1", "lobby")
    text = config.read_text(encoding="utf-8").replace(service_url, f"http://127.0.0.1:{proxy.port}")
    config.write_text(text, encoding="utf-8")
    return config


def test_a_link_cut_again_and_again_mid_push_loses_and_doubles_nothing(
    tmp_path: Path, central_url: str
) -> None:
    clock = SystemClock()
    store = seed_central(central_url, site_key(tmp_path), FixedClock(clock.now()))
    tally = Tally("link cut mid-push, through the service")
    with live_service(store, FixedClock(clock.now()), rates={}) as service:
        port = int(service.url.rsplit(":", 1)[1])
        proxy = CuttableProxy("127.0.0.1", port)
        cfg = load_config(_lobby_through(tmp_path, service.url, proxy, service))
        local = open_local_store(cfg.local_store_path)
        engine = SyncEngine.for_kiosk(cfg, local, clock, batch_size=4)
        engine.cycle()
        with local.engine.connect() as conn:
            person = conn.execute(select(Person.id).where(Person.role == "member")).scalar_one()
        worker = SyncWorker(
            engine, interval=0.05, clock=clock, on_status=lambda _s: None, max_backoff=0.2
        )
        stop = threading.Event()

        def chaos() -> None:
            rng = random.Random(7)
            while not stop.is_set():
                stop.wait(rng.uniform(0.02, 0.15))
                proxy.cut()
                stop.wait(rng.uniform(0.02, 0.1))
                proxy.restore()

        cutter = threading.Thread(target=chaos, name="test-chaos")
        worker.start()
        cutter.start()
        try:
            for _ in range(60):
                tally.attempted.add(checkin_locally(local, person, "lobby-1", clock.now()))
                worker.wake()
                stop.wait(0.01)
        finally:
            stop.set()
            cutter.join()
            proxy.restore()
        try:
            wait_for(lambda: outbox_left(local) == 0, 60, "the outbox to drain")
        finally:
            worker.stop()
            proxy.close()
            local.dispose()
    with store.engine.connect() as conn:
        tally.central_ids = list(conn.execute(select(Checkin.id)).scalars())
    store.dispose()
    tally.check()
    assert tally.acknowledged == 60


def test_the_service_restarted_mid_push_loses_and_doubles_nothing(
    tmp_path: Path, central_url: str
) -> None:
    clock = SystemClock()
    store = seed_central(central_url, site_key(tmp_path), FixedClock(clock.now()))
    tally = Tally("service restarted, through the service")
    statuses: list[SyncStatus] = []
    with live_service(store, FixedClock(clock.now()), rates={}) as first:
        port = int(first.url.rsplit(":", 1)[1])
        proxy = CuttableProxy("127.0.0.1", port)
        cfg = load_config(_lobby_through(tmp_path, first.url, proxy, first))
        local = open_local_store(cfg.local_store_path)
        engine = SyncEngine.for_kiosk(cfg, local, clock, batch_size=4)
        engine.cycle()
        with local.engine.connect() as conn:
            person = conn.execute(select(Person.id).where(Person.role == "member")).scalar_one()
        worker = SyncWorker(
            engine, interval=0.05, clock=clock, on_status=statuses.append, max_backoff=0.2
        )
        worker.start()
        for _ in range(20):
            tally.attempted.add(checkin_locally(local, person, "lobby-1", clock.now()))
            worker.wake()
    # The service is gone (mid-push or between pushes): the lobby goes on checking people in.
    for _ in range(20):
        tally.attempted.add(checkin_locally(local, person, "lobby-1", clock.now()))
    try:
        wait_for(lambda: any(not s.online for s in statuses), 30, "the lobby to see it offline")
        with live_service(store, FixedClock(clock.now()), rates={}, port=port):
            worker.wake()
            wait_for(lambda: outbox_left(local) == 0, 60, "the outbox to drain")
    finally:
        worker.stop()
        proxy.close()
        local.dispose()
    with store.engine.connect() as conn:
        tally.central_ids = list(conn.execute(select(Checkin.id)).scalars())
    store.dispose()
    tally.check()
    assert tally.acknowledged == 40
