"""Two kiosks with one id through the central sync service (real HTTP on loopback).

Both hear it in their heartbeat answers and show it (``SyncStatus.duplicate_id``); the fleet
keeps each one's readers; a kiosk that stops cleanly says goodbye and is gone at once.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from kiosk.base.clock import FixedClock
from kiosk.config.settings import load_config
from kiosk.store.engine import Store, open_local_store
from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.fleet import fleet
from kiosk.sync.http_link import HttpLink
from kiosk.sync.instance import InstanceId
from kiosk.sync.worker import SyncWorker
from tests.central.helpers import LiveService, kiosk_config, live_service
from tests.helpers import wait_for
from tests.stores import NOON, seed_central, site_key

SECOND = timedelta(seconds=1)


@pytest.fixture
def service(tmp_path: Path, central_url: str) -> Iterator[LiveService]:
    clock = FixedClock(NOON)
    store = seed_central(central_url, site_key(tmp_path), clock)
    try:
        with live_service(store, clock, rates={}) as live:  # two kiosks share one bucket
            yield live
    finally:
        store.dispose()


def _kiosk(tmp_path: Path, config: Path, name: str, reader: str) -> tuple[SyncEngine, Store]:
    """One kiosk process with the shared config (so the shared token), its own store."""
    local = open_local_store(tmp_path / name / "kiosk.db")
    readers = {"readers": {"badge": {"state": reader, "error": None}}}
    engine = SyncEngine.for_kiosk(
        load_config(config),
        local,
        FixedClock(NOON),
        heartbeat_status=lambda: readers,
        instance=InstanceId(secrets.token_hex(8), secrets.token_hex(8)),
    )
    return engine, local


def test_both_kiosks_hear_of_the_duplicate_and_the_fleet_keeps_both(
    tmp_path: Path, service: LiveService
) -> None:
    config = kiosk_config(tmp_path, service, "door-aurora", "door", "aurora")
    (real, real_store), (copy, copy_store) = (
        _kiosk(tmp_path, config, "real", "connected"),
        _kiosk(tmp_path, config, "copy", "failed"),
    )
    statuses: list[SyncStatus] = []
    worker = SyncWorker(real, interval=0.05, clock=service.clock, on_status=statuses.append)
    worker_started = False
    try:
        for engine in (real, copy, real, copy):  # the service's clock moves between them
            engine.heartbeat()
            service.clock.advance(SECOND)
        assert real.duplicate and copy.duplicate
        with service.store.engine.connect() as conn:
            (door,) = fleet(conn, service.clock.now())
        assert door.duplicate
        assert sorted(i.readers["badge"] for i in door.instances) == ["connected", "failed"]
        assert {i.instance for i in door.instances} == {
            real.instance.instance,
            copy.instance.instance,
        }

        worker.start()  # the real kiosk's sync: its status says so (the strip shows it)
        worker_started = True
        wait_for(lambda: any(s.duplicate_id for s in statuses), 30, "a status naming the id")
        assert statuses[-1].duplicate_id == "door-aurora"
        worker.stop()  # a clean stop: its goodbye
        worker_started = False
        service.clock.advance(SECOND)
        copy.heartbeat()
        assert copy.duplicate is False  # the real one is gone at once, not after the window
    finally:
        if worker_started:
            worker.stop()
        real.close()
        copy.close()
        real_store.dispose()
        copy_store.dispose()


def test_the_heartbeat_answer_and_its_bounds(tmp_path: Path, service: LiveService) -> None:
    kiosk_config(tmp_path, service, "lobby-1", "lobby")
    token = (tmp_path / "lobby-1.token").read_text(encoding="ascii").strip()
    headers = {"Authorization": f"Bearer {token}"}
    beat = {"version": "1.0", "status": {}}
    with httpx.Client(base_url=service.url, headers=headers, timeout=30) as client:
        plain = client.post("/v1/heartbeat", json=beat)  # a kiosk from before instances
        assert plain.status_code == 200 and plain.json() == {"duplicate": False, "instances": 0}
        named = {**beat, "instance": "0123456789abcdef", "machine": "fedcba9876543210"}
        answer = client.post("/v1/heartbeat", json=named)
        assert answer.json() == {"duplicate": False, "instances": 1}
        for bad in ("0123", "0123456789ABCDEF", "../../etc/passwd", "x" * 16):
            refused = client.post("/v1/heartbeat", json={**named, "instance": bad})
            assert refused.status_code == 422, bad
        bye = client.post("/v1/heartbeat", json={**named, "stopping": True})
        assert bye.json() == {"duplicate": False, "instances": 0}


def test_a_kiosk_keeps_beating_with_a_service_from_before_instances() -> None:
    """An older service forbids the new fields (422) and answers 204: the kiosk carries on."""
    seen: list[dict[str, object]] = []

    def old_service(request: httpx.Request) -> httpx.Response:
        import json

        body = json.loads(request.content)
        seen.append(body)
        return httpx.Response(422 if set(body) - {"version", "status"} else 204)

    link = HttpLink(
        "http://central.invalid", "lkd1.x", version="1", transport=httpx.MockTransport(old_service)
    )
    me = InstanceId("0123456789abcdef", "fedcba9876543210")
    try:
        assert link.heartbeat("1", {}, me).duplicate is False
        assert link.heartbeat("1", {}, me).duplicate is False
        assert not link.heartbeat("1", {}, me, stopping=True).duplicate
    finally:
        link.close()
    assert [sorted(b) for b in seen] == [
        ["instance", "machine", "status", "stopping", "version"],
        ["status", "version"],
        ["status", "version"],  # no second try with the fields; no goodbye it cannot take
    ]
