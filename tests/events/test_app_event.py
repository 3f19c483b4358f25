"""The whole lobby kiosk in-process: an event with the whole Lab in event mode and a ticket, both
made with the admin CLI; the lobby switches to the event home by itself after its first sync,
and the ticket written to a pseudo-terminal QR scanner is welcomed and counted."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from devices.simulate import PtySimulator
from kiosk.base.clock import SystemClock
from kiosk.cli.main import main
from kiosk.demo.data import Demo, create_demo
from kiosk.store.models import Checkin
from tests.ui.shell.test_app_lobby import visible_text
from tests.ui.shell.test_app_scan import admin_config, start_lobby
from ui.lobby.screen import LobbyScreen


@pytest.fixture
def scanner() -> Iterator[PtySimulator]:
    sim = PtySimulator("scanner")
    yield sim
    sim.close()


@pytest.fixture
def demo(tmp_path: Path) -> Demo:
    return create_demo(tmp_path, SystemClock().now())


def run(config: object, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, str]:
    capsys.readouterr()
    assert main(["admin", "--config", str(config), *args, "--json"]) == 0
    out: dict[str, str] = json.loads(capsys.readouterr().out)
    return out


def test_a_ticket_on_a_pty_scanner_is_counted_on_the_event_home(
    qtbot: QtBot, demo: Demo, scanner: PtySimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    config = admin_config(demo)
    assert main(["admin", "--config", str(config), "keys", "create"]) == 0
    now = datetime.now(UTC).replace(microsecond=0)
    event = run(
        config,
        capsys,
        "event",
        "create",
        "--title",
        "Lab-ilta",
        "--starts",
        (now - timedelta(hours=1)).isoformat(),
        "--ends",
        (now + timedelta(hours=2)).isoformat(),
        "--capacity",
        "200",
        "--all-rooms",
    )
    ticket = run(
        config, capsys, "event", "tickets", "create", "--event", event["id"], "--name", "Eeva Ek"
    )
    kiosk = start_lobby(qtbot, demo, scanner)
    try:
        screen = kiosk.screen
        assert isinstance(screen, LobbyScreen)
        qtbot.waitUntil(lambda: screen.event_home.view is not None, timeout=10_000)
        assert screen.pages.currentWidget() is screen.event_home
        assert screen.event_home.counter.text() == "0 / 200"
        qtbot.waitUntil(
            lambda: kiosk.status.current.readers[0].state == "connected", timeout=15_000
        )

        scanner.present(ticket["token"])
        qtbot.waitUntil(lambda: "Welcome, Eeva Ek!" in visible_text(screen), timeout=15_000)
        assert screen.event_home.counter.text() == "1 / 200"
        assert kiosk.store is not None
        with kiosk.store.session() as s:
            rows = s.execute(select(Checkin.invitation_id, Checkin.event_id)).all()
        assert [(str(a), str(b)) for a, b in rows] == [(ticket["id"], event["id"])]
    finally:
        kiosk.shutdown()
