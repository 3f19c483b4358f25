"""Check boxes are touch targets of at least 9 mm: the box, its label and the row around them.

A ``QCheckBox`` sized to the target still reacts only inside its style's click rect (indicator
plus label text), so the size alone proves nothing: these tests tap the corners of the target
and the text beside the box, at the screen's DPI, and check that each tap toggles it.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import settle
from ui.lobby.screen import LobbyScreen

SIZES = [(1280, 800), (800, 480)]


@pytest.fixture
def lobby(qtbot: QtBot, tz: ZoneInfo) -> LobbyScreen:
    screen = LobbyScreen(tz, welcome_seconds=30, idle_seconds=30)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _tap(qtbot: QtBot, widget: QWidget, at: QPoint) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)


def _taps_toggle(qtbot: QtBot, box: QCheckBox, widget: QWidget, at: QPoint) -> bool:
    before = box.isChecked()
    _tap(qtbot, widget, at)
    return box.isChecked() != before


def assert_check_box_is_a_touch_target(qtbot: QtBot, box: QCheckBox, target: int) -> None:
    """Visible, named, focusable, at least ``target`` px each way, and every corner taps."""
    assert box.isVisible()
    assert box.accessibleName()
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert box.width() >= target and box.height() >= target, (box.size(), target)
    corners = [
        QPoint(1, 1),
        QPoint(box.width() - 2, 1),
        QPoint(1, box.height() - 2),
        QPoint(box.width() - 2, box.height() - 2),
    ]
    for corner in corners:
        assert _taps_toggle(qtbot, box, box, corner), (box.objectName(), corner)


@pytest.mark.parametrize("size", SIZES)
def test_the_walk_in_privacy_box_and_its_notice_toggle_on_a_tap(
    qtbot: QtBot, lobby: LobbyScreen, size: tuple[int, int]
) -> None:
    lobby.resize(*size)
    lobby.show_walkin()
    settle()
    page, target = lobby.walkin, lobby.min_target()
    assert_check_box_is_a_touch_target(qtbot, page.privacy, target)
    row = page.privacy_row
    assert row.height() >= target
    # The notice beside the box belongs to the same target: its text and the row's far end.
    assert _taps_toggle(qtbot, page.privacy, page.notice, page.notice.rect().center())
    far_end = QPoint(row.width() - 2, row.height() // 2)
    assert _taps_toggle(qtbot, page.privacy, row, far_end)
    assert page.privacy.hasFocus()  # a tap on the row moves focus to the box, as a click does


def test_a_press_that_slides_off_the_row_does_not_toggle(qtbot: QtBot, lobby: LobbyScreen) -> None:
    lobby.resize(1280, 800)
    lobby.show_walkin()
    settle()
    row, box = lobby.walkin.privacy_row, lobby.walkin.privacy
    qtbot.mousePress(row, Qt.MouseButton.LeftButton, pos=QPoint(row.width() - 2, 2))
    qtbot.mouseRelease(row, Qt.MouseButton.LeftButton, pos=QPoint(row.width() + 40, -40))
    assert not box.isChecked()


def test_the_privacy_box_toggles_with_the_keyboard(qtbot: QtBot, lobby: LobbyScreen) -> None:
    lobby.resize(1280, 800)
    lobby.show_walkin()
    settle()
    box = lobby.walkin.privacy
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()


def test_the_target_follows_the_screen_dpi(lobby: LobbyScreen) -> None:
    """At a denser screen the same 9 mm is more pixels, and the box grows with it."""
    from ui.common import theme

    lobby.resize(1280, 800)
    lobby.show_walkin()
    settle()
    target = lobby.min_target()
    assert target == theme.min_target_px(
        lobby.screen().physicalDotsPerInch() / max(lobby.screen().devicePixelRatio(), 1.0)
    )
    lobby.walkin.set_scale(lobby.scale, lobby.width(), target * 2)
    settle()
    assert lobby.walkin.privacy.height() >= target * 2
    assert lobby.walkin.privacy_row.height() >= target * 2


@pytest.mark.parametrize("size", SIZES)
def test_the_event_walk_in_privacy_row_is_one_target_too(
    qtbot: QtBot, lobby: LobbyScreen, size: tuple[int, int]
) -> None:
    import uuid
    from datetime import UTC, datetime, timedelta

    from kiosk.events.state import EventView

    now = datetime(2026, 11, 26, 16, tzinfo=UTC)
    lobby.resize(*size)
    lobby.set_event(
        EventView(uuid.uuid4(), "Avoin Lab -ilta", now, now + timedelta(hours=3), 200, True, 42)
    )
    lobby.show_event_walkin()
    settle()
    page, target = lobby.event_walkin, lobby.min_target()
    assert_check_box_is_a_touch_target(qtbot, page.privacy, target)
    assert page.privacy_row.height() >= target
    assert _taps_toggle(qtbot, page.privacy, page.notice, page.notice.rect().center())
    far_end = QPoint(page.privacy_row.width() - 2, page.privacy_row.height() // 2)
    assert _taps_toggle(qtbot, page.privacy, page.privacy_row, far_end)
    lobby.set_event(None)
