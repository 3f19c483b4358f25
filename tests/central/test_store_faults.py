"""The service's PostgreSQL failing under it: restarted, too slow, or silently cut off.

Each time the service answers 503 "central store unavailable" within bounded time (never 500,
never a hung request), the lobby retries, and once the store is back every check-in is stored
exactly once (counted by id). The machine's PostgreSQL is shared, so it is never restarted: the
service reaches it through a proxy these tests control, and the test database's own backends
are terminated. Each test prints its tally.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.central.server import ServiceSettings, open_service_store
from kiosk.store.engine import Store
from kiosk.sync.engine import SyncStatus
from tests.central.helpers import LiveService, count_checkins, live_service, lobby_via_proxy
from tests.central.netns import NetNamespace
from tests.helpers import wait_for
from tests.stores import seed_central, site_key
from tests.sync.helpers import Tally, checkin_locally, outbox_left
from tests.sync.proxy import CuttableProxy

pytestmark = pytest.mark.postgres


def _via(proxy: CuttableProxy, url: str) -> str:
    return make_url(url).set(host="127.0.0.1", port=proxy.port).render_as_string(False)


def _ask(service: LiveService, tmp_path: Path) -> tuple[int, str, float]:
    """A heartbeat from the lobby's token straight to the service (it always writes to the
    store): the status, the detail, and how long the answer took."""
    token = (tmp_path / "lobby-1.token").read_text(encoding="utf-8").strip()
    started = time.monotonic()
    response = httpx.post(
        f"{service.url}/v1/heartbeat",
        json={"version": "test", "status": {}},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    body = response.json() if response.content else {}
    detail = body.get("detail", "") if isinstance(body, dict) else ""
    return response.status_code, str(detail), time.monotonic() - started


def _terminate_backends(pg_url: str) -> int:
    """What a PostgreSQL restart does to the test database's sessions."""
    engine = create_engine(pg_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).scalar_one()
            )
    finally:
        engine.dispose()


def test_postgresql_restarted_under_the_service_loses_and_doubles_nothing(
    tmp_path: Path, pg_url: str
) -> None:
    clock = SystemClock()
    store = seed_central(pg_url, site_key(tmp_path), FixedClock(clock.now()))
    target = make_url(pg_url)
    pg_proxy = CuttableProxy(target.host or "127.0.0.1", target.port or 5432)
    served = open_service_store(ServiceSettings(store=_via(pg_proxy, pg_url), pool_size=3))
    tally = Tally("PostgreSQL restarted, through the service")
    statuses: list[SyncStatus] = []
    try:
        with live_service(served, FixedClock(clock.now()), rates={}) as service:
            lobby = lobby_via_proxy(tmp_path, service, statuses.append)
            local, worker, person = lobby.local, lobby.worker, lobby.member
            worker.start()
            try:
                for _ in range(10):
                    tally.attempted.add(checkin_locally(local, person, "lobby-1", clock.now()))
                    worker.wake()
                # The restart: every session ends, and for a while no connection is taken.
                pg_proxy.cut()
                _terminate_backends(pg_url)
                outage_began = len(statuses)
                for _ in range(20):
                    tally.attempted.add(checkin_locally(local, person, "lobby-1", clock.now()))
                    worker.wake()
                status, detail, took = _ask(service, tmp_path)
                assert (status, detail) == (503, "central store unavailable")
                assert took < 10, f"a 503 took {took:.1f} s"
                wait_for(
                    lambda: any(not s.online for s in statuses[outage_began:]),
                    30,
                    "the lobby to see the store unavailable",
                )
                assert outbox_left(local) > 0
                pg_proxy.restore()
                # The pool pings before lending: the first request after the restart works.
                assert _ask(service, tmp_path)[0] == 200
                wait_for(lambda: outbox_left(local) == 0, 60, "the outbox to drain")
            finally:
                lobby.close()
    finally:
        served.dispose()
        pg_proxy.close()
    count_checkins(tally, store, 30)


