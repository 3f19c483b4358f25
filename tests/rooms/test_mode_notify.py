"""Organisers hear once, by e-mail through a real SMTP server on loopback, that an event or a
closure covers their booking; bookings without an organiser are only flagged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from kiosk.cli.main import main
from kiosk.config.settings import load_config
from kiosk.rooms.bookings import add_booking
from kiosk.rooms.mode_notify import flagged
from kiosk.security.directory import add_person, find_person
from kiosk.store.engine import open_store
from tests.lobby.test_host_notify import Inbox, free_port


@pytest.fixture
def inbox_port() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def config(tmp_path: Path, central_url: str, inbox_port: tuple[Inbox, int]) -> Path:
    _inbox, port = inbox_port
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "data"\n[central]\nurl = "{central_url}"\n'
        f'[notify]\nmethod = "smtp"\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\n'
        'smtp_security = "none"\nsender = "lab@lab.example"\n',
        encoding="utf-8",
    )
    assert main(["admin", "--config", str(path), "init"]) == 0
    assert main(["admin", "--config", str(path), "room", "add", "aurora", "--name", "Aurora"]) == 0
    assert main(["admin", "--config", str(path), "room", "add", "kuu", "--name", "Kuu"]) == 0
    now = datetime.now(UTC)
    store = open_store(load_config(path).central_url, migrate=False)
    with store.engine.begin() as conn:
        add_person(
            conn,
            name="Aino Virtanen",
            email="aino@vm.example",
            role="member",
            organisation="VM",
            now=now,
        )
        aino = find_person(conn, "aino@vm.example")
        for room, title, organiser, hours in (
            ("aurora", "Tiimipalaveri", aino, 1.0),
            ("aurora", "Kalenterista", None, 2.5),
            ("kuu", "Muualla", aino, 1.0),
        ):
            start = now + timedelta(hours=hours)
            add_booking(
                conn,
                room_id=room,
                title=title,
                starts_at=start,
                ends_at=start + timedelta(hours=1),
                now=now,
                organiser_id=organiser,
            )
    store.dispose()
    return path


def admin(config: Path, *args: str) -> int:
    return main(["admin", "--config", str(config), *args])


def test_an_event_over_a_booking_tells_its_organiser_once(
    config: Path, inbox_port: tuple[Inbox, int], capsys: pytest.CaptureFixture[str]
) -> None:
    inbox, _port = inbox_port
    until = (datetime.now(UTC) + timedelta(hours=5)).isoformat()
    capsys.readouterr()
    assert (
        admin(
            config,
            "mode",
            "set",
            "aurora",
            "event",
            "--title",
            "Hackathon",
            "--until",
            until,
            "--json",
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["organisers_notified"] == 1
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert inbox.recipients == [["aino@vm.example"]]
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert "Tiimipalaveri" in body and "Hackathon" in body
    assert "tapahtuma" in body and "evenemang" in body and "event" in body
    # Run again (the timer does): nobody hears twice.
    assert admin(config, "mode", "notify") == 0
    assert len(inbox.messages) == 1
    # Both Aurora bookings are flagged, the one in Kuu is not.
    store = open_store(load_config(config).central_url, migrate=False)
    with store.engine.connect() as conn:
        titles = sorted(o.booking_title for o in flagged(conn, datetime.now(UTC)))
    store.dispose()
    assert titles == ["Kalenterista", "Tiimipalaveri"]
    capsys.readouterr()
    assert admin(config, "mode", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)["flagged_bookings"]
    assert sorted(b["title"] for b in shown) == titles


def test_back_to_normal_clears_the_flag_and_sends_nothing(
    config: Path, inbox_port: tuple[Inbox, int]
) -> None:
    inbox, _port = inbox_port
    start = (datetime.now(UTC) + timedelta(hours=3)).isoformat()
    until = (datetime.now(UTC) + timedelta(hours=5)).isoformat()
    # A closure scheduled after the first booking: and then cancelled before anyone is told.
    assert admin(config, "mode", "set", "aurora", "normal") == 0
    store = open_store(load_config(config).central_url, migrate=False)
    with store.engine.connect() as conn:
        assert flagged(conn, datetime.now(UTC)) == []
    store.dispose()
    assert admin(config, "mode", "set", "kuu", "closed", "--from", start, "--until", until) == 0
    assert inbox.messages == []  # Kuu's booking ends before the closure starts
