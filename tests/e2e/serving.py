"""``kiosk central serve`` as IT starts it, for the end-to-end tests: a free port, until done."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from tests.e2e.conftest import kiosk_command, kiosk_env
from tests.helpers import wait_for


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


@contextmanager
def serving(store: str) -> Iterator[str]:
    """The service in front of ``store`` on loopback; yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [*kiosk_command(), "central", "serve", "--store", store]
    server = subprocess.Popen(
        [*command, "--listen", f"127.0.0.1:{port}"],
        env=kiosk_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: answers(url) or server.poll() is not None, 30, "the service")
        assert server.poll() is None, server.communicate()[1][-2000:]
        yield url
    finally:
        server.terminate()
        server.communicate(timeout=15)  # reaps it and closes its pipe