def test_the_statement_timeout_cancels_a_slow_push_and_the_lobby_retries(
    tmp_path: Path, pg_url: str
) -> None:
    clock = SystemClock()
    store = seed_central(pg_url, site_key(tmp_path), FixedClock(clock.now()))
    served = open_service_store(ServiceSettings(store=pg_url, statement_timeout_ms=1500))
    with served.engine.connect() as conn:  # every session of the service carries it
        assert conn.execute(text("SHOW statement_timeout")).scalar_one() == "1500ms"
        libpq = conn.connection.dbapi_connection.info.get_parameters()
        assert (libpq["tcp_user_timeout"], libpq["keepalives_idle"]) == ("20000", "10")
    tally = Tally("statement timeout, through the service")
    statuses: list[SyncStatus] = []
    blocker = create_engine(pg_url, poolclass=NullPool)
    try:
        with live_service(served, FixedClock(clock.now()), rates={}) as service:
            lobby = lobby_via_proxy(tmp_path, service, statuses.append)
            local, worker, person = lobby.local, lobby.worker, lobby.member
            try:
                with blocker.connect() as conn:  # a long transaction holds the check-ins
                    conn.execute(text("LOCK TABLE checkins IN ACCESS EXCLUSIVE MODE"))
                    for _ in range(5):
                        tally.attempted.add(checkin_locally(local, person, "lobby-1", clock.now()))
                    started = time.monotonic()
                    worker.start()
                    wait_for(lambda: bool(statuses), 30, "the lobby's first push to end")
                    took = time.monotonic() - started
                    assert not statuses[0].online
                    assert "central service answered 503" in (statuses[0].last_error or "")
                    assert 1.4 < took < 10, f"the push was cancelled after {took:.1f} s"
                    assert outbox_left(local) == 5
                    conn.rollback()
                _assert_no_checkins(store)  # the cancelled push committed nothing
                wait_for(lambda: outbox_left(local) == 0, 60, "the outbox to drain")
            finally:
                lobby.close()
    finally:
        served.dispose()
        blocker.dispose()
    count_checkins(tally, store, 5)


def _database_now(pg_url: str) -> datetime:
    engine = create_engine(pg_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT clock_timestamp()")).scalar_one()
    finally:
        engine.dispose()


def _listening_since(pg_url: str, since: datetime) -> bool:
    """Whether a session opened after ``since`` LISTENs on the test database."""
    engine = create_engine(pg_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return bool(
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND query LIKE 'LISTEN%' AND backend_start > :since"
                    ),
                    {"since": since},
                ).scalar_one()
            )
    finally:
        engine.dispose()


