"""Every kiosk endpoint of the service, attacked over real HTTP with a stolen door's or lobby's
token: a revoked token, cursors and parameters out of range, floods, odd bodies and paths, a
heartbeat that claims another kiosk's role. Refused with a 4xx (never a 5xx), nothing changed
for any other kiosk (docs/sync.md, "What a thief can do with one kiosk").
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.base.ids import new_id
from kiosk.central.credentials import revoke
from kiosk.central.limits import DEFAULT_RATES, Rate, RateLimiter
from kiosk.central.service import AUTH_TTL
from kiosk.config.settings import load_config
from kiosk.store.engine import open_local_store
from kiosk.store.models import DeviceCredential, HostCall, KioskRecord
from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.worker import SyncWorker
from tests.central.helpers import LiveService, kiosk_config, live_service
from tests.central.thief_kit import beyond_the_audit, headers_for, member_id
from tests.helpers import wait_for
from tests.stores import NOON, dump, seed_central, site_key

PIN_OF = "00000000-0000-7000-8000-000000000001"
KIOSK_CALLS = [
    ("GET", "/v1/whoami", None),
    ("POST", "/v1/push", {"items": []}),
    ("GET", "/v1/changes", None),
    ("GET", "/v1/wait?timeout=0", None),
    ("GET", "/v1/stream", None),
    ("POST", "/v1/heartbeat", {"version": "1.0", "status": {}}),
    ("POST", "/v1/host/pin", {"person_id": PIN_OF, "pin": "1234"}),
]


def test_a_revoked_token_is_refused_at_every_kiosk_endpoint(
    tmp_path: Path, service: LiveService
) -> None:
    door = headers_for(tmp_path, service, "door-aurora", "door", "aurora")
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    with service.store.engine.begin() as conn:
        revoke(conn, "door-aurora", service.clock.now())
    revoked_at = time.monotonic()
    with httpx.Client(base_url=service.url, timeout=10) as http:
        wait_for(lambda: http.get("/v1/whoami", headers=door).status_code == 401, 10, "revocation")
        assert time.monotonic() - revoked_at <= AUTH_TTL + 1.0
        before = beyond_the_audit(service)
        for method, path, body in KIOSK_CALLS:
            answer = http.request(method, path, json=body, headers=door)
            assert answer.status_code == 401, (path, answer.text)
            assert answer.headers["WWW-Authenticate"] == "Bearer"
        assert beyond_the_audit(service) == before
        assert http.get("/v1/whoami", headers=lobby).json()["id"] == "lobby-1"  # the others go on


def test_a_copy_of_the_central_database_holds_no_token_to_act_with(
    tmp_path: Path, service: LiveService
) -> None:
    door = headers_for(tmp_path, service, "door-aurora", "door", "aurora")
    token = door["Authorization"].removeprefix("Bearer ")
    assert token not in repr(dump(service.store))  # every row of every table
    with service.store.engine.connect() as conn:
        stored = conn.execute(
            select(DeviceCredential.token_hash).where(DeviceCredential.id == "door-aurora")
        ).scalar_one()
    assert stored == hashlib.sha256(token.encode("ascii")).hexdigest()
    for forged in (stored, f"lkd1.{stored[:43]}"):
        bearer = {"Authorization": f"Bearer {forged}"}
        assert httpx.get(f"{service.url}/v1/whoami", headers=bearer).status_code == 401


def test_cursors_and_parameters_out_of_range_are_422_never_5xx(
    tmp_path: Path, service: LiveService
) -> None:
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    bad = ["9" * 19, "1:" + "9" * 19, "9" * 20 + ":1", "-1", "1:2:3", "1e3"]
    # Without rate limits (a malformed request takes a token too, and these are many).
    with (
        live_service(service.store, service.clock, rates={}) as unlimited,
        httpx.Client(base_url=unlimited.url, headers=lobby, timeout=10) as http,
    ):
        for path in ("/v1/changes?", "/v1/wait?timeout=0&page=true&", "/v1/stream?"):
            for after in bad:
                answer = http.get(f"{path}after={after}")
                assert answer.status_code == 422, (path, after, answer.text)
            for limit in ("0", "5001", "-1", "x"):
                assert http.get(f"{path}limit={limit}").status_code == 422, (path, limit)
        last = {"Last-Event-ID": "9" * 19}
        assert http.get("/v1/stream", headers=last).status_code == 422
        assert http.get("/v1/wait?timeout=56").status_code == 422
        # The largest cursor accepted fits the store: an empty page, not an overflow.
        top = "9" * 18 + ":" + "9" * 18
        answer = http.get(f"/v1/changes?after={top}")
        assert answer.status_code == 200 and answer.json()["changes"] == []
    document = httpx.get(f"{service.url}/openapi.json").json()
    parameters = document["paths"]["/v1/changes"]["get"]["parameters"]
    after = next(p for p in parameters if p["name"] == "after")
    assert after["schema"]["pattern"] == r"^[0-9]{1,18}(:[0-9]{1,18})?$"


def test_odd_bodies_and_paths_are_refused_cleanly(tmp_path: Path, service: LiveService) -> None:
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    before = beyond_the_audit(service)
    with httpx.Client(base_url=service.url, headers=lobby, timeout=10) as http:
        plain = {"Content-Type": "text/plain"}
        assert http.post("/v1/push", content=b'{"items": []}', headers=plain).status_code == 422
        form = http.post("/v1/push", data={"items": "[]"})
        assert form.status_code == 422
        assert http.post("/v1/push", content=b"\x00\xff{", headers={}).status_code == 422
        too_many = {"items": [{"seq": i, "entity": "feedback", "payload": {}} for i in range(501)]}
        assert http.post("/v1/push", json=too_many).status_code == 422  # the batch cap
        unknown = {"items": [], "as_kiosk": "lobby-2"}
        assert http.post("/v1/push", json=unknown).status_code == 422
        # A body sent in chunks, without a length: counted as it comes, 413 past the cap.
        chunks = (b'{"items": [' + b" " * 64 * 1024 for _ in range(5))
        assert http.post("/v1/push", content=chunks).status_code == 413
        assert http.get("/v1/push").status_code == 405
        for path in ("/v1/../openapi.json/../../etc/passwd", "/v1/staff/rooms/..%2F..%2F/week"):
            answer = http.get(path)
            assert answer.status_code in (403, 404) and "root:" not in answer.text, path
    assert beyond_the_audit(service) == before


def test_a_heartbeat_cannot_claim_another_kiosks_role_room_or_id(
    tmp_path: Path, service: LiveService
) -> None:
    door = headers_for(tmp_path, service, "door-aurora", "door", "aurora")
    claims = {"role": "lobby", "room_id": "borealis", "kiosk_id": "lobby-1", "id": "lobby-1"}
    body = {"version": "1.0", "status": claims}
    answer = httpx.post(f"{service.url}/v1/heartbeat", json=body, headers=door)
    assert answer.status_code == 200, answer.text
    with service.store.engine.connect() as conn:
        rows = conn.execute(select(KioskRecord.id, KioskRecord.role, KioskRecord.room_id)).all()
    assert [tuple(r) for r in rows] == [("door-aurora", "door", "aurora")]


def test_a_flood_of_pushes_pins_or_pulls_is_429_for_that_kiosk_alone(
    tmp_path: Path, service: LiveService
) -> None:
    door = headers_for(tmp_path, service, "door-aurora", "door", "aurora")
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    not_a_host = {"person_id": member_id(service), "pin": "1234"}
    with httpx.Client(base_url=service.url, timeout=10) as http:
        pushes = [http.post("/v1/push", json={"items": []}, headers=door) for _ in range(40)]
        codes = [p.status_code for p in pushes]
        assert codes[:20] == [200] * 20 and 429 in codes
        limited = next(p for p in pushes if p.status_code == 429)
        assert int(limited.headers["Retry-After"]) >= 1
        assert http.post("/v1/push", json={"items": []}, headers=lobby).status_code == 200
        pins = [http.post("/v1/host/pin", json=not_a_host, headers=door) for _ in range(7)]
        assert [p.status_code for p in pins[:5]] == [200] * 5
        assert pins[-1].status_code == 429 and int(pins[-1].headers["Retry-After"]) >= 1
        assert http.post("/v1/host/pin", json=not_a_host, headers=lobby).status_code == 200
        # Pulls at once (faster than the bucket of 40 refills at 10 a second), then long-polls.
        get = partial(http.get, headers=door)
        for path, burst in (("/v1/changes?limit=1", 40), ("/v1/wait?timeout=0", 5)):
            with ThreadPoolExecutor(8) as pool:
                codes = [a.status_code for a in pool.map(get, [path] * 80)]
            assert codes.count(200) >= burst and 429 in codes and set(codes) == {200, 429}, path


def test_a_flood_of_records_is_429_once_a_kiosk_pushed_two_thousand(
    tmp_path: Path, service: LiveService
) -> None:
    """The feed every kiosk pulls is not filled at 500 records a request (nor the audit log
    with their refusals): records are counted one by one, 2,000 at once, then 5 a second."""
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    other = headers_for(tmp_path, service, "lobby-2", "lobby", None)

    def batch(kiosk_id: str) -> dict[str, Any]:
        return {"items": [{"seq": n, "entity": "host_calls", "payload": {
            "id": str(new_id()), "kiosk_id": kiosk_id, "at": NOON.isoformat(),
            "updated_at": NOON.isoformat()}} for n in range(500)]}  # fmt: skip

    with httpx.Client(base_url=service.url, timeout=60) as http:
        answers = [http.post("/v1/push", json=batch("lobby-1"), headers=lobby) for _ in range(5)]
        assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
        assert int(answers[-1].headers["Retry-After"]) >= 60  # 500 records at 5 a second
        assert http.post("/v1/push", json=batch("lobby-2"), headers=other).status_code == 200
    with service.store.engine.connect() as conn:
        calls = conn.execute(
            select(HostCall.kiosk_id, func.count()).group_by(HostCall.kiosk_id)
        ).all()
    assert sorted(map(tuple, calls)) == [("lobby-1", 2_000), ("lobby-2", 500)]


class CountingLimiter(RateLimiter):
    """The service's limiter, counting what each kind of request asked of it."""

    def __init__(self, rates: dict[str, Rate]) -> None:
        super().__init__(rates)
        self.asked: Counter[str] = Counter()

    def wait_needed(self, device_id: str, kind: str) -> float:
        self.asked[kind] += 1
        return super().wait_needed(device_id, kind)


