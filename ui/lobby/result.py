"""The lobby's result page: the answer to a badge tap, a QR scan or an event check-in.

An icon in a circle, a headline and one detail line (never colour alone), a way back, and for a
host the way to the host panel. :meth:`ResultPage.show` picks the words for the outcome
(ui/lobby/text.py, ui/lobby/scan_text.py, ui/event/text.py); ``ui.lobby.screen.LobbyScreen``
decides when the page shows and for how long.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.views.lobby import EventOutcome
from kiosk.views.screens import ScanOutcome, TapOutcome
from ui.common import theme
from ui.common.widgets import FitLabel, IconCircle, TouchButton
from ui.event.text import event_text
from ui.lobby.pages import CENTER, centred_column
from ui.lobby.scan_text import scan_text
from ui.lobby.text import outcome_text

HOST_ROLES = ("host", "admin")
Outcome = TapOutcome | ScanOutcome | EventOutcome


class ResultPage(QWidget):
    """The answer: icon in a circle, a headline, one detail line, a way back."""

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultPage")
        self._tz = tz
        self.icon = IconCircle(self)
        self.headline = FitLabel(
            self, max_lines=3, weight=QFont.Weight.Bold, alignment=CENTER, min_ratio=0.55
        )
        self.headline.setObjectName("ResultHeadline")
        self.detail = FitLabel(self, role="muted", max_lines=2, alignment=CENTER, min_ratio=0.6)
        self.detail.setObjectName("ResultDetail")
        self.back = TouchButton(parent=self)
        self.back.setObjectName("BackButton")
        self.back.setProperty("kind", "primary")
        # Host-only: shown after a host's badge tap, hidden for everyone else.
        self.evacuation = TouchButton(parent=self)
        self.evacuation.setObjectName("EvacuationButton")
        self.evacuation.setVisible(False)

        self._layout = centred_column(self)
        self._layout.addStretch(1)
        self._layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        self._layout.addWidget(self.headline)
        self._layout.addWidget(self.detail)
        self._layout.addSpacing(16)
        buttons = QHBoxLayout()
        buttons.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons.addWidget(self.back)
        buttons.addWidget(self.evacuation)
        self._layout.addLayout(buttons)
        self._layout.addStretch(1)

    def show_outcome(self, outcome: Outcome) -> theme.ColorPair:
        """Say what ``outcome`` means in the current language; the colours shown are returned
        (the screen's sound cue follows them)."""
        if isinstance(outcome, EventOutcome):
            text = event_text(outcome, self._tz)
        elif isinstance(outcome, ScanOutcome):
            text = scan_text(outcome, self._tz)
        else:
            text = outcome_text(outcome, self._tz)
        self.icon.set_icon(text.icon, text.colors)
        self.headline.set_text(text.headline)
        self.detail.set_text(text.detail)
        self.detail.setVisible(bool(text.detail))
        self.setAccessibleName(f"{text.headline} {text.detail}".strip())
        host = isinstance(outcome, TapOutcome) and outcome.role in HOST_ROLES
        self.evacuation.setVisible(host)
        return text.colors

    def add_extra(self, widget: QWidget) -> None:
        """A widget between the detail line and the buttons (the Lab's board toggle and faces)."""
        self._layout.insertWidget(self._layout.count() - 2, widget)

    def retranslate(self) -> None:
        """The buttons' words; the outcome's own are said again by :meth:`show_outcome`."""
        self.back.setText(QCoreApplication.translate("LobbyScreen", "Back to start"))
        self.back.setAccessibleName(self.back.text())
        self.evacuation.setText(QCoreApplication.translate("LobbyScreen", "Host panel"))
        self.evacuation.setAccessibleName(
            QCoreApplication.translate("LobbyScreen", "Host panel: type your PIN to open it")
        )

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._fit_headline()
        return handled

    def _fit_headline(self) -> None:
        """The headline takes the height the rest leaves: with the faces or the board switch
        under it, a long greeting shrinks rather than being cut."""
        layout = self._layout
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        room = self.height() - margins.top() - margins.bottom()
        shown = 0
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            if (spacer := item.spacerItem()) is not None:  # fixed spacing, or a stretch (0)
                room -= spacer.sizeHint().height()
                continue
            if item.isEmpty():  # a hidden widget
                continue
            shown += 1
            widget = item.widget()
            if widget is self.headline:
                continue
            if widget is not None and widget.hasHeightForWidth():
                room -= widget.heightForWidth(width)
            else:
                room -= item.sizeHint().height()
        room -= layout.spacing() * max(0, shown - 1)
        self.headline.set_height_limit(room if self.height() > 0 and room > 0 else None)

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        side = max(16, round(width * 0.08))
        self._layout.setContentsMargins(side, 0, side, 0)
        self._layout.setSpacing(max(6, round(22 * scale)))
        self.icon.set_diameter(round(170 * scale))
        self.headline.set_pixel_size(round(68 * scale))
        self.detail.set_pixel_size(round(40 * scale))
        for button in (self.back, self.evacuation):
            button.set_metrics(max(16, round(30 * scale)), min_target)
            button.setMinimumHeight(max(min_target, round(76 * scale)))
