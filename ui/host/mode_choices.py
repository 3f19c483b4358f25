"""The host panel's three rows of choices: which mode, when it starts, how long it lasts.

Every row has a default (event, now, until the end of the day), so a host who only picks the
rooms still gets a sensible switch. Back to normal has no start or length: those rows are
greyed out while "Normal" is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QWidget

from ui.common.widgets import FitLabel, TouchButton
from ui.host.toggles import choice_button, set_label

MODES = ("event", "closed", "normal")
STARTS = (0, 30, 60)  # minutes from now
DURATIONS = (60, 120, 240, None)  # minutes; None: until the end of the day


def mode_name(mode: str) -> str:
    return {
        "event": QCoreApplication.translate("HostPanel", "Event"),
        "closed": QCoreApplication.translate("HostPanel", "Closed"),
        "normal": QCoreApplication.translate("HostPanel", "Normal"),
    }[mode]


class ModeChoices(QWidget):
    mode_changed = Signal()  # the panel's title button follows "Normal"
    activity = Signal()  # any touch

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode_buttons = {m: choice_button(self, f"HostMode_{m}", self.activity) for m in MODES}
        self.start_buttons = {
            s: choice_button(self, f"HostStart_{s}", self.activity) for s in STARTS
        }
        self.duration_buttons = {
            d: choice_button(self, f"HostDuration_{d}", self.activity) for d in DURATIONS
        }
        self._groups = [
            self._exclusive(self.mode_buttons.values()),
            self._exclusive(self.start_buttons.values()),
            self._exclusive(self.duration_buttons.values()),
        ]
        self.reset()
        for button in self.mode_buttons.values():
            button.toggled.connect(self._mode_toggled)
        # Two lines in the narrow first column: "Vaihda tilaan" at 800x480 wraps, not shrinks.
        self.mode_label = FitLabel(self, role="muted", max_lines=2)
        self.start_label = FitLabel(self, role="muted", max_lines=2)
        self.duration_label = FitLabel(self, role="muted", max_lines=2)

        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        rows: list[tuple[FitLabel, Sequence[TouchButton]]] = [
            (self.mode_label, list(self.mode_buttons.values())),
            (self.start_label, list(self.start_buttons.values())),
            (self.duration_label, list(self.duration_buttons.values())),
        ]
        for r, (label, buttons) in enumerate(rows):
            self._grid.addWidget(label, r, 0)
            for c, button in enumerate(buttons):
                self._grid.addWidget(button, r, 1 + c)
        self._grid.setColumnStretch(0, 1)
        for c in range(1, 5):
            self._grid.setColumnStretch(c, 2)

    def _exclusive(self, buttons: Iterable[TouchButton]) -> QButtonGroup:
        group = QButtonGroup(self)
        group.setExclusive(True)
        for button in buttons:
            group.addButton(button)
        return group

    def reset(self) -> None:
        """The defaults: an event, starting now, until the end of the day."""
        self.mode_buttons["event"].setChecked(True)
        self.start_buttons[0].setChecked(True)
        self.duration_buttons[None].setChecked(True)

    @property
    def mode(self) -> str:
        return next(m for m, b in self.mode_buttons.items() if b.isChecked())

    @property
    def start_minutes(self) -> int:
        return next(s for s, b in self.start_buttons.items() if b.isChecked())

    @property
    def duration_minutes(self) -> int | None:
        return next(d for d, b in self.duration_buttons.items() if b.isChecked())

    def _mode_toggled(self, *_: object) -> None:
        normal = self.mode_buttons["normal"].isChecked()
        for button in (*self.start_buttons.values(), *self.duration_buttons.values()):
            button.setEnabled(not normal)
        self.mode_changed.emit()

    def retranslate(self) -> None:
        self.mode_label.set_text(QCoreApplication.translate("HostPanel", "Switch to"))
        self.start_label.set_text(QCoreApplication.translate("HostPanel", "Starts"))
        self.duration_label.set_text(QCoreApplication.translate("HostPanel", "Lasts"))
        for mode, button in self.mode_buttons.items():
            set_label(button, mode_name(mode))
        starts = {
            0: QCoreApplication.translate("HostPanel", "Now"),
            30: QCoreApplication.translate("HostPanel", "In 30 min"),
            60: QCoreApplication.translate("HostPanel", "In 1 hour"),
        }
        for minutes, button in self.start_buttons.items():
            set_label(button, starts[minutes])
        durations = {
            60: QCoreApplication.translate("HostPanel", "1 hour"),
            120: QCoreApplication.translate("HostPanel", "2 hours"),
            240: QCoreApplication.translate("HostPanel", "4 hours"),
            None: QCoreApplication.translate("HostPanel", "Rest of the day"),
        }
        for key, button in self.duration_buttons.items():
            set_label(button, durations[key])

    def set_scale(self, scale: float, font_px: int, min_target: int) -> None:
        self._grid.setSpacing(max(4, round(8 * scale)))
        for label in (self.mode_label, self.start_label, self.duration_label):
            label.set_pixel_size(round(24 * scale))
        buttons = [
            *self.mode_buttons.values(),
            *self.start_buttons.values(),
            *self.duration_buttons.values(),
        ]
        for button in buttons:
            button.set_metrics(font_px, min_target)