@contextmanager
def _tight_heartbeats(tmp_path: Path, central_url: str) -> Iterator[tuple[LiveService, Counter]]:
    """A service that takes one heartbeat per 30 s from each kiosk."""
    clock = FixedClock(NOON)
    store = seed_central(central_url, site_key(tmp_path), clock)
    rates = {**DEFAULT_RATES, "heartbeat": Rate(per_second=1 / 30, burst=1)}
    limiter = CountingLimiter(rates)
    try:
        with live_service(store, clock, limiter=limiter) as live:
            yield live, limiter.asked
    finally:
        store.dispose()


def test_the_kiosk_waits_as_long_as_retry_after_says_and_stays_online(
    tmp_path: Path, central_url: str
) -> None:
    with _tight_heartbeats(tmp_path, central_url) as (service, asked):
        cfg = load_config(kiosk_config(tmp_path, service, "lobby-1", "lobby"))
        local = open_local_store(cfg.local_store_path)
        statuses: list[SyncStatus] = []
        engine = SyncEngine.for_kiosk(cfg, local, SystemClock())
        worker = SyncWorker(
            engine, interval=0.05, clock=SystemClock(), on_status=statuses.append, max_backoff=0.2
        )
        worker.start()
        try:
            wait_for(lambda: asked["heartbeat"] >= 2, 10, "the second heartbeat (429)")
            time.sleep(2.0)  # 40 cycles at the kiosk's interval, had it not waited
            beats = asked["heartbeat"]
        finally:
            worker.stop()  # (its goodbye is one more heartbeat)
            local.dispose()
        assert beats == 2  # one beat, one 429 with Retry-After: 30, then quiet
        assert statuses and statuses[0].online and all(s.offline_since is None for s in statuses)
