"""``GET /v1/stream``: server-sent events that bring each kiosk its own pages as they come.

Real HTTP on loopback (uvicorn), real SQLite and PostgreSQL stores: the door's worker follows
switches through the stream; each kiosk's stream is its own share; a revoked or replaced
stream ends; a cut link loses and doubles nothing; a service without the stream is long-polled;
keepalives hold an idle stream and a silent drop shows; SIGTERM ends open streams at once.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.central.api import MAX_PAGE
from kiosk.central.credentials import revoke
from kiosk.central.service import AUTH_TTL
from kiosk.central.streams import CHECK_EVERY, KEEPALIVE
from kiosk.config.settings import load_config
from kiosk.rooms.modes import ModeSwitch, set_mode_central
from kiosk.security.directory import add_room
from kiosk.store.engine import Store, open_local_store
from kiosk.store.models import RoomMode
from kiosk.sync import event_stream
from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.http_link import HttpLink
from kiosk.sync.waiter import ServiceWaiter
from kiosk.sync.worker import SyncWorker
from tests.central.helpers import LiveService, kiosk_config, live_service
from tests.central.seeded_lab import WALKIN, WALKIN_ORG, Lab
from tests.central.test_shared_pages import KIOSKS, _token
from tests.helpers import wait_for
from tests.stores import seed_central, site_key
from tests.sync.proxy import CuttableProxy


class Reader:
    """One raw stream on a thread: its events (name, data) in order, and when it ended."""

    def __init__(self, url: str, token: str, after: str = "0:0", limit: int = 500) -> None:
        self.events: list[tuple[str, str]] = []
        self.status: int | None = None
        self.ended_at: float | None = None
        self.content_type = ""
        self.opened = threading.Event()
        self._answer: httpx.Response | None = None
        self._client = httpx.Client(timeout=httpx.Timeout(60, connect=5))
        args = (url, token, after, limit)
        self._thread = threading.Thread(target=self._run, args=args, daemon=True)
        self._thread.start()

    def _run(self, url: str, token: str, after: str, limit: int) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        params: dict[str, Any] = {"after": after, "limit": limit}
        try:
            with self._client.stream(
                "GET", f"{url}/v1/stream", params=params, headers=headers
            ) as answer:
                self._answer = answer
                self.status = answer.status_code
                self.content_type = answer.headers.get("content-type", "")
                self.opened.set()
                event, data = "", []
                for line in answer.iter_lines():
                    if line.startswith(":"):
                        continue
                    if line:
                        name, _, value = line.partition(":")
                        if name == "event":
                            event = value.strip()
                        elif name == "data":
                            data.append(value.removeprefix(" "))
                        continue
                    if event:
                        self.events.append((event, "\n".join(data)))
                    event, data = "", []
        except (httpx.HTTPError, OSError, RuntimeError):
            pass
        finally:
            self.ended_at = time.monotonic()
            self.opened.set()

    def pages(self) -> list[dict[str, Any]]:
        return [json.loads(data) for event, data in self.events if event == "page"]

    def close(self) -> None:
        if self._answer is not None and self.ended_at is None:
            self._answer.close()
        self._thread.join(10)
        self._client.close()


def _door_store(tmp_path: Path, central_url: str) -> tuple[Store, FixedClock]:
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


def _versions(local: Store) -> list[int]:
    with local.engine.connect() as conn:
        return sorted(conn.execute(select(RoomMode.version)).scalars())


class Door:
    """A door enrolled with ``service``, reaching it through a proxy a test can cut, with its
    sync worker started (a 120 s poll: only wake-ups bring news quickly)."""

    def __init__(self, tmp_path: Path, service: LiveService, **waiter: Any) -> None:
        clock = SystemClock()
        self.proxy = CuttableProxy("127.0.0.1", int(service.url.rsplit(":", 1)[1]))
        config = kiosk_config(tmp_path, service, "door-aurora", "door", "aurora")
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace(service.url, f"http://127.0.0.1:{self.proxy.port}"))
        cfg = load_config(config)
        self.local = open_local_store(cfg.local_store_path)
        self.statuses: list[SyncStatus] = []
        self.engine = SyncEngine.for_kiosk(cfg, self.local, clock)
        self.worker = SyncWorker(
            self.engine, interval=120.0, clock=clock, on_status=self.statuses.append
        )
        link = self.engine.link
        assert isinstance(link, HttpLink)
        self.waiter = ServiceWaiter(
            link.url,
            link.headers,
            cursor=self.engine.cursor,
            on_wake=self.worker.wake,
            on_page=self.worker.deliver,
            retry=0.2,
            max_retry=1.0,
            **waiter,
        )
        self.worker.listener = self.waiter
        self.worker.start()
        wait_for(lambda: any(s.online for s in self.statuses), 20, "the first sync")
        wait_for(self.waiter.connected.is_set, 20, "the wake-up connection")

    def close(self) -> None:
        self.worker.stop()
        self.proxy.close()
        self.local.dispose()


def test_a_door_on_the_stream_follows_a_lab_wide_switch(tmp_path: Path, central_url: str) -> None:
    store, clock = _door_store(tmp_path, central_url)
    with live_service(store, clock) as service:
        paths = httpx.get(f"{service.url}/openapi.json", timeout=10).json()["paths"]
        assert "text/event-stream" in paths["/v1/stream"]["get"]["responses"]["200"]["content"]
        door = Door(tmp_path, service)
        try:
            assert door.waiter.protocol == "stream"
            _switch(store, ("borealis",), "closed")  # not for this door: only the cursor moves
            version = _switch(store, None, "event")
            started = time.monotonic()
            wait_for(lambda: _versions(door.local) == [version], 10, "the switch at the door")
            assert time.monotonic() - started < 5.0  # the poll would take 120 s
            wait_for(
                lambda: door.engine.cursor() == door.waiter.delivered_to,
                10,
                "the cursor at the end of the streamed page",
            )
            assert door.waiter.connections == 1  # one stream all along
        finally:
            door.close()
    store.dispose()


def test_streams_bring_each_kiosk_its_own_share(tmp_path: Path, lab: Lab) -> None:
    service = lab.service
    tokens = {k: _token(kiosk_config(tmp_path, service, k, role, room)) for k, role, room in KIOSKS}
    readers = {k: Reader(service.url, t, limit=MAX_PAGE) for k, t in tokens.items()}
    try:
        for kiosk, reader in readers.items():
            wait_for(lambda r=reader: bool(r.pages()), 30, f"{kiosk}'s first page")  # type: ignore[misc]
            assert reader.status == 200 and reader.content_type.startswith("text/event-stream")
    finally:
        for reader in readers.values():
            reader.close()

    async def pulled() -> dict[str, dict[str, Any]]:
        async with httpx.AsyncClient(base_url=service.url, timeout=60) as client:
            answers = {}
            for kiosk, token in tokens.items():
                answer = await client.get(
                    "/v1/changes",
                    params={"after": "0:0", "limit": MAX_PAGE},
                    headers={"Authorization": f"Bearer {token}"},
                )
                answers[kiosk] = answer.json()
            return answers

    page = {k: r.pages()[0] for k, r in readers.items()}
    assert page == asyncio.run(pulled())  # the stream's page is the kiosk's own /v1/changes
    raw = {k: json.dumps(p) for k, p in page.items()}
    walkin = {
        k: [c["payload"] for c in page[k]["changes"] if c["entity"] == "visitors"]
        for k in ("lobby-1", "lobby-2")
    }
    assert [v["organisation"] for v in walkin["lobby-2"] if v["name"] == WALKIN] == [WALKIN_ORG]
    assert [v["organisation"] for v in walkin["lobby-1"] if v["name"] == WALKIN] == [None]
    assert WALKIN_ORG not in raw["lobby-1"]

    def rooms(kiosk: str) -> set[str]:
        changes = page[kiosk]["changes"]
        return {c["payload"]["room_id"] for c in changes if c["entity"] == "bookings"}

    assert rooms("door-aurora") == {"aurora"}
    assert rooms("door-room-01") == {"room-01"}
    assert raw["door-aurora"] == raw["door-aurora-2"]
    for door in ("door-aurora", "door-room-01"):
        entities = {c["entity"] for c in page[door]["changes"]}
        assert not entities & {"visitors", "invitations", "checkins", "signing_keys"}, door


def test_a_revoked_tokens_stream_ends_and_a_second_stream_replaces_the_first(
    tmp_path: Path, central_url: str
) -> None:
    store, clock = _door_store(tmp_path, central_url)
    with live_service(store, clock) as service:
        token = service.enroll(tmp_path, "door-aurora", "door", "aurora").read_text().strip()
        first = Reader(service.url, token)
        wait_for(lambda: bool(first.pages()), 20, "the first stream's page")
        second = Reader(service.url, token)
        try:
            wait_for(lambda: first.ended_at is not None, 10, "the replaced stream's end")
            assert first.events[-1] == ("end", "replaced")
            wait_for(lambda: bool(second.pages()), 20, "the second stream's page")
            assert second.ended_at is None
            with store.engine.begin() as conn:
                revoke(conn, "door-aurora", clock.now())
            revoked = time.monotonic()
            wait_for(lambda: second.ended_at is not None, 10, "the revoked stream's end")
            assert second.ended_at is not None
            assert second.ended_at - revoked <= AUTH_TTL + CHECK_EVERY + 1.0
            assert second.events[-1] == ("end", "revoked")
            again = httpx.get(
                f"{service.url}/v1/stream",
                headers={"Authorization": f"Bearer {token}"},
                timeout=10,
            )
            assert again.status_code == 401
        finally:
            first.close()
            second.close()
    store.dispose()


def test_a_link_cut_mid_stream_loses_nothing_and_doubles_nothing(
    tmp_path: Path, central_url: str
) -> None:
    store, clock = _door_store(tmp_path, central_url)
    with live_service(store, clock) as service:
        door = Door(tmp_path, service)
        try:
            made = [_switch(store, None, "event")]
            wait_for(lambda: _versions(door.local) == made, 10, "the first switch")
            door.proxy.cut()
            wait_for(lambda: not door.waiter.connected.is_set(), 10, "the cut noticed")
            made += [_switch(store, None, "normal"), _switch(store, ("aurora",), "event")]
            _switch(store, ("borealis",), "closed")  # another room's, left out
            door.proxy.restore()
            wait_for(lambda: _versions(door.local) == sorted(made), 20, "every switch, once")
            wait_for(lambda: door.waiter.protocol == "stream", 10, "the stream again")
            assert door.waiter.connections >= 2
            with store.engine.connect() as conn:
                central = conn.execute(
                    select(RoomMode.id, RoomMode.version).where(RoomMode.version.in_(made))
                ).all()
            with door.local.engine.connect() as conn:
                local = conn.execute(select(RoomMode.id, RoomMode.version)).all()
            assert sorted(local) == sorted(central)
        finally:
            door.close()
    store.dispose()


def test_a_service_without_the_stream_is_long_polled(tmp_path: Path, central_url: str) -> None:
    store, clock = _door_store(tmp_path, central_url)
    with live_service(store, clock, stream=False) as service:
        assert (
            "/v1/stream" not in httpx.get(f"{service.url}/openapi.json", timeout=10).json()["paths"]
        )
        door = Door(tmp_path, service)
        try:
            assert door.waiter.protocol == "wait"
            version = _switch(store, None, "event")
            started = time.monotonic()
            wait_for(lambda: _versions(door.local) == [version], 10, "the switch at the door")
            assert time.monotonic() - started < 5.0
        finally:
            door.close()
    store.dispose()


def test_keepalives_hold_an_idle_stream_and_a_silent_drop_shows_soon(
    tmp_path: Path, central_url: str
) -> None:
    # In production: a keepalive every 15 s, a read deadline of 25 s: offline within 30 s.
    assert KEEPALIVE + 5 <= event_stream.READ_TIMEOUT <= 30 - 5
    store, clock = _door_store(tmp_path, central_url)
    with live_service(store, clock, keepalive=0.5) as service:
        door = Door(tmp_path, service, read_timeout=2.0)
        try:
            time.sleep(5)  # idle, more than twice the read deadline
            assert door.waiter.connected.is_set()
            assert door.waiter.connections == 1
            door.proxy.black_hole()  # packets vanish: no FIN, no reset
            dropped = time.monotonic()
            wait_for(lambda: not door.waiter.connected.is_set(), 10, "the silent drop noticed")
            assert time.monotonic() - dropped < 2.0 + 1.5
        finally:
            door.proxy.restore()
            door.close()
    store.dispose()


def test_sigterm_ends_open_streams_and_the_service_stops(tmp_path: Path, central_url: str) -> None:
    store, clock = _door_store(tmp_path, central_url)
    with store.engine.begin() as conn:
        from kiosk.central.credentials import enroll

        token = enroll(conn, "door-aurora", "door", "aurora", clock.now())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "kiosk", "central", "serve", "--store", central_url]
    server = subprocess.Popen(
        [*command, "--listen", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    readers: list[Reader] = []
    try:

        def up() -> bool:
            try:
                return httpx.get(f"{url}/healthz", timeout=1).status_code == 200
            except httpx.HTTPError:
                return server.poll() is not None

        wait_for(up, 30, "the service")
        assert server.poll() is None, server.communicate()[1][-2000:]
        readers = [Reader(url, token)]
        wait_for(lambda: bool(readers[0].pages()), 20, "the stream's first page")
        server.send_signal(signal.SIGTERM)
        stopping = time.monotonic()
        wait_for(lambda: readers[0].ended_at is not None, 5, "the stream's end")
        assert readers[0].events[-1] == ("end", "shutdown")  # ended cleanly, not cut
        server.wait(10)
        assert time.monotonic() - stopping < 5.0  # not held by the open stream
        # uvicorn ends by raising the SIGTERM it caught again: what systemd expects after its own.
        assert server.returncode in (0, -signal.SIGTERM)
    finally:
        for reader in readers:
            reader.close()
        if server.poll() is None:
            server.kill()
        server.communicate(timeout=15)
        store.dispose()


def test_a_door_whose_stream_is_replaced_long_polls_and_still_follows(
    tmp_path: Path, central_url: str
) -> None:
    store, clock = _door_store(tmp_path, central_url)
    with live_service(store, clock) as service:
        door = Door(tmp_path, service)
        token = door.waiter._headers["Authorization"].removeprefix("Bearer ")
        thief = Reader(service.url, token)  # the same token elsewhere: it replaces the door's
        try:
            wait_for(lambda: door.waiter.protocol == "wait", 20, "long-polls after the stream")
            assert thief.ended_at is None  # no taking turns: the door does not replace it back
            version = _switch(store, None, "event")
            wait_for(lambda: _versions(door.local) == [version], 10, "the switch at the door")
            assert thief.ended_at is None
        finally:
            thief.close()
            door.close()
    store.dispose()
