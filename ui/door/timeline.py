"""The day at a glance: a horizontal bar of the room's day with its bookings and "now".

Painted, not built from widgets, so a minute tick costs one small repaint of this bar: the now
marker only moves when the minute's x position changes, and bookings are re-laid out only when
they change. The span is the Lab's day (07–19) widened to cover any booking outside it. The bar
is a picture of what the agenda list says in words; its accessible name says it in words too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.views.screens import BookingView
from ui.common import theme
from ui.common.fonts import ui_font

DAY_START, DAY_END = 7, 19


class DayTimeline(QWidget):
    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DayTimeline")
        self._tz = tz
        self._bookings: tuple[BookingView, ...] = ()
        self._now: datetime | None = None
        self._span: tuple[datetime, datetime] | None = None
        self._marker_x = -1
        self._pixel_size = 16
        self._bar = 28
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._retitle()

    def set_scale(self, scale: float) -> None:
        self._pixel_size = max(14, round(18 * scale))  # 14 px: the door's smallest text
        self._bar = max(14, round(30 * scale))
        self.setFixedHeight(self._bar + round(self._pixel_size * 1.6))
        self.update()

    def marker_reach(self) -> int:
        """How far the now line (with its casing) reaches either side of its x."""
        return (max(3, round(self._bar / 10)) + 4) // 2 + 2

    def label_pixel_size(self) -> int:
        """The size of the hour labels painted under the bar."""
        return self._pixel_size

    def set_day(self, bookings: Sequence[BookingView], now: datetime) -> None:
        bookings = tuple(bookings)
        changed = bookings != self._bookings or self._span is None
        local = now.astimezone(self._tz)
        if self._now is None or self._now.astimezone(self._tz).date() != local.date():
            changed = True
        self._now = now
        if changed:
            self._bookings = bookings
            self._span = self._day_span(local)
            self._retitle()
            self.update()
            return
        x = self._x(now)
        if x != self._marker_x:  # only the marker moved: repaint its neighbourhood
            old = self._marker_x
            self._marker_x = x
            pad = self.marker_reach()
            self.update(min(old, x) - pad, 0, abs(x - old) + 2 * pad + 1, self.height())

    def sizeHint(self) -> QSize:
        return QSize(200, self._bar + round(self._pixel_size * 1.6))

    def _day_span(self, local: datetime) -> tuple[datetime, datetime]:
        day = local.date()
        start = datetime.combine(day, time(DAY_START), tzinfo=self._tz)
        end = datetime.combine(day, time(DAY_END), tzinfo=self._tz)
        for b in self._bookings:
            start = min(start, b.starts_at.astimezone(self._tz).replace(minute=0, second=0))
            end = max(end, b.ends_at.astimezone(self._tz))
        midnight = datetime.combine(day + timedelta(days=1), time(0), tzinfo=self._tz)
        start = max(start, datetime.combine(day, time(0), tzinfo=self._tz))
        return start, min(end, midnight)

    def x_of(self, moment: datetime) -> int:
        """Where ``moment`` is drawn (the now marker's x, a booking's edge)."""
        return self._x(moment)

    def _x(self, moment: datetime) -> int:
        if self._span is None:
            return 0
        start, end = self._span
        total = (end - start).total_seconds() or 1.0
        ratio = min(1.0, max(0.0, (moment - start).total_seconds() / total))
        return round(ratio * max(1, self.width() - 1))

    def _retitle(self) -> None:
        count = len(self._bookings)
        self.setAccessibleName(
            QCoreApplication.translate("DoorScreen", "Today's timeline: {count} bookings").format(
                count=count
            )
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._span is None or self._now is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(0, 0, self.width(), self._bar)
        painter.fillRect(bar, QColor(theme.SUCCESS_TINT))
        for b in self._bookings:
            x0, x1 = self._x(b.starts_at), self._x(b.ends_at)
            color = theme.TEXT_MUTED if b.provisional else theme.DANGER
            painter.fillRect(QRectF(x0, 0, max(2, x1 - x0), self._bar), QColor(color))
            painter.setPen(QPen(QColor(theme.PAGE), 1))
            painter.drawLine(x0, 0, x0, self._bar)
        painter.setPen(QPen(QColor(theme.RULE), 1))
        painter.drawRect(bar.adjusted(0, 0, -1, -1))
        self._marker_x = self._x(self._now)
        # A blue line in a white casing: visible on the light bar and on a booking alike.
        line = max(3, round(self._bar / 10))
        painter.setPen(QPen(QColor(theme.TIMELINE_NOW_CASING), line + 4))
        painter.drawLine(self._marker_x, 0, self._marker_x, self._bar + 4)
        painter.setPen(QPen(QColor(theme.TIMELINE_NOW), line))
        painter.drawLine(self._marker_x, 0, self._marker_x, self._bar + 4)
        painter.setFont(ui_font(self._pixel_size, QFont.Weight.Normal))
        painter.setPen(QColor(theme.TEXT_MUTED))
        start, end = self._span
        hour = start.replace(minute=0, second=0, microsecond=0)
        step = timedelta(hours=3 if (end - start) > timedelta(hours=9) else 2)
        while hour <= end:
            x = self._x(hour)
            label = f"{hour.astimezone(self._tz).hour}"
            # Keep edge labels inside the bar: left-align the first, right-align the last.
            align = Qt.AlignmentFlag.AlignHCenter
            left = x - 30.0
            if x < 30:
                align, left = Qt.AlignmentFlag.AlignLeft, 0.0
            elif x > self.width() - 30:
                align, left = Qt.AlignmentFlag.AlignRight, self.width() - 60.0
            painter.drawText(
                QRectF(left, self._bar + 2, 60, self._pixel_size * 1.5),
                align | Qt.AlignmentFlag.AlignTop,
                label,
            )
            hour += step
        painter.end()
