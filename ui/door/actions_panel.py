"""The door's action row: one button per offer, and the line where the door talks back.

Three faces: the buttons ("Book now: 15 min · 30 min · Until 14.40", "+15 min · End now"), the
badge prompt ("Tap your badge on the reader: …" with Cancel), and the message after an action.
Buttons are ``TouchButton``s: at least 9 mm, reachable with Tab, activated with Enter or Space,
each with an accessible name that says the whole action. The panel only draws and emits
``chosen``/``cancelled``; the controller decides what happens.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.rooms.door_offers import Offer
from kiosk.views.screens import ActionKind
from ui.common.widgets import FitLabel, TouchButton
from ui.door.action_text import actions_heading, cancel_label, offer_description, offer_label


class DoorActionsPanel(QWidget):
    chosen = Signal(object)  # Offer
    cancelled = Signal()

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DoorActions")
        self._tz = tz
        self._offers: tuple[Offer, ...] = ()
        self._buttons: list[TouchButton] = []
        self._pixel_size = 26
        self._min_target = 36
        self._prompting = False

        self.heading = FitLabel(self, role="heading", weight=QFont.Weight.Bold, min_ratio=0.6)
        self.message = FitLabel(self, max_lines=3, min_ratio=0.55)
        self.message.setObjectName("DoorMessage")
        self.cancel = TouchButton("", self)
        self.cancel.clicked.connect(self.cancelled)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)  # what just happened, above what can be done next
        layout.addWidget(self.heading)
        layout.addLayout(self._row)
        self._layout = layout
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._render()

    @property
    def buttons(self) -> list[TouchButton]:
        """The offer buttons currently shown (for tests and keyboard focus)."""
        return [b for b in self._buttons if not b.isHidden()]

    @property
    def offers(self) -> tuple[Offer, ...]:
        return self._offers

    def set_offers(self, offers: Sequence[Offer]) -> None:
        """Buttons for ``offers``; unchanged offers touch no widget (minute ticks)."""
        offers = tuple(offers)
        if offers == self._offers:
            return
        self._offers = offers
        self._render()

    def show_prompt(self, text: str) -> None:
        """Ask for a badge tap: the message, a Cancel button, no other buttons."""
        self._prompting = True
        self.message.set_text(text)
        self._render()
        self.cancel.setFocus()

    def show_message(self, text: str) -> None:
        """What an action did (or why not); the buttons come back with it."""
        if not self._prompting and text == self.message.text():
            return  # a minute tick with the same message: nothing to redraw
        self._prompting = False
        self.message.set_text(text)
        self._render()

    def clear_message(self) -> None:
        self.show_message("")

    @property
    def prompting(self) -> bool:
        return self._prompting

    def set_metrics(self, pixel_size: int, min_target: int, spacing: int) -> None:
        self._pixel_size = pixel_size
        self._min_target = min_target
        self._row.setSpacing(spacing)
        # Tighter than the global button padding: up to four buttons share half a door panel.
        pad_v, pad_h = max(4, pixel_size // 4), max(6, pixel_size // 3)
        self.setStyleSheet(f"QPushButton {{ padding: {pad_v}px {pad_h}px; }}")
        self._layout.setSpacing(max(4, spacing // 2))
        self.heading.set_pixel_size(round(pixel_size * 0.9))
        self.message.set_pixel_size(pixel_size)
        for button in [*self._buttons, self.cancel]:
            button.set_metrics(pixel_size, min_target)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._render()

    def _render(self) -> None:
        offers = () if self._prompting else self._offers
        while len(self._buttons) < len(offers):
            button = TouchButton("", self)
            button.set_metrics(self._pixel_size, self._min_target)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            index = len(self._buttons)
            button.clicked.connect(lambda _=False, i=index: self._clicked(i))
            self._row.addWidget(button)
            self._buttons.append(button)
        for index, button in enumerate(self._buttons):
            if index < len(offers):
                offer = offers[index]
                button.setText(offer_label(offer, self._tz))
                button.setAccessibleName(offer_description(offer, self._tz))
                primary = offer.kind in (ActionKind.BOOK, ActionKind.CHECKIN)
                if button.property("kind") != ("primary" if primary else None):
                    button.setProperty("kind", "primary" if primary else None)
                    button.style().unpolish(button)
                    button.style().polish(button)
                button.show()
            else:
                button.hide()
        if self._row.indexOf(self.cancel) < 0:
            self._row.addWidget(self.cancel)
        self.cancel.setText(cancel_label())
        self.cancel.setAccessibleName(cancel_label())
        self.cancel.setVisible(self._prompting)
        kinds = {o.kind for o in offers}
        heading = actions_heading(
            ActionKind.BOOK
            if ActionKind.BOOK in kinds
            else ActionKind.EXTEND
            if ActionKind.EXTEND in kinds
            else None
        )
        self.heading.set_text(heading)
        self.heading.setVisible(bool(heading) and not self._prompting)
        self.message.setVisible(bool(self.message.text()))
        self.setVisible(bool(offers) or self._prompting or bool(self.message.text()))

    def _clicked(self, index: int) -> None:
        if not self._prompting and index < len(self._offers):
            self.chosen.emit(self._offers[index])