def _assert_no_checkins(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM checkins")).scalar_one() == 0


@pytest.mark.skipif(not NetNamespace.available(), reason="needs root for a network namespace")
def test_a_silently_dropped_store_network_answers_503_in_bounded_time_then_recovers(
    tmp_path: Path, pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    clock = SystemClock()
    store = seed_central(pg_url, site_key(tmp_path), FixedClock(clock.now()))
    target = make_url(pg_url)
    ns = NetNamespace()
    listener = ns.call(lambda: __import__("socket").create_server(("127.0.0.1", 0)))
    pg_proxy = CuttableProxy(target.host or "127.0.0.1", target.port or 5432, listener=listener)
    # Production's mechanism with a shorter fuse: unacknowledged data fails a query after
    # tcp_user_timeout (20 s in production), a new connection after connect_timeout (5 s).
    # The wake-up bell's LISTEN connection takes its keepalives from the URL (production:
    # idle 10 s, 3 probes 5 s apart, user timeout 20 s); the pool's from the settings.
    fuse = "keepalives_idle=1&keepalives_interval=1&keepalives_count=1&tcp_user_timeout=2000"
    url = f"{_via(pg_proxy, pg_url)}?{fuse}"
    settings = ServiceSettings(store=url, pool_size=3, tcp_user_timeout_ms=2000)
    caplog.set_level(logging.INFO, "kiosk.sync.listener")
    served = ns.call(lambda: open_service_store(settings))
    tally = Tally("store network silently dropped, through the service")
    statuses: list[SyncStatus] = []
    try:
        with live_service(served, FixedClock(clock.now()), rates={}, enter=ns.enter) as service:
            admin = replace(service, store=store)  # enrols from outside the namespace
            lobby = lobby_via_proxy(tmp_path, admin, statuses.append)
            local, worker, person = lobby.local, lobby.worker, lobby.member
            worker.start()
            try:
                for _ in range(10):
                    tally.attempted.add(checkin_locally(local, person, "lobby-1", clock.now()))
                    worker.wake()
                wait_for(lambda: outbox_left(local) == 0, 30, "the first check-ins to land")
                held = ns.call(served.engine.connect)  # a pooled session, as a request holds it
                ns.black_hole()
                started = time.monotonic()
                with pytest.raises(OperationalError):  # not a hang: the kernel gives up on it
                    held.execute(text("SELECT 1"))
                took = time.monotonic() - started
                held.invalidate()
                held.close()
                assert took < 2 + 3, f"a black-holed query failed after {took:.1f} s"
                outage_began = len(statuses)
                for _ in range(10):
                    tally.attempted.add(checkin_locally(local, person, "lobby-1", clock.now()))
                    worker.wake()
                status, detail, took = _ask(service, tmp_path)
                assert (status, detail) == (503, "central store unavailable")
                assert took < 30, f"a 503 took {took:.1f} s"
                print(f"black-holed store: a query failed after the timeout, 503 in {took:.1f} s")
                wait_for(
                    lambda: any(not s.online for s in statuses[outage_began:]),
                    30,
                    "the lobby to see the store unavailable",
                )
                wait_for(
                    lambda: "change listener disconnected" in caplog.text,
                    30,
                    "the bell's idle LISTEN connection to be given up",
                )
                ns.restore()
                restored = _database_now(pg_url)
                wait_for(lambda: _ask(service, tmp_path)[0] == 200, 30, "the service to recover")
                wait_for(
                    lambda: _listening_since(pg_url, restored),
                    30,
                    "the bell to LISTEN again",
                )
                wait_for(lambda: outbox_left(local) == 0, 60, "the outbox to drain")
            finally:
                lobby.close()
    finally:
        served.dispose()
        pg_proxy.close()
        ns.close()
    count_checkins(tally, store, 20)


def test_a_missing_database_is_told_apart_from_an_old_schema(pg_url: str, tmp_path: Path) -> None:
    from kiosk.base.errors import ConfigError

    missing = make_url(pg_url).set(database="nosuchdb_kiosk").render_as_string(hide_password=False)
    with pytest.raises(ConfigError) as refused:
        open_service_store(ServiceSettings(store=missing))
    assert "cannot be reached or does not exist" in str(refused.value)
    assert "nosuchdb_kiosk" in str(refused.value) and "schema" not in str(refused.value)
    empty = f"sqlite:///{tmp_path / 'empty.db'}"  # reachable, never initialised
    with pytest.raises(ConfigError, match="behind the newest schema"):
        open_service_store(ServiceSettings(store=empty))


def test_a_session_idle_in_a_transaction_is_ended(tmp_path: Path, pg_url: str) -> None:
    """A transaction left open holds back the change feed (every kiosk's sync): PostgreSQL ends
    a service session idle inside one after ``idle_in_transaction_timeout_ms``."""
    seed_central(pg_url, site_key(tmp_path), FixedClock(SystemClock().now())).dispose()
    served = open_service_store(ServiceSettings(store=pg_url, idle_in_transaction_timeout_ms=1000))
    try:
        with served.engine.connect() as conn:
            assert conn.execute(text("SHOW idle_in_transaction_session_timeout")).scalar_one() == (
                "1s"
            )
            time.sleep(2)  # idle inside the transaction the first statement began
            with pytest.raises(DBAPIError, match="idle-in-transaction timeout"):
                conn.execute(text("SELECT 1"))
    finally:
        served.dispose()
