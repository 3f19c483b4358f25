"""A switch made centrally reaches a kiosk through the service within a second or two."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, select

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.config.settings import load_config
from kiosk.rooms.modes import ModeSwitch, set_mode_central
from kiosk.security.directory import add_room
from kiosk.store.engine import Store, open_local_store
from kiosk.store.models import RoomMode
from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.feed import FeedCursor
from kiosk.sync.waiter import ServiceWaiter
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


def _door(tmp_path: Path, central_url: str) -> tuple[Store, FixedClock]:
    clock = FixedClock(SystemClock().now())
    store = seed_central(central_url, site_key(tmp_path), clock)
    with store.engine.begin() as conn:
        add_room(conn, "borealis", "Borealis", 4, clock.now())
    return store, clock


def _switch(store: Store, rooms: tuple[str, ...] | None, mode: str) -> int:
    now = SystemClock().now()
    with store.engine.begin() as conn:
        switch = ModeSwitch(rooms, mode, now, now + timedelta(hours=2), title="Demo")
        return int(set_mode_central(conn, switch, set_by=None, now=now)[0]["version"])


def _caught_up(base: str, headers: dict[str, str]) -> str:
    """The cursor after everything committed so far (pulled page by page; rows still behind
    another transaction on the shared server are waited for)."""
    cursor = "0:0"
    while True:
        page = httpx.get(
            f"{base}/v1/changes", params={"after": cursor}, headers=headers, timeout=30
        ).json()
        cursor = page["cursor"]
        if page["pending"]:
            time.sleep(0.1)
        elif not page["full"]:
            return str(cursor)


def test_a_wake_up_with_page_brings_the_change_once_and_moves_the_cursor(
    tmp_path: Path, central_url: str
) -> None:
    store, clock = _door(tmp_path, central_url)
    with live_service(store, clock) as service, ThreadPoolExecutor(1) as pool:
        token = service.enroll(tmp_path, "door-aurora", "door", "aurora").read_text().strip()
        headers = {"Authorization": f"Bearer {token}"}
        after = _caught_up(service.url, headers)
        params = {"after": after, "timeout": 20, "page": "true"}
        held = pool.submit(
            httpx.get, f"{service.url}/v1/wait", params=params, headers=headers, timeout=30
        )
        version = _switch(store, None, "event")
        body = held.result(30).json()
        assert body["changed"] is True
        page = body["page"]
        modes = [c for c in page["changes"] if c["entity"] == "room_modes"]
        assert [m["payload"]["version"] for m in modes] == [version]
        assert FeedCursor.parse(page["cursor"]) > FeedCursor.parse(after)
        # From the page's end there is nothing new: the change is not delivered twice.
        again = httpx.get(
            f"{service.url}/v1/wait",
            params={"after": page["cursor"], "timeout": 0.5, "page": "true"},
            headers=headers,
            timeout=30,
        )
        assert again.json() == {"changed": False}
        # The same page, asked for the ordinary way, is the same bytes (built once, shared).
        pulled = httpx.get(
            f"{service.url}/v1/changes", params={"after": after}, headers=headers, timeout=30
        )
        assert pulled.json() == page
    store.dispose()


def test_a_wake_up_with_page_leaves_out_what_the_door_may_not_see(
    tmp_path: Path, central_url: str
) -> None:
    store, clock = _door(tmp_path, central_url)
    with live_service(store, clock) as service, ThreadPoolExecutor(1) as pool:
        token = service.enroll(tmp_path, "door-aurora", "door", "aurora").read_text().strip()
        headers = {"Authorization": f"Bearer {token}"}
        after = _caught_up(service.url, headers)
        params = {"after": after, "timeout": 20, "page": "true"}
        held = pool.submit(
            httpx.get, f"{service.url}/v1/wait", params=params, headers=headers, timeout=30
        )
        _switch(store, ("borealis",), "closed")  # another room's mode
        body = held.result(30).json()
        page = body["page"]
        assert body["changed"] is True
        assert [c for c in page["changes"] if c["entity"] == "room_modes"] == []
        assert [c for c in page["changes"] if c["payload"].get("room_id") == "borealis"] == []
        assert FeedCursor.parse(page["cursor"]) > FeedCursor.parse(after)  # moved past it
    store.dispose()


def test_an_old_client_without_page_gets_the_hint_and_pulls(
    tmp_path: Path, central_url: str
) -> None:
    store, clock = _door(tmp_path, central_url)
    with live_service(store, clock) as service, ThreadPoolExecutor(1) as pool:
        token = service.enroll(tmp_path, "door-aurora", "door", "aurora").read_text().strip()
        headers = {"Authorization": f"Bearer {token}"}
        after = _caught_up(service.url, headers)
        held = pool.submit(
            httpx.get,
            f"{service.url}/v1/wait",
            params={"after": after, "timeout": 20},
            headers=headers,
            timeout=30,
        )
        version = _switch(store, None, "event")
        assert held.result(30).json() == {"changed": True}  # exactly the old answer
        page = httpx.get(
            f"{service.url}/v1/changes", params={"after": after}, headers=headers, timeout=30
        ).json()
        versions = [c["payload"]["version"] for c in page["changes"] if c["entity"] == "room_modes"]
        assert versions == [version]
    store.dispose()


def test_the_kiosk_follows_switches_with_the_pages_of_its_wake_ups(
    tmp_path: Path, central_url: str
) -> None:
    clock = SystemClock()
    store, fixed = _door(tmp_path, central_url)
    with live_service(store, fixed) as service:
        cfg = load_config(kiosk_config(tmp_path, service, "door-aurora", "door", "aurora"))
        local = open_local_store(cfg.local_store_path)
        statuses: list[SyncStatus] = []
        engine = SyncEngine.for_kiosk(cfg, local, clock)
        worker = SyncWorker(engine, interval=120.0, clock=clock, on_status=statuses.append)
        worker.start()
        try:
            wait_for(lambda: any(s.online for s in statuses), 10, "the first sync")
            waiter = worker.listener
            assert isinstance(waiter, ServiceWaiter)
            wait_for(waiter.connected.is_set, 10, "the wake-up connection")

            def versions() -> list[int]:
                with local.engine.connect() as conn:
                    return list(conn.execute(select(RoomMode.version)).scalars())

            before = engine.cursor()
            _switch(store, ("borealis",), "closed")  # not for this door: only the cursor moves
            version = _switch(store, None, "event")
            started = time.monotonic()
            wait_for(lambda: versions() == [version], 10, "the switch at the door")
            assert time.monotonic() - started < 5.0  # the poll would take 120 s
            # Pages came with the wake-ups, and the worker's cursor is where the last one ended
            # (whichever way each change arrived, it was applied once: one row, one cursor).
            wait_for(
                lambda: waiter.delivered_to is not None and engine.cursor() == waiter.delivered_to,
                10,
                "the cursor at the end of the delivered page",
            )
            assert engine.cursor() > before
            assert versions() == [version]
        finally:
            worker.stop()
            local.dispose()
    store.dispose()
