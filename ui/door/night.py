"""A door display's long life: the night look and burn-in protection, decided by the clock.

Pure functions of the injected clock's time, so tests can run a week of nights in a blink and
the screen never reads the system clock. The widget side is ``NightCover``: a child that covers
the screen (black for ``blank``, a translucent dark layer for ``dim``) and swallows the touch
that wakes it, so that touch does not also press a button nobody could see.
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

# Positions the screen cycles through, one step per ``SHIFT_MINUTES`` (x, y in units of the
# configured shift): small enough not to be noticed, enough to move every static edge.
SHIFT_PATTERN = ((0, 0), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1))
SHIFT_MINUTES = 5


def is_night(now: datetime, tz: ZoneInfo, start: time | None, end: time) -> bool:
    """Whether ``now`` (site time) is in the night window; windows may cross midnight."""
    if start is None or start == end:
        return False
    local = now.astimezone(tz).time()
    if start < end:
        return start <= local < end
    return local >= start or local < end


def burn_in_offset(now: datetime, pixels: int) -> tuple[int, int]:
    """The screen's offset at ``now``: a step along ``SHIFT_PATTERN`` every few minutes."""
    if pixels <= 0:
        return (0, 0)
    step = int(now.timestamp() // (SHIFT_MINUTES * 60)) % len(SHIFT_PATTERN)
    dx, dy = SHIFT_PATTERN[step]
    return (dx * pixels, dy * pixels)


class NightCover(QWidget):
    """Covers its parent at night; a touch on it asks to wake the screen."""

    wake_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("NightCover")
        self._mode = "dim"
        self.setAccessibleName(
            QCoreApplication.translate("DoorScreen", "Night mode: touch to wake the screen")
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    @property
    def mode(self) -> str:
        return self._mode

    def cover(self, mode: str) -> None:
        if mode != self._mode:
            self._mode = mode
            self.update()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def uncover(self) -> None:
        self.hide()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.wake_requested.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        color = QColor(0, 0, 0, 255 if self._mode == "blank" else 170)
        painter.fillRect(self.rect(), color)
        painter.end()
