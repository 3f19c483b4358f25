"""Nothing lost, nothing doubled, through the service: the link cut, silently dropped, and the
service restarted while a lobby keeps checking people in. Each test prints its tally."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.sync.engine import SyncStatus
from kiosk.sync.waiter import ServiceWaiter
from tests.central.helpers import count_checkins, live_service, lobby_via_proxy
from tests.helpers import wait_for
from tests.stores import seed_central, site_key
from tests.sync.helpers import Tally, checkin_locally, outbox_left


def test_a_link_cut_again_and_again_mid_push_loses_and_doubles_nothing(
    tmp_path: Path, central_url: str
) -> None:
    clock = SystemClock()
    store = seed_central(central_url, site_key(tmp_path), FixedClock(clock.now()))
    tally = Tally("link cut mid-push, through the service")
    with live_service(store, FixedClock(clock.now()), rates={}) as service:
        lobby = lobby_via_proxy(tmp_path, service, lambda _s: None)
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
    count_checkins(tally, store, 60)


def test_the_service_restarted_mid_push_loses_and_doubles_nothing(
    tmp_path: Path, central_url: str
) -> None:
    clock = SystemClock()
    store = seed_central(central_url, site_key(tmp_path), FixedClock(clock.now()))
    tally = Tally("service restarted, through the service")
    statuses: list[SyncStatus] = []
    with live_service(store, FixedClock(clock.now()), rates={}) as first:
        port = int(first.url.rsplit(":", 1)[1])
        lobby = lobby_via_proxy(tmp_path, first, statuses.append)
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
    count_checkins(tally, store, 40)


def test_a_silently_dropped_link_shows_offline_in_bounded_time_and_loses_nothing(
    tmp_path: Path,
) -> None:
    """Packets vanish between lobby and service (no FIN, no RST): the lobby's requests and its
    long-poll give up at their deadlines instead of hanging, and it catches up afterwards.
    Production's deadlines are 15 s (a request) and hold + 5 s (the long-poll); here 2 s and
    1 + 2 s, by the same mechanism."""
    clock = SystemClock()
    store = seed_central(
        f"sqlite:///{tmp_path / 'central.db'}", site_key(tmp_path), FixedClock(clock.now())
    )
    tally = Tally("link silently dropped, through the service")
    statuses: list[SyncStatus] = []
    with live_service(store, FixedClock(clock.now()), rates={}) as service:
        lobby = lobby_via_proxy(tmp_path, service, statuses.append, timeout=2.0)
        local, worker, person, proxy = lobby.local, lobby.worker, lobby.member, lobby.proxy
        token = (tmp_path / "lobby-1.token").read_text(encoding="utf-8").strip()
        waiter = ServiceWaiter(
            f"http://127.0.0.1:{proxy.port}",
            {"Authorization": f"Bearer {token}"},
            cursor=lobby.engine.cursor,
            on_wake=lambda: None,
            hold=1.0,
            grace=2.0,
        )
        worker.start()
        waiter.start()
        try:
            wait_for(waiter.connected.is_set, 10, "the long-poll to connect")
            for _ in range(10):
                tally.attempted.add(checkin_locally(local, person, "lobby-1", clock.now()))
                worker.wake()
            wait_for(lambda: outbox_left(local) == 0, 30, "the first check-ins to land")
            proxy.black_hole()
            started, outage_began = time.monotonic(), len(statuses)
            for _ in range(10):
                tally.attempted.add(checkin_locally(local, person, "lobby-1", clock.now()))
                worker.wake()
            wait_for(
                lambda: any(not s.online for s in statuses[outage_began:]),
                30,
                "the lobby to show offline",
            )
            offline_after = time.monotonic() - started
            wait_for(lambda: not waiter.connected.is_set(), 30, "the long-poll to give up")
            waiter_after = time.monotonic() - started
            print(
                f"black hole: offline after {offline_after:.1f} s, long-poll {waiter_after:.1f} s"
            )
            assert offline_after < 2 + 5, "the lobby's request outlived its deadline"
            assert waiter_after < 1 + 2 + 5, "the long-poll outlived its deadline"
            proxy.restore()
            wait_for(waiter.connected.is_set, 30, "the long-poll to reconnect")
            wait_for(lambda: outbox_left(local) == 0, 60, "the outbox to drain")
            wait_for(lambda: statuses[-1].online, 30, "the lobby to show online")
        finally:
            waiter.stop()
            lobby.close()
    count_checkins(tally, store, 20)
