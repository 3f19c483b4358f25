"""A kiosk whose token was revoked (`kiosk admin revoke-kiosk`): it says so once, in words
that say what to do, shows "offline", and asks the service again only rarely."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.central.credentials import revoke
from kiosk.sync.engine import SyncStatus
from kiosk.sync.feed import FeedCursor
from kiosk.sync.waiter import ServiceWaiter
from kiosk.sync.worker import SyncWorker
from tests.central.helpers import live_service, lobby_via_proxy
from tests.helpers import wait_for
from tests.stores import seed_central, site_key


def test_a_revoked_kiosk_logs_one_line_shows_offline_and_does_not_spin(
    tmp_path: Path, central_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    clock = SystemClock()
    store = seed_central(central_url, site_key(tmp_path), FixedClock(clock.now()))
    statuses: list[SyncStatus] = []
    with live_service(store, FixedClock(clock.now()), rates={}) as service:
        lobby = lobby_via_proxy(tmp_path, service, lambda _s: None)
        # Short first back-offs: a worker that retried a refused token soon would show it.
        worker = SyncWorker(
            lobby.engine,
            interval=0.05,
            clock=clock,
            on_status=statuses.append,
            max_backoff=30.0,
            listen=False,
        )
        try:
            with service.store.engine.begin() as conn:
                revoke(conn, "lobby-1", clock.now())
            caplog.set_level(logging.INFO, logger="kiosk")
            worker.start()
            wait_for(lambda: any(not s.online for s in statuses), 15, "the refusal")
            attempts = len(statuses)
            time.sleep(1.0)  # what is measured is that nothing happens: a bounded look
            assert len(statuses) == attempts, "a refused token was tried again at once"
        finally:
            worker.stop()
            lobby.close()
    store.dispose()

    status = statuses[-1]
    assert status.offline_since is not None  # the strip says "Offline since HH.MM"
    assert status.last_error is not None and "CredentialRefused" not in status.last_error
    said = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(said) == 1, [r.getMessage() for r in said]
    line = said[0].getMessage()
    assert said[0].exc_info is None  # no traceback: a revoked token is no bug
    assert "CredentialRefused" not in line
    assert "kiosk admin enroll lobby-1 --role lobby" in line and "central.credential_file" in line


class _Refusing(BaseHTTPRequestHandler):
    """Every request answered 401, as the service answers a revoked token; counted."""

    asked = 0

    def do_GET(self) -> None:
        type(self).asked += 1
        self.send_response(401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def refusing_service() -> Iterator[tuple[str, type[_Refusing]]]:
    handler = type("Refusing", (_Refusing,), {"asked": 0})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="test-refusing")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def test_the_waiter_asks_rarely_with_a_refused_token(
    refusing_service: tuple[str, type[_Refusing]],
) -> None:
    url, handler = refusing_service
    waiter = ServiceWaiter(
        url,
        {"Authorization": "Bearer lkd1." + "x" * 43},
        cursor=lambda: FeedCursor(0, 0),
        on_wake=lambda: None,
        on_page=lambda _after, _page: None,
        retry=0.05,
        max_retry=30.0,
    )
    waiter.start()
    try:
        wait_for(lambda: handler.asked >= 1, 10, "the waiter's first question")
        time.sleep(1.0)  # backing off from 0.05 s, it would have asked 4 times more
        assert handler.asked == 1
    finally:
        waiter.stop()
