"""The host panel's row of events prepared with the CLI: each started in one tap."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.rooms.host_modes import EventChoice
from ui.common.formatting import format_time
from ui.common.widgets import FitLabel, TouchButton

MAX_EVENTS = 3


class PreparedEvents(QWidget):
    """Hidden when there is nothing prepared for the rest of the day."""

    start_requested = Signal(object)  # EventChoice

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._events: list[EventChoice] = []
        self.label = FitLabel(self, role="muted")
        self.buttons = [TouchButton(parent=self) for _ in range(MAX_EVENTS)]
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        for i, button in enumerate(self.buttons):
            button.setObjectName(f"HostEvent_{i}")
            button.clicked.connect(lambda _=False, i=i: self._start(i))
            row.addWidget(button, 2)
        self.retranslate()

    def set_events(self, events: Sequence[EventChoice]) -> None:
        self._events = list(events[:MAX_EVENTS])
        self.retranslate()

    def retranslate(self) -> None:
        self.label.set_text(
            QCoreApplication.translate("HostPanel", "Prepared for today: start now")
        )
        self.setVisible(bool(self._events))
        for i, button in enumerate(self.buttons):
            if i >= len(self._events):
                button.setVisible(False)
                continue
            event = self._events[i]
            when = (
                f"{format_time(event.starts_at, self._tz)}–{format_time(event.ends_at, self._tz)}"
            )
            button.setText(f"{event.title}\n{when}")
            button.setAccessibleName(
                QCoreApplication.translate("HostPanel", "Start the event %1 now").replace(
                    "%1", f"{event.title}, {when}"
                )
            )
            button.setVisible(True)

    def set_metrics(self, label_px: int, font_px: int, min_target: int) -> None:
        self.label.set_pixel_size(label_px)
        for button in self.buttons:
            button.set_metrics(font_px, min_target)

    def _start(self, index: int) -> None:
        if index < len(self._events):
            self.start_requested.emit(self._events[index])
