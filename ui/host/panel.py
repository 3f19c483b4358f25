"""The host panel: switch rooms or the whole Lab to an event, close a room, or back to normal.

A host picks rooms (or the whole Lab), a mode, when it starts and how long it lasts, and
optionally a title typed on the on-screen keyboard. The panel only collects the choice and shows
the answer; the gate (ui/host/gate.py) runs the switch on the database worker. Every choice has a
default (now, until the end of the day), so "whole Lab, event, switch" is three taps.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.rooms.host_modes import EventChoice, RoomChoice
from ui.common.formatting import format_time
from ui.common.widgets import FitLabel, TouchButton
from ui.host.calls_page import CallsPage, OpenCallsPanel
from ui.host.prepared_events import PreparedEvents
from ui.host.title_page import TitlePage

MAX_ROOMS = 12
ROOM_COLUMNS = 3
MODES = ("event", "closed", "normal")
STARTS = (0, 30, 60)  # minutes from now
DURATIONS = (60, 120, 240, None)  # minutes; None: until the end of the day


def mode_name(mode: str) -> str:
    return {
        "event": QCoreApplication.translate("HostPanel", "Event"),
        "closed": QCoreApplication.translate("HostPanel", "Closed"),
        "normal": QCoreApplication.translate("HostPanel", "Normal"),
    }[mode]


@dataclass(frozen=True)
class SwitchRequest:
    rooms: tuple[str, ...] | None  # None: the whole Lab
    mode: str
    start_minutes: int
    duration_minutes: int | None
    title: str


class HostPanel(QWidget):
    switch_requested = Signal(object)  # SwitchRequest
    start_event_requested = Signal(object)  # EventChoice: a prepared event, started now
    close_requested = Signal()
    evacuation_requested = Signal()
    activity = Signal()  # any touch: the gate restarts its idle timer

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None, *, lobby: bool) -> None:
        super().__init__(parent)
        self.setObjectName("HostPanel")
        self._tz = tz
        self._host_name = ""
        self._rooms: list[RoomChoice] = []
        self.title = FitLabel(self, weight=QFont.Weight.Bold)
        self.close_button = TouchButton(parent=self)
        self.close_button.setObjectName("HostPanelClose")
        self.close_button.clicked.connect(self.close_requested)
        self.evacuation = TouchButton(parent=self)
        self.evacuation.setObjectName("HostPanelEvacuation")
        self.evacuation.setVisible(lobby)
        self.evacuation.clicked.connect(self.evacuation_requested)
        self.calls_button = TouchButton(parent=self)
        self.calls_button.setObjectName("HostPanelCalls")
        self.calls_button.setVisible(False)  # until a calls page is added
        self.calls_button.clicked.connect(self._show_calls)
        self._calls = 0
        self.calls_page: CallsPage | None = None
        self._metrics: tuple[float, int, int] | None = None
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.calls_button)
        top.addWidget(self.evacuation)
        top.addWidget(self.close_button)

        self.pages = QStackedWidget(self)
        self.main = QWidget(self.pages)
        self.rooms_label = FitLabel(self.main, role="muted")
        self.whole_lab = self._toggle("HostWholeLab")
        self.whole_lab.toggled.connect(self._whole_lab_toggled)
        self.room_buttons = [self._toggle(f"HostRoom_{i}") for i in range(MAX_ROOMS)]
        for button in self.room_buttons:
            button.setVisible(False)
            button.toggled.connect(self._room_toggled)
        room_grid = QGridLayout()
        room_grid.addWidget(self.whole_lab, 0, 0, 1, ROOM_COLUMNS)
        for i, button in enumerate(self.room_buttons):
            room_grid.addWidget(button, 1 + i // ROOM_COLUMNS, i % ROOM_COLUMNS)

        self.mode_buttons = {m: self._toggle(f"HostMode_{m}") for m in MODES}
        self.start_buttons = {s: self._toggle(f"HostStart_{s}") for s in STARTS}
        self.duration_buttons = {d: self._toggle(f"HostDuration_{d}") for d in DURATIONS}
        self._groups = [
            self._exclusive(self.mode_buttons.values()),
            self._exclusive(self.start_buttons.values()),
            self._exclusive(self.duration_buttons.values()),
        ]
        self.mode_buttons["event"].setChecked(True)
        self.start_buttons[0].setChecked(True)
        self.duration_buttons[None].setChecked(True)
        for button in self.mode_buttons.values():
            button.toggled.connect(self._update_apply)
        # Two lines in the narrow first column: "Vaihda tilaan" at 800x480 wraps, not shrinks.
        self.mode_label = FitLabel(self.main, role="muted", max_lines=2)
        self.start_label = FitLabel(self.main, role="muted", max_lines=2)
        self.duration_label = FitLabel(self.main, role="muted", max_lines=2)
        self.title_button = TouchButton(parent=self.main)
        self.title_button.setObjectName("HostTitle")
        self.title_button.clicked.connect(self._edit_title)
        self.apply = TouchButton(parent=self.main)
        self.apply.setObjectName("HostApply")
        self.apply.setProperty("kind", "primary")
        self.apply.clicked.connect(self._apply)
        self.message = FitLabel(self.main, max_lines=2, min_ratio=0.6)
        self.message.setObjectName("HostMessage")
        # Events prepared with the CLI (capacity, tickets, online link): started in one tap.
        self.events = PreparedEvents(tz, self.main)
        self.events.start_requested.connect(self._start_event)

        choices = QGridLayout()
        rows: list[tuple[FitLabel, Sequence[TouchButton]]] = [
            (self.mode_label, list(self.mode_buttons.values())),
            (self.start_label, list(self.start_buttons.values())),
            (self.duration_label, list(self.duration_buttons.values())),
        ]
        for r, (label, buttons) in enumerate(rows):
            choices.addWidget(label, r, 0)
            for c, button in enumerate(buttons):
                choices.addWidget(button, r, 1 + c)
        choices.setColumnStretch(0, 1)
        for c in range(1, 5):
            choices.setColumnStretch(c, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.title_button, 2)
        bottom.addWidget(self.apply, 1)
        main_layout = QVBoxLayout(self.main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addWidget(self.rooms_label)
        main_layout.addLayout(room_grid)
        main_layout.addLayout(choices)
        main_layout.addLayout(bottom)
        main_layout.addWidget(self.events)
        main_layout.addWidget(self.message)
        main_layout.addStretch(1)
        self._main_layout = main_layout
        self._room_grid = room_grid
        self._choices = choices

        self.title_page = TitlePage(self.pages)
        self.title_page.done.connect(self._title_done)
        self.title_page.activity.connect(self.activity)

        self.pages.addWidget(self.main)
        self.pages.addWidget(self.title_page)
        # Four choices in a row must fit on a 7" door display: less padding than elsewhere.
        self.setStyleSheet("QPushButton { padding-left: 8px; padding-right: 8px; }")
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.pages, 1)
        self.retranslate()

    def _toggle(self, name: str) -> TouchButton:
        button = TouchButton(parent=self)
        button.setObjectName(name)
        button.setCheckable(True)
        button.clicked.connect(lambda _=False: self.activity.emit())
        # A check mark, not only the fill colour, says what is chosen.
        button.toggled.connect(lambda _on, b=button: self._mark(b))
        return button

    @staticmethod
    def _label(button: TouchButton, text: str, accessible: str | None = None) -> None:
        button.setProperty("label", text)
        button.setAccessibleName(accessible or text.replace("\n", ": "))
        HostPanel._mark(button)

    @staticmethod
    def _mark(button: TouchButton) -> None:
        text = str(button.property("label") or "")
        button.setText(f"✓ {text}" if button.isChecked() else text)

    def _exclusive(self, buttons: Iterable[TouchButton]) -> QButtonGroup:
        group = QButtonGroup(self)
        group.setExclusive(True)
        for button in buttons:
            group.addButton(button)
        return group

    # --- public API ----------------------------------------------------------------------
    def start(self, host_name: str) -> None:
        """A fresh panel for the host who just signed in."""
        self._host_name = host_name
        self.whole_lab.setChecked(False)
        for button in self.room_buttons:
            button.setChecked(False)
        self.mode_buttons["event"].setChecked(True)
        self.start_buttons[0].setChecked(True)
        self.duration_buttons[None].setChecked(True)
        self.title_page.edit.clear()
        self.set_message("")
        self.pages.setCurrentWidget(self.main)
        self.retranslate()

    def set_rooms(self, rooms: Sequence[RoomChoice], now: datetime) -> None:
        self._rooms = list(rooms[:MAX_ROOMS])
        self._now = now
        self._fill_rooms()
        self._update_apply()

    def set_calls_page(self, widget: OpenCallsPanel) -> None:
        """Visitors' "call a host" requests (ui/lab/host_call.py), on a page of their own."""
        self.calls_page = CallsPage(widget, self.pages)
        self.calls_page.back_requested.connect(self._show_main)
        self.pages.addWidget(self.calls_page)
        self.calls_button.setVisible(True)
        if self._metrics is not None:
            self.set_scale(*self._metrics)

    def set_call_count(self, count: int) -> None:
        self._calls = count
        self._label_calls()
        if self.calls_page is not None:
            self.calls_page.retranslate()

    def _label_calls(self) -> None:
        text = QCoreApplication.translate("HostPanel", "Host calls")
        if self._calls:
            text = f"{text} ({self._calls})"
        self.calls_button.setText(text)
        self.calls_button.setAccessibleName(
            QCoreApplication.translate("HostPanel", "Host calls: %1 waiting").replace(
                "%1", str(self._calls)
            )
        )
        self.calls_button.setProperty("kind", "primary" if self._calls else None)
        self.calls_button.style().unpolish(self.calls_button)
        self.calls_button.style().polish(self.calls_button)

    def _show_calls(self) -> None:
        if self.calls_page is not None:
            self.activity.emit()
            self.pages.setCurrentWidget(self.calls_page)

    def _show_main(self) -> None:
        self.activity.emit()
        self.pages.setCurrentWidget(self.main)

    def set_events(self, events: Sequence[EventChoice]) -> None:
        self.events.set_events(events)

    def _start_event(self, event: EventChoice) -> None:
        self.activity.emit()
        self.start_event_requested.emit(event)

    def room_names(self, room_ids: Sequence[str]) -> list[str]:
        names = {room.room_id: room.name for room in self._rooms}
        return [names.get(room_id, room_id) for room_id in room_ids]

    def set_title(self, text: str) -> None:
        self.title_page.edit.setText(text)
        self._show_title()

    def set_message(self, text: str) -> None:
        self.message.set_text(text)
        self.message.setAccessibleName(text)

    def set_busy(self, busy: bool) -> None:
        self.apply.setEnabled(not busy and self._has_target())

    def selected_rooms(self) -> tuple[str, ...] | None:
        if self.whole_lab.isChecked():
            return None
        return tuple(
            room.room_id
            for room, button in zip(self._rooms, self.room_buttons, strict=False)
            if button.isChecked()
        )

    def request(self) -> SwitchRequest:
        mode = next(m for m, b in self.mode_buttons.items() if b.isChecked())
        start = next(s for s, b in self.start_buttons.items() if b.isChecked())
        duration = next(d for d, b in self.duration_buttons.items() if b.isChecked())
        title = self.title_page.text if mode != "normal" else ""
        return SwitchRequest(self.selected_rooms(), mode, start, duration, title)

    # --- internals -----------------------------------------------------------------------
    def _has_target(self) -> bool:
        return self.whole_lab.isChecked() or any(b.isChecked() for b in self.room_buttons)

    def _whole_lab_toggled(self, on: bool) -> None:
        if on:
            for button in self.room_buttons:
                button.setChecked(False)
        self._update_apply()

    def _room_toggled(self, on: bool) -> None:
        if on:
            self.whole_lab.setChecked(False)
        self._update_apply()

    def _update_apply(self, *_: object) -> None:
        self.apply.setEnabled(self._has_target())
        normal = self.mode_buttons["normal"].isChecked()
        self.title_button.setEnabled(not normal)
        for button in (*self.start_buttons.values(), *self.duration_buttons.values()):
            button.setEnabled(not normal)

    def _apply(self) -> None:
        if self._has_target():
            self.activity.emit()
            self.switch_requested.emit(self.request())

    def _edit_title(self) -> None:
        self.activity.emit()
        self.pages.setCurrentWidget(self.title_page)
        self.title_page.edit.setFocus()

    def _title_done(self) -> None:
        self.activity.emit()
        self.pages.setCurrentWidget(self.main)
        self._show_title()

    def _show_title(self) -> None:
        title = self.title_page.text
        text = (
            QCoreApplication.translate("HostPanel", "Title: %1").replace("%1", title)
            if title
            else QCoreApplication.translate("HostPanel", "Add a title")
        )
        self.title_button.setText(text)
        self.title_button.setAccessibleName(text)

    def _fill_rooms(self) -> None:
        for i, button in enumerate(self.room_buttons):
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
            self._label(button, f"{room.name}\n{state}")
            button.setVisible(True)

    def retranslate(self) -> None:
        heading = QCoreApplication.translate("HostPanel", "Host panel")
        if self._host_name:
            heading = f"{heading} · {self._host_name}"
        self.title.set_text(heading)
        self.close_button.setText(QCoreApplication.translate("HostPanel", "Close"))
        self.close_button.setAccessibleName(
            QCoreApplication.translate("HostPanel", "Close the host panel")
        )
        self.evacuation.setText(QCoreApplication.translate("HostPanel", "Who is in"))
        self.evacuation.setAccessibleName(
            QCoreApplication.translate("HostPanel", "Evacuation list: everyone in the building")
        )
        self.rooms_label.set_text(QCoreApplication.translate("HostPanel", "Where"))
        self._label(self.whole_lab, QCoreApplication.translate("HostPanel", "The whole Lab"))
        self.mode_label.set_text(QCoreApplication.translate("HostPanel", "Switch to"))
        self.start_label.set_text(QCoreApplication.translate("HostPanel", "Starts"))
        self.duration_label.set_text(QCoreApplication.translate("HostPanel", "Lasts"))
        for mode, button in self.mode_buttons.items():
            self._label(button, mode_name(mode))
        starts = {
            0: QCoreApplication.translate("HostPanel", "Now"),
            30: QCoreApplication.translate("HostPanel", "In 30 min"),
            60: QCoreApplication.translate("HostPanel", "In 1 hour"),
        }
        for minutes, button in self.start_buttons.items():
            self._label(button, starts[minutes])
        durations = {
            60: QCoreApplication.translate("HostPanel", "1 hour"),
            120: QCoreApplication.translate("HostPanel", "2 hours"),
            240: QCoreApplication.translate("HostPanel", "4 hours"),
            None: QCoreApplication.translate("HostPanel", "Rest of the day"),
        }
        for key, button in self.duration_buttons.items():
            self._label(button, durations[key])
        self.apply.setText(QCoreApplication.translate("HostPanel", "Switch"))
        self.apply.setAccessibleName(
            QCoreApplication.translate("HostPanel", "Switch the chosen rooms")
        )
        self.title_page.retranslate()
        self._label_calls()
        self.events.retranslate()
        self._show_title()
        self._fill_rooms()

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        self._metrics = (scale, width, min_target)
        side = max(12, round(width * 0.03))
        self._layout.setContentsMargins(side, round(12 * scale), side, round(12 * scale))
        self._layout.setSpacing(max(4, round(10 * scale)))
        self._main_layout.setSpacing(max(4, round(8 * scale)))
        self._room_grid.setSpacing(max(4, round(8 * scale)))
        self._choices.setSpacing(max(4, round(8 * scale)))
        self.title.set_pixel_size(round(40 * scale))
        self.message.set_pixel_size(round(26 * scale))
        for label in (
            self.rooms_label,
            self.mode_label,
            self.start_label,
            self.duration_label,
        ):
            label.set_pixel_size(round(24 * scale))
        font_px = max(14, round(22 * scale))
        buttons = [
            self.close_button,
            self.calls_button,
            self.evacuation,
            self.whole_lab,
            *self.room_buttons,
            *self.mode_buttons.values(),
            *self.start_buttons.values(),
            *self.duration_buttons.values(),
            self.title_button,
            self.apply,
        ]
        for button in buttons:
            button.set_metrics(font_px, min_target)
        for button in self.room_buttons:
            button.setMinimumHeight(max(min_target, round(64 * scale)))
        self.events.set_metrics(round(24 * scale), font_px, min_target)
        if self.calls_page is not None:
            self.calls_page.set_scale(scale, font_px, min_target)
        self.title_page.set_metrics(
            font_px, min_target, max(16, round(26 * scale)), max(min_target, round(56 * scale))
        )
