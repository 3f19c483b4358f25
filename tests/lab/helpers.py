"""A small Lab for the feature tests: a seeded central store and a synced lobby replica."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.base.ids import new_id
from kiosk.lab.host_duty import set_duty
from kiosk.lobby.checkin import CheckinService
from kiosk.security.directory import add_person, enroll_badge
from kiosk.store.engine import Store, open_local_store
from kiosk.store.models import Person
from kiosk.sync import central
from kiosk.sync.engine import SyncEngine
from tests.stores import NOON, seed_central, site_key

TZ = ZoneInfo("Europe/Helsinki")
TODAY = NOON.astimezone(TZ).date()
LINNEA_UID = "0B1234ABCD"
MIKKO_UID = "0C55AA0F10"


@dataclass
class Site:
    tmp: Path
    url: str
    clock: FixedClock
    key: bytes
    central: Store
    lobby: Store
    ids: dict[str, uuid.UUID] = field(default_factory=dict)
    _engines: list[SyncEngine] = field(default_factory=list)

    def engine(
        self,
        store: Store | None = None,
        *,
        kiosk_id: str = "lobby-1",
        role: str = "lobby",
        url: str | None = None,
    ) -> SyncEngine:
        engine = SyncEngine(
            store or self.lobby,
            url or self.url,
            kiosk_id=kiosk_id,
            role=role,
            room_id="aurora" if role == "door" else None,
            clock=self.clock,
            pending_wait=0.2,
        )
        self._engines.append(engine)
        return engine

    def sync(self) -> None:
        if not self._engines:
            self.engine()
        self._engines[0].cycle()

    def taps(self, kiosk_id: str = "lobby-1") -> CheckinService:
        return CheckinService(self.lobby, self.clock, self.key, kiosk_id)

    def local(self, name: str) -> Store:
        return open_local_store(self.tmp / name / "kiosk.db")

    def close(self) -> None:
        for engine in self._engines:
            engine.close()
        self.lobby.dispose()
        self.central.dispose()


def make_site(tmp_path: Path, url: str | None = None) -> Site:
    """Aino (member, badge), Linnea (member, badge), Mikko (host, badge, on duty today),
    Helena (host, off duty) and a walk-in visitor's directory entry-free world."""
    url = url or f"sqlite:///{tmp_path / 'central.db'}"
    clock = FixedClock(NOON)
    key = site_key(tmp_path)
    store = seed_central(url, key, clock)
    now = clock.now()
    with store.engine.begin() as conn:
        add_person(
            conn,
            name="Linnea Lindqvist",
            email="linnea@oph.example",
            role="member",
            organisation="Opetushallitus",
            now=now,
        )
        enroll_badge(conn, "linnea@oph.example", LINNEA_UID, key, now)
        enroll_badge(conn, "mikko@lab.example", MIKKO_UID, key, now)
        add_person(
            conn,
            name="Helena Host",
            email="helena@lab.example",
            role="host",
            organisation=None,
            now=now,
        )
        ids = {r.email.split("@")[0]: r.id for r in conn.execute(select(Person.id, Person.email))}
        set_duty(conn, TODAY, [ids["mikko"]], now)
        set_duty(conn, TODAY + timedelta(days=1), [ids["helena"]], now)
    site = Site(tmp_path, url, clock, key, store, open_local_store(tmp_path / "lobby" / "kiosk.db"))
    site.ids = ids
    site.sync()
    return site


def write_event(site: Site, title: str = "Lab-ilta") -> uuid.UUID:
    event_id = new_id()
    now = site.clock.now()
    with site.central.engine.begin() as conn:
        central.write(
            conn,
            "events",
            {
                "id": event_id,
                "title": title,
                "description": None,
                "starts_at": now,
                "ends_at": now + timedelta(hours=2),
                "capacity": None,
                "online_url": None,
                "allow_walkins": False,
                "created_by": None,
                "kiosk_id": None,
                "updated_at": now,
            },
            now,
        )
    return event_id


def day(offset: int = 0) -> date:
    return TODAY + timedelta(days=offset)
