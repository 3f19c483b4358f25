"""Nothing lost, nothing doubled, through the service: the link cut and the service restarted
while a lobby keeps checking people in. Each test prints its tally."""

from __future__ import annotations

import random
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.config.settings import load_config
from kiosk.store.engine import Store, open_local_store
from kiosk.store.models import Checkin, Person
from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.worker import SyncWorker
from tests.central.helpers import LiveService, kiosk_config, live_service
from tests.helpers import wait_for
from tests.stores import seed_central, site_key
from tests.sync.helpers import Tally, checkin_locally, outbox_left
from tests.sync.proxy import CuttableProxy


@dataclass
class Lobby:
    """A lobby enrolled with ``service`` and reaching it through a proxy a test can cut."""

    proxy: CuttableProxy
    local: Store
    worker: SyncWorker
    member: uuid.UUID

    def close(self) -> None:
        self.worker.stop()
        self.proxy.close()
        self.local.dispose()


def _count(tally: Tally, store: Store, expected: int) -> None:
    """What reached the central store, against what the lobby made: nothing lost or doubled."""
    with store.engine.connect() as conn:
        tally.central_ids = list(conn.execute(select(Checkin.id)).scalars())
    store.dispose()
    tally.check()
    assert tally.acknowledged == expected


def _lobby(tmp_path: Path, service: LiveService, on_status: Callable[[SyncStatus], None]) -> Lobby:
    clock = SystemClock()
    proxy = CuttableProxy("127.0.0.1", int(service.url.rsplit(":", 1)[1]))
    config = kiosk_config(tmp_path, service, "lobby-1", "lobby")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(service.url, f"http://127.0.0.1:{proxy.port}"), "utf-8")
    cfg = load_config(config)
    local = open_local_store(cfg.local_store_path)
    engine = SyncEngine.for_kiosk(cfg, local, clock, batch_size=4)
    engine.cycle()  # the people first: check-ins refer to them
    with local.engine.connect() as conn:
        member = conn.execute(select(Person.id).where(Person.role == "member")).scalar_one()
    worker = SyncWorker(engine, interval=0.05, clock=clock, on_status=on_status, max_backoff=0.2)
    return Lobby(proxy, local, worker, member)


def test_a_link_cut_again_and_again_mid_push_loses_and_doubles_nothing(
    tmp_path: Path, central_url: str
) -> None:
    clock = SystemClock()
    store = seed_central(central_url, site_key(tmp_path), FixedClock(clock.now()))
    tally = Tally("link cut mid-push, through the service")
    with live_service(store, FixedClock(clock.now()), rates={}) as service:
        lobby = _lobby(tmp_path, service, lambda _s: None)
        proxy, local, worker, person = lobby.proxy, lobby.local, lobby.worker, lobby.member
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
            lobby.close()
    _count(tally, store, 60)


def test_the_service_restarted_mid_push_loses_and_doubles_nothing(
    tmp_path: Path, central_url: str
) -> None:
    clock = SystemClock()
    store = seed_central(central_url, site_key(tmp_path), FixedClock(clock.now()))
    tally = Tally("service restarted, through the service")
    statuses: list[SyncStatus] = []
    with live_service(store, FixedClock(clock.now()), rates={}) as first:
        port = int(first.url.rsplit(":", 1)[1])
        lobby = _lobby(tmp_path, first, statuses.append)
        local, worker, person = lobby.local, lobby.worker, lobby.member
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
        lobby.close()
    _count(tally, store, 40)
