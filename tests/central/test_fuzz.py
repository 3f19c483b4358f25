"""Property-based fuzzing of every kiosk endpoint in the service's own ``/openapi.json``, with a
door's and a lobby's token, on SQLite and PostgreSQL, over real HTTP (issue 16): never a 5xx,
nothing changed outside the kiosk's scope (tests/central/scope_kit.py), and the service still
answers afterwards. The requests are drawn from the document (tests/central/openapi_kit.py),
so a new endpoint is fuzzed as soon as it is published. The staff console's endpoints get a few
requests with the kiosk's token too: refused, never a 2xx."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.store.engine import open_store
from kiosk.store.models import Badge, Booking, Checkin, Invitation, Person, Visitor
from tests.central.fuzz_records import pushed_records
from tests.central.helpers import LiveService, live_service
from tests.central.openapi_kit import Drawn, Operation, Schemas, operations
from tests.central.openapi_kit import send as send_drawn
from tests.central.scope_kit import Kiosk, out_of_scope, snapshot
from tests.central.seeded_lab import ROOMS, seed_lab
from tests.central.thief_kit import headers_for
from tests.stores import NOON, site_key

EXAMPLES = 15  # requests per endpoint, kiosk and store: the four runs take ~50 s in all
STAFF_EXAMPLES = 3  # per staff console endpoint, with the kiosk's token
DEEPER = {("POST", "/v1/push"): 60}  # the endpoint with the most rules behind it
KIOSKS = {"door": Kiosk("door-aurora", "door", "aurora"), "lobby": Kiosk("lobby-1", "lobby", None)}
OTHER = Kiosk("door-room-01", "door", ROOMS[1])  # another room's door, with a heartbeat stored
PIN = "482916"  # the seeded host's (tests/central/seeded_lab.py): a PIN session opens the panel


@dataclass
class Target:
    service: LiveService
    kiosk: Kiosk
    headers: dict[str, str]
    known: dict[str, list[str]]  # ids in the store: hosts, people, bookings, any rows


@pytest.fixture(params=sorted(KIOSKS))
def target(request: pytest.FixtureRequest, tmp_path: Path, central_url: str) -> Iterator[Target]:
    store = open_store(central_url)
    seed_lab(store, site_key(tmp_path), tmp_path / "admin")
    with store.engine.connect() as conn:
        hosts = select(Person.id).where(Person.role == "host")
        known = {
            "hosts": [str(i) for i in conn.execute(hosts).scalars()],
            "people": [str(i) for i in conn.execute(select(Person.id).limit(20)).scalars()],
            "bookings": [str(i) for i in conn.execute(select(Booking.id)).scalars()],
            "rows": [
                str(i)
                for model in (Booking, Visitor, Invitation, Checkin, Badge)
                for i in conn.execute(select(model.id)).scalars()
            ],
        }
    kiosk = KIOSKS[request.param]
    try:
        with live_service(store, FixedClock(NOON), rates={}) as live:
            other = headers_for(tmp_path, live, OTHER.id, OTHER.role, OTHER.room)
            beat = {"version": "1.0", "status": {"ok": True}}
            assert httpx.post(f"{live.url}/v1/heartbeat", json=beat, headers=other).is_success
            headers = headers_for(tmp_path, live, kiosk.id, kiosk.role, kiosk.room)
            yield Target(live, kiosk, headers, known)
    finally:
        store.dispose()


def hints(target: Target) -> dict[str, st.SearchStrategy[Any]]:
    """Realistic records (tests/central/fuzz_records.py), ids the store knows, and the seeded
    host's PIN: a PIN session opens the host panel's records too."""
    kiosk, known = target.kiosk, target.known
    names = [kiosk.id, OTHER.id, "lobby-2", *ROOMS[:3]]
    people = st.sampled_from(known["hosts"] + known["people"][:5])
    pin = st.fixed_dictionaries({"person_id": people, "pin": st.just(PIN) | st.just("0000")})
    uuids = st.sampled_from(known["hosts"] + known["rows"]) | st.uuids().map(str)
    return {"PushItemIn": pushed_records(kiosk, known, names), "HostPinIn": pin, "uuid": uuids}


def test_no_request_in_the_openapi_document_fails_the_service_or_reaches_beyond_the_kiosk(
    target: Target,
) -> None:
    service, kiosk = target.service, target.kiosk
    with httpx.Client(base_url=service.url, timeout=10) as client:
        doc = client.get("/openapi.json").json()
        kiosks, staff = operations(doc), operations(doc, staff=True)
        assert {"/v1/push", "/v1/heartbeat", "/v1/changes", "/v1/stream"} <= {
            op.path for op in kiosks
        }
        schemas = Schemas(doc, hints(target))
        before = snapshot(service.store)
        answered: Counter[tuple[tuple[str, str], int]] = Counter()

        for op in kiosks:  # each on its own: every endpoint gets its share
            _fuzz(client, op, schemas.request(op), target.headers, answered, EXAMPLES)
        for op in staff:  # a stolen kiosk token at the staff console: refused, whatever it sends
            _fuzz(client, op, schemas.request(op), target.headers, answered, STAFF_EXAMPLES)
        problems = out_of_scope(before, snapshot(service.store), kiosk)
        assert not problems, "\n".join(problems[:20])
        _still_answers(client, target)
    for op in kiosks:  # every endpoint was reached, and at least once got past its checks
        assert answered[op.key, 2], (op.key, answered)
    assert not [op.key for op in staff if answered[op.key, 2]]


def _fuzz(
    client: httpx.Client,
    op: Operation,
    requests: st.SearchStrategy[Drawn],
    headers: dict[str, str],
    answered: Counter[tuple[tuple[str, str], int]],
    examples: int,
) -> None:
    @settings(
        max_examples=DEEPER.get(op.key, examples),
        deadline=None,
        derandomize=True,  # the same requests on every run: CI stays reproducible
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(drawn=requests)
    def fuzz(drawn: Drawn) -> None:
        status = send_drawn(client, op, drawn, headers)
        answered[op.key, status // 100] += 1
        assert status < 500, (op.key, drawn)

    fuzz()


def _still_answers(client: httpx.Client, target: Target) -> None:
    headers, kiosk = target.headers, target.kiosk
    whoami = client.get("/v1/whoami", headers=headers)
    assert whoami.status_code == 200
    assert whoami.json() == {"id": kiosk.id, "role": kiosk.role, "room_id": kiosk.room}
    assert client.post("/v1/push", json={"items": []}, headers=headers).status_code == 200
    page = client.get("/v1/changes", params={"limit": 5000}, headers=headers)
    assert page.status_code == 200
    if kiosk.role == "door":  # its audience: no visitor, check-in or invitation
        entities = {c["entity"] for c in page.json()["changes"]}
        assert not entities & {"checkins", "visitors", "invitations"}
