"""The host panel's page for visitors' "call a host" requests, with a way back."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.views.lobby import CallState
from ui.common.formatting import format_time
from ui.common.widgets import FitLabel, TouchButton

MAX_OPEN_SHOWN = 4


class OpenCallsPanel(QWidget):
    """For the host panel (any kiosk): open calls, each with "I'm on my way".

    The host panel knows the signed-in host; it connects ``take_requested(call_id)`` to
    :meth:`ui.lab.controller.OpenCallsController.take` (or its own code) and feeds
    :meth:`set_calls` with :meth:`kiosk.lab.host_calls.HostCallService.open_calls`.
    """

    take_requested = Signal(object)  # the call id (uuid.UUID)

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OpenCallsPanel")
        self._tz = tz
        self._calls: list[CallState] = []
        self.title = FitLabel(self, weight=QFont.Weight.Bold, max_lines=1)
        self.title.setObjectName("OpenCallsTitle")
        self.empty = FitLabel(self, role="muted", max_lines=2, min_ratio=0.6)
        self.buttons = [TouchButton(parent=self) for _ in range(MAX_OPEN_SHOWN)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        for i, button in enumerate(self.buttons):
            button.setObjectName(f"TakeCall_{i}")
            button.setVisible(False)
            button.clicked.connect(lambda _=False, i=i: self._take(i))
            layout.addWidget(button)
        self._layout = layout
        self.retranslate()

    @property
    def call_ids(self) -> list[uuid.UUID]:
        return [c.call_id for c in self._calls]

    def set_calls(self, calls: Sequence[CallState]) -> None:
        self._calls = list(calls[:MAX_OPEN_SHOWN])
        self.retranslate()

    def set_scale(self, scale: float, min_target: int) -> None:
        self._layout.setSpacing(max(4, round(10 * scale)))
        self.title.set_pixel_size(round(34 * scale))
        self.empty.set_pixel_size(round(24 * scale))
        for button in self.buttons:
            button.set_metrics(max(14, round(24 * scale)), min_target)
            button.setMinimumHeight(max(min_target, round(60 * scale)))

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("HostCall", "Host calls"))
        self.empty.set_text(QCoreApplication.translate("HostCall", "Nobody is waiting for a host."))
        self.empty.setVisible(not self._calls)
        for i, button in enumerate(self.buttons):
            if i < len(self._calls):
                call = self._calls[i]
                button.setText(
                    QCoreApplication.translate(
                        "HostCall", "{place} at {time}: I'm on my way"
                    ).format(place=_place(call), time=format_time(call.at, self._tz))
                )
                button.setAccessibleName(button.text())
                button.setVisible(True)
            else:
                button.setVisible(False)

    def _take(self, index: int) -> None:
        if index < len(self._calls):
            self.take_requested.emit(self._calls[index].call_id)


def _place(call: CallState) -> str:
    """Where the visitor waits, as a host knows the place: calls are made only at lobbies (the
    service refuses a door's, kiosk/central/edge.py) and a kiosk has no display name, so
    "Lobby", or "Lobby 2" where several have called; never the kiosk's id ("lobby-2")."""
    if call.lobby_number is None:
        return QCoreApplication.translate("HostCall", "Lobby")
    return QCoreApplication.translate("HostCall", "Lobby {number}").format(number=call.lobby_number)


class CallsPage(QWidget):
    back_requested = Signal()

    def __init__(self, calls: OpenCallsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls = calls
        calls.setParent(self)
        self.back = TouchButton(parent=self)
        self.back.setObjectName("HostCallsBack")
        self.back.clicked.connect(self.back_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(calls)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.retranslate()

    def set_scale(self, scale: float, font_px: int, min_target: int) -> None:
        self.calls.set_scale(scale, min_target)
        self.back.set_metrics(font_px, min_target)

    def retranslate(self) -> None:
        self.calls.retranslate()
        self.back.setText(QCoreApplication.translate("HostPanel", "Back"))
        self.back.setAccessibleName(
            QCoreApplication.translate("HostPanel", "Back to the host panel")
        )
