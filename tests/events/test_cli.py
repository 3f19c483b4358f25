"""`kiosk admin event ...`: create (with the mode switch), list, show, tickets; bad input."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.config.settings import load_config
from kiosk.security.tokens import TokenKind, verify
from kiosk.store.engine import open_store
from kiosk.store.models import RoomMode
from tests.helpers import admin_config
from tests.security.tokens.helpers import admin, central_dump, public_keys, read_qr_codes, run_json


@pytest.fixture
def config(tmp_path: Path, central_url: str) -> Path:
    path = admin_config(tmp_path, central_url)
    assert admin(path, "room", "add", "aurora", "--name", "Aurora") == 0
    assert admin(path, "keys", "create") == 0
    return path


def _when(hours: float) -> str:
    moment = datetime.now(UTC) + timedelta(hours=hours)
    return moment.replace(microsecond=0).isoformat()


def create(config: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    out = run_json(
        config,
        capsys,
        "event",
        "create",
        "--title",
        "Lab-ilta: tekoäly",
        "--starts",
        _when(1),
        "--ends",
        _when(4),
        *extra,
    )
    assert isinstance(out, dict)
    return out


def modes(config: Path) -> list[tuple[object, ...]]:
    store = open_store(load_config(config).central_url, migrate=False)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(RoomMode.room_id, RoomMode.mode, RoomMode.event_id, RoomMode.title)
            ).all()
        return [tuple(r) for r in rows]
    finally:
        store.dispose()


def test_create_list_show(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = create(
        config,
        capsys,
        "--capacity",
        "200",
        "--walk-ins",
        "--online-url",
        "https://meet.example/lab",
        "--description",
        "Puheenvuoroja ja työpajoja",
    )
    assert made["title"] == "Lab-ilta: tekoäly"
    assert (made["capacity"], made["allow_walkins"], made["modes"]) == (200, True, 0)
    assert made["online_url"] == "https://meet.example/lab"
    assert modes(config) == []  # no --rooms: no mode switch
    listed = run_json(config, capsys, "event", "list")
    assert isinstance(listed, list) and [e["id"] for e in listed] == [made["id"]]
    shown = run_json(config, capsys, "event", "show", str(made["id"]))
    assert isinstance(shown, dict)
    assert (shown["tickets"], shown["checked_in"], shown["capacity"]) == (0, 0, 200)
    assert admin(config, "event", "show", str(made["id"])) == 0
    text = capsys.readouterr().out
    assert "tickets: 0" in text and "capacity: 200" in text
    assert admin(config, "event", "list") == 0
    assert "Lab-ilta: tekoäly  (0 / 200 in)" in capsys.readouterr().out


def test_create_with_rooms_or_the_whole_lab_schedules_event_mode(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = create(config, capsys, "--rooms", "aurora")
    assert made["modes"] == 1
    assert modes(config) == [("aurora", "event", uuid.UUID(str(made["id"])), made["title"])]
    whole = create(config, capsys, "--all-rooms")
    assert whole["modes"] == 1
    assert (None, "event") in [(r[0], r[1]) for r in modes(config)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--starts", "2030-01-01T18:00", "--ends", "2030-01-01T17:00"], "after --starts"),
        (
            ["--starts", "2030-01-01T18:00", "--ends", "2030-01-01T21:00", "--capacity", "0"],
            "--capacity",
        ),
        (
            [
                "--starts",
                "2030-01-01T18:00",
                "--ends",
                "2030-01-01T21:00",
                "--online-url",
                "javascript:alert(1)",
            ],
            "http",
        ),
        (
            [
                "--starts",
                "2030-01-01T18:00",
                "--ends",
                "2030-01-01T21:00",
                "--online-url",
                "ftp://x.example",
            ],
            "http",
        ),
        (["--starts", "tomorrow", "--ends", "2030-01-01T21:00"], "ISO"),
        (
            ["--starts", "2030-01-01T18:00", "--ends", "2030-01-01T21:00", "--rooms", "nowhere"],
            "nowhere",
        ),
        (["--starts", "2020-01-01T18:00", "--ends", "2020-01-01T21:00"], "already be over"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    config: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = central_dump(config)
    code = admin(config, "event", "create", "--title", "X", *args)
    assert code == 2
    assert message in capsys.readouterr().err
    assert central_dump(config) == before


def test_tickets_import_writes_cards_and_reports_a_bad_row(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    made = create(config, capsys, "--capacity", "50")
    csv = tmp_path / "guests.csv"
    csv.write_text("name,organisation\nÅsa Öberg,Kela\n,VM\nJonas Berg,\n", encoding="utf-8")
    out_dir = tmp_path / "cards"
    out_dir.mkdir()
    capsys.readouterr()
    code = admin(
        config,
        "event",
        "tickets",
        "import",
        str(csv),
        "--event",
        str(made["id"]),
        "--out",
        str(out_dir),
        "--json",
    )
    captured = capsys.readouterr()
    assert code == 1  # a row was refused
    assert "line 3: name must not be empty" in captured.err
    result = json.loads(captured.out)
    assert [i["line"] for i in result["imported"]] == [2, 4]
    assert [r["line"] for r in result["refused"]] == [3]
    keys = public_keys(config)
    for item in result["imported"]:
        card = Path(item["card"])
        [decoded] = read_qr_codes(Image.open(card))
        assert decoded.text == item["token"]
        token = verify(item["token"], keys, datetime.now(UTC) + timedelta(hours=1))
        assert token.kind is TokenKind.EVENT_TICKET
        assert str(token.invitation_id) == item["id"]
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(
        [f"{i['id']}.png" for i in result["imported"]] + ["tickets.csv"]
    )
    shown = run_json(config, capsys, "event", "show", str(made["id"]))
    assert isinstance(shown, dict) and shown["tickets"] == 2
    dump = central_dump(config)
    assert len(dump["visitors"]) == 2  # nothing of the bad row


def test_tickets_create_one_named_card_and_one_anonymous(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    made = create(config, capsys)
    card = tmp_path / "ticket.png"
    one = run_json(
        config,
        capsys,
        "event",
        "tickets",
        "create",
        "--event",
        str(made["id"]),
        "--name",
        "Eeva Ek",
        "--qr",
        str(card),
    )
    assert isinstance(one, dict)
    [decoded] = read_qr_codes(Image.open(card))
    assert decoded.text == one["token"]
    anonymous = run_json(config, capsys, "event", "tickets", "create", "--event", str(made["id"]))
    assert isinstance(anonymous, dict) and anonymous["qr"] is None
    dump = central_dump(config)
    assert len(dump["visitors"]) == 1  # the anonymous ticket has no visitor row
    assert len(dump["invitations"]) == 2
    assert admin(config, "event", "tickets", "create", "--event", "not-an-id") == 2
    assert (
        admin(
            config, "event", "tickets", "create", "--event", "0190a000-0000-7000-8000-000000000000"
        )
        == 3
    )
    assert (
        admin(config, "event", "tickets", "create", "--event", str(made["id"]), "--qr", "x.jpg")
        == 2
    )


def test_an_event_left_at_the_end_of_time_is_still_listed(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record from before the staff console bounded dates (year 9999) prints in UTC where the
    site's zone cannot hold it, instead of failing the listing."""
    from sqlalchemy import update

    from kiosk.store.models import Event

    made = create(config, capsys)
    far = datetime(9999, 12, 31, 23, 0, tzinfo=UTC)
    store = open_store(load_config(config).central_url, migrate=False)
    try:
        with store.engine.begin() as conn:
            conn.execute(update(Event).values(starts_at=far - timedelta(hours=2), ends_at=far))
    finally:
        store.dispose()
    listed = run_json(config, capsys, "event", "list")
    assert isinstance(listed, list) and listed[0]["ends_at"].startswith("9999-12-31T23:00:00")
    shown = run_json(config, capsys, "event", "show", str(made["id"]))
    assert isinstance(shown, dict)
    # the start fits Helsinki's zone; the end is past the last moment it can hold: UTC
    assert (shown["starts_at"], shown["ends_at"]) == (
        "9999-12-31T23:00:00+02:00",
        "9999-12-31T23:00:00+00:00",
    )
    assert admin(config, "event", "list") == 0
    assert "9999-12-31 23:00–23:00" in capsys.readouterr().out
    assert admin(config, "event", "show", str(made["id"])) == 0
