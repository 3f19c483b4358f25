"""Every admin command: what it does, and that bad input changes no store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.cli.main import main
from kiosk.store.engine import open_store
from tests.stores import dump


def admin(config: Path, *args: str) -> int:
    return main(["admin", "--config", str(config), *args])


def central_dump(config: Path) -> dict[str, list[tuple[object, ...]]]:
    from kiosk.config.settings import load_config

    store = open_store(load_config(config).central_url, migrate=False)
    try:
        return dump(store)
    finally:
        store.dispose()


def test_init_is_idempotent_and_keeps_the_site_key(config: Path) -> None:
    key = (config.parent / "data" / "site.key").read_text()
    assert (config.parent / "data" / "site.key").stat().st_mode & 0o777 == 0o600
    assert admin(config, "init") == 0
    assert (config.parent / "data" / "site.key").read_text() == key


def test_rooms_people_badges_and_listing(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert admin(config, "room", "add", "aurora", "--name", "Aurora", "--capacity", "10") == 0
    assert (
        admin(
            config,
            "person",
            "add",
            "--name",
            "Aino Virtanen",
            "--email",
            "Aino@VM.example",
            "--role",
            "member",
        )
        == 0
    )
    assert admin(config, "badge", "enroll", "aino@vm.example", "--uid", "0a00f1c2d3") == 0
    capsys.readouterr()
    assert admin(config, "room", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == [
        {"id": "aurora", "name": "Aurora", "capacity": 10}
    ]
    assert admin(config, "person", "list", "--json") == 0
    people = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["email"], p["badges"]) for p in people] == [
        ("Aino Virtanen", "aino@vm.example", 1)
    ]
    assert admin(config, "who-is-in", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_raw_badge_uids_are_never_stored(config: Path) -> None:
    admin(config, "person", "add", "--name", "A", "--email", "a@x.fi", "--role", "member")
    admin(config, "badge", "enroll", "a@x.fi", "--uid", "0A00F1C2D3")
    assert "0A00F1C2D3" not in repr(central_dump(config)).upper()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["room", "add", "Aurora Room", "--name", "X"], 2, "room id"),
        (["room", "add", "aurora", "--name", "Dup"], 4, "already exists"),
        (["room", "add", "sauna", "--name", "   "], 2, "must not be empty"),
        (["room", "add", "sauna", "--name", "S", "--capacity", "0"], 2, "capacity"),
        (
            ["person", "add", "--name", "B", "--email", "not-an-email", "--role", "member"],
            2,
            "not an e-mail",
        ),
        (
            ["person", "add", "--name", "B", "--email", "a@x.fi", "--role", "member"],
            4,
            "already exists",
        ),
        (["badge", "enroll", "nobody@x.fi", "--uid", "0A00F1C2D3"], 3, "no person"),
        (["badge", "enroll", "a@x.fi", "--uid", "ZZTOP"], 2, "not a badge UID"),
        (["badge", "enroll", "a@x.fi", "--uid", "0B0B0B0B0B"], 4, "already enrolled"),
        (["room", "status", "nowhere"], 3, "no room"),
        (["room", "status", "aurora", "--at", "noon"], 2, "--at: 'noon' is not an ISO date"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    config: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    admin(config, "room", "add", "aurora", "--name", "Aurora")
    admin(config, "person", "add", "--name", "A", "--email", "a@x.fi", "--role", "member")
    admin(config, "badge", "enroll", "a@x.fi", "--uid", "0B0B0B0B0B")
    before = central_dump(config)
    capsys.readouterr()
    assert admin(config, *args) == code
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert central_dump(config) == before


def test_a_broken_config_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nid = "x"\nrole = "bus"\n', encoding="utf-8")
    assert main(["admin", "--config", str(path), "room", "list"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"kiosk: {path}: kiosk.role: must be one of lobby, door"


def test_an_uninitialised_central_store_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "x"\n[central]\nurl = "sqlite:///{tmp_path}/c.db"\n', encoding="utf-8"
    )
    assert main(["admin", "--config", str(path), "room", "list"]) == 1
    assert "run `kiosk admin init`" in capsys.readouterr().err


def test_room_status_reports_state_and_bookings(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import datetime

    from kiosk.base.clock import FixedClock
    from kiosk.config.settings import load_config
    from kiosk.rooms.bookings import add_booking

    admin(config, "room", "add", "aurora", "--name", "Aurora")
    store = open_store(load_config(config).central_url, migrate=False)
    start = datetime.fromisoformat("2026-11-26T10:00:00+02:00")
    with store.engine.begin() as conn:
        add_booking(
            conn,
            room_id="aurora",
            title="Työpaja",
            starts_at=start,
            ends_at=start.replace(hour=12),
            now=FixedClock(start).now(),
        )
    store.dispose()
    capsys.readouterr()
    assert (
        admin(config, "room", "status", "aurora", "--at", "2026-11-26T11:00:00+02:00", "--json")
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["state"] == "busy"
    assert data["current"]["title"] == "Työpaja"
    assert data["current"]["end"] == "2026-11-26T12:00:00+02:00"
    assert data["next"] is None
    admin(config, "room", "status", "aurora", "--at", "2026-11-26T09:00:00+02:00", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["state"] == "free" and data["next"]["title"] == "Työpaja"


def test_kiosk_sync_reports_progress_of_the_pull(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    admin(config, "room", "add", "aurora", "--name", "Aurora")
    admin(config, "person", "add", "--name", "A", "--email", "a@x.fi", "--role", "member")
    capsys.readouterr()
    if "postgresql" in config.read_text(encoding="utf-8"):
        # A kiosk never logs in to PostgreSQL: it syncs through the central sync service.
        assert main(["sync", "--config", str(config)]) == 2
        assert "kiosk admin enroll" in capsys.readouterr().err
        return
    assert main(["sync", "--config", str(config)]) == 0
    captured = capsys.readouterr()
    assert "pulled 2 changes" in captured.err
    assert "pulled 2" in captured.out


def test_enrolling_a_live_id_with_another_role_or_room_needs_replace(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.config.settings import load_config
    from kiosk.store.models import DeviceCredential

    def credential() -> tuple[object, ...]:
        cfg = load_config(config)
        store = open_store(cfg.central_url, migrate=False)
        try:
            with store.engine.connect() as conn:
                row = conn.execute(
                    select(
                        DeviceCredential.role, DeviceCredential.room_id, DeviceCredential.token_hash
                    ).where(DeviceCredential.id == "door-aurora")
                ).one()
        finally:
            store.dispose()
        return tuple(row)

    admin(config, "room", "add", "aurora", "--name", "Aurora")
    admin(config, "room", "add", "borealis", "--name", "Borealis")
    admin(config, "person", "add", "--name", "P", "--email", "p@x.fi", "--role", "host")
    out = str(tmp_path / "door.token")
    assert (
        admin(config, "enroll", "door-aurora", "--role", "door", "--room", "aurora", "--out", out)
        == 0
    )
    first = credential()
    capsys.readouterr()
    typo = ["enroll", "door-aurora", "--role", "staff", "--person", "p@x.fi", "--out", out + "2"]
    assert admin(config, *typo) == 4
    err = capsys.readouterr().err
    assert "door-aurora is enrolled as a door in room aurora" in err and "--replace" in err
    assert credential() == first and not Path(out + "2").exists()
    other_room = ["enroll", "door-aurora", "--role", "door", "--room", "borealis", "--out", out]
    assert admin(config, *other_room) == 4
    assert credential() == first
    # The same role and room: a new token, the old one ends (as before).
    assert (
        admin(config, "enroll", "door-aurora", "--role", "door", "--room", "aurora", "--out", out)
        == 0
    )
    again = credential()
    assert again[:2] == ("door", "aurora") and again[2] != first[2]
    assert admin(config, *other_room, "--replace") == 0
    assert credential()[:2] == ("door", "borealis")


def test_admin_commands_on_an_enrolled_kiosk_ask_for_the_store_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "lobby.toml"
    config.write_text(
        '[kiosk]\nid = "lobby-1"\ndata_dir = "data"\n'
        '[central]\nurl = "https://kiosk.lab.example:8443"\ncredential_file = "lobby.token"\n',
        encoding="utf-8",
    )
    for args in (["init"], ["room", "list"]):
        assert main(["admin", "--config", str(config), *args]) == 2
        err = capsys.readouterr().err
        assert "central store's database URL" in err and "admin machine" in err, args
        assert "plugin" not in err
    assert not (tmp_path / "data").exists()  # init created nothing on the kiosk
