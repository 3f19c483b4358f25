"""Initial pull of 10,000 bookings + 5,000 people into an empty kiosk, and an idle cycle's CPU.

    KIOSK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        python -m benchmarks.initial_pull [--sqlite] [--batch N]

Prints figures; it is not a test. The central store is a throw-away PostgreSQL database (or a
SQLite file with --sqlite).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.pgtemp import temp_database
from benchmarks.seed import seed
from kiosk.base.clock import SystemClock
from kiosk.store.engine import open_local_store, open_store
from kiosk.sync.engine import SyncEngine


def run(url: str, work: Path, batch: int, idle_cycles: int) -> None:
    clock = SystemClock()
    central = open_store(url)
    t0 = time.perf_counter()
    seed(central, clock.now(), people=5_000, bookings=10_000)
    print(f"seeded central in {time.perf_counter() - t0:.1f} s")
    central.dispose()

    local = open_local_store(work / "kiosk.db")
    engine = SyncEngine(
        local,
        url,
        kiosk_id="bench-1",
        role="door",
        room_id="room-1",
        clock=clock,
        batch_size=batch,
    )
    wall, cpu = time.perf_counter(), time.process_time()
    report = engine.cycle()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"initial pull: {report.pulled} changes in {wall:.2f} s wall, {cpu:.2f} s CPU "
        f"({report.pulled / wall:,.0f} changes/s), feed page {batch}"
    )

    walls, cpus = [], []
    for _ in range(idle_cycles):
        w, c = time.perf_counter(), time.process_time()
        engine.cycle()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    walls.sort()
    print(
        f"idle cycle (push nothing, pull nothing, heartbeat): "
        f"median {walls[len(walls) // 2] * 1000:.1f} ms "
        f"wall, {sum(cpus) / len(cpus) * 1000:.1f} ms CPU on average over {idle_cycles} cycles; "
        f"at a 5 s interval that is {sum(cpus) / len(cpus) / 5 * 100:.2f} % of one core"
    )
    engine.close()
    local.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", action="store_true", help="central store in a SQLite file")
    parser.add_argument("--batch", type=int, default=500, help="feed page size")
    parser.add_argument("--idle-cycles", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.sqlite:
            run(f"sqlite:///{work / 'central.db'}", work, args.batch, args.idle_cycles)
        else:
            with temp_database() as url:
                run(url, work, args.batch, args.idle_cycles)


if __name__ == "__main__":
    main()
