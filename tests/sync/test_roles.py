"""A kiosk's own database role: a door cannot read visitor names and no kiosk can delete."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from kiosk.base.clock import FixedClock
from kiosk.base.errors import ConfigError
from kiosk.base.ids import new_id
from kiosk.cli.main import main
from kiosk.store.engine import open_store
from kiosk.store.models import Base, OutboxRow, Person, Visitor
from kiosk.sync import central
from tests.stores import NOON, local
from tests.sync.helpers import (
    admin_config,
    as_role,
    book_locally,
    checkin_locally,
    drop_kiosk_roles,
    engine_for,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def kiosk_ids(pg_url: str) -> Iterator[dict[str, str]]:
    """Unique kiosk ids (roles are cluster-wide); their roles are dropped afterwards."""
    suffix = uuid.uuid4().hex[:8]
    ids = {"door": f"door-{suffix}", "lobby": f"lobby-{suffix}"}
    yield ids
    drop_kiosk_roles(pg_url, ids.values())


_config = admin_config
_as_role = as_role


def _seed_visitor(url: str, clock: FixedClock) -> None:
    c = open_store(url, migrate=False)
    with c.engine.begin() as conn:
        row = {
            "id": new_id(),
            "name": "Vera Vierailija",
            "organisation": "Kela",
            "host_id": None,
            "anonymised_at": None,
            "updated_at": clock.now(),
        }
        central.write(conn, "visitors", row, clock.now())
    c.dispose()


def test_a_door_role_reads_no_visitors_and_deletes_nothing(
    tmp_path: Path,
    seeded_pg: str,
    kiosk_ids: dict[str, str],
    clock: FixedClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = _config(tmp_path, seeded_pg)
    assert main(["admin", "--config", str(config), "init", "--central"]) == 0
    assert "MISSING" not in capsys.readouterr().out
    _seed_visitor(seeded_pg, clock)
    door_id = kiosk_ids["door"]
    pw = tmp_path / "door.password"
    argv = ["admin", "--config", str(config), "grant-kiosk", door_id, "--role", "door"]
    argv += ["--room", "aurora"]
    assert main([*argv, "--password-file", str(pw)]) == 0
    assert pw.stat().st_mode & 0o777 == 0o600
    assert main(argv) == 0  # idempotent

    door = sa.create_engine(_as_role(seeded_pg, door_id), poolclass=sa.pool.NullPool)
    with door.connect() as conn, pytest.raises(ProgrammingError, match="permission denied"):
        conn.execute(select(Visitor.name))
    with door.connect() as conn:
        leaked = conn.execute(text("select count(*) from changes where audience <> 'all'"))
        assert leaked.scalar_one() == 0  # the feed hides visitor entries from a door
        assert conn.execute(text("select count(*) from changes")).scalar_one() > 0
    refused = 0
    for table in [*Base.metadata.tables, "kiosk_roles", "alembic_version"]:
        with door.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text(f'DELETE FROM "{table}"'))
        refused += 1
    print(f"door role: DELETE refused on {refused} tables")
    with door.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
        conn.execute(text("UPDATE people SET name = 'x'"))
    door.dispose()

    # ...and yet it syncs: pull, heartbeat, and push a booking made at the door.
    store = local(tmp_path, "door")
    sync = engine_for(store, _as_role(seeded_pg, door_id), clock, role="door", kiosk_id=door_id)
    sync.cycle()
    book_locally(store, "aurora", NOON, 30, clock.now(), "Quick sync")
    assert sync.cycle().pushed == 1
    with store.session() as s:
        assert s.scalar(select(sa.func.count()).select_from(Person)) == 2
        assert s.scalar(select(sa.func.count()).select_from(Visitor)) == 0
    impostor = engine_for(store, _as_role(seeded_pg, door_id), clock, role="door")
    with pytest.raises(ConfigError, match=f"belongs to kiosk '{door_id}'"):
        impostor.heartbeat()  # as kiosk "lobby-1": refused with a clear line before any write
    door = sa.create_engine(_as_role(seeded_pg, door_id), poolclass=sa.pool.NullPool)
    with door.begin() as conn, pytest.raises(DBAPIError, match="row-level security"):
        central.heartbeat(  # and the database itself refuses it, whatever the client checks
            conn,
            kiosk_id="lobby-1",
            role="door",
            room_id="aurora",
            version="0",
            status={},
            now=clock.now(),
        )
    door.dispose()
    for e in (sync, impostor):
        e.close()
    store.dispose()


def test_a_lobby_role_pushes_its_own_checkins_only(
    tmp_path: Path, seeded_pg: str, kiosk_ids: dict[str, str], clock: FixedClock
) -> None:
    config = _config(tmp_path, seeded_pg)
    lobby_id = kiosk_ids["lobby"]
    assert main(["admin", "--config", str(config), "grant-kiosk", lobby_id, "--role", "lobby"]) == 0
    url = _as_role(seeded_pg, lobby_id)
    store = local(tmp_path, "lobby")
    sync = engine_for(store, url, clock, kiosk_id=lobby_id)
    sync.cycle()
    with store.session() as s:
        aino = s.scalars(select(Person.id).where(Person.role == "member")).one()
    checkin_locally(store, aino, lobby_id, clock.now())
    assert sync.cycle().pushed == 1
    forged = local(tmp_path, "forged")
    forger = engine_for(forged, url, clock, kiosk_id=lobby_id)
    forger.pull()
    checkin_locally(forged, aino, "lobby-someone-else", clock.now())
    assert forger.push() == (0, 1)  # refused for good: kept in the outbox with the reason
    with forged.session() as s:
        row = s.scalars(select(OutboxRow)).one()
        assert row.rejected_at is not None and row.last_error is not None
        assert "not allowed for this kiosk's database role" in row.last_error
        assert "row-level security" in row.last_error
    lobby = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with lobby.connect() as conn, pytest.raises(ProgrammingError, match="permission denied"):
        conn.execute(text("select name from people"))
    lobby.dispose()
    for e in (sync, forger):
        e.close()
    for st in (store, forged):
        st.dispose()


def test_print_sql_shows_the_grants_without_a_password(
    tmp_path: Path, seeded_pg: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, seeded_pg)
    argv = ["admin", "--config", str(config), "grant-kiosk", "door-9", "--role", "door"]
    assert main([*argv, "--room", "aurora", "--print-sql"]) == 0
    sql = capsys.readouterr().out
    assert 'CREATE ROLE "kiosk_door-9"' in sql and "PASSWORD" not in sql.split("\\password")[0]
    assert "visitors" not in sql and "DELETE" not in sql
    admin = sa.create_engine(seeded_pg, poolclass=sa.pool.NullPool)
    with admin.connect() as conn:  # printing changed nothing
        assert conn.execute(text("select count(*) from kiosk_roles")).scalar_one() == 0
    admin.dispose()


def test_bad_grant_input_is_refused_clearly(
    tmp_path: Path, seeded_pg: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, seeded_pg)
    base = ["admin", "--config", str(config), "grant-kiosk"]
    assert main([*base, "bad id!", "--role", "door"]) == 2
    assert main([*base, "door-never-seen"]) == 2
    err = capsys.readouterr().err
    assert "use letters, digits" in err and "give --role" in err
    sqlite_cfg = _config(tmp_path / "s", f"sqlite:///{tmp_path / 'c.db'}")
    assert main(["admin", "--config", str(sqlite_cfg), "grant-kiosk", "d", "--role", "door"]) == 2
    assert "needs a PostgreSQL" in capsys.readouterr().err


def test_a_kiosk_id_that_does_not_match_its_login_is_one_clear_message(
    tmp_path: Path, seeded_pg: str, kiosk_ids: dict[str, str], clock: FixedClock
) -> None:
    config = _config(tmp_path, seeded_pg)
    lobby_id = kiosk_ids["lobby"]
    assert main(["admin", "--config", str(config), "grant-kiosk", lobby_id, "--role", "lobby"]) == 0
    url = _as_role(seeded_pg, lobby_id)
    store = local(tmp_path, "lobby")
    right = engine_for(store, url, clock, kiosk_id=lobby_id)
    right.cycle()
    right.close()
    with store.session() as s:
        aino = s.scalars(select(Person.id).where(Person.role == "member")).one()
    checkin_locally(store, aino, "lobby-typo", clock.now())
    wrong = engine_for(store, url, clock, kiosk_id="lobby-typo")
    with pytest.raises(ConfigError) as caught:
        wrong.cycle()
    message = str(caught.value)
    assert f"belongs to kiosk {lobby_id!r}" in message
    assert f'kiosk.id = "{lobby_id}"' in message and "row-level" not in message
    with store.session() as s:  # nothing was pushed, nothing rejected: it goes once fixed
        row = s.scalars(select(OutboxRow)).one()
        assert row.rejected_at is None
    wrong.close()
    store.dispose()
