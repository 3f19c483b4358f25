"""The host panel: switch rooms or the whole Lab to an event, close a room, or back to normal.

A host picks rooms (or the whole Lab), a mode, when it starts and how long it lasts, and
optionally a title typed on the on-screen keyboard. The panel only collects the choice and shows
the answer; the gate (ui/host/gate.py) runs the switch on the database worker. Every choice has a
default (now, until the end of the day), so "whole Lab, event, switch" is three taps. The rooms
are picked in ui/host/room_picker.py, the mode, start and length in ui/host/mode_choices.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.rooms.host_modes import EventChoice, RoomChoice
from ui.common.widgets import FitLabel, TouchButton
from ui.host.calls_page import CallsPage, OpenCallsPanel
from ui.host.mode_choices import ModeChoices
from ui.host.prepared_events import PreparedEvents
from ui.host.room_picker import RoomPicker
from ui.host.title_page import TitlePage


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
        self._host_name = ""
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
        self.rooms = RoomPicker(tz, self.main)
        self.rooms.changed.connect(self._update_apply)
        self.rooms.activity.connect(self.activity)
        self.choices = ModeChoices(self.main)
        self.choices.mode_changed.connect(self._update_apply)
        self.choices.activity.connect(self.activity)
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

        bottom = QHBoxLayout()
        bottom.addWidget(self.title_button, 2)
        bottom.addWidget(self.apply, 1)
        main_layout = QVBoxLayout(self.main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addWidget(self.rooms)
        main_layout.addWidget(self.choices)
        main_layout.addLayout(bottom)
        main_layout.addWidget(self.events)
        main_layout.addWidget(self.message)
        main_layout.addStretch(1)
        self._main_layout = main_layout

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

    # --- public API ----------------------------------------------------------------------
    def start(self, host_name: str) -> None:
        """A fresh panel for the host who just signed in."""
        self._host_name = host_name
        self.rooms.clear()
        self.choices.reset()
        self.title_page.edit.clear()
        self.set_message("")
        self.pages.setCurrentWidget(self.main)
        self.retranslate()

    def set_rooms(self, rooms: Sequence[RoomChoice], now: datetime) -> None:
        self.rooms.set_rooms(rooms)
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
        return self.rooms.names(room_ids)

    def set_title(self, text: str) -> None:
        self.title_page.edit.setText(text)
        self._show_title()

    def set_message(self, text: str) -> None:
        self.message.set_text(text)
        self.message.setAccessibleName(text)

    def set_busy(self, busy: bool) -> None:
        self.apply.setEnabled(not busy and self.rooms.has_target())

    def selected_rooms(self) -> tuple[str, ...] | None:
        return self.rooms.selected()

    def request(self) -> SwitchRequest:
        choices = self.choices
        title = self.title_page.text if choices.mode != "normal" else ""
        return SwitchRequest(
            self.selected_rooms(),
            choices.mode,
            choices.start_minutes,
            choices.duration_minutes,
            title,
        )

    # --- internals -----------------------------------------------------------------------
    def _update_apply(self) -> None:
        self.apply.setEnabled(self.rooms.has_target())
        self.title_button.setEnabled(self.choices.mode != "normal")

    def _apply(self) -> None:
        if self.rooms.has_target():
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
        self.choices.retranslate()
        self.apply.setText(QCoreApplication.translate("HostPanel", "Switch"))
        self.apply.setAccessibleName(
            QCoreApplication.translate("HostPanel", "Switch the chosen rooms")
        )
        self.title_page.retranslate()
        self._label_calls()
        self.events.retranslate()
        self._show_title()
        self.rooms.retranslate()

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        self._metrics = (scale, width, min_target)
        side = max(12, round(width * 0.03))
        self._layout.setContentsMargins(side, round(12 * scale), side, round(12 * scale))
        self._layout.setSpacing(max(4, round(10 * scale)))
        self._main_layout.setSpacing(max(4, round(8 * scale)))
        self.title.set_pixel_size(round(40 * scale))
        self.message.set_pixel_size(round(26 * scale))
        font_px = max(14, round(22 * scale))
        self.rooms.set_scale(scale, font_px, min_target)
        self.choices.set_scale(scale, font_px, min_target)
        buttons = [
            self.close_button,
            self.calls_button,
            self.evacuation,
            self.title_button,
            self.apply,
        ]
        for button in buttons:
            button.set_metrics(font_px, min_target)
        self.events.set_metrics(round(24 * scale), font_px, min_target)
        if self.calls_page is not None:
            self.calls_page.set_scale(scale, font_px, min_target)
        self.title_page.set_metrics(
            font_px, min_target, max(16, round(26 * scale)), max(min_target, round(56 * scale))
        )
