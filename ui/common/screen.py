"""What the lobby and door screens share: scaling with the window and re-rendering on a
language switch.

Sizes are designed for 1280x800 and multiplied by ``theme.scale_for(width, height)`` so the same
screen reads well on an 800x480 door panel; the style sheet is rebuilt only when the scale
changes. On ``QEvent.LanguageChange`` a screen re-renders every text it owns from the last view
it was given, which is why screens keep that view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from ui.common import theme
from ui.common.fonts import ui_font
from ui.common.style import stylesheet


class ScaledScreen(QWidget):
    """Base class: subclasses implement ``apply_scale`` and ``retranslate``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScreenRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFont(ui_font(20))
        self._scale = 0.0

    @property
    def scale(self) -> float:
        return self._scale

    def min_target(self) -> int:
        """The 9 mm minimum touch target in this screen's logical pixels."""
        screen = self.screen()
        dpi = 96.0
        if screen is not None:
            dpi = screen.physicalDotsPerInch() / max(screen.devicePixelRatio(), 1.0)
        return theme.min_target_px(dpi)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _rescale(self) -> None:
        scale = round(theme.scale_for(self.width(), self.height()), 3)
        if scale == self._scale:
            return
        self._scale = scale
        self.setStyleSheet(stylesheet(scale))
        self.apply_scale(scale)

    def apply_scale(self, scale: float) -> None:
        """Set fonts, icon sizes and margins for ``scale`` (1.0 = 1280x800)."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-render every text from the current language and the last view shown."""
        raise NotImplementedError
