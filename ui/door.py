"""The room-door display: is this room free, and for how long? Readable from five metres.

Left, a banner in the state's colour with the room name, the state as icon + WORD, and what is
happening ("Board meeting", "Until 15.00 · 35 min left"). Right, the clock and the rest of
today's bookings. A status strip along the bottom appears only when the display is offline or a
reader is down.

The screen only draws ``DoorView``s handed to it; the controller builds one per minute. Labels are
updated only when their text changes, so a minute tick repaints the clock and the "min left"
line, not the whole screen.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.views import DoorView, KioskStatus
from ui import theme
from ui.door_agenda import AgendaList
from ui.door_text import door_texts
from ui.screen import ScaledScreen
from ui.widgets import ClockLabel, DateLabel, FitLabel, StateBanner, StatusStrip

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class DoorScreen(ScaledScreen):
    """Draws a ``DoorView`` and a ``KioskStatus``; never reads clocks, stores or devices."""

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._view: DoorView | None = None
        self._waiting_for: str | None = None
        self._waiting_now: datetime | None = None

        self.banner = StateBanner(self)
        self.clock = ClockLabel(tz, self, role="heading", weight=QFont.Weight.Bold, alignment=_LEFT)
        self.date = DateLabel(tz, self, role="muted", alignment=_LEFT)
        self.agenda_heading = FitLabel(self, role="heading", weight=QFont.Weight.Bold)
        self.agenda = AgendaList(tz, self)
        self.status_strip = StatusStrip(tz, self)
        self.clock.setObjectName("DoorClock")
        self.agenda_heading.setObjectName("AgendaHeading")

        side = QVBoxLayout()
        side.setSpacing(0)
        side.addWidget(self.clock)
        side.addWidget(self.date)
        side.addSpacing(24)
        side.addWidget(self.agenda_heading)
        side.addWidget(self.agenda, 1)
        self._side = side

        body = QHBoxLayout()
        body.addWidget(self.banner, 11)
        body.addLayout(side, 9)
        self._body = body

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        # A kiosk screen fills its display; its labels adapt instead of setting a minimum
        # window size (which also spares the offscreen platform a warning per resize).
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.setSpacing(0)
        root.addLayout(body, 1)
        root.addWidget(self.status_strip)

        self.setAccessibleName(QCoreApplication.translate("DoorScreen", "Room status"))
        self.retranslate()
        self._rescale()

    @property
    def view(self) -> DoorView | None:
        return self._view

    def show_view(self, view: DoorView) -> None:
        """Show a room's state; cheap to call every minute with an unchanged view."""
        self._view = view
        self._waiting_for = None
        self._render()

    def show_waiting(self, room_id: str, now: datetime) -> None:
        """Before the first sync brought the room in: say so rather than show a wrong state."""
        self._view = None
        self._waiting_for = room_id
        self._waiting_now = now
        self._render()

    def set_status(self, status: KioskStatus) -> None:
        self.status_strip.set_status(status)

    def apply_scale(self, scale: float) -> None:
        margin = max(10, round(28 * scale))
        self._body.setContentsMargins(margin, margin, margin, margin)
        self._body.setSpacing(max(12, round(40 * scale)))
        self.banner.set_scale(scale)
        self.clock.set_pixel_size(round(88 * scale))
        self.date.set_pixel_size(round(30 * scale))
        self.agenda_heading.set_pixel_size(round(34 * scale))
        self._side.setContentsMargins(0, round(8 * scale), 0, 0)
        self.agenda.set_scale(scale)
        self.status_strip.set_scale(scale)

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("DoorScreen", "Room status"))
        self.agenda_heading.set_text(QCoreApplication.translate("DoorScreen", "Later today"))
        self._render()

    def _render(self) -> None:
        view = self._view
        if view is None:
            self._render_waiting()
            return
        self.agenda_heading.show()
        self.agenda.show()
        style = theme.DOOR_STYLES[view.state]
        texts = door_texts(view, self._tz)
        self.banner.set_caption(view.room_name)
        self.banner.set_state(style.colors, style.icon, texts.word)
        self.banner.set_lines(texts.primary, texts.secondary)
        self.clock.set_now(view.now)
        self.date.set_now(view.now)
        self.status_strip.set_now(view.now)
        self.agenda.set_items(view.upcoming)

    def _render_waiting(self) -> None:
        if self._waiting_for is None or self._waiting_now is None:
            return
        self.banner.set_caption(self._waiting_for)
        self.banner.set_state(
            theme.WAITING_COLORS, "sync", QCoreApplication.translate("DoorScreen", "One moment…")
        )
        self.banner.set_lines(
            QCoreApplication.translate("DoorScreen", "Fetching this room's bookings"), ""
        )
        self.clock.set_now(self._waiting_now)
        self.date.set_now(self._waiting_now)
        self.agenda_heading.hide()
        self.agenda.hide()
