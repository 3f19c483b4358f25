"""A seeded central store behind a real service on loopback, and a staff member's client."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.central.credentials import enroll
from kiosk.central.staff import StaffSettings
from kiosk.console.client import StaffClient
from kiosk.lobby.invite_delivery import MailSettings
from kiosk.security.directory import add_person
from kiosk.security.signing_keys import new_key
from kiosk.store.models import Person
from tests.central.helpers import LiveService, live_service
from tests.stores import NOON, seed_central, site_key

HELSINKI = ZoneInfo("Europe/Helsinki")
HOST = "mikko@lab.example"


@dataclass
class Site:
    service: LiveService
    data_dir: Path
    host_id: uuid.UUID

    def staff_token(self, name: str = "staff-mikko", person: str = HOST) -> str:
        with self.service.store.engine.begin() as conn:
            return enroll(conn, name, "staff", None, self.service.clock.now(), person)

    def client(self, token: str | None = None) -> StaffClient:
        return StaffClient(self.service.url, token or self.staff_token(), timeout=20)


@contextmanager
def staff_site(
    tmp_path: Path,
    central_url: str,
    *,
    mail: bool = True,
    rates: dict[str, Any] | None = None,
    pdf_writer: Any = None,
) -> Iterator[Site]:
    """The seeded store (a member, a host, room aurora), a signing key, a live service."""
    clock = FixedClock(NOON)
    store = seed_central(central_url, site_key(tmp_path), clock)
    data_dir = tmp_path / "service-data"
    with store.engine.begin() as conn:
        new_key(conn, data_dir, clock.now())
        add_person(conn, name="Aino Admin", email="admin@lab.example", role="admin",
                   organisation=None, now=clock.now())  # fmt: skip
        host_id = conn.execute(select(Person.id).where(Person.email == HOST)).scalar_one()
    settings = StaffSettings(
        HELSINKI,
        "fi",
        data_dir,
        MailSettings("lab-kiosk@lab.example", HELSINKI, {"fi": "Lab, Helsinki"}, {})
        if mail
        else None,
        pdf_writer,
    )
    try:
        with live_service(store, clock, staff=settings, rates=rates) as service:
            yield Site(service, data_dir, host_id)
    finally:
        store.dispose()
