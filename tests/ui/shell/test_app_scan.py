"""The whole lobby kiosk in-process: an invitation made with the admin CLI, its token written to
a pseudo-terminal QR scanner, a welcome with the visitor's and host's names, one check-in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from devices.simulate import PtySimulator
from kiosk.base.clock import SystemClock
from kiosk.cli.main import main
from kiosk.config.settings import load_config
from kiosk.demo.data import Demo, create_demo
from kiosk.store.engine import open_store
from kiosk.store.models import Checkin
from kiosk.views.screens import ScanOutcome, ScanResult
from tests.ui.shell.test_app_lobby import visible_text
from ui.shell.app import Kiosk

HOST = "mikko.korhonen@lab.example"


def admin_config(demo: Demo) -> Path:
    path = demo.base / "admin.toml"
    path.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "{demo.base / "admin"}"\n'
        f'[central]\nurl = "{demo.central_url}"\n'
        f'[security]\nsite_key_file = "{demo.site_key_file}"\n',
        encoding="utf-8",
    )
    return path


def invite(config: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, str]:
    capsys.readouterr()
    code = main(["admin", "--config", str(config), "invite", "create", *args, "--json"])
    assert code == 0
    out: dict[str, str] = json.loads(capsys.readouterr().out)
    return out


@pytest.fixture
def scanner() -> Iterator[PtySimulator]:
    sim = PtySimulator("scanner")
    yield sim
    sim.close()


@pytest.fixture
def demo(tmp_path: Path) -> Demo:
    return create_demo(tmp_path, SystemClock().now())


def start_lobby(qtbot: QtBot, demo: Demo, scanner: PtySimulator) -> Kiosk:
    path = demo.write_config("lobby-1", "lobby")
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f'\n[[readers]]\nname = "qr"\nport = "{scanner.path}"\nprotocol = "scanner"\n')
    kiosk = Kiosk(load_config(path), SystemClock())
    screen = kiosk.start()
    qtbot.addWidget(screen)
    return kiosk


def record_outcomes(kiosk: Kiosk) -> list[ScanOutcome]:
    from ui.lobby.screen import LobbyScreen

    screen = kiosk.screen
    assert isinstance(screen, LobbyScreen)
    shown: list[ScanOutcome] = []
    original = screen.show_outcome

    def record(outcome):  # type: ignore[no-untyped-def]
        if isinstance(outcome, ScanOutcome):
            shown.append(outcome)
        original(outcome)

    screen.show_outcome = record  # type: ignore[method-assign]
    return shown


def test_an_invitation_token_on_a_pty_scanner_is_one_welcomed_check_in(
    qtbot: QtBot, demo: Demo, scanner: PtySimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    config = admin_config(demo)
    assert main(["admin", "--config", str(config), "keys", "create"]) == 0
    created = invite(config, capsys, "--name", "Eeva Ek", "--host", HOST, "--organisation", "OKM")
    kiosk = start_lobby(qtbot, demo, scanner)
    try:
        qtbot.waitUntil(lambda: not kiosk.status.current.syncing_first_time, timeout=10_000)
        qtbot.waitUntil(
            lambda: kiosk.status.current.readers[0].state == "connected", timeout=15_000
        )
        shown = record_outcomes(kiosk)

        scanner.present(created["token"])
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=15_000)
        assert shown[0].result is ScanResult.WELCOME
        assert kiosk.screen is not None
        text = visible_text(kiosk.screen)
        assert "Welcome, Eeva Ek!" in text
        assert "Mikko Korhonen will come to meet you" in text

        scanner.present("https://example.com/not-an-invitation")
        qtbot.waitUntil(lambda: len(shown) == 2, timeout=15_000)
        assert shown[1].result is ScanResult.NOT_A_LAB_CODE
        qtbot.waitUntil(
            lambda: "This code is not a Lab invitation" in visible_text(kiosk.screen),  # type: ignore[arg-type]
            timeout=2_000,
        )

        assert kiosk.store is not None
        with kiosk.store.session() as s:
            rows = s.scalars(select(Checkin)).all()
        assert [(r.direction, str(r.invitation_id), r.method) for r in rows] == [
            ("in", created["id"], "qr")
        ]
        central = open_store(demo.central_url, migrate=False)
        try:

            def pushed() -> int:
                with central.engine.connect() as conn:
                    return len(conn.execute(select(Checkin)).all())

            assert kiosk.sync is not None
            kiosk.sync.wake()
            qtbot.waitUntil(lambda: pushed() == 1, timeout=10_000)
        finally:
            central.dispose()
    finally:
        kiosk.shutdown()


def test_a_code_made_after_the_last_sync_is_welcomed_then_named(
    qtbot: QtBot, demo: Demo, scanner: PtySimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    config = admin_config(demo)
    assert main(["admin", "--config", str(config), "keys", "create"]) == 0
    kiosk = start_lobby(qtbot, demo, scanner)
    try:
        assert kiosk.sync is not None
        kiosk.sync.stop()  # offline from here: the invitation cannot arrive before the scan
        kiosk.sync = None
        qtbot.waitUntil(
            lambda: kiosk.status.current.readers[0].state == "connected", timeout=15_000
        )
        created = invite(config, capsys, "--name", "Eeva Ek", "--host", HOST)
        shown = record_outcomes(kiosk)
        scanner.present(created["token"])
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=15_000)
        assert shown[0].result is ScanResult.WELCOME and shown[0].name is None
        screen = kiosk.screen
        assert screen is not None
        assert "Welcome!" in visible_text(screen)

        # Back online: one sync cycle brings the invitation; the greeting names the visitor.
        from kiosk.sync.engine import SyncEngine, SyncStatus

        assert kiosk.store is not None
        engine = SyncEngine(
            kiosk.store,
            demo.central_url,
            kiosk_id="lobby-1",
            role="lobby",
            room_id=None,
            clock=SystemClock(),
        )
        try:
            engine.cycle()
        finally:
            engine.close()
        kiosk.bridge.on_sync_status(SyncStatus(True, None, True, 0))
        qtbot.waitUntil(lambda: "Welcome, Eeva Ek!" in visible_text(screen), timeout=15_000)
        assert "Mikko Korhonen will come to meet you" in visible_text(screen)
    finally:
        kiosk.shutdown()
