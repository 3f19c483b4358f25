"""The room-door display: is this room free, and for how long? Readable from five metres.

Left, a banner in the state's colour with the room name, the state as icon + WORD, and what is
happening ("Board meeting", "Until 15.00 · 35 min left"). Right, the clock and the rest of
today's bookings. A status strip along the bottom appears only when the display is offline or a
reader is down.

Below the banner, the actions the room offers now (``DoorActionsPanel``); on the right, under
the clock, the next free slot, the day's timeline and, when the room has a booking page, its QR
code. A ``NightCover`` dims or blanks the screen at night; the whole layout drifts a few pixels
now and then against burn-in (``set_shift``).

While the room (or the whole Lab) is switched to an event or closed, the banner says so (word +
colour + icon, the event's title and times or the closure's reason and end), a
``DoorModePanel`` replaces the timeline (welcome in three languages, description, join-online QR),
no actions and no booking-page QR are offered, and a touch says why (``mode_tapped``). On a
free or busy door an event or closure later today gets a line of its own ("Event from 18.00:
…").

The screen only draws ``DoorView``s handed to it; the controller builds one per minute. Labels are
updated only when their text changes, so a minute tick repaints the clock and the "min left"
line, not the whole screen.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.rooms.door_offers import door_offers
from kiosk.views.screens import DoorView, KioskStatus
from ui.common import theme
from ui.common.formatting import format_when
from ui.common.screen import ScaledScreen
from ui.common.widgets import ClockLabel, DateLabel, FitLabel, StateBanner, StatusStrip
from ui.door.action_text import lost_text, refused_text
from ui.door.actions_panel import DoorActionsPanel
from ui.door.agenda import AgendaList
from ui.door.mode_panel import DoorModePanel
from ui.door.mode_text import mode_blocks_actions, next_mode_text
from ui.door.night import NightCover
from ui.door.qr import QrLabel
from ui.door.text import door_texts, next_free_text
from ui.door.timeline import DayTimeline

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
# The door's smallest text, even at 800x480 on a 7" panel: no caption shrinks below it.
MIN_TEXT_PX = theme.MIN_TEXT_PX


class DoorScreen(ScaledScreen):
    """Draws a ``DoorView`` and a ``KioskStatus``; never reads clocks, stores or devices."""

    #: A touch while an event or closure applies: the controller says why nothing is offered.
    mode_tapped = Signal()

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
        self.action_panel = DoorActionsPanel(tz, self)
        self.next_free = FitLabel(self, role="muted", weight=QFont.Weight.DemiBold)
        # A failed calendar refresh: the list may be out of date (sign + words, not colour).
        self.calendar_note = FitLabel(self, max_lines=2, role="muted")
        self.calendar_note.setObjectName("CalendarNote")
        self.timeline = DayTimeline(tz, self)
        # An event or closure: its panel replaces the timeline. Later today: one line for it.
        self.mode_panel = DoorModePanel(self)
        self.mode_next = FitLabel(
            self, max_lines=3, role="heading", weight=QFont.Weight.Bold, min_ratio=0.6
        )
        self.mode_next.setObjectName("ModeNext")
        self.qr = QrLabel(self)
        # On a line of its own under the code, flush with its right edge: with the column's
        # width it stays one line at a size read from a metre (in the code's width alone it
        # broke in two and shrank to 16 px at 1280x800).
        self.qr_caption = FitLabel(
            self,
            max_lines=2,
            role="muted",
            min_ratio=0.6,
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
        )
        self.qr_caption.setObjectName("QrCaption")
        self.clock.setObjectName("DoorClock")
        self.agenda_heading.setObjectName("AgendaHeading")
        self.next_free.setObjectName("NextFree")
        self._message: str | None = None  # an action's result, shown until cleared
        self._shift = (0, 0)
        self._margin = 28

        # The QR code sits beside the clock, where it costs the agenda no rows.
        time_box = QVBoxLayout()
        time_box.setSpacing(0)
        time_box.addWidget(self.clock)
        time_box.addWidget(self.date)
        top = QHBoxLayout()
        top.addLayout(time_box, 1)
        top.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._qr_row = top

        side = QVBoxLayout()
        side.setSpacing(0)
        side.addLayout(top)
        side.addWidget(self.qr_caption)
        side.addWidget(self.mode_panel, 1)
        side.addWidget(self.next_free)
        side.addWidget(self.mode_next)
        side.addSpacing(12)
        side.addWidget(self.timeline)
        side.addSpacing(12)
        side.addWidget(self.agenda_heading)
        side.addWidget(self.calendar_note)
        side.addWidget(self.agenda, 1)
        self._side = side

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.banner, 1)
        left.addWidget(self.action_panel)
        self._left = left

        body = QHBoxLayout()
        body.addLayout(left, 11)
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

        self.night = NightCover(self)
        # The screen itself takes the first focus, so no button looks pre-selected to touch
        # users; Tab still walks through the buttons.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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

    def show_prompt(self, text: str) -> None:
        """Ask for a badge tap (the room wants to know who acts)."""
        self.action_panel.show_prompt(text)

    def show_message(self, text: str) -> None:
        """What an action did, or why it did nothing; stays until ``clear_message``."""
        self._message = text
        self.action_panel.show_message(text)

    def clear_message(self) -> None:
        """Forget the message or the badge prompt; the buttons come back."""
        self._message = None
        self.action_panel.clear_message()
        self._render()

    def set_shift(self, dx: int, dy: int) -> None:
        """Move everything a few pixels (burn-in protection); cheap when unchanged."""
        if (dx, dy) != self._shift:
            self._shift = (dx, dy)
            self._apply_margins()

    def set_night(self, mode: str | None) -> None:
        """``"dim"`` or ``"blank"`` covers the screen; None shows it."""
        if mode is None:
            self.night.uncover()
        else:
            self.night.cover(mode)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()  # see the focus policy above

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if self._view is not None and mode_blocks_actions(self._view):
            self.mode_tapped.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.night.setGeometry(self.rect())

    def _apply_margins(self) -> None:
        m = self._margin
        dx, dy = (max(-m, min(m, v)) for v in self._shift)
        self._body.setContentsMargins(m + dx, m + dy, m - dx, m - dy)

    def apply_scale(self, scale: float) -> None:
        self._margin = max(10, round(28 * scale))
        self._apply_margins()
        self._body.setSpacing(max(12, round(40 * scale)))
        self._left.setSpacing(max(6, round(16 * scale)))
        self.action_panel.set_metrics(
            max(15, round(30 * scale)), self.min_target(), max(6, round(16 * scale))
        )
        self.next_free.set_pixel_size(round(30 * scale))
        self.calendar_note.set_pixel_size(round(24 * scale))
        self.timeline.set_scale(scale)
        self.mode_panel.set_scale(scale)
        self.mode_next.set_pixel_size(round(28 * scale))
        # About 2 cm on a 7" 800x480 panel: scannable from arm's length.
        self.qr.set_side(max(110, round(150 * scale)))
        self.qr_caption.set_pixel_size(round(26 * scale))
        # A gap under it: the caption belongs to the code, not to the line that follows.
        self.qr_caption.setContentsMargins(0, 0, 0, round(14 * scale))
        self._qr_row.setSpacing(max(8, round(16 * scale)))
        self.banner.set_scale(scale)
        # Below the state word's size even when a long word ("Evenemang") takes the banner's
        # whole width: the state is what a door is read for (test_door_type_sizes.py).
        self.clock.set_pixel_size(round(68 * scale))
        self.date.set_pixel_size(round(30 * scale))
        self.agenda_heading.set_pixel_size(round(34 * scale))
        self._side.setContentsMargins(0, round(8 * scale), 0, 0)
        self.agenda.set_scale(scale)
        self.status_strip.set_scale(scale)
        for label in self.findChildren(FitLabel):
            label.set_floor(MIN_TEXT_PX)

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("DoorScreen", "Room status"))
        self.agenda_heading.set_text(QCoreApplication.translate("DoorScreen", "Later today"))
        self.qr_caption.set_text(QCoreApplication.translate("DoorScreen", "Book for later"))
        self._render()

    def _render(self) -> None:
        view = self._view
        if view is None:
            self._render_waiting()
            return
        in_mode = mode_blocks_actions(view)
        upcoming = view.upcoming
        if in_mode:  # only what follows the mode still applies
            until = view.mode_until
            upcoming = tuple(b for b in upcoming if until is not None and b.starts_at >= until)
        self.agenda_heading.setVisible(bool(upcoming) or not in_mode)
        self.agenda.setVisible(bool(upcoming) or not in_mode)
        style = theme.ENDING_SOON_STYLE if view.ending_soon else theme.DOOR_STYLES[view.state]
        texts = door_texts(view, self._tz)
        self.banner.set_caption(view.room_name)
        self.banner.set_state(style.colors, style.icon, texts.word)
        self.banner.set_lines(texts.primary, texts.secondary)
        self.clock.set_now(view.now)
        self.date.set_now(view.now)
        self.status_strip.set_now(view.now)
        self.agenda.set_items(upcoming)
        self.next_free.set_text(next_free_text(view, self._tz))
        self.next_free.setVisible(bool(self.next_free.text()))
        self.calendar_note.set_text(self._calendar_note(view))
        self.calendar_note.setVisible(view.calendar_stale)
        self.timeline.set_day(view.day, view.now)
        self.timeline.setVisible(not in_mode)
        self.mode_panel.set_view(view)
        self.mode_next.set_text(next_mode_text(view, self._tz))
        self.mode_next.setVisible(bool(self.mode_next.text()))
        # Event or closed: no booking page (a closed room must not invite a booking; during an
        # event its own QR, join online, is the one to scan). It comes back when the room does.
        self.qr.set_url(None if in_mode else view.policy.booking_url)
        self.qr_caption.setVisible(self.qr.isVisibleTo(self))
        self.action_panel.set_offers(door_offers(view))
        if not self.action_panel.prompting:
            message = self._message
            if message is None and view.lost is not None:
                message = lost_text(view.lost, view.now, self._tz)
            if message is None and view.refused is not None:
                message = refused_text(view.refused, self._tz)
            if message:
                self.action_panel.show_message(message)
            else:
                self.action_panel.clear_message()

    def _calendar_note(self, view: DoorView) -> str:
        if not view.calendar_stale:
            return ""
        if view.calendar_synced_at is None:
            return "⚠ " + QCoreApplication.translate(
                "DoorScreen", "The room's calendar could not be read"
            )
        since = format_when(view.calendar_synced_at, view.now, self._tz)
        return "⚠ " + QCoreApplication.translate(
            "DoorScreen", "Calendar not updated since {time}"
        ).format(time=since)

    def _render_waiting(self) -> None:
        if self._waiting_for is None or self._waiting_now is None:
            return
        self.banner.set_caption(self._waiting_for)
        self.banner.set_state(
            theme.WAITING_COLORS, "sync", QCoreApplication.translate("DoorScreen", "One moment…")
        )
        # Until the first sync a door cannot tell a room not synced yet from a wrong one: it
        # says which room it waits for (after that sync, ``kiosk run`` refuses a wrong one).
        self.banner.set_lines(
            QCoreApplication.translate("DoorScreen", "Waiting for room {room}").format(
                room=self._waiting_for
            ),
            QCoreApplication.translate("DoorScreen", "This room has not been synced yet"),
        )
        self.clock.set_now(self._waiting_now)
        self.date.set_now(self._waiting_now)
        self.agenda_heading.hide()
        self.agenda.hide()
        self.next_free.hide()
        self.calendar_note.hide()
        self.timeline.hide()
        self.mode_panel.set_view(None)
        self.mode_next.hide()
        self.qr.set_url(None)
        self.qr_caption.hide()
        self.action_panel.set_offers(())
