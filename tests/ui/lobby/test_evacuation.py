"""The host-only evacuation list: who is in, from the replica, and its PDF."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from kiosk.base.clock import FixedClock
from kiosk.lobby.presence import Presence
from kiosk.views.screens import TapOutcome, TapResult
from tests.ui.helpers import settle, visible_text
from tools.sample_views import NOW
from ui.common.i18n import LanguageManager
from ui.lobby.controller import LobbyController
from ui.lobby.evacuation_print import EvacuationPrinter
from ui.lobby.screen import LobbyScreen
from ui.render.evacuation_pdf import write_evacuation_pdf
from ui.runtime.db_worker import DbWorker

PEOPLE = [
    Presence("Aino Virtanen", "member", NOW - timedelta(hours=4), "member", "VM"),
    Presence("Eeva Ek", "visitor", NOW - timedelta(hours=1), None, "OKM", "Mikko Korhonen"),
    Presence("", "visitor", NOW - timedelta(minutes=5)),
]


@pytest.fixture
def lobby(qtbot: QtBot, tz: ZoneInfo) -> LobbyScreen:
    screen = LobbyScreen(tz, welcome_seconds=30)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.set_now(NOW)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture
def db() -> Iterator[DbWorker]:
    worker = DbWorker()
    yield worker
    worker.shutdown()


def table_texts(lobby: LobbyScreen) -> list[list[str]]:
    table = lobby.evacuation.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_only_a_host_tap_offers_the_evacuation_list(lobby: LobbyScreen) -> None:
    lobby.show_outcome(TapOutcome(TapResult.CHECKED_IN, NOW, "Aino Virtanen", role="member"))
    assert not lobby.result.evacuation.isVisible()
    lobby.show_outcome(TapOutcome(TapResult.CHECKED_IN, NOW, "Mikko Korhonen", role="host"))
    assert lobby.result.evacuation.isVisible()
    assert lobby.result.evacuation.accessibleName()
    lobby.show_outcome(TapOutcome(TapResult.UNKNOWN_BADGE, NOW))
    assert not lobby.result.evacuation.isVisible()


def test_the_list_names_everyone_and_an_unsynced_visitor_too(
    lobby: LobbyScreen, language: Callable[..., LanguageManager]
) -> None:
    language("en")
    lobby.show_evacuation(PEOPLE, NOW)
    settle()
    assert lobby.showing_evacuation
    assert table_texts(lobby) == [
        ["Aino Virtanen, VM", "Member", "", "10:25"],
        ["Eeva Ek, OKM", "Visitor", "Mikko Korhonen", "13:25"],
        ["Visitor (name not synced yet)", "Visitor", "", "14:20"],
    ]
    assert "Checked in: 3 · as of 14:25" in visible_text(lobby)
    language("fi")
    lobby.evacuation.retranslate()
    assert table_texts(lobby)[0] == ["Aino Virtanen, VM", "Jäsen", "", "10.25"]


def test_the_list_goes_away_by_itself_or_with_escape(qtbot: QtBot, lobby: LobbyScreen) -> None:
    lobby.show_evacuation(PEOPLE, NOW)
    timer = lobby.findChild(QTimer, "EvacuationTimer")
    assert timer is not None and timer.isActive()
    lobby.setFocus()
    qtbot.keyClick(lobby, Qt.Key.Key_Escape)
    assert not lobby.showing_evacuation and not timer.isActive()
    lobby.show_evacuation(PEOPLE, NOW)
    lobby.hide()
    assert not lobby.showing_evacuation and not timer.isActive()


def test_a_host_opens_the_list_and_exports_it_in_one_tap(
    qtbot: QtBot, lobby: LobbyScreen, db: DbWorker, tmp_path: Path
) -> None:
    controller = LobbyController(
        lobby,
        db,
        None,  # type: ignore[arg-type]  # no badge taps in this test
        FixedClock(NOW),
        lambda: None,
        presence=lambda: list(PEOPLE),
        export_dir=tmp_path / "evacuation",
        write_pdf=write_evacuation_pdf,
    )
    lobby.show_outcome(TapOutcome(TapResult.CHECKED_IN, NOW, "Mikko Korhonen", role="host"))
    qtbot.mouseClick(lobby.result.evacuation, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lobby.showing_evacuation, timeout=15_000)
    assert len(table_texts(lobby)) == 3
    qtbot.mouseClick(lobby.evacuation.export, Qt.MouseButton.LeftButton)
    [pdf] = (tmp_path / "evacuation").glob("*.pdf")
    assert pdf.name == "evacuation-2026-11-26-142500.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert str(pdf) in lobby.evacuation.message.text()
    lobby.show_home()
    controller.deleteLater()


def test_a_long_list_runs_over_pages(tmp_path: Path, tz: ZoneInfo, qapp: object) -> None:
    many = [Presence(f"Person {i:03d}", "member", NOW - timedelta(minutes=i)) for i in range(120)]
    path = write_evacuation_pdf(tmp_path / "list.pdf", many, NOW, tz)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    assert pages >= 2


def _fake_lp(directory: Path, body: str) -> Path:
    """An ``lp`` on PATH for the test: a real program that does what ``body`` says."""
    directory.mkdir(exist_ok=True)
    program = directory / "lp"
    program.write_text(f"#!/bin/sh\n{body}\n")
    program.chmod(0o755)
    return program


def _printing_controller(
    lobby: LobbyScreen,
    db: DbWorker,
    tmp_path: Path,
    program: Path,
    printer: str,
    timeout_ms: int = 30_000,
) -> LobbyController:
    return LobbyController(
        lobby,
        db,
        None,  # type: ignore[arg-type]  # no badge taps in this test
        FixedClock(NOW),
        lambda: None,
        presence=lambda: list(PEOPLE),
        export_dir=tmp_path / "evacuation",
        write_pdf=write_evacuation_pdf,
        printer=EvacuationPrinter(printer, lobby, program=str(program), timeout_ms=timeout_ms),
    )


def test_one_tap_saves_and_prints_on_the_configured_printer(
    qtbot: QtBot, lobby: LobbyScreen, db: DbWorker, tmp_path: Path
) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    # The real lp's arguments: -t TITLE [-d PRINTER] -- FILE; this one records them and the file.
    lp = _fake_lp(
        tmp_path / "bin", f'echo "$@" > {spool}/args; for last; do :; done; cp "$last" {spool}/'
    )
    controller = _printing_controller(lobby, db, tmp_path, lp, "lobby-printer")
    lobby.show_evacuation(PEOPLE, NOW)
    assert lobby.evacuation.export.text() == "Save and print"
    qtbot.mouseClick(lobby.evacuation.export, Qt.MouseButton.LeftButton)
    assert "Printing on lobby-printer…" in lobby.evacuation.message.text()
    qtbot.waitUntil(lambda: "Printed on" in lobby.evacuation.message.text(), timeout=10_000)
    [pdf] = (tmp_path / "evacuation").glob("*.pdf")
    assert (spool / pdf.name).read_bytes() == pdf.read_bytes()
    assert (spool / "args").read_text().split() == [
        "-t",
        "Evacuation",
        "list",
        "-d",
        "lobby-printer",
        "--",
        str(pdf),
    ]
    message = lobby.evacuation.message.text()
    assert message.startswith("Printed on lobby-printer.") and str(pdf) in message
    lobby.show_home()
    controller.deleteLater()


def test_a_printer_that_refuses_is_reported_and_the_pdf_is_still_saved(
    qtbot: QtBot, lobby: LobbyScreen, db: DbWorker, tmp_path: Path
) -> None:
    lp = _fake_lp(tmp_path / "bin", 'echo "lp: The printer or class does not exist." >&2; exit 1')
    controller = _printing_controller(lobby, db, tmp_path, lp, "nosuch")
    lobby.show_evacuation(PEOPLE, NOW)
    qtbot.mouseClick(lobby.evacuation.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not printed" in lobby.evacuation.message.text(), timeout=10_000)
    [pdf] = (tmp_path / "evacuation").glob("*.pdf")
    assert lobby.evacuation.message.text() == (
        f"Not printed on nosuch (lp: The printer or class does not exist.). Saved: {pdf}"
    )
    lobby.show_home()
    controller.deleteLater()


def test_without_cups_installed_the_list_is_saved_and_that_is_said(
    qtbot: QtBot, lobby: LobbyScreen, db: DbWorker, tmp_path: Path
) -> None:
    controller = _printing_controller(lobby, db, tmp_path, tmp_path / "no-lp-here", "default")
    lobby.show_evacuation(PEOPLE, NOW)
    qtbot.mouseClick(lobby.evacuation.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not printed" in lobby.evacuation.message.text(), timeout=10_000)
    assert "not found" in lobby.evacuation.message.text()
    assert list((tmp_path / "evacuation").glob("*.pdf"))
    lobby.show_home()
    controller.deleteLater()


def test_a_printer_that_never_answers_is_given_up_without_waiting(
    qtbot: QtBot, lobby: LobbyScreen, db: DbWorker, tmp_path: Path
) -> None:
    lp = _fake_lp(tmp_path / "bin", "sleep 30")  # CUPS hung, say
    controller = _printing_controller(lobby, db, tmp_path, lp, "hung", timeout_ms=500)
    lobby.show_evacuation(PEOPLE, NOW)
    qtbot.mouseClick(lobby.evacuation.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not printed" in lobby.evacuation.message.text(), timeout=10_000)
    assert "no answer from the printer" in lobby.evacuation.message.text()
    qtbot.mouseClick(lobby.evacuation.export, Qt.MouseButton.LeftButton)  # free for another try
    assert "Printing on hung…" in lobby.evacuation.message.text()
    printer = lobby.findChild(EvacuationPrinter)
    assert printer is not None and printer.busy
    printer.stop()
    lobby.show_home()
    controller.deleteLater()
