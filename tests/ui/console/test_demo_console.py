"""The demo Lab as the staff console shows it: what a first look at ``kiosk demo --console``
and the README's console screenshots show, through the real in-process service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.base.clock import FixedClock
from kiosk.config.settings import load_config
from kiosk.console.embedded import EmbeddedConsole
from kiosk.demo.data import create_demo
from ui.common.i18n import LanguageManager
from ui.console.main import build_console
from ui.console.rooms_page import RoomsPage
from ui.console.tables import cell

AT = datetime(2026, 11, 26, 9, 20, tzinfo=UTC)  # 11.20 in Helsinki, a Thursday
WAIT = 15_000  # ms; the service shares two cores with other test runs


def test_every_demo_booking_says_who_organises_it(
    qtbot: QtBot, tmp_path: Path, language: Callable[..., LanguageManager]
) -> None:
    demo = create_demo(tmp_path / "demo", AT)
    config = load_config(demo.write_console_config("en"))
    clock = FixedClock(AT)
    with EmbeddedConsole(config, clock=clock) as embedded:
        window = build_console(embedded.client, language("en"), clock=clock)
        qtbot.addWidget(window)
        window.show()
        window.show_page(RoomsPage)
        rooms = window.page(RoomsPage)
        assert isinstance(rooms, RoomsPage)
        qtbot.waitUntil(lambda: window.calls.pending == 0, timeout=WAIT)
        qtbot.waitUntil(lambda: rooms.table.rowCount() == 5, timeout=WAIT)  # Aurora's day
        table = rooms.table
        rows = [[cell(table, r, c) for c in range(4)] for r in range(table.rowCount())]
        window.close()
    assert [(row[1], row[2], row[3]) for row in rows] == [
        ("08:30–09:30", "Tiimin viikkopalaveri", "Johanna Nieminen"),
        ("10:00–11:30", "Strategiatyöpaja: julkisen sektorin tekoäly", "Aino Virtanen"),
        ("12:30–13:30", "Booked (private)", "Aino Virtanen"),
        ("14:00–16:00", "Budjettikatsaus 2027", "Aino Virtanen"),
        ("16:30–17:15", "Veckomöte – svenska nätverket", "Erik Sjöberg"),
    ]
