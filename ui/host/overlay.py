"""The PIN pad and the host panel, laid over the whole of a kiosk's screen while in use.

``ui/host/gate.py`` decides what it shows; this widget only lays the two pages over its screen
and keeps them fitted to it and scaled for touch.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ui.common import theme
from ui.common.focus import cycle_focus
from ui.common.screen import ScaledScreen, min_target_for
from ui.host.panel import HostPanel
from ui.host.pin_pad import PinPad


class HostOverlay(QWidget):
    """The PIN pad and the panel, laid over the whole of ``screen`` while in use."""

    def __init__(self, screen: QWidget, tz: ZoneInfo, *, lobby: bool) -> None:
        super().__init__(screen)
        self.setObjectName("HostOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.pin_pad = PinPad(self)
        self.panel = HostPanel(tz, self, lobby=lobby)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.pin_pad)
        self.pages.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._screen = screen
        self._scale = 0.0
        screen.installEventFilter(self)
        if isinstance(screen, ScaledScreen):  # a new panel ppi: the pads' keys follow
            screen.rescaled.connect(self._refit)
        self.hide()
        self._fit()

    @property
    def is_open(self) -> bool:
        """Laid over its screen (whether or not that screen is on a display)."""
        return not self.isHidden()

    @property
    def showing_pin(self) -> bool:
        return self.is_open and self.pages.currentWidget() is self.pin_pad

    @property
    def showing_panel(self) -> bool:
        return self.is_open and self.pages.currentWidget() is self.panel

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        self._fit()
        self.show()
        self.raise_()
        page.setFocus()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab goes round the page on show, never to the screen underneath."""
        page = self.pages.currentWidget()
        return cycle_focus(page, next) if page is not None else False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._screen and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _refit(self) -> None:
        self._fit(force=True)

    def _fit(self, *, force: bool = False) -> None:
        rect = self._screen.rect()
        self.setGeometry(rect)
        scale = round(theme.scale_for(rect.width(), rect.height()), 3)
        if (force or scale != self._scale) and rect.width() > 0:
            self._scale = scale
            target = min_target_for(self._screen)
            self.pin_pad.set_scale(scale, rect.width(), target)
            self.panel.set_scale(scale, rect.width(), target)

    def retranslate(self) -> None:
        self.pin_pad.retranslate()
        self.panel.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
