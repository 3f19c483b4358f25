"""``kiosk admin mode set|show``, ``audit`` and ``person set-pin`` against a real central store."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.cli.main import main
from kiosk.config.settings import load_config
from kiosk.rooms.door_view import door_view
from kiosk.security.host_auth import pin_matches
from kiosk.store.engine import open_store
from kiosk.store.models import Person, RoomMode, table_of
from kiosk.views.screens import RoomState
from tests.helpers import admin_config

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def config(tmp_path: Path, central_url: str) -> Path:
    path = admin_config(tmp_path, central_url)
    for room, name in (("aurora", "Aurora"), ("kuu", "Kuu")):
        assert main(["admin", "--config", str(path), "room", "add", room, "--name", name]) == 0
    return path


def admin(config: Path, *args: str) -> int:
    return main(["admin", "--config", str(config), *args])


def out_json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def door_state(config: Path, room: str, at: datetime) -> RoomState:
    store = open_store(load_config(config).central_url, migrate=False)
    try:
        with store.engine.connect() as conn:
            view = door_view(conn, room, at, HELSINKI)
            assert view is not None
            return view.state
    finally:
        store.dispose()


def test_whole_lab_event_then_one_room_back_to_normal(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    until = (datetime.now(UTC) + timedelta(hours=3)).isoformat()
    assert (
        admin(config, "mode", "set", "--all", "event", "--title", "Hackathon", "--until", until)
        == 0
    )
    capsys.readouterr()
    assert admin(config, "mode", "set", "kuu", "normal", "--json") == 0
    switched = out_json(capsys)
    assert isinstance(switched, dict) and switched["rooms"] == ["kuu"]
    assert admin(config, "mode", "show", "--json") == 0
    shown = out_json(capsys)
    assert isinstance(shown, dict)
    modes = {r["room"]: (r["mode"], r["title"], r["lab_wide"]) for r in shown["rooms"]}
    assert modes == {"aurora": ("event", "Hackathon", True), "kuu": ("normal", None, False)}
    now = datetime.now(UTC)
    assert door_state(config, "aurora", now) is RoomState.EVENT
    assert door_state(config, "kuu", now) is RoomState.FREE
    # It reverts by itself when the switch expires.
    assert door_state(config, "aurora", now + timedelta(hours=3, minutes=1)) is RoomState.FREE


def test_default_expiry_is_the_end_of_the_local_day(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert admin(config, "mode", "set", "aurora", "closed", "--title", "Maintenance", "--json") == 0
    data = out_json(capsys)
    assert isinstance(data, dict)
    until = datetime.fromisoformat(data["until"]).astimezone(HELSINKI)
    assert (until.hour, until.minute) == (0, 0)
    assert until - datetime.now(HELSINKI) <= timedelta(days=1)


def test_scheduled_switch_applies_only_from_its_start(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = datetime.now(UTC) + timedelta(hours=1)
    end = start + timedelta(hours=2)
    assert (
        admin(
            config,
            "mode",
            "set",
            "aurora",
            "event",
            "--title",
            "Meetup",
            "--from",
            start.isoformat(),
            "--until",
            end.isoformat(),
        )
        == 0
    )
    capsys.readouterr()
    assert admin(config, "mode", "show", "--json") == 0
    data = out_json(capsys)
    assert isinstance(data, dict)
    assert [s["title"] for s in data["scheduled"]] == ["Meetup"]
    assert door_state(config, "aurora", start - timedelta(minutes=1)) is RoomState.FREE
    assert door_state(config, "aurora", start + timedelta(minutes=1)) is RoomState.EVENT


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("mode", "set", "event"), "name one or more rooms"),
        (("mode", "set", "--all", "party"), "the last word must be the mode"),
        (("mode", "set", "mars", "closed"), "unknown room"),
        (("mode", "set", "aurora", "event", "--until", "tomorrow"), "not an ISO"),
        (("mode", "set", "aurora", "event", "--until", "2020-01-01T10:00"), "end after it starts"),
        (("mode", "set", "aurora", "normal", "--title", "x"), "--title"),
        (("mode", "set", "aurora", "event", "--event", "nope"), "not an event id"),
    ],
)
def test_bad_switches_change_nothing(
    config: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert admin(config, *args) == 2
    assert message in capsys.readouterr().err
    store = open_store(load_config(config).central_url, migrate=False)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(select(table_of(RoomMode))).all() == []
    finally:
        store.dispose()


def test_rooms_and_all_together_are_refused(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        admin(config, "mode", "set", "aurora", "--all", "event")
    assert exc.value.code == 2


def test_set_pin_stores_an_scrypt_hash_and_is_audited(
    config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        admin(
            config,
            "person",
            "add",
            "--name",
            "Hanna Host",
            "--email",
            "hanna@lab.example",
            "--role",
            "host",
        )
        == 0
    )
    assert (
        admin(
            config,
            "person",
            "add",
            "--name",
            "Matti Member",
            "--email",
            "matti@vm.example",
            "--role",
            "member",
        )
        == 0
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("246810\n"))
    assert admin(config, "person", "set-pin", "hanna@lab.example", "--pin-stdin") == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("1357\n"))
    assert admin(config, "person", "set-pin", "matti@vm.example", "--pin-stdin") == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert admin(config, "person", "set-pin", "hanna@lab.example", "--pin-stdin") == 2
    store = open_store(load_config(config).central_url, migrate=False)
    try:
        with store.engine.connect() as conn:
            people = {r.email: r.pin_hash for r in conn.execute(select(table_of(Person)))}
    finally:
        store.dispose()
    assert people["matti@vm.example"] is None
    stored = people["hanna@lab.example"]
    assert stored is not None and stored.startswith("scrypt$") and "246810" not in stored
    assert pin_matches(stored, "246810") and not pin_matches(stored, "246811")
    capsys.readouterr()
    assert admin(config, "audit", "--json") == 0
    entries = out_json(capsys)
    assert isinstance(entries, list)
    assert [(e["action"], e["actor_name"]) for e in entries] == [("person.pin_set", "Hanna Host")]
