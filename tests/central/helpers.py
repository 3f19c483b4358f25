"""A real central sync service on a loopback port, in a thread, for one test."""

from __future__ import annotations

import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import select

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.central.api import create_app
from kiosk.central.credentials import enroll
from kiosk.central.limits import DEFAULT_RATES, RateLimiter
from kiosk.central.service import CentralService
from kiosk.central.staff import StaffSettings
from kiosk.config.credential_file import read_token_file, write_token_file
from kiosk.config.settings import load_config
from kiosk.store.engine import Store, open_local_store
from kiosk.store.models import Checkin, Person
from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.http_link import HttpLink
from kiosk.sync.worker import SyncWorker
from tests.helpers import wait_for
from tests.sync.helpers import Tally
from tests.sync.proxy import CuttableProxy


@dataclass
class LiveService:
    url: str
    store: Store
    clock: FixedClock

    def enroll(self, tmp_path: Path, kiosk_id: str, role: str, room: str | None = None) -> Path:
        """A credential file for ``kiosk_id``, as `kiosk admin enroll` writes it."""
        with self.store.engine.begin() as conn:
            token = enroll(conn, kiosk_id, role, room, self.clock.now())
        path = tmp_path / f"{kiosk_id}.token"
        write_token_file(path, token)
        return path


@contextmanager
def live_service(
    store: Store,
    clock: FixedClock,
    *,
    max_body: int = 2 * 1024 * 1024,
    rates: dict | None = None,
    limiter: RateLimiter | None = None,
    port: int = 0,
    enter: Callable[[], None] | None = None,
    staff: StaffSettings | None = None,
    **app_options: Any,
) -> Iterator[LiveService]:
    """``enter`` runs first on the service's thread (to move it into a network namespace: the
    threads it starts, and so its store connections, follow). ``app_options`` go to
    ``create_app`` (``stream=False``: a service from before ``/v1/stream``). ``limiter``
    replaces the one ``rates`` (by default the service's own) would make."""
    app = create_app(
        CentralService(store, clock),
        max_body=max_body,
        limiter=limiter or RateLimiter(rates if rates is not None else dict(DEFAULT_RATES)),
        staff=staff,
        **app_options,
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_config=None, lifespan="on", timeout_graceful_shutdown=2)
    )

    def run() -> None:
        if enter is not None:
            enter()
        server.run(sockets=[sock])

    thread = threading.Thread(target=run, name="central")
    thread.start()
    try:
        wait_for(lambda: server.started, 10, "the central service to start")
        yield LiveService(f"http://127.0.0.1:{port}", store, clock)
    finally:
        app.state.streams.end_all_soon()  # as SIGTERM does: open streams end, then the server
        server.should_exit = True
        thread.join(10)
        sock.close()


def kiosk_config(
    tmp_path: Path, service: LiveService, kiosk_id: str, role: str, room: str | None = None
) -> Path:
    """A kiosk.toml for a kiosk enrolled with ``service``."""
    token = service.enroll(tmp_path, kiosk_id, role, room)
    room_line = f'room = "{room}"\n' if room else ""
    path = tmp_path / f"{kiosk_id}.toml"
    path.write_text(
        f'[kiosk]\nid = "{kiosk_id}"\nrole = "{role}"\n{room_line}data_dir = "{kiosk_id}"\n'
        f'[central]\nurl = "{service.url}"\ncredential_file = "{token}"\n',
        encoding="utf-8",
    )
    return path


@dataclass
class Lobby:
    """A lobby enrolled with a service and reaching it through a proxy a test can cut."""

    proxy: CuttableProxy
    local: Store
    worker: SyncWorker
    member: uuid.UUID
    engine: SyncEngine

    def close(self) -> None:
        self.worker.stop()
        self.proxy.close()
        self.local.dispose()


def lobby_via_proxy(
    tmp_path: Path,
    service: LiveService,
    on_status: Callable[[SyncStatus], None],
    *,
    timeout: float | None = None,
) -> Lobby:
    """A lobby with a sync worker (not started) that has synced once: its people are there.

    ``timeout`` replaces the link's request deadline (15 s in production)."""
    clock = SystemClock()
    proxy = CuttableProxy("127.0.0.1", int(service.url.rsplit(":", 1)[1]))
    config = kiosk_config(tmp_path, service, "lobby-1", "lobby")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(service.url, f"http://127.0.0.1:{proxy.port}"), "utf-8")
    cfg = load_config(config)
    local = open_local_store(cfg.local_store_path)
    options: dict[str, Any] = {}
    if timeout is not None:
        assert cfg.credential_file is not None
        token = read_token_file(cfg.credential_file)
        options["link"] = HttpLink(cfg.central_url, token, version="test", timeout=timeout)
    engine = SyncEngine.for_kiosk(cfg, local, clock, batch_size=4, **options)

    def member() -> uuid.UUID | None:
        # The people first: check-ins refer to them. On a shared PostgreSQL another session's
        # open transaction may hold the feed's readable head back for a moment: pull again.
        engine.cycle()
        with local.engine.connect() as conn:
            found = conn.execute(select(Person.id).where(Person.role == "member")).scalar()
        return found

    try:
        wait_for(lambda: member() is not None, 30, "the lobby's first pull")
        person = member()
    except BaseException:
        engine.close()
        proxy.close()
        local.dispose()
        raise
    assert person is not None
    worker = SyncWorker(engine, interval=0.05, clock=clock, on_status=on_status, max_backoff=0.2)
    return Lobby(proxy, local, worker, person, engine)


def count_checkins(tally: Tally, store: Store, expected: int) -> None:
    """What reached the central store, against what the lobby made: nothing lost or doubled."""
    with store.engine.connect() as conn:
        tally.central_ids = list(conn.execute(select(Checkin.id)).scalars())
    store.dispose()
    tally.check()
    assert tally.acknowledged == expected
