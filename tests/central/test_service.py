"""Kiosks sync through the central sync service: a device token, never a database login."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from kiosk.base.clock import FixedClock
from kiosk.central.service import AUTH_TTL
from kiosk.config.settings import load_config
from kiosk.lobby.checkin import CheckinService
from kiosk.security.directory import add_room
from kiosk.store.engine import Store, open_local_store
from kiosk.store.models import Checkin, KioskRecord, Person
from kiosk.sync.engine import SyncEngine
from kiosk.sync.link import CredentialRefused
from kiosk.views.screens import TapResult
from tests.central.helpers import LiveService, kiosk_config, live_service
from tests.helpers import wait_for
from tests.stores import AINO_UID, NOON, seed_central, site_key


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[tuple[LiveService, bytes]]:
    clock = FixedClock(NOON)
    key = site_key(tmp_path)
    store = seed_central(central_url, key, clock)
    with store.engine.begin() as conn:
        add_room(conn, "borealis", "Borealis", 6, clock.now())
    try:
        with live_service(store, clock) as service:
            yield service, key
    finally:
        store.dispose()


def _engine(tmp_path: Path, config: Path, clock: FixedClock) -> tuple[SyncEngine, Store]:
    cfg = load_config(config)
    local = open_local_store(cfg.local_store_path)
    return SyncEngine.for_kiosk(cfg, local, clock), local


def test_a_lobby_syncs_through_the_service_with_its_token_alone(
    tmp_path: Path, site: tuple[LiveService, bytes]
) -> None:
    service, key = site
    config = kiosk_config(tmp_path, service, "lobby-1", "lobby")
    assert "postgres" not in config.read_text(encoding="utf-8")
    engine, local = _engine(tmp_path, config, service.clock)
    try:
        engine.cycle()  # the first pull brings the people and their badges
        tap = CheckinService(local, service.clock, key, "lobby-1").badge_tap(AINO_UID)
        assert tap.result == TapResult.CHECKED_IN
        report = engine.cycle()
    finally:
        engine.close()
        local.dispose()
    assert report.pushed == 1 and report.outbox_depth == 0
    with service.store.engine.connect() as conn:
        kiosks = conn.execute(select(Checkin.kiosk_id)).scalars().all()
        beat = conn.execute(select(KioskRecord.role).where(KioskRecord.id == "lobby-1")).scalar()
    assert kiosks == ["lobby-1"] and beat == "lobby"


def test_a_door_receives_its_own_room_and_no_e_mail_addresses(
    tmp_path: Path, site: tuple[LiveService, bytes]
) -> None:
    service, _key = site
    engine, local = _engine(
        tmp_path, kiosk_config(tmp_path, service, "door-aurora", "door", "aurora"), service.clock
    )
    try:
        engine.cycle()
    finally:
        engine.close()
    with local.engine.connect() as conn:
        emails = conn.execute(select(Person.email)).scalars().all()
        checkins = conn.execute(select(func.count()).select_from(Checkin)).scalar()
    local.dispose()
    assert emails and all(e.endswith("@redacted.invalid") for e in emails)
    assert checkins == 0


def test_no_token_a_forged_one_and_a_revoked_one_are_refused(
    tmp_path: Path, site: tuple[LiveService, bytes]
) -> None:
    service, _key = site
    config = kiosk_config(tmp_path, service, "lobby-1", "lobby")
    token = (tmp_path / "lobby-1.token").read_text(encoding="ascii").strip()
    assert httpx.get(f"{service.url}/v1/changes").status_code == 401
    forged = {"Authorization": "Bearer lkd1." + "x" * 43}
    assert httpx.get(f"{service.url}/v1/changes", headers=forged).status_code == 401
    ok = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{service.url}/v1/whoami", headers=ok).json()["id"] == "lobby-1"

    from kiosk.central.credentials import revoke

    with service.store.engine.begin() as conn:
        revoke(conn, "lobby-1", service.clock.now())
    revoked_at = time.monotonic()
    wait_for(
        lambda: httpx.get(f"{service.url}/v1/whoami", headers=ok).status_code == 401,
        10,
        "the revocation to take effect",
    )
    assert time.monotonic() - revoked_at <= AUTH_TTL + 1.0
    engine, local = _engine(tmp_path, config, service.clock)
    try:
        with pytest.raises(CredentialRefused):
            engine.cycle()
    finally:
        engine.close()
        local.dispose()


def test_the_service_publishes_its_openapi_document(site: tuple[LiveService, bytes]) -> None:
    service, _key = site
    document = httpx.get(f"{service.url}/openapi.json").json()
    assert {"/v1/push", "/v1/changes", "/v1/heartbeat", "/v1/whoami"} <= set(document["paths"])
    assert json.dumps(document).count("maxLength") >= 3  # the edge's bounds are published
