"""PostgreSQL roles: a lobby pushes its feedback, consents and calls as itself; any kiosk takes
calls as itself; nobody writes these as another kiosk; migration 0009 undoes cleanly."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from kiosk.cli.main import main
from kiosk.lab.feedback import FeedbackService
from kiosk.lab.here_today import HereTodayService
from kiosk.lab.host_calls import HostCallService
from kiosk.store.models import OutboxRow
from tests.lab.helpers import TZ, Site, make_site
from tests.sync.helpers import admin_config, as_role, drop_kiosk_roles

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_site(tmp_path: Path, pg_url: str) -> Iterator[tuple[Site, dict[str, str]]]:
    suffix = uuid.uuid4().hex[:8]
    ids = {"lobby": f"lobby-{suffix}", "door": f"door-{suffix}"}
    site = make_site(tmp_path, pg_url)
    config = admin_config(tmp_path / "admin", pg_url)
    base = ["admin", "--config", str(config), "grant-kiosk"]
    assert main([*base, ids["lobby"], "--role", "lobby"]) == 0
    assert main([*base, ids["door"], "--role", "door", "--room", "aurora"]) == 0
    yield site, ids
    site.close()
    drop_kiosk_roles(pg_url, ids.values())


def _lobby_records(site: Site, store_kiosk: str) -> uuid.UUID:
    FeedbackService(site.lobby, site.clock, store_kiosk).record(3, comment="Kiitos")
    HereTodayService(site.lobby, site.clock, store_kiosk, TZ).set_visible(site.ids["aino"], True)
    return HostCallService(site.lobby, site.clock, store_kiosk, TZ).call().call_id


def test_a_lobby_role_pushes_its_own_lab_records(pg_site: tuple[Site, dict[str, str]]) -> None:
    site, ids = pg_site
    lobby_url = as_role(site.url, ids["lobby"])
    call_id = _lobby_records(site, ids["lobby"])
    engine = site.engine(kiosk_id=ids["lobby"], url=lobby_url)
    assert engine.push() == (3, 0)
    # A host takes the call at a door, as the door.
    door_store = site.local("door")
    door_url = as_role(site.url, ids["door"])
    door_engine = site.engine(door_store, kiosk_id=ids["door"], role="door", url=door_url)
    door_engine.cycle()
    door = HostCallService(door_store, site.clock, ids["door"], TZ)
    assert [c.call_id for c in door.open_calls()] == [call_id]
    door.acknowledge(call_id, site.ids["mikko"])
    assert door_engine.push() == (1, 0)
    door_store.dispose()
    admin = sa.create_engine(site.url, poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        counts = {
            t: conn.execute(text(f"select count(*) from {t}")).scalar_one()
            for t in ("feedback", "board_consents", "host_calls", "host_call_acks")
        }
    admin.dispose()
    assert counts == {"feedback": 1, "board_consents": 1, "host_calls": 1, "host_call_acks": 1}


def test_no_kiosk_writes_lab_records_as_another(pg_site: tuple[Site, dict[str, str]]) -> None:
    site, ids = pg_site
    _lobby_records(site, "lobby-someone-else")  # forged: another kiosk's id
    engine = site.engine(kiosk_id=ids["lobby"], url=as_role(site.url, ids["lobby"]))
    assert engine.push() == (0, 3)
    with site.lobby.session() as s:
        errors = s.scalars(select(OutboxRow.last_error)).all()
    assert all("not allowed for this kiosk's database role" in (e or "") for e in errors)
    door = sa.create_engine(as_role(site.url, ids["door"]), poolclass=sa.pool.NullPool)
    for table in ("feedback", "board_consents", "host_calls", "host_duty"):
        with door.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text(f"select id from {table}"))
    with door.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
        conn.execute(text("DELETE FROM host_call_acks"))
    door.dispose()
    lobby = sa.create_engine(as_role(site.url, ids["lobby"]), poolclass=sa.pool.NullPool)
    with lobby.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
        conn.execute(text("select comment from feedback"))  # its own rows' ids only
    lobby.dispose()
