"""A switch made centrally reaches a kiosk through the service within a second or two."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, select

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.config.settings import load_config
from kiosk.rooms.modes import ModeSwitch, set_mode_central
from kiosk.store.engine import open_local_store
from kiosk.store.models import RoomMode
from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.worker import SyncWorker
from tests.central.helpers import kiosk_config, live_service
from tests.helpers import wait_for
from tests.stores import seed_central, site_key


def test_a_door_follows_a_lab_wide_switch_without_waiting_for_its_poll(
    tmp_path: Path, central_url: str
) -> None:
    clock = SystemClock()
    store = seed_central(central_url, site_key(tmp_path), FixedClock(clock.now()))
    with live_service(store, FixedClock(clock.now())) as service:
        cfg = load_config(kiosk_config(tmp_path, service, "door-aurora", "door", "aurora"))
        local = open_local_store(cfg.local_store_path)
        statuses: list[SyncStatus] = []
        engine = SyncEngine.for_kiosk(cfg, local, clock)
        worker = SyncWorker(engine, interval=120.0, clock=clock, on_status=statuses.append)
        worker.start()
        try:
            wait_for(lambda: any(s.online for s in statuses), 10, "the first sync")
            assert worker.listener is not None
            wait_for(worker.listener.connected.is_set, 10, "the wake-up connection")
            now = clock.now()
            with store.engine.begin() as conn:
                switch = ModeSwitch(None, "event", now, now + timedelta(hours=2), title="Demo")
                set_mode_central(conn, switch, set_by=None, now=now)
            started = time.monotonic()

            def arrived() -> bool:
                with local.engine.connect() as conn:
                    return bool(conn.execute(select(func.count()).select_from(RoomMode)).scalar())

            wait_for(arrived, 5, "the switch at the door")
            assert time.monotonic() - started < 3.0  # the poll would take 120 s
        finally:
            worker.stop()
            local.dispose()
    store.dispose()


def test_a_long_poll_answers_at_once_when_the_kiosk_is_behind(
    tmp_path: Path, central_url: str
) -> None:
    clock = FixedClock(SystemClock().now())
    store = seed_central(central_url, site_key(tmp_path), clock)
    with live_service(store, clock) as service:
        token = service.enroll(tmp_path, "lobby-1", "lobby").read_text(encoding="ascii").strip()
        headers = {"Authorization": f"Bearer {token}"}
        behind = httpx.get(
            f"{service.url}/v1/wait", params={"after": "0:0", "timeout": 20}, headers=headers,
            timeout=30,
        )  # fmt: skip
        assert behind.json() == {"changed": True}
        level = httpx.get(
            f"{service.url}/v1/wait", params={"after": "999999999:1", "timeout": 0.5},
            headers=headers, timeout=30,
        )  # fmt: skip
        assert level.json() == {"changed": False}
    store.dispose()
