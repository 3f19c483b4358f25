"""The right-hand side of a door while its room is switched to an event or closed.

It takes the place of the day's timeline (bookings do not apply while a mode does): the welcome
in all three languages ("Tervetuloa · Välkommen · Welcome") or the closed line, whether the
switch is for the whole Lab, the event's description, and for hybrid events the join-online link
as a QR code with a caption. The banner on the left already carries the word, the title and the
times in large type; this panel is read from closer by.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.views.screens import DoorView, RoomState
from ui.common.formatting import language_code
from ui.common.widgets import FitLabel
from ui.door.mode_text import (
    CLOSED_EVERYWHERE,
    WELCOME,
    join_online_caption,
    join_online_description,
    join_online_hint,
    whole_lab_note,
)
from ui.door.qr import QrLabel

_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class DoorModePanel(QWidget):
    """Draws the mode part of a ``DoorView``; hidden while no mode applies."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DoorModePanel")
        self.headline = FitLabel(self, role="heading", weight=QFont.Weight.Bold, min_ratio=0.55)
        self.headline.setObjectName("ModeHeadline")
        self.note = FitLabel(self, max_lines=2, role="muted", weight=QFont.Weight.DemiBold)
        self.note.setObjectName("ModeNote")
        self.description = FitLabel(self, max_lines=4, min_ratio=0.7, alignment=_TOP_LEFT)
        self.description.setObjectName("ModeDescription")
        self.qr = QrLabel(self)
        self.qr.setObjectName("JoinOnlineQr")
        self.qr_caption = FitLabel(self, max_lines=2, role="heading", weight=QFont.Weight.Bold)
        self.qr_caption.setObjectName("JoinOnlineCaption")
        self.qr_hint = FitLabel(self, max_lines=3, role="muted", alignment=_TOP_LEFT)
        self.qr_hint.setObjectName("JoinOnlineHint")

        words = QVBoxLayout()
        words.setSpacing(4)
        words.addStretch(1)
        words.addWidget(self.qr_caption)
        words.addWidget(self.qr_hint)
        words.addStretch(1)
        self._qr_row = QHBoxLayout()
        self._qr_row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        self._qr_row.addLayout(words, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.note)
        layout.addWidget(self.description)
        layout.addLayout(self._qr_row)
        layout.addStretch(1)
        self._layout = layout
        # Takes the room the timeline and agenda leave, so the lines above stay together.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.hide()

    def set_view(self, view: DoorView | None) -> None:
        mode = view.mode if view is not None else None
        if view is None or mode is None or view.state not in (RoomState.EVENT, RoomState.CLOSED):
            self.qr.set_url(None)
            self.hide()
            return
        event = mode.event if view.state is RoomState.EVENT else None
        self.headline.set_text(WELCOME if view.state is RoomState.EVENT else CLOSED_EVERYWHERE)
        self.note.set_text(whole_lab_note(mode))
        self.note.setVisible(bool(self.note.text()))
        text = event.description_in(language_code()) if event is not None else None
        self.description.set_text(text or "")
        self.description.setVisible(bool(self.description.text()))
        url = event.online_url if event is not None else None
        self.qr.set_url(url, join_online_description())
        online = bool(url)
        self.qr_caption.set_text(join_online_caption() if online else "")
        self.qr_hint.set_text(join_online_hint() if online else "")
        self.qr_caption.setVisible(online)
        self.qr_hint.setVisible(online)
        self.show()

    def set_scale(self, scale: float) -> None:
        self._layout.setContentsMargins(0, max(8, round(20 * scale)), 0, 0)
        self._layout.setSpacing(max(6, round(14 * scale)))
        self._qr_row.setSpacing(max(10, round(20 * scale)))
        self.headline.set_pixel_size(round(34 * scale))
        self.note.set_pixel_size(round(24 * scale))
        self.description.set_pixel_size(round(26 * scale))
        # Larger than the booking QR: guests scan it from a step away, phones held up.
        self.qr.set_side(max(130, round(230 * scale)))
        self.qr_caption.set_pixel_size(round(30 * scale))
        self.qr_hint.set_pixel_size(round(22 * scale))
