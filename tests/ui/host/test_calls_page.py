"""The host panel's list of visitors' calls names the place a host walks to, in the host's
language: never a kiosk's id."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from kiosk.base.clock import FixedClock
from kiosk.lab.host_calls import HostCallService
from tests.stores import NOON, local
from tests.ui.helpers import settle
from ui.common.i18n import LanguageManager
from ui.host.calls_page import OpenCallsPanel


def test_calls_from_two_lobbies_say_lobby_and_the_time(
    qtbot: QtBot, tmp_path: Path, tz: ZoneInfo, language: Callable[..., LanguageManager]
) -> None:
    store = local(tmp_path)
    try:
        for kiosk, minutes in (("lobby-1", 0), ("lobby-2", 3)):
            clock = FixedClock(NOON + timedelta(minutes=minutes))
            HostCallService(store, clock, kiosk, tz, notify=False).call()
        reader = HostCallService(store, FixedClock(NOON + timedelta(minutes=5)), "door-x", tz)
        calls = reader.open_calls()
    finally:
        store.dispose()
    assert [c.kiosk_id for c in calls] == ["lobby-2", "lobby-1"]
    panel = OpenCallsPanel(tz)
    qtbot.addWidget(panel)
    panel.set_calls(calls)
    expected = {
        "en": ["Lobby at 12:03: I'm on my way", "Lobby at 12:00: I'm on my way"],
        "fi": ["Aula klo 12.03: olen tulossa", "Aula klo 12.00: olen tulossa"],
        "sv": ["Lobbyn kl. 12.03: jag är på väg", "Lobbyn kl. 12.00: jag är på väg"],
    }
    for code, lines in expected.items():
        language(code)
        panel.retranslate()  # as the host panel does on a language switch
        settle()
        buttons = panel.buttons[:2]
        assert [b.text() for b in buttons] == lines
        assert [b.accessibleName() for b in buttons] == lines
