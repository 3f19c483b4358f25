"""Upgrading a kiosk that synced straight with the central store: enrol it, and its outbox
drains through the service from where it was, with nothing lost or stored twice."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.config.settings import load_config
from kiosk.store.engine import open_local_store
from kiosk.store.models import Checkin, Person
from kiosk.sync.engine import SyncEngine
from kiosk.sync.link import StoreLink
from tests.central.helpers import kiosk_config, live_service
from tests.stores import NOON, seed_central, site_key
from tests.sync.helpers import Tally, checkin_locally, outbox_left


def test_a_direct_kiosks_outbox_drains_through_the_service(
    tmp_path: Path, central_url: str
) -> None:
    clock = FixedClock(NOON)
    store = seed_central(central_url, site_key(tmp_path), clock)
    tally = Tally("upgrade: direct, then through the service")
    with live_service(store, clock) as service:
        cfg = load_config(kiosk_config(tmp_path, service, "lobby-1", "lobby"))
        local = open_local_store(cfg.local_store_path)
        direct = SyncEngine(local, central_url, kiosk_id="lobby-1", role="lobby", room_id=None,
                            clock=clock)  # fmt: skip
        assert isinstance(direct.link, StoreLink)
        direct.cycle()
        with local.engine.connect() as conn:
            person = conn.execute(select(Person.id).where(Person.role == "member")).scalar_one()
        for _ in range(3):  # pushed directly, before the upgrade
            tally.attempted.add(checkin_locally(local, person, "lobby-1", NOON))
        direct.push()
        for _ in range(4):  # still in the outbox when the kiosk is enrolled and restarted
            tally.attempted.add(checkin_locally(local, person, "lobby-1", NOON))
        direct.close()
        assert outbox_left(local) == 4
        cursor_before = direct.cursor()
        engine = SyncEngine.for_kiosk(cfg, local, clock)
        try:
            report = engine.cycle()
        finally:
            engine.close()
        assert report.pushed == 4 and outbox_left(local) == 0
        assert engine.cursor() >= cursor_before  # it pulled on from where it was
        local.dispose()
    with store.engine.connect() as conn:
        tally.central_ids = list(conn.execute(select(Checkin.id)).scalars())
    store.dispose()
    tally.check()
    assert tally.acknowledged == 7
