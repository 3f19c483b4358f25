"""50 simulated kiosks syncing against one PostgreSQL on this machine: throughput and lag.

    KIOSK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        python -m benchmarks.fleet_load [--kiosks 50] [--seconds 30] [--interval 2] [--listen]

Every kiosk is a real ``SyncWorker`` with its own SQLite store, in one process (threads share
one GIL, so this is a pessimistic figure for the kiosks' side). Each kiosk checks someone in
every few seconds; an admin writes a booking centrally twice a second. Lag is the time from
that booking's central commit until a kiosk has applied it locally. Prints figures; not a test.
Without --listen kiosks poll; with it they also LISTEN (two connections per kiosk: mind
max_connections).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.pgtemp import temp_database
from benchmarks.seed import seed
from kiosk.base.clock import SystemClock
from kiosk.base.ids import new_id
from kiosk.store.engine import Store, open_local_store, open_store
from kiosk.store.models import Checkin, OutboxRow, Person
from kiosk.sync import central, feed, outbox
from kiosk.sync.engine import SyncEngine
from kiosk.sync.link import FeedPage
from kiosk.sync.worker import SyncWorker

_lock = threading.Lock()
committed_at: dict[str, float] = {}
lags: list[float] = []


class TimedEngine(SyncEngine):
    """Notes when a tracked central booking lands in this kiosk's store."""

    def _apply(self, page: FeedPage, cursor: feed.FeedCursor, *, done: bool) -> None:
        super()._apply(page, cursor, done=done)
        now = time.perf_counter()
        with _lock:
            for c in page.changes:
                at = committed_at.get(str(c.payload.get("id")))
                if at is not None:
                    lags.append(now - at)


def _checkin(store: Store, person: uuid.UUID, kiosk_id: str, clock: SystemClock) -> None:
    with store.session() as s:
        row = Checkin(
            id=new_id(),
            direction="in",
            person_id=person,
            method="badge",
            kiosk_id=kiosk_id,
            at=clock.now(),
        )
        s.add(row)
        outbox.enqueue(s, "checkins", row, clock.now())


def run(url: str, work: Path, kiosks: int, seconds: float, interval: float, listen: bool) -> None:
    clock = SystemClock()
    c = open_store(url)
    seed(c, clock.now(), people=200, bookings=100)
    with c.engine.connect() as conn:
        people = list(conn.execute(select(Person.id)).scalars())
    workers: list[SyncWorker] = []
    stores: list[Store] = []
    for i in range(kiosks):
        store = open_local_store(work / f"k{i}" / "kiosk.db")
        engine = TimedEngine(
            store, url, kiosk_id=f"sim-{i}", role="lobby", room_id=None, clock=clock
        )
        worker = SyncWorker(
            engine, interval=interval, clock=clock, on_status=lambda _s: None, listen=listen
        )
        stores.append(store)
        workers.append(worker)
    t_start = time.perf_counter()
    for w in workers:
        w.start()
    # Let every kiosk finish its first sync before the measured period.
    for store in stores:
        while True:
            with store.session() as s:
                if s.scalar(select(func.count()).select_from(Person)) == len(people):
                    break
            time.sleep(0.1)
    print(f"{kiosks} kiosks through their first sync in {time.perf_counter() - t_start:.1f} s")

    stop = threading.Event()
    made = [0]

    def admin() -> None:
        n = 0
        while not stop.wait(0.5):
            row = {
                "id": new_id(),
                "room_id": "room-0",
                "title": f"Walk-in {n}",
                "private": False,
                "organiser_id": None,
                "starts_at": clock.now() + timedelta(days=30, hours=n),
                "ends_at": clock.now() + timedelta(days=30, hours=n, minutes=30),
                "status": "confirmed",
                "source": "admin",
                "external_uid": None,
                "checked_in_at": None,
                "created_by": None,
                "updated_at": clock.now(),
            }
            with c.engine.begin() as conn:
                central.write(conn, "bookings", row, clock.now())
            with _lock:
                committed_at[str(row["id"])] = time.perf_counter()
            n += 1

    def tapper() -> None:
        rng = random.Random(1)
        while not stop.wait(rng.uniform(0.05, 0.15)):
            i = rng.randrange(kiosks)
            _checkin(stores[i], rng.choice(people), f"sim-{i}", clock)
            made[0] += 1
            workers[i].wake()

    threads = [threading.Thread(target=admin), threading.Thread(target=tapper)]
    cpu0, t0 = time.process_time(), time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    drain0 = time.perf_counter()
    for store in stores:
        while True:
            with store.session() as s:
                if not s.scalar(select(func.count()).select_from(OutboxRow)):
                    break
            time.sleep(0.05)
    drain = time.perf_counter() - drain0
    cpu = time.process_time() - cpu0
    with c.engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(Checkin)).scalar_one()
    expected = len(committed_at) * kiosks
    # wait (bounded) for the last bookings to reach everyone, so lags are complete
    deadline = time.perf_counter() + 3 * interval + 5
    while len(lags) < expected and time.perf_counter() < deadline:
        time.sleep(0.1)
    for w in workers:
        w.stop()
    for store in stores:
        store.dispose()
    c.dispose()
    with _lock:
        ordered = sorted(lags)

    def p(q: float) -> float:
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    print(
        f"{seconds:.0f} s run, poll interval {interval} s, listen={listen}: "
        f"{made[0]} check-ins made, {stored} stored centrally "
        f"({stored / elapsed:.1f}/s; outbox drained {drain:.2f} s after the load stopped)"
    )
    print(
        f"central bookings -> kiosks: {len(committed_at)} bookings, {len(ordered)}/{expected} "
        f"deliveries; lag p50 {p(0.5):.0f} ms, p95 {p(0.95):.0f} ms, max {p(1.0):.0f} ms"
    )
    print(
        f"benchmark process CPU: {cpu:.1f} s over {elapsed:.1f} s "
        f"({cpu / elapsed * 100:.0f} % of one core for {kiosks} kiosks)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--listen", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, temp_database() as url:
        run(url, Path(tmp), args.kiosks, args.seconds, args.interval, args.listen)


if __name__ == "__main__":
    main()
