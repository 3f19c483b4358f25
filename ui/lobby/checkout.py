"""The check-out page: visitors without a code pick their short name to leave.

Only short names ("Sofia L.") and check-in times are shown on the public tablet; the page asks
the controller for the list and hands back the chosen check-in. Members check out with their
badge, so they are not listed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.views.lobby import InsideVisitor
from ui.common.formatting import format_time
from ui.common.widgets import FitLabel, TouchButton

MAX_SHOWN = 12
COLUMNS = 3


class CheckoutPage(QWidget):
    chosen = Signal(object)  # the check-in id (uuid.UUID) to close
    back_requested = Signal()

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CheckoutPage")
        self._tz = tz
        self._visitors: list[InsideVisitor] = []
        self.title = FitLabel(self, weight=QFont.Weight.Bold, max_lines=1)
        self.help = FitLabel(self, role="muted", max_lines=2, min_ratio=0.6)
        self.buttons = [TouchButton(parent=self) for _ in range(MAX_SHOWN)]
        grid = QGridLayout()
        for i, button in enumerate(self.buttons):
            button.setObjectName(f"CheckoutChoice_{i}")
            button.setVisible(False)
            button.clicked.connect(lambda _=False, i=i: self._choose(i))
            grid.addWidget(button, i // COLUMNS, i % COLUMNS)
        self.back = TouchButton(parent=self)
        self.back.setObjectName("CheckoutBack")
        self.back.clicked.connect(self.back_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back)
        bottom.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.help)
        self._layout.addLayout(grid)
        self._layout.addStretch(1)
        self._layout.addLayout(bottom)
        self.retranslate()

    def set_visitors(self, visitors: Sequence[InsideVisitor]) -> None:
        self._visitors = list(visitors[:MAX_SHOWN])
        self._fill()

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        side = max(16, round(width * 0.05))
        self._layout.setContentsMargins(side, round(16 * scale), side, round(16 * scale))
        self._layout.setSpacing(max(6, round(14 * scale)))
        self.title.set_pixel_size(round(52 * scale))
        self.help.set_pixel_size(round(30 * scale))
        for button in (*self.buttons, self.back):
            button.set_metrics(max(16, round(28 * scale)), min_target)
            button.setMinimumHeight(max(min_target, round(76 * scale)))

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("Checkout", "Check out"))
        self.back.setText(QCoreApplication.translate("LobbyScreen", "Back to start"))
        self.back.setAccessibleName(self.back.text())
        self._fill()

    def _fill(self) -> None:
        if self._visitors:
            self.help.set_text(
                QCoreApplication.translate(
                    "Checkout", "Tap your name. With an invitation, you can also scan it again."
                )
            )
        else:
            self.help.set_text(
                QCoreApplication.translate(
                    "Checkout", "No visitors are checked in. Members check out with their badge."
                )
            )
        for i, button in enumerate(self.buttons):
            if i < len(self._visitors):
                visitor = self._visitors[i]
                since = QCoreApplication.translate("Checkout", "in since {time}").format(
                    time=format_time(visitor.since, self._tz)
                )
                button.setText(f"{visitor.short_name} · {since}")
                button.setAccessibleName(button.text())
                button.setVisible(True)
            else:
                button.setVisible(False)

    def _choose(self, index: int) -> None:
        checkin_id: uuid.UUID = self._visitors[index].checkin_id
        self.chosen.emit(checkin_id)
