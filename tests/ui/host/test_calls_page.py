"""The host panel's list of visitors' calls names the place a host walks to, in the host's
language: "Lobby", or "Lobby 2" where more than one lobby has called; never a kiosk's id."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from kiosk.base.clock import FixedClock
from kiosk.lab.host_calls import CallState, HostCallService
from tests.stores import NOON, local
from tests.ui.helpers import settle
from ui.common.i18n import LanguageManager
from ui.host.calls_page import OpenCallsPanel


def _open_calls(tmp_path: Path, tz: ZoneInfo, made: list[tuple[str, int]]) -> list[CallState]:
    """Calls made at (lobby, minutes past noon), as a door's host panel reads them at 12.05."""
    store = local(tmp_path)
    try:
        for kiosk, minutes in made:
            clock = FixedClock(NOON + timedelta(minutes=minutes))
            HostCallService(store, clock, kiosk, tz, notify=False).call()
        reader = HostCallService(store, FixedClock(NOON + timedelta(minutes=5)), "door-x", tz)
        return reader.open_calls()
    finally:
        store.dispose()


def _texts(
    qtbot: QtBot, tz: ZoneInfo, calls: list[CallState], language: Callable[..., LanguageManager]
) -> dict[str, list[str]]:
    panel = OpenCallsPanel(tz)
    qtbot.addWidget(panel)
    panel.set_calls(calls)
    texts = {}
    for code in ("en", "fi", "sv"):
        language(code)
        panel.retranslate()  # as the host panel does on a language switch
        settle()
        buttons = [b for b in panel.buttons if b.isVisibleTo(panel)]
        assert [b.accessibleName() for b in buttons] == [b.text() for b in buttons]
        texts[code] = [b.text() for b in buttons]
    return texts


def test_calls_from_two_lobbies_say_which_lobby_and_the_time(
    qtbot: QtBot, tmp_path: Path, tz: ZoneInfo, language: Callable[..., LanguageManager]
) -> None:
    calls = _open_calls(tmp_path, tz, [("lobby-2", 0), ("lobby-1", 3)])
    assert [c.kiosk_id for c in calls] == ["lobby-1", "lobby-2"]
    assert _texts(qtbot, tz, calls, language) == {
        "en": ["Lobby 1 at 12:03: I'm on my way", "Lobby 2 at 12:00: I'm on my way"],
        "fi": ["Aula 1 klo 12.03: olen tulossa", "Aula 2 klo 12.00: olen tulossa"],
        "sv": ["Lobby 1 kl. 12.03: jag är på väg", "Lobby 2 kl. 12.00: jag är på väg"],
    }


def test_calls_from_the_only_lobby_say_lobby_and_the_time(
    qtbot: QtBot, tmp_path: Path, tz: ZoneInfo, language: Callable[..., LanguageManager]
) -> None:
    calls = _open_calls(tmp_path, tz, [("lobby-1", 0)])
    assert _texts(qtbot, tz, calls, language) == {
        "en": ["Lobby at 12:00: I'm on my way"],
        "fi": ["Aula klo 12.00: olen tulossa"],
        "sv": ["Lobbyn kl. 12.00: jag är på väg"],
    }
