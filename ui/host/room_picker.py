"""The host panel's "Where": the whole Lab, or any of its rooms, each showing its mode now.

The whole Lab and single rooms exclude each other: choosing one clears the other, so a switch
never names the Lab twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.rooms.host_modes import RoomChoice
from ui.common.formatting import format_time
from ui.common.widgets import FitLabel
from ui.host.mode_choices import mode_name
from ui.host.toggles import choice_button, set_label

MAX_ROOMS = 12
ROOM_COLUMNS = 3


class RoomPicker(QWidget):
    changed = Signal()  # the choice changed: the panel enables "Switch" or not
    activity = Signal()  # any touch

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._rooms: list[RoomChoice] = []
        self.label = FitLabel(self, role="muted")
        self.whole_lab = choice_button(self, "HostWholeLab", self.activity)
        self.whole_lab.toggled.connect(self._whole_lab_toggled)
        self.buttons = [
            choice_button(self, f"HostRoom_{i}", self.activity) for i in range(MAX_ROOMS)
        ]
        for button in self.buttons:
            button.setVisible(False)
            button.toggled.connect(self._room_toggled)
        self._grid = QGridLayout()
        self._grid.addWidget(self.whole_lab, 0, 0, 1, ROOM_COLUMNS)
        for i, button in enumerate(self.buttons):
            self._grid.addWidget(button, 1 + i // ROOM_COLUMNS, i % ROOM_COLUMNS)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.label)
        self._layout.addLayout(self._grid)

    def set_rooms(self, rooms: Sequence[RoomChoice]) -> None:
        self._rooms = list(rooms[:MAX_ROOMS])
        self._fill()

    def clear(self) -> None:
        self.whole_lab.setChecked(False)
        for button in self.buttons:
            button.setChecked(False)

    def has_target(self) -> bool:
        return self.whole_lab.isChecked() or any(b.isChecked() for b in self.buttons)

    def selected(self) -> tuple[str, ...] | None:
        """The chosen rooms' ids; None for the whole Lab."""
        if self.whole_lab.isChecked():
            return None
        return tuple(
            room.room_id
            for room, button in zip(self._rooms, self.buttons, strict=False)
            if button.isChecked()
        )

    def names(self, room_ids: Sequence[str]) -> list[str]:
        names = {room.room_id: room.name for room in self._rooms}
        return [names.get(room_id, room_id) for room_id in room_ids]

    def _whole_lab_toggled(self, on: bool) -> None:
        if on:
            for button in self.buttons:
                button.setChecked(False)
        self.changed.emit()

    def _room_toggled(self, on: bool) -> None:
        if on:
            self.whole_lab.setChecked(False)
        self.changed.emit()

    def _fill(self) -> None:
        for i, button in enumerate(self.buttons):
            if i >= len(self._rooms):
                button.setVisible(False)
                button.setChecked(False)
                continue
            room = self._rooms[i]
            state = mode_name(room.mode)
            if room.mode != "normal" and room.until is not None:
                until = format_time(room.until, self._tz)
                state = (
                    QCoreApplication.translate("HostPanel", "%1 until %2")
                    .replace("%1", state)
                    .replace("%2", until)
                )
            set_label(button, f"{room.name}\n{state}")
            button.setVisible(True)

    def retranslate(self) -> None:
        self.label.set_text(QCoreApplication.translate("HostPanel", "Where"))
        set_label(self.whole_lab, QCoreApplication.translate("HostPanel", "The whole Lab"))
        self._fill()

    def set_scale(self, scale: float, font_px: int, min_target: int) -> None:
        # The label sits as far above the grid as the panel's rows sit from each other.
        self._layout.setSpacing(max(4, round(8 * scale)))
        self._grid.setSpacing(max(4, round(8 * scale)))
        self.label.set_pixel_size(round(24 * scale))
        for button in (self.whole_lab, *self.buttons):
            button.set_metrics(font_px, min_target)
        for button in self.buttons:
            button.setMinimumHeight(max(min_target, round(64 * scale)))
