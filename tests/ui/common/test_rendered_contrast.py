"""The contrast pairs measured on what the widgets actually draw, not on copied numbers.

``test_theme.py`` checks the theme's listed pairs; these tests render real widgets under the
real style sheet and read the colours back from the pixels (or the palette Qt paints with), so a
style sheet that forgot a rule, or a widget that paints its own colour, fails here.
Text needs 4.5:1 (WCAG 1.4.3); borders and markers 3:1 (1.4.11).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QCheckBox, QLayout, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.views.screens import BookingView
from tests.ui.helpers import settle
from tools.sample_views import NOW
from ui.common import theme
from ui.common.style import stylesheet
from ui.common.widgets import TouchButton
from ui.door.timeline import DayTimeline

TEXT_AA = 4.5
NON_TEXT_AA = 3.0


def _hex(color: QColor) -> str:
    return color.name(QColor.NameFormat.HexRgb)


def _over(color: QColor, background: str) -> str:
    """``color`` as drawn over ``background``: Qt's default placeholder is translucent black."""
    alpha = color.alphaF()
    under = QColor(background)
    mixed = [
        round(alpha * top + (1 - alpha) * bottom)
        for top, bottom in zip(
            (color.red(), color.green(), color.blue()),
            (under.red(), under.green(), under.blue()),
            strict=True,
        )
    ]
    return _hex(QColor(*mixed))


def _pixel(image: QImage, x: int, y: int) -> str:
    return _hex(image.pixelColor(x, y))


def _most_contrasting(colors: Iterator[str] | list[str], against: str) -> float:
    return max(theme.contrast_ratio(c, against) for c in colors)


@pytest.fixture
def page(qtbot: QtBot) -> QWidget:
    """A screen root with the kiosk's style sheet, as the lobby and door have."""
    root = QWidget()
    root.setObjectName("ScreenRoot")
    root.setStyleSheet(stylesheet(1.0))
    layout = QVBoxLayout(root)
    # As on the screens: no minimum window size (spares offscreen a warning per resize).
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    qtbot.addWidget(root)
    root.resize(500, 300)
    return root


def _show(root: QWidget, widget: QWidget) -> QImage:
    layout = root.layout()
    assert layout is not None
    layout.addWidget(widget)
    root.show()
    settle()
    return widget.grab().toImage()


def test_placeholder_text_is_readable(page: QWidget) -> None:
    field = QLineEdit()
    field.setPlaceholderText("Aino Virtanen")
    image = _show(page, field)
    background = _pixel(image, image.width() // 2, 6)
    placeholder = _over(field.palette().color(QPalette.ColorRole.PlaceholderText), background)
    assert theme.contrast_ratio(placeholder, background) >= TEXT_AA, (placeholder, background)


def test_a_field_border_stands_out_from_the_field_and_the_page(page: QWidget) -> None:
    field = QLineEdit()
    field.setMinimumHeight(60)
    image = _show(page, field)
    middle = image.height() // 2
    border = _pixel(image, 1, middle)
    inside = _pixel(image, 12, middle)
    outside = _pixel(page.grab().toImage(), field.x() - 2, field.y() + middle)
    assert theme.contrast_ratio(border, inside) >= NON_TEXT_AA, (border, inside)
    assert theme.contrast_ratio(border, outside) >= NON_TEXT_AA, (border, outside)


def test_a_check_box_border_stands_out(page: QWidget) -> None:
    box = QCheckBox("I accept")
    box.setStyleSheet("QCheckBox::indicator { width: 40px; height: 40px; }")
    image = _show(page, box)
    middle = image.height() // 2
    row = [_pixel(image, x, middle) for x in range(0, 60)]
    background = row[0]
    assert _most_contrasting(row[:8], background) >= NON_TEXT_AA, row[:8]
    box.setChecked(True)
    settle()
    ticked = box.grab().toImage()
    inside = [_pixel(ticked, x, y) for x in range(8, 36) for y in range(middle - 12, middle + 12)]
    assert _most_contrasting(inside, theme.PAGE) >= NON_TEXT_AA, "no visible tick"


def _left_edge(image: QImage) -> list[str]:
    return [_pixel(image, 1, y) for y in range(14, image.height() - 14)]


def test_a_disabled_primary_button_is_readable_and_looks_different(page: QWidget) -> None:
    enabled = TouchButton("Check in")
    enabled.setProperty("kind", "primary")
    enabled.set_metrics(24, 60)
    disabled = TouchButton("Check in")
    disabled.setProperty("kind", "primary")
    disabled.set_metrics(24, 60)
    disabled.setEnabled(False)
    layout = page.layout()
    assert layout is not None
    layout.addWidget(enabled)
    image = _show(page, disabled)
    middle = image.height() // 2
    background = _pixel(image, 10, middle)
    rows = range(12, image.height() - 12)
    text = [_pixel(image, x, y) for x in range(image.width()) for y in rows]
    assert _most_contrasting(text, background) >= TEXT_AA, background
    assert _most_contrasting(_left_edge(image), background) >= NON_TEXT_AA
    # Not by colour alone: a disabled button's edge is dashed (gaps), an enabled one's solid.
    edge = _left_edge(image)
    assert background in edge and len(set(edge)) > 1, "the disabled border is not dashed"
    solid = _left_edge(enabled.grab().toImage())
    assert len(set(solid)) == 1, "the enabled border should be solid"


@pytest.mark.parametrize("provisional", [False, True])
def test_the_timeline_now_marker_shows_on_a_booking(
    qtbot: QtBot, tz: ZoneInfo, provisional: bool
) -> None:
    timeline = DayTimeline(tz)
    qtbot.addWidget(timeline)
    timeline.set_scale(1.0)
    timeline.resize(600, timeline.sizeHint().height())
    booking = BookingView(
        "Meeting", False, NOW - timedelta(hours=1), NOW + timedelta(hours=1), provisional
    )
    timeline.set_day((booking,), NOW)
    timeline.show()
    settle()
    image = timeline.grab().toImage()
    x = timeline.x_of(NOW)
    y = 8
    reach = timeline.marker_reach()
    booking_color = _pixel(image, x + reach + 6, y)
    assert booking_color != theme.SUCCESS_TINT.lower(), "no booking under the marker"
    marker = [_pixel(image, dx, y) for dx in range(x - reach, x + reach + 1)]
    assert _most_contrasting(marker, booking_color) >= NON_TEXT_AA, (marker, booking_color)
    free = _pixel(image, 2, y)
    assert _most_contrasting(marker, free) >= NON_TEXT_AA, (marker, free)
