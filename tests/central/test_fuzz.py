"""Property-based fuzzing of the service's push with a door's token: never a 5xx, never a
change outside the door's own scope, whatever the body."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.security.directory import add_room
from kiosk.store.models import Base, Booking, Checkin, RoomMode, Visitor
from kiosk.sync.replication import ENTITIES
from tests.central.helpers import LiveService, live_service
from tests.stores import NOON, seed_central, site_key

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["door-aurora", "lobby-1", "borealis", "aurora", NOON.isoformat(), "9999-99"]),
    st.uuids().map(str),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.text(max_size=8), inner, max_size=3), max_leaves=8)  # fmt: skip


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    entity = draw(st.sampled_from([*ENTITIES, "changes", "kiosks", "", "x" * 50]))
    columns = list(ENTITIES[entity].table.columns.keys()) if entity in ENTITIES else ["id"]
    payload = draw(st.dictionaries(st.sampled_from([*columns, "extra"]), values, max_size=12))
    return {"seq": draw(st.integers(min_value=-5, max_value=2**60)), "entity": entity,
            "payload": payload}  # fmt: skip


@pytest.fixture
def door_service(tmp_path: Path) -> Iterator[tuple[LiveService, str]]:
    clock = FixedClock(NOON)
    store = seed_central(f"sqlite:///{tmp_path / 'central.db'}", site_key(tmp_path), clock)
    with store.engine.begin() as conn:
        add_room(conn, "borealis", "Borealis", 6, clock.now())
    with live_service(store, clock, rates={}) as service:
        token = service.enroll(tmp_path, "door-aurora", "door", "aurora")
        yield service, token.read_text(encoding="ascii").strip()
    store.dispose()


def _scope_ok(service: LiveService) -> None:
    with service.store.engine.connect() as conn:
        assert conn.execute(select(Checkin.id)).first() is None
        assert conn.execute(select(Visitor.id)).first() is None
        assert conn.execute(select(Booking.id).where(Booking.room_id != "aurora")).first() is None
        rooms = set(conn.execute(select(RoomMode.room_id)).scalars())
        assert rooms <= {None, "aurora"}
        for table in Base.metadata.sorted_tables:
            if "kiosk_id" in table.c and table.name not in ("audit_log", "host_sessions"):
                kiosks = set(conn.execute(select(table.c.kiosk_id)).scalars())
                assert kiosks <= {None, "door-aurora"}, table.name


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(records(), max_size=6), raw=st.none() | st.binary(max_size=64))
def test_no_body_makes_the_service_fail_or_reach_beyond_the_door(
    door_service: tuple[LiveService, str], batch: list[dict[str, Any]], raw: bytes | None
) -> None:
    service, token = door_service
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    # NaN and Infinity as Python's json writes them: the service must cope with those too.
    body = raw if raw is not None else json.dumps({"items": batch}).encode()
    status = batch[0] if batch else {}
    beat_body = json.dumps({"version": "1", "status": status}).encode()
    with httpx.Client(base_url=service.url, headers=headers, timeout=30) as client:
        answer = client.post("/v1/push", content=body)
        assert answer.status_code in (200, 400, 422), answer.text  # 400: not JSON at all
        beat = client.post("/v1/heartbeat", content=beat_body)
        assert beat.status_code in (200, 422), beat.text
        page = client.get("/v1/changes", params={"after": "0:0", "limit": 50})
        assert page.status_code == 200
        shared = page.json()["changes"]
    assert all(c["entity"] not in ("checkins", "visitors", "invitations") for c in shared)
    _scope_ok(service)
