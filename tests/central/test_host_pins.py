"""A kiosk enrolled with the service asks it for every host PIN; it holds no PIN hash."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.config.settings import load_config
from kiosk.security.directory import enroll_badge
from kiosk.security.host_auth import BadgeCheck, HostAuth, PinCheck, set_pin_central
from kiosk.store.engine import open_local_store
from kiosk.store.models import Person
from kiosk.sync.engine import SyncEngine, service_link
from tests.central.helpers import kiosk_config, live_service
from tests.stores import NOON, seed_central, site_key


def test_the_pin_pad_asks_the_service_and_says_when_it_cannot(
    tmp_path: Path, central_url: str
) -> None:
    clock = FixedClock(NOON)
    key = site_key(tmp_path)
    store = seed_central(central_url, key, clock)
    with store.engine.connect() as conn:
        host = conn.execute(select(Person.id).where(Person.role == "host")).scalar_one()
    with store.engine.begin() as conn:
        set_pin_central(conn, host, "482916", NOON)
        enroll_badge(conn, "mikko@lab.example", "0B00AA11CC", key, NOON)
    with live_service(store, clock) as service:
        cfg = load_config(kiosk_config(tmp_path, service, "lobby-1", "lobby"))
        local = open_local_store(cfg.local_store_path)
        engine = SyncEngine.for_kiosk(cfg, local, clock)
        engine.cycle()
        engine.close()
        link = service_link(cfg)
        auth = HostAuth(local, clock, key, "lobby-1", remote=link.host_pin)
        tapped = auth.badge("0B00AA11CC")
        assert tapped.result is BadgeCheck.HOST and tapped.host is not None  # no hash here
        assert auth.pin(host, "000000").result is PinCheck.WRONG
        assert auth.pin(host, "482916").result is PinCheck.OK
    # The service is gone: the kiosk says so instead of guessing.
    assert auth.pin(host, "482916").result is PinCheck.OFFLINE
    link.close()
    local.dispose()
    store.dispose()
