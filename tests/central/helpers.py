"""A real central sync service on a loopback port, in a thread, for one test."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from kiosk.base.clock import FixedClock
from kiosk.central.api import create_app
from kiosk.central.credentials import enroll
from kiosk.central.limits import DEFAULT_RATES, RateLimiter
from kiosk.central.service import CentralService
from kiosk.config.credential_file import write_token_file
from kiosk.store.engine import Store
from tests.helpers import wait_for


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
    port: int = 0,
) -> Iterator[LiveService]:
    app = create_app(
        CentralService(store, clock),
        max_body=max_body,
        limiter=RateLimiter(rates if rates is not None else dict(DEFAULT_RATES)),
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_config=None, lifespan="on", timeout_graceful_shutdown=2)
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="central")
    thread.start()
    try:
        wait_for(lambda: server.started, 10, "the central service to start")
        yield LiveService(f"http://127.0.0.1:{port}", store, clock)
    finally:
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
