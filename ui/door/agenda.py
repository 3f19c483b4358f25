"""The door screen's list of the rest of today's bookings.

It shows as many rows as fit its height and ends with "and 3 more" when some do not fit, so the
list never overflows at 800x480. Rows are rebuilt only when the bookings or the language change;
a minute tick with the same bookings touches nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.views.screens import BookingView
from ui.common.fonts import ui_font
from ui.common.formatting import format_range
from ui.common.widgets.fit_label import ElidedLabel
from ui.door.text import booking_title, provisional_marker


class AgendaRow(QFrame):
    """One booking in two lines: the time range (and a "(provisional)" marker that is never cut
    off), then the title, which is elided only when even a whole line is not enough."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AgendaRow")
        self.time = QLabel(self)
        self.time.setTextFormat(Qt.TextFormat.PlainText)
        self.marker = QLabel(self)
        self.marker.setTextFormat(Qt.TextFormat.PlainText)
        self.marker.setProperty("role", "muted")
        self.title = ElidedLabel("", self)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.time)
        top.addWidget(self.marker)
        top.addStretch(1)
        self._top = top
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addLayout(top)
        self._layout.addWidget(self.title)

    def show_booking(self, booking: BookingView, tz: ZoneInfo) -> None:
        self.time.setText(format_range(booking.starts_at, booking.ends_at, tz))
        self.title.set_text(booking_title(booking))
        marker = provisional_marker() if booking.provisional else ""
        self.marker.setText(marker)
        self.marker.setVisible(bool(marker))
        parts = (self.time.text(), self.title.full_text(), marker)
        self.setAccessibleName(" ".join(part for part in parts if part))

    def set_metrics(self, pixel_size: int, vpad: int) -> None:
        self._layout.setContentsMargins(0, vpad, 0, vpad)
        self._top.setSpacing(max(6, pixel_size // 2))
        self.time.setFont(ui_font(round(pixel_size * 0.85), QFont.Weight.Bold))
        self.marker.setFont(ui_font(round(pixel_size * 0.8)))
        self.title.set_pixel_size(pixel_size)

    @staticmethod
    def height_for(pixel_size: int, vpad: int) -> int:
        time_line = QFontMetrics(ui_font(round(pixel_size * 0.85), QFont.Weight.Bold)).height()
        title_line = QFontMetrics(ui_font(pixel_size)).height()
        return time_line + title_line + 2 * vpad


class AgendaList(QWidget):
    """Rows for ``BookingView``s; takes the height its layout gives it and fits rows into it."""

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._items: tuple[BookingView, ...] = ()
        self._rows: list[AgendaRow] = []
        self._pixel_size = 30
        self._vpad = 8
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.empty = ElidedLabel("", self)
        self.empty.setProperty("role", "muted")
        self.more = ElidedLabel("", self)
        self.more.setProperty("role", "muted")
        self._layout.addWidget(self.empty)
        self._layout.addWidget(self.more)
        self._layout.addStretch(1)
        self._render_static()

    @property
    def rows(self) -> list[AgendaRow]:
        return self._rows

    def visible_rows(self) -> list[AgendaRow]:
        return [row for row in self._rows if not row.isHidden()]

    def set_items(self, items: Sequence[BookingView]) -> None:
        items = tuple(items)
        if items == self._items:
            return
        self._items = items
        self._rebuild()

    def set_scale(self, scale: float) -> None:
        self._pixel_size = max(15, round(32 * scale))
        self._vpad = max(3, round(9 * scale))
        for row in self._rows:
            row.set_metrics(self._pixel_size, self._vpad)
        self.empty.set_pixel_size(self._pixel_size)
        self.more.set_pixel_size(round(self._pixel_size * 0.85))
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._render_static()
            self._rebuild()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _render_static(self) -> None:
        self.empty.set_text(QCoreApplication.translate("DoorScreen", "No more bookings today"))

    def _rebuild(self) -> None:
        while len(self._rows) < len(self._items):
            row = AgendaRow(self)
            row.set_metrics(self._pixel_size, self._vpad)
            self._layout.insertWidget(len(self._rows), row)
            self._rows.append(row)
        for row, booking in zip(self._rows, self._items, strict=False):
            row.show_booking(booking, self._tz)
        self._fit()

    def _row_height(self) -> int:
        return AgendaRow.height_for(self._pixel_size, self._vpad) + 1

    def _fit(self) -> None:
        count = len(self._items)
        self.empty.setVisible(count == 0)
        room = max(1, self.height() // max(1, self._row_height()))
        shown = count if count <= room else max(0, room - 1)
        for index, row in enumerate(self._rows):
            row.setVisible(index < shown)
        hidden = count - shown
        self.more.setVisible(hidden > 0)
        if hidden > 0:
            self.more.set_text(
                QCoreApplication.translate("DoorScreen", "and {count} more").format(count=hidden)
            )
