"""Many kiosks on one central sync service: ``python -m benchmarks.service_fleet``.

Light async clients, one per simulated door, each with its own device token, a long-poll
(``/v1/wait``) always open, a heartbeat every 30 s and one record pushed a minute, against
``kiosk central serve`` and the PostgreSQL at ``KIOSK_TEST_PG_URL``. Printed: how long a
Lab-wide event switch takes to be seen (pulled) by every kiosk (p50, p95, max over all kiosks
and switches), the service's PostgreSQL connections, and the CPU the service and PostgreSQL
use while the fleet idles, as a share of one core. ``--workers 1 4`` runs the fleet against one
and then four service processes on one port (uvicorn's workers share the listening socket);
``--runs`` repeats each and prints medians. The simulated doors run in this process, the
service in its own processes. ``--protocol pull`` makes the doors wake-then-pull as kiosks
before ``/v1/wait?page=true`` did; ``--protocol stream`` makes each door hold one
``/v1/stream`` (server-sent events) instead of long-polls. Figures, not a test: the machine
is shared and noisy.

PostgreSQL connections are those of the benchmark's own database (the service's pool and its
LISTEN connection); CPU counts the service's process tree and those connections' backends
(not the server's shared background processes, which serve other databases too).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import time
import uuid
from datetime import timedelta
from typing import Any

import httpx
import sqlalchemy as sa

from benchmarks.pgtemp import temp_database
from benchmarks.procs import cpu_seconds, tree
from benchmarks.startup import central_service


def _backends(url: str) -> list[int]:
    """The PostgreSQL backends serving the benchmark's database (this query's own excluded)."""
    admin = sa.create_engine(url, poolclass=sa.pool.NullPool, hide_parameters=True)
    try:
        with admin.connect() as conn:
            return list(conn.execute(sa.text(
                "SELECT pid FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )).scalars())  # fmt: skip
    finally:
        admin.dispose()


def _prepare(url: str, kiosks: int) -> list[str]:
    from kiosk.base.clock import SystemClock
    from kiosk.central.credentials import enroll
    from kiosk.security.directory import add_room
    from kiosk.store.engine import open_store

    store = open_store(url)
    now = SystemClock().now()
    try:
        with store.engine.begin() as conn:
            add_room(conn, "aurora", "Aurora", 10, now)
            return [enroll(conn, f"door-{i}", "door", "aurora", now) for i in range(kiosks)]
    finally:
        store.dispose()


class Door:
    """One simulated door: pull, then long-poll and pull again; heartbeats; a push a minute."""

    def __init__(
        self, index: int, token: str, base: str, seen: dict[int, list[float]], protocol: str
    ) -> None:
        self.name = f"door-{index}"
        self.client = httpx.AsyncClient(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60
        )
        self.cursor = "0:0"
        self.seen = seen  # version -> monotonic times at which kiosks pulled it
        self.ready = asyncio.Event()
        self.protocol = protocol  # page: /v1/wait brings the page; pull; stream

    def apply(self, page: dict[str, Any]) -> bool:
        """Take a page (as a kiosk would apply it); True when more follows at once."""
        self.cursor = page["cursor"]
        for change in page["changes"]:
            if change["entity"] == "room_modes":
                self.seen.setdefault(change["payload"]["version"], []).append(time.monotonic())
        return bool(page["full"] or page["pending"])

    async def pull(self) -> None:
        while True:
            page = (await self.client.get("/v1/changes", params={"after": self.cursor})).json()
            if not self.apply(page):
                return
            if page["pending"]:
                await asyncio.sleep(0.05)

    async def follow(self, stop: asyncio.Event) -> None:
        """One stream held open: every page arrives on it (a full one is followed at once)."""
        while not stop.is_set():
            try:
                async with self.client.stream(
                    "GET", "/v1/stream", params={"after": self.cursor}
                ) as answer:
                    if answer.status_code != 200:
                        await asyncio.sleep(1)
                        continue
                    event, data = "", ""
                    async for line in answer.aiter_lines():
                        if not line:
                            if event == "page":
                                self.apply(json.loads(data))
                            event, data = "", ""
                        elif line.startswith("event:"):
                            event = line[6:].strip()
                        elif line.startswith("data:"):
                            data = line[5:].lstrip()
            except httpx.HTTPError:
                await asyncio.sleep(1)

    async def run(self, stop: asyncio.Event) -> None:
        await self.pull()
        self.ready.set()
        if self.protocol == "stream":
            await self.follow(stop)
            return
        params: dict[str, Any] = {"timeout": 25}
        if self.protocol == "page":
            params["page"] = "true"
        while not stop.is_set():
            answer = await self.client.get("/v1/wait", params={**params, "after": self.cursor})
            if answer.status_code != 200:
                await asyncio.sleep(1)
                continue
            body = answer.json()
            if "page" in body:
                if self.apply(body["page"]):
                    await self.pull()
            elif body["changed"]:
                await self.pull()

    async def chores(self, stop: asyncio.Event) -> None:
        await asyncio.sleep(random.uniform(0, 30))
        beats = 0
        while not stop.is_set():
            await self.client.post("/v1/heartbeat", json={"version": "bench", "status": {}})
            beats += 1
            if beats % 2 == 0:  # a record a minute: a door's audit line
                line: dict[str, Any] = {
                    "id": str(uuid.uuid4()),
                    "at": _now_iso(),
                    "actor_id": None,
                    "kiosk_id": self.name,
                    "action": "door.bench",
                    "detail": {},
                }
                item = {"seq": beats, "entity": "audit_log", "payload": line}
                await self.client.post("/v1/push", json={"items": [item]})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 30)


def _now_iso() -> str:
    from kiosk.base.clock import SystemClock

    return SystemClock().now().isoformat()


def _switch(url: str, mode: str) -> int:
    from kiosk.base.clock import SystemClock
    from kiosk.rooms.modes import ModeSwitch, set_mode_central
    from kiosk.store.engine import open_store

    store = open_store(url, migrate=False)
    now = SystemClock().now()
    try:
        with store.engine.begin() as conn:
            switch = ModeSwitch(None, mode, now, now + timedelta(hours=1), title="Bench")
            return int(set_mode_central(conn, switch, set_by=None, now=now)[0]["version"])
    finally:
        store.dispose()


async def _fleet(
    url: str,
    base: str,
    tokens: list[str],
    switches: int,
    server: int,
    idle: float,
    protocol: str,
    verbose: bool = False,
) -> dict[str, float]:
    seen: dict[int, list[float]] = {}
    doors = [Door(i, t, base, seen, protocol) for i, t in enumerate(tokens)]
    stop = asyncio.Event()
    tasks = [asyncio.create_task(d.run(stop)) for d in doors]
    tasks += [asyncio.create_task(d.chores(stop)) for d in doors]
    await asyncio.wait_for(asyncio.gather(*(d.ready.wait() for d in doors)), 300)
    await asyncio.sleep(5)
    pids = tree(server) + await asyncio.to_thread(_backends, url)
    before, t0 = cpu_seconds(pids), time.monotonic()
    await asyncio.sleep(idle)  # the fleet idles: open long-polls, heartbeats, a push a minute
    idle_cpu = (cpu_seconds(pids) - before) / (time.monotonic() - t0)
    delays: list[float] = []
    busy = {"client": 0.0, "service": 0.0}  # CPU seconds spent while switches propagate
    for n in range(switches):
        client0, service0 = time.process_time(), cpu_seconds(pids)
        started = time.monotonic()
        version = await asyncio.to_thread(_switch, url, "event" if n % 2 == 0 else "normal")
        deadline = started + 30
        while len(seen.get(version, [])) < len(doors) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        times = seen.get(version, [])
        delays += [t - started for t in times] + [float("inf")] * (len(doors) - len(times))
        if verbose and times:
            print(
                f"    switch {n + 1}: first door {(min(times) - started) * 1000:.0f} ms, "
                f"last {(max(times) - started) * 1000:.0f} ms, {len(times)}/{len(doors)}",
                flush=True,
            )
        busy["client"] += time.process_time() - client0
        busy["service"] += cpu_seconds(pids) - service0
        await asyncio.sleep(2)
    stop.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for door in doors:
        await door.client.aclose()
    delays.sort()
    load = os.getloadavg()[0]
    return {
        "load": load,
        "p50": statistics.median(delays),
        "p95": delays[int(0.95 * (len(delays) - 1))],
        "max": delays[-1],
        "idle_cpu": idle_cpu,
        "switch_cpu_clients": busy["client"] / switches,
        "switch_cpu_service": busy["service"] / switches,
    }


def measure(
    kiosks: int,
    workers: int,
    switches: int,
    idle: float = 20.0,
    protocol: str = "page",
    verbose: bool = False,
) -> dict[str, float]:
    with temp_database("kiosk_fleet") as url:
        tokens = _prepare(url, kiosks)
        # At most 20 PostgreSQL connections in all: each process has its pool and its LISTEN.
        pool = min(10, 20 // workers - 1)
        with central_service(url, workers=workers, pool_size=pool) as service:
            result = asyncio.run(
                _fleet(url, service.url, tokens, switches, service.pid, idle, protocol, verbose)
            )
            result["pg_connections"] = float(len(_backends(url)))
            return result


def summary(kiosks: int, workers: int, r: dict[str, float]) -> str:
    return (
        f"{kiosks} kiosks, {workers} service process(es): event switch seen by all "
        f"p50 {r['p50'] * 1000:.0f} ms, p95 {r['p95'] * 1000:.0f} ms, "
        f"max {r['max'] * 1000:.0f} ms; "
        f"PostgreSQL connections {r['pg_connections']:.0f}; "
        f"idle CPU (service + its PostgreSQL backends) {r['idle_cpu'] * 100:.1f}% of one core; "
        f"CPU per switch: simulated doors {r['switch_cpu_clients'] * 1000:.0f} ms, "
        f"service + backends {r['switch_cpu_service'] * 1000:.0f} ms; "
        f"load average {r['load']:.1f} on {os.cpu_count()} cores"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiosks", type=int, default=1000)
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1], help="service processes, e.g. 1 4"
    )
    parser.add_argument("--switches", type=int, default=6)
    parser.add_argument("--runs", type=int, default=1, help="runs per worker count (medians)")
    parser.add_argument("--idle", type=float, default=20.0, help="seconds of idle measured")
    parser.add_argument(
        "--protocol",
        choices=("page", "pull", "stream"),
        default="page",
        help="page: /v1/wait brings the page; pull: wake, then GET /v1/changes (older "
        "kiosks); stream: one GET /v1/stream per door (server-sent events)",
    )
    parser.add_argument("--verbose", action="store_true", help="print each switch's times")
    args = parser.parse_args()
    for workers in args.workers:
        results = []
        for _ in range(args.runs):
            r = measure(args.kiosks, workers, args.switches, args.idle, args.protocol, args.verbose)
            print(f"  run: {summary(args.kiosks, workers, r)}", flush=True)
            results.append(r)
        median = {k: statistics.median(r[k] for r in results) for k in results[0]}
        print(
            f"median of {len(results)} ({args.protocol}): {summary(args.kiosks, workers, median)}"
        )


if __name__ == "__main__":
    main()
