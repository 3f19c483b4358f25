"""Under real kiosk roles: a host's switch made at a door or lobby reaches the central store,
a kiosk cannot pass off a switch as another kiosk's, and a member cannot switch at all."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.cli.main import main
from kiosk.rooms.host_modes import HostModes
from kiosk.store.engine import open_store
from kiosk.store.models import AuditEntry, OutboxRow, Person, RoomMode
from tests.stores import local
from tests.sync.helpers import admin_config, as_role, drop_kiosk_roles, engine_for

pytestmark = pytest.mark.postgres
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def door_id(pg_url: str) -> Iterator[str]:
    kiosk_id = f"door-{uuid.uuid4().hex[:8]}"
    yield kiosk_id
    drop_kiosk_roles(pg_url, [kiosk_id])


def test_a_door_pushes_a_hosts_switch_as_itself_only(
    tmp_path: Path, seeded_pg: str, door_id: str, clock: FixedClock
) -> None:
    config = admin_config(tmp_path, seeded_pg)
    grant = ["admin", "--config", str(config), "grant-kiosk", door_id, "--role", "door"]
    assert main([*grant, "--room", "aurora"]) == 0
    url = as_role(seeded_pg, door_id)
    store = local(tmp_path, "door")
    sync = engine_for(store, url, clock, kiosk_id=door_id, role="door")
    sync.cycle()
    with store.session() as s:
        host = s.scalars(select(Person.id).where(Person.role == "host")).one()
        member = s.scalars(select(Person.id).where(Person.role == "member")).one()
    until = clock.now() + timedelta(hours=2)
    HostModes(store, clock, door_id, HELSINKI).switch(host, None, "event", until, title="Demo day")
    assert sync.push() == (3, 0)  # the event, the Lab-wide switch and its audit entry
    # A switch claiming another kiosk, and one by a member, are refused and kept.
    HostModes(store, clock, "door-elsewhere", HELSINKI).switch(host, ("aurora",), "closed", until)
    HostModes(store, clock, door_id, HELSINKI).switch(member, ("aurora",), "closed", until)
    # Refused: both records claiming the other kiosk, and the member's switch; the member's
    # attempt itself stays in the audit log.
    assert sync.push() == (1, 3)
    with store.session() as s:
        reasons = [
            r.last_error
            for r in s.scalars(select(OutboxRow).where(OutboxRow.rejected_at.is_not(None)))
        ]
    assert len(reasons) == 3 and all(reasons)
    assert any("only a host" in (r or "") for r in reasons)
    central = open_store(seeded_pg, migrate=False)
    with central.engine.connect() as conn:
        modes = conn.execute(select(RoomMode.kiosk_id, RoomMode.mode)).all()
        audit = conn.execute(select(AuditEntry.action)).scalars().all()
    assert modes == [(door_id, "event")]
    assert "host.mode_set" in audit
    central.dispose()
    sync.close()
    store.dispose()
