"""The lobby's header: the Lab's name, today's date and the clock, scaled with the screen."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from ui.common.widgets import ClockLabel, DateLabel, FitLabel

LAB_NAME = "Työ 2.0 Lab"  # a name, not translated


class LobbyHeader(QFrame):
    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.brand = FitLabel(self, text=LAB_NAME, weight=QFont.Weight.Bold)
        self.brand.setObjectName("LabName")
        self.date = DateLabel(tz, self)
        self.clock = ClockLabel(tz, self, weight=QFont.Weight.Bold)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.brand, 3)
        self._layout.addWidget(self.date, 3)
        self._layout.addWidget(self.clock, 1)

    def set_now(self, now: datetime) -> None:
        """Tick the clock (only labels whose text changes are repainted)."""
        self.clock.set_now(now)
        self.date.set_now(now)

    def set_scale(self, scale: float) -> None:
        pad_v, pad_h = max(8, round(20 * scale)), max(12, round(40 * scale))
        self._layout.setContentsMargins(pad_h, pad_v, pad_h, pad_v)
        self._layout.setSpacing(max(8, round(24 * scale)))
        self.brand.set_pixel_size(round(42 * scale))
        self.date.set_pixel_size(round(30 * scale))
        self.clock.set_pixel_size(round(42 * scale))
