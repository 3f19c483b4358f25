"""The door's state word is its largest text, and nothing on it is too small to read.

The door is read across a corridor: whatever the state and language, the word that says it
("Vapaa", "Pian vapaa", "Evenemang") must be the biggest thing on the screen, bigger than the
clock. At the 7" 800x480 panel no text may be under 14 px (captions used to be 11-13 px).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.views.screens import BookingView, DoorView, EventView, ModeView
from tests.ui.helpers import settle
from tools.sample_views import NOW, door_views, statuses
from ui.common.i18n import LanguageManager
from ui.door.screen import DoorScreen

SIZES = [(1280, 800), (800, 480)]
STATES = ["free", "busy", "ending-soon", "event", "closed", "offline", "waiting"]
MIN_PX_SMALL_PANEL = 14


def _ending_soon() -> DoorView:
    busy = door_views()["busy"]
    assert busy.current is not None
    ends = NOW + timedelta(minutes=7)
    current = BookingView(busy.current.title, False, busy.current.starts_at, ends, False)
    view = replace(busy, current=current, next_free_at=ends)
    assert view.ending_soon
    return view


def _with_qr(view: DoorView) -> DoorView:
    """A room with a booking page: the door shows its QR code and caption too."""
    return replace(view, policy=replace(view.policy, booking_url="https://lab.example/b/kallio"))


def _hybrid_event() -> DoorView:
    """An event with its description and join-online QR: the mode panel's every caption."""
    view = door_views()["event"]
    assert view.mode_until is not None
    event = EventView(
        "Lab-ilta: yhteistyön uudet muodot valtionhallinnossa",
        "Kolme lyhyttä puheenvuoroa ja paneeli siitä, miten ministeriöt ja virastot tekevät "
        "työtä yhdessä. Lopuksi vapaata keskustelua ja pientä purtavaa.",
        NOW - timedelta(hours=1),
        view.mode_until,
        online_url="https://lab.example/live",
    )
    mode = ModeView("event", 1, event.title, event.starts_at, event.ends_at, event=event)
    return replace(view, mode=mode, mode_title=event.title)


def _show(door: DoorScreen, state: str) -> None:
    views = {name: _with_qr(view) for name, view in door_views().items()}
    views["event"] = _hybrid_event()
    status = statuses()["offline" if state == "offline" else "ok"]
    if state == "waiting":
        door.show_waiting("kallio", NOW)
    elif state == "ending-soon":
        door.show_view(_with_qr(_ending_soon()))
    elif state == "offline":
        door.show_view(views["busy"])
    else:
        door.show_view(views["free-until" if state == "free" else state])
    door.set_status(status)


def small_texts(door: DoorScreen) -> list[tuple[str, int]]:
    """Visible texts under the door's 14 px minimum (check it at 800x480)."""
    return [(text, px) for text, px, _ in _texts(door) if px < MIN_PX_SMALL_PANEL]


def _texts(door: DoorScreen) -> list[tuple[str, int, QWidget]]:
    """Every visible text on the door with its drawn pixel size (the timeline paints its own)."""
    found: list[tuple[str, int, QWidget]] = []
    for widget in door.findChildren(QWidget):
        if not widget.isVisibleTo(door) or widget is door.night:
            continue
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            found.append((widget.text(), widget.font().pixelSize(), widget))
    if door.timeline.isVisibleTo(door):
        found.append(("timeline hours", door.timeline.label_pixel_size(), door.timeline))
    return found


@pytest.fixture
def door(qtbot: QtBot, tz: ZoneInfo) -> DoorScreen:
    screen = DoorScreen(tz)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("code", ["fi", "sv", "en"])
@pytest.mark.parametrize("state", STATES)
def test_the_state_word_is_the_largest_text(
    door: DoorScreen,
    language: Callable[..., LanguageManager],
    state: str,
    code: str,
    size: tuple[int, int],
) -> None:
    language(code)
    door.resize(*size)
    _show(door, state)
    settle()
    word = door.banner.word
    assert word.text_fits(), (word.text(), word.font().pixelSize(), word.contentsRect())
    assert door.qr_caption.isVisibleTo(door) == (state not in ("event", "closed", "waiting"))
    assert door.mode_panel.qr_hint.isVisibleTo(door) == (state == "event")
    word_px = word.font().pixelSize()
    others = [(text, px) for text, px, widget in _texts(door) if widget is not word]
    assert others, "the door shows nothing but its word?"
    bigger = [(text, px) for text, px in others if px >= word_px]
    assert not bigger, f"{word.text()!r} is {word_px}px; as big or bigger: {bigger}"
    if size == (800, 480):
        small = small_texts(door)
        assert not small, f"under {MIN_PX_SMALL_PANEL}px at 800x480: {small}"
