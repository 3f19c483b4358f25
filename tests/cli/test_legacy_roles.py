"""``kiosk admin legacy-roles``: the last step of the upgrade drops grant-kiosk's roles, and
only those. Roles are cluster-wide: every name here is unique and dropped afterwards."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from kiosk.base.clock import FixedClock
from kiosk.cli.main import main
from tests.stores import NOON, seed_central, site_key
from tests.sync.helpers import admin_config, as_role, drop_kiosk_roles


@pytest.fixture
def ids(pg_url: str) -> Iterator[dict[str, str]]:
    suffix = uuid.uuid4().hex[:8]
    names = {"door": f"door-{suffix}", "lobby": f"lobby-{suffix}", "other": f"svc-{suffix}"}
    yield names
    drop_kiosk_roles(pg_url, names.values())


def _roles(url: str, *names: str) -> set[str]:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"), {"n": list(names)}
            )
            return {str(r.rolname) for r in rows}
    finally:
        engine.dispose()


def _out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


@pytest.mark.postgres
def test_legacy_roles_are_listed_and_dropped_and_no_other_role_is(
    tmp_path: Path, pg_url: str, ids: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    seed_central(pg_url, site_key(tmp_path), FixedClock(NOON)).dispose()
    config = str(admin_config(tmp_path, pg_url))
    admin = ["admin", "--config", config]
    door, lobby, other = ids["door"], ids["lobby"], ids["other"]
    door_role, lobby_role, other_role = f"kiosk_{door}", f"kiosk_{lobby}", f"kiosk_{other}"
    assert main([*admin, "grant-kiosk", door, "--role", "door", "--room", "aurora"]) == 0
    pw = tmp_path / "lobby.pw"
    assert main([*admin, "grant-kiosk", lobby, "--role", "lobby", "--password-file", str(pw)]) == 0
    engine = sa.create_engine(pg_url, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:  # a role named like a kiosk's that grant-kiosk did not make
        conn.execute(text(f'CREATE ROLE "{other_role}" LOGIN'))
    engine.dispose()
    _out(capsys)

    assert main([*admin, "legacy-roles", "list", "--json"]) == 0
    listed = {r["role_name"]: r for r in json.loads(_out(capsys))}
    assert set(listed) == {door_role, lobby_role}
    assert listed[door_role]["room_id"] == "aurora"
    assert not listed[lobby_role]["enrolled"] and listed[lobby_role]["exists"]

    # Enrolling a kiosk that still has its role says how to drop it.
    token = tmp_path / "lobby.token"
    assert main([*admin, "enroll", lobby, "--role", "lobby", "--out", str(token)]) == 0
    assert f"kiosk admin legacy-roles drop {lobby}" in _out(capsys)
    assert main([*admin, "legacy-roles", "list"]) == 0
    lines = {line.split()[0]: line for line in _out(capsys).splitlines()}
    assert "NOT ENROLLED" not in lines[lobby_role] and "NOT ENROLLED" in lines[door_role]

    # A dry run prints the SQL and changes nothing; an unknown kiosk changes nothing either.
    assert main([*admin, "legacy-roles", "drop", lobby, "--dry-run"]) == 0
    assert f'DROP ROLE "{lobby_role}";' in _out(capsys)
    assert main([*admin, "legacy-roles", "drop", other]) == 2
    assert "not a role grant-kiosk made" in capsys.readouterr().err
    assert main([*admin, "legacy-roles", "drop"]) == 2
    assert _roles(pg_url, door_role, lobby_role, other_role) == {door_role, lobby_role, other_role}

    # The stolen lobby is still connected (a LISTEN session, say) when its role is dropped.
    password = pw.read_text(encoding="utf-8").strip()
    thief = sa.create_engine(
        sa.engine.make_url(as_role(pg_url, lobby)).set(password=password),
        poolclass=sa.pool.NullPool,
    )
    open_session = thief.connect()
    assert open_session.execute(text("SELECT 1")).scalar() == 1
    assert main([*admin, "legacy-roles", "drop", lobby]) == 0
    out = _out(capsys)
    assert f"{lobby_role}: ended 1 open session(s)" in out and f"dropped {lobby_role}" in out
    assert _roles(pg_url, door_role, lobby_role) == {door_role}
    with pytest.raises(OperationalError):  # its open session was ended with the role
        open_session.execute(text("SELECT 1"))
    open_session.invalidate()
    with pytest.raises(OperationalError):  # and its old password logs in no more
        thief.connect().close()
    thief.dispose()

    assert main([*admin, "legacy-roles", "drop", "--all"]) == 0
    assert f"dropped {door_role} (its kiosk is not enrolled" in _out(capsys)
    assert _roles(pg_url, door_role, lobby_role, other_role) == {other_role}
    assert main([*admin, "legacy-roles", "list", "--json"]) == 0
    assert json.loads(_out(capsys)) == []
    assert main([*admin, "enroll", door, "--role", "door", "--room", "aurora", "--json",
                 "--out", str(tmp_path / "door.token")]) == 0  # fmt: skip
    assert json.loads(_out(capsys))["legacy_role"] is None


def test_legacy_roles_refuse_a_sqlite_central_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(admin_config(tmp_path, f"sqlite:///{tmp_path / 'central.db'}"))
    for argv in (["list"], ["drop", "--all"]):
        assert main(["admin", "--config", config, "legacy-roles", *argv]) == 2
        assert "needs a PostgreSQL central store" in capsys.readouterr().err
