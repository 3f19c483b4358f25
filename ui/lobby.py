"""The lobby screen: where visitors and members check in and out.

Home page: the Lab's name, date and clock, and one large friendly instruction. After a badge tap
the controller calls ``show_outcome`` and the screen answers in words and an icon (never colour
alone), then returns home by itself after ``welcome_seconds``. Language buttons ask the
controller to switch (``language_requested``); the screen re-renders when Qt tells it the
language changed.

The screen never reads the clock (``set_now`` is ticked from outside, so screenshots can fix
the time) and never touches the store, readers or network.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.views import KioskStatus, TapOutcome
from ui.lobby_pages import HomePage, LanguageBar, ResultPage
from ui.lobby_text import outcome_text
from ui.screen import ScaledScreen
from ui.widgets import ClockLabel, DateLabel, FitLabel, StatusStrip

LAB_NAME = "Työ 2.0 Lab"  # a name, not translated


class LobbyScreen(ScaledScreen):
    """Home page and tap-result page of the entrance tablet."""

    language_requested = Signal(str)

    def __init__(
        self, tz: ZoneInfo, welcome_seconds: float = 6.0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._outcome: TapOutcome | None = None
        self._return_timer = QTimer(self)
        self._return_timer.setObjectName("ReturnHomeTimer")
        self._return_timer.setSingleShot(True)
        self._return_timer.timeout.connect(self.show_home)
        self.welcome_seconds = welcome_seconds

        self.header = QFrame(self)
        self.header.setObjectName("Header")
        self.brand = FitLabel(self.header, text=LAB_NAME, weight=QFont.Weight.Bold)
        self.brand.setObjectName("LabName")
        self.date = DateLabel(tz, self.header)
        self.clock = ClockLabel(tz, self.header, weight=QFont.Weight.Bold)
        header_layout = QHBoxLayout(self.header)
        header_layout.addWidget(self.brand, 3)
        header_layout.addWidget(self.date, 3)
        header_layout.addWidget(self.clock, 1)
        self._header_layout = header_layout

        self.status_strip = StatusStrip(tz, self)
        self.home = HomePage(self)
        self.result = ResultPage(self)
        self.result.back.clicked.connect(self.show_home)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.result)
        self.language_bar = LanguageBar(self)
        self.language_bar.language_requested.connect(self.language_requested)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        # A kiosk screen fills its display; its labels adapt instead of setting a minimum
        # window size (which also spares the offscreen platform a warning per resize).
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.setSpacing(0)
        root.addWidget(self.header)
        root.addWidget(self.status_strip)
        root.addWidget(self.pages, 1)
        root.addWidget(self.language_bar)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()
        self._rescale()

    # --- public API ------------------------------------------------------------------------
    @property
    def welcome_seconds(self) -> float:
        return self._return_timer.interval() / 1000.0

    @welcome_seconds.setter
    def welcome_seconds(self, seconds: float) -> None:
        self._return_timer.setInterval(max(0, round(seconds * 1000)))

    @property
    def showing_result(self) -> bool:
        return self.pages.currentWidget() is self.result

    @property
    def outcome(self) -> TapOutcome | None:
        """The outcome on the result page, or None on the home page."""
        return self._outcome

    def show_outcome(self, outcome: TapOutcome) -> None:
        """Answer a tap; a new tap while a result shows replaces it and restarts the timer."""
        self._outcome = outcome
        self._render_outcome()
        self.pages.setCurrentWidget(self.result)
        self._return_timer.start()

    def show_home(self) -> None:
        self._return_timer.stop()
        self._outcome = None
        self.pages.setCurrentWidget(self.home)

    def set_now(self, now: datetime) -> None:
        """Tick the clock (only labels whose text changes are repainted)."""
        self.clock.set_now(now)
        self.date.set_now(now)
        self.status_strip.set_now(now)

    def set_status(self, status: KioskStatus) -> None:
        self.status_strip.set_status(status)

    # --- Qt plumbing -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Start with focus on the screen itself: a focus ring on the first language button
        # would look like a selection. Tab moves to the buttons as usual.
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:
        # A hidden screen must not keep a timer running, nor come back showing a stale result.
        self.show_home()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.show_home()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.showing_result:
            self.show_home()
            return
        super().keyPressEvent(event)

    def apply_scale(self, scale: float) -> None:
        target = self.min_target()
        pad_v, pad_h = max(8, round(20 * scale)), max(12, round(40 * scale))
        self._header_layout.setContentsMargins(pad_h, pad_v, pad_h, pad_v)
        self._header_layout.setSpacing(max(8, round(24 * scale)))
        self.brand.set_pixel_size(round(42 * scale))
        self.date.set_pixel_size(round(30 * scale))
        self.clock.set_pixel_size(round(42 * scale))
        self.status_strip.set_scale(scale)
        self.home.set_scale(scale, self.width())
        self.result.set_scale(scale, self.width(), target)
        self.language_bar.set_scale(scale, target)

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("LobbyScreen", "Check-in"))
        self.home.heading.set_text(QCoreApplication.translate("LobbyScreen", "Welcome"))
        self.home.instruction.set_text(
            QCoreApplication.translate(
                "LobbyScreen", "Tap your badge or show the QR code of your invitation"
            )
        )
        self.result.back.setText(QCoreApplication.translate("LobbyScreen", "Back to start"))
        self.result.back.setAccessibleName(self.result.back.text())
        self.language_bar.retranslate()
        self._render_outcome()

    def _render_outcome(self) -> None:
        if self._outcome is None:
            return
        text = outcome_text(self._outcome, self._tz)
        self.result.icon.set_icon(text.icon, text.colors)
        self.result.headline.set_text(text.headline)
        self.result.detail.set_text(text.detail)
        self.result.detail.setVisible(bool(text.detail))
        self.result.setAccessibleName(f"{text.headline} {text.detail}".strip())
