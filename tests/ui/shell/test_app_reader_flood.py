"""The whole lobby kiosk with junk on its scanner line: taps on the badge reader are answered,
the junk costs a bounded number of refused scans and log lines, and the scanner recovers."""

from __future__ import annotations

import logging
import random
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from devices import flood
from devices.simulate import PtySimulator
from kiosk.base.clock import SystemClock
from kiosk.cli.main import main
from kiosk.config.settings import load_config
from kiosk.demo.data import create_demo
from kiosk.views.screens import ScanOutcome, ScanResult, TapOutcome, TapResult
from tests.ui.shell.test_app_lobby import visible_text
from tests.ui.shell.test_app_scan import HOST, admin_config, invite
from ui.lobby.screen import LobbyScreen
from ui.shell.app import Kiosk


def test_a_flooded_scanner_neither_delays_a_tap_nor_floods_the_log(
    qtbot: QtBot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    demo = create_demo(tmp_path, SystemClock().now())
    config = admin_config(demo)
    assert main(["admin", "--config", str(config), "keys", "create"]) == 0
    created = invite(config, capsys, "--name", "Eeva Ek", "--host", HOST)
    (name, uid) = demo.badges[0]
    junk = random.Random(23).randbytes(2 << 20)
    half = threading.Event()
    tapped = threading.Event()

    with PtySimulator("scanner") as qr, PtySimulator("rdm6300") as badge:

        def write_junk() -> None:
            qr.send_raw(junk[: len(junk) // 2])
            half.set()
            tapped.wait(10)
            qr.send_raw(junk[len(junk) // 2 :])

        path = demo.write_config("lobby-1", "lobby", reader_port=badge.path, language="en")
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f'\n[[readers]]\nname = "qr"\nport = "{qr.path}"\nprotocol = "scanner"\n')
        kiosk = Kiosk(load_config(path), SystemClock())
        screen = kiosk.start()
        qtbot.addWidget(screen)
        assert isinstance(screen, LobbyScreen)
        shown: list[object] = []
        original = screen.show_outcome

        def record(outcome: object) -> None:
            shown.append(outcome)
            original(outcome)  # type: ignore[arg-type]

        screen.show_outcome = record  # type: ignore[method-assign]
        # What the screen says at each reader status (this slot runs after the kiosk's own).
        said: list[tuple[str, str, str]] = []
        kiosk.bridge.reader_status.connect(
            lambda s: said.append((s.reader, s.state, visible_text(screen)))
        )
        states = lambda: {r.name: r.state for r in kiosk.status.current.readers}  # noqa: E731
        try:
            qtbot.waitUntil(lambda: not kiosk.status.current.syncing_first_time, timeout=10_000)
            qtbot.waitUntil(lambda: set(states().values()) == {"connected"}, timeout=15_000)
            caplog.set_level(logging.INFO)
            caplog.clear()
            writer = threading.Thread(target=write_junk, name="junk-writer")
            writer.start()
            qtbot.waitUntil(half.is_set, timeout=20_000)
            badge.present(uid)
            tapped.set()
            taps = lambda: [o for o in shown if isinstance(o, TapOutcome)]  # noqa: E731
            qtbot.waitUntil(lambda: len(taps()) == 1, timeout=10_000)
            assert taps()[0].result is not TapResult.ERROR and taps()[0].name == name
            writer.join(20)
            assert not writer.is_alive()
            qtbot.waitUntil(lambda: states()["qr"] == "connected", timeout=20_000)
            scans = lambda: [o for o in shown if isinstance(o, ScanOutcome)]  # noqa: E731
            before = len(scans())
            qr.present(created["token"])
            qtbot.waitUntil(lambda: len(scans()) == before + 1, timeout=10_000)
            assert scans()[-1].result is ScanResult.WELCOME
            logged = [r.getMessage() for r in caplog.records]
        finally:
            kiosk.shutdown()

    qr = [(state, text) for reader, state, text in said if reader == "qr"]
    qr_states = [state for state, _ in qr]
    noisy = [
        qr[i][1] for i, s in enumerate(qr_states) if s == "noisy" and qr_states[i - 1 : i] != [s]
    ]
    assert len(noisy) == 1 and "Reader qr is receiving interference" in noisy[0]
    refused = scans()[:-1]
    assert len(refused) < flood.LIMIT  # the bound: fewer than 10 refusals per noisy episode
    assert all(o.result is ScanResult.NOT_A_LAB_CODE for o in refused)  # type: ignore[attr-defined]
    assert sum("scan refused" in m for m in logged) == len(refused)
    assert sum("reader qr" in m for m in logged) == 2  # noisy, then calm again
    assert len(logged) <= len(refused) + 10, logged  # and the few lines of the tap and the scan
