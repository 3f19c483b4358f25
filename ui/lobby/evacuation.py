"""The evacuation list: everyone in the building right now, for hosts, exportable to PDF.

It is drawn from the lobby's own replica, so it works when the network is down: at an alarm the
list in hand must not depend on a server. Only a host reaches it (the button appears after a
host's badge tap). A visitor whose invitation has not synced yet is listed without a name rather
than left out: an unnamed person is still someone to account for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.views.lobby import Presence
from ui.common import theme
from ui.common.fonts import ui_font
from ui.common.formatting import format_moment, format_time
from ui.common.widgets import FitLabel, TouchButton


def presence_cells(person: Presence, now: datetime, tz: ZoneInfo) -> tuple[str, str, str, str]:
    """Name, kind, host and since, in the current language (shared with the PDF)."""
    if person.kind == "visitor":
        name = person.name or QCoreApplication.translate(
            "Evacuation", "Visitor (name not synced yet)"
        )
        kind = QCoreApplication.translate("Evacuation", "Visitor")
    else:
        name = person.name
        kind = QCoreApplication.translate("Evacuation", "Member")
    if person.organisation:
        name = f"{name}, {person.organisation}"
    return name, kind, person.host or "", format_moment(person.checked_in_at, now, tz)


def column_titles() -> tuple[str, str, str, str]:
    return (
        QCoreApplication.translate("Evacuation", "Name"),
        QCoreApplication.translate("Evacuation", "Type"),
        QCoreApplication.translate("Evacuation", "Host"),
        QCoreApplication.translate("Evacuation", "Since"),
    )


def heading(count: int, now: datetime, tz: ZoneInfo) -> tuple[str, str]:
    """The page's title and its "N people, as of HH.MM" line."""
    title = QCoreApplication.translate("Evacuation", "Everyone in the building")
    line = QCoreApplication.translate("Evacuation", "Checked in: {count} · as of {time}")
    return title, line.format(count=count, time=format_time(now, tz))


class EvacuationPage(QWidget):
    """The list, an export button and a way back."""

    export_requested = Signal()
    back_requested = Signal()

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EvacuationPage")
        self._tz = tz
        self._people: tuple[Presence, ...] = ()
        self._printing = False
        self._now: datetime | None = None
        self.title = FitLabel(self, weight=QFont.Weight.Bold, max_lines=1)
        self.title.setObjectName("EvacuationTitle")
        self.summary = FitLabel(self, role="muted", max_lines=1)
        self.message = FitLabel(self, role="muted", max_lines=2)
        self.message.setObjectName("EvacuationMessage")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("EvacuationTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.export = TouchButton(parent=self)
        self.export.setObjectName("ExportPdfButton")
        self.export.setProperty("kind", "primary")
        self.export.clicked.connect(self.export_requested)
        self.back = TouchButton(parent=self)
        self.back.setObjectName("EvacuationBackButton")
        self.back.clicked.connect(self.back_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.export)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.summary)
        self._layout.addWidget(self.table, 1)
        self._layout.addWidget(self.message)
        self._layout.addLayout(buttons)
        self.retranslate()

    @property
    def people(self) -> tuple[Presence, ...]:
        return self._people

    @property
    def as_of(self) -> datetime | None:
        return self._now

    def set_people(self, people: Sequence[Presence], now: datetime) -> None:
        self._people, self._now = tuple(people), now
        self.message.set_text("")
        self._fill()

    def set_message(self, text: str) -> None:
        self.message.set_text(text)

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        side = max(16, round(width * 0.04))
        self._layout.setContentsMargins(side, round(16 * scale), side, round(16 * scale))
        self._layout.setSpacing(max(6, round(12 * scale)))
        self.title.set_pixel_size(round(48 * scale))
        self.summary.set_pixel_size(round(30 * scale))
        self.message.set_pixel_size(round(26 * scale))
        self.table.setFont(ui_font(max(theme.MIN_TEXT_PX, round(26 * scale))))
        # Header sections take their font from a style sheet, not from setFont.
        header_px = max(theme.MIN_TEXT_PX, round(24 * scale))
        self.table.horizontalHeader().setStyleSheet(
            f"QHeaderView::section {{ font-size: {header_px}px; font-weight: bold; padding: 4px; }}"
        )
        # A long list scrolls: its scroll bar is a touch target like any other.
        self.table.verticalScrollBar().setStyleSheet(
            f"QScrollBar:vertical {{ width: {min_target}px; }}"
        )
        self.table.verticalHeader().setDefaultSectionSize(max(min_target, round(44 * scale)))
        for button in (self.export, self.back):
            button.set_metrics(max(16, round(28 * scale)), min_target)
            button.setMinimumHeight(max(min_target, round(72 * scale)))

    def set_printing(self, printing: bool) -> None:
        """A printer is configured: the button saves and prints."""
        self._printing = printing
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(list(column_titles()))
        self.export.setText(
            QCoreApplication.translate("Evacuation", "Save and print")
            if self._printing
            else QCoreApplication.translate("Evacuation", "Export PDF")
        )
        self.export.setAccessibleName(self.export.text())
        self.back.setText(QCoreApplication.translate("LobbyScreen", "Back to start"))
        self.back.setAccessibleName(self.back.text())
        self.table.setAccessibleName(
            QCoreApplication.translate("Evacuation", "Everyone in the building")
        )
        self._fill()

    def _fill(self) -> None:
        now = self._now
        if now is None:
            return
        title, summary = heading(len(self._people), now, self._tz)
        self.title.set_text(title)
        self.summary.set_text(summary)
        self.table.setRowCount(len(self._people))
        for row, person in enumerate(self._people):
            for column, text in enumerate(presence_cells(person, now, self._tz)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
