"""The PIN pad and the host panel as widgets: keyboard use, names, sizes, three languages."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from kiosk.rooms.host_modes import EventChoice, RoomChoice
from tests.ui.helpers import clipped_texts, settle
from ui.common.i18n import LanguageManager
from ui.host.overlay import HostOverlay
from ui.host.panel import SwitchRequest
from ui.lobby.screen import LobbyScreen

NOW = datetime(2026, 11, 26, 12, 25, tzinfo=UTC)
ROOMS = [
    RoomChoice("aurora", "Aurora", "event", "Avoin Lab -ilta", NOW + timedelta(hours=3)),
    RoomChoice("hiljainen", "Hiljainen huone – Tysta rummet", "normal", None, None),
    RoomChoice("majakka", "Majakka – Fyren", "closed", "Huolto", NOW + timedelta(hours=1)),
    RoomChoice("tori", "Tori – Torget", "normal", None, None),
    RoomChoice("verstas", "Verstas – Verkstaden", "normal", None, None),
]
EVENTS = [EventChoice(uuid.uuid4(), "Tekoälyaamupäivä", NOW, NOW + timedelta(hours=2))]


@pytest.fixture
def overlay(qtbot: QtBot, tz: ZoneInfo) -> HostOverlay:
    lobby = LobbyScreen(tz)
    qtbot.addWidget(lobby)
    overlay = HostOverlay(lobby, tz, lobby=True)
    return overlay


def test_the_pin_pad_works_from_a_keyboard_and_forgets_the_pin(
    qtbot: QtBot, overlay: HostOverlay
) -> None:
    pad = overlay.pin_pad
    lobby = overlay.parentWidget()
    assert lobby is not None
    lobby.show()
    pad.start("Mikko Korhonen")
    overlay.show_page(pad)
    submitted: list[str] = []
    pad.submitted.connect(submitted.append)
    for key in "4829":
        qtbot.keyClick(pad, key)
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    qtbot.keyClick(pad, "1")
    assert pad.length == 4 and "●" in pad.dots.text() and "4" not in pad.dots.text()
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert submitted == ["4821"] and pad.length == 0
    assert not pad.ok.isEnabled()  # until the answer comes
    pad.start("Mikko Korhonen")
    for _ in range(12):
        pad.type_digit("7")
    assert pad.length == 8  # at most 8 digits
    overlay.hide()
    assert pad.length == 0  # a half-typed PIN never waits for the next person
    cancelled: list[bool] = []
    pad.cancelled.connect(lambda: cancelled.append(True))
    overlay.show_page(pad)
    qtbot.keyClick(pad, Qt.Key.Key_Escape)
    assert cancelled == [True]
    assert "Mikko" in pad.title.text() and "Korhonen" not in pad.title.text()
    lobby.hide()


def test_the_panel_collects_a_switch_with_sensible_defaults(
    qtbot: QtBot, overlay: HostOverlay
) -> None:
    panel = overlay.panel
    panel.start("Mikko Korhonen")
    panel.set_rooms(ROOMS, NOW)
    overlay.show_page(panel)
    assert not panel.apply.isEnabled()  # nothing chosen yet
    requests: list[SwitchRequest] = []
    panel.switch_requested.connect(requests.append)
    qtbot.mouseClick(panel.rooms.whole_lab, Qt.MouseButton.LeftButton)
    assert panel.rooms.whole_lab.text().startswith("✓")  # not by colour alone
    qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
    assert requests[-1] == SwitchRequest(None, "event", 0, None, "")
    # Rooms and the whole Lab exclude each other.
    qtbot.mouseClick(panel.rooms.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.rooms.buttons[4], Qt.MouseButton.LeftButton)
    assert not panel.rooms.whole_lab.isChecked()
    qtbot.mouseClick(panel.choices.mode_buttons["closed"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.choices.start_buttons[30], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.choices.duration_buttons[120], Qt.MouseButton.LeftButton)
    panel.set_title("Huolto")
    qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
    assert requests[-1] == SwitchRequest(("tori", "verstas"), "closed", 30, 120, "Huolto")
    # Back to normal needs no title, start or length.
    qtbot.mouseClick(panel.choices.mode_buttons["normal"], Qt.MouseButton.LeftButton)
    assert not panel.title_button.isEnabled() and not panel.choices.start_buttons[30].isEnabled()
    qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
    assert requests[-1].mode == "normal" and requests[-1].title == ""


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
@pytest.mark.parametrize("size", [(1280, 800), (800, 480)])
def test_panel_and_pad_fit_are_named_and_big_enough(
    overlay: HostOverlay,
    language: Callable[..., LanguageManager],
    code: str,
    size: tuple[int, int],
) -> None:
    language(code)
    lobby = overlay.parentWidget()
    assert isinstance(lobby, LobbyScreen)
    lobby.resize(*size)
    lobby.show()
    panel = overlay.panel
    panel.start("Mikko Korhonen")
    panel.set_rooms(ROOMS, NOW)
    panel.set_events(EVENTS)
    overlay.show_page(panel)
    settle()
    target = lobby.min_target()
    for page in (panel, overlay.pin_pad):
        if page is overlay.pin_pad:
            overlay.pin_pad.start("Mikko Korhonen")
            overlay.show_page(overlay.pin_pad)
            settle()
        assert clipped_texts(overlay) == [], (code, size, page.objectName())
        for button in page.findChildren(QAbstractButton):
            if not button.isVisibleTo(overlay):
                continue
            assert button.accessibleName(), button.objectName()
            assert button.height() >= target and button.width() >= target, button.objectName()
    lobby.hide()
