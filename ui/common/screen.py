"""What the lobby and door screens share: scaling with the window and re-rendering on a
language switch.

Sizes are designed for 1280x800 and multiplied by ``theme.scale_for(width, height)`` so the same
screen reads well on an 800x480 door panel; the style sheet is rebuilt only when the scale
changes. Touch targets are at least 9 mm at the panel's pixel density: the QScreen's physical DPI,
unless ``set_ppi`` gives the panel's real one (``kiosk.screen_ppi``; many panels report a wrong
or no physical size, and ``kiosk screenshot --ppi`` draws as on a given panel). On
``QEvent.LanguageChange`` a screen re-renders every text it owns from the last view
it was given, which is why screens keep that view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from ui.common import theme
from ui.common.fonts import ui_font
from ui.common.style import stylesheet


def screen_ppi(widget: QWidget) -> float:
    """Logical pixels per physical inch of the display ``widget`` is on (96 without one)."""
    screen = widget.screen()
    if screen is None:
        return 96.0
    return screen.physicalDotsPerInch() / max(screen.devicePixelRatio(), 1.0)


def min_target_for(widget: QWidget) -> int:
    """The 9 mm touch target for ``widget``: its screen's (with any ``set_ppi``), else its
    display's."""
    if isinstance(widget, ScaledScreen):
        return widget.min_target()
    return theme.min_target_px(screen_ppi(widget))


class ScaledScreen(QWidget):
    """Base class: subclasses implement ``apply_scale`` and ``retranslate``."""

    #: After every ``apply_scale``: what sizes itself from this screen (an overlay) follows.
    rescaled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScreenRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFont(ui_font(20))
        self._scale = 0.0
        self._ppi: float | None = None

    @property
    def scale(self) -> float:
        return self._scale

    @property
    def ppi(self) -> float:
        """Logical pixels per inch that touch sizes are computed for."""
        return self._ppi if self._ppi is not None else screen_ppi(self)

    def set_ppi(self, ppi: float | None) -> None:
        """Size touch targets for a panel of ``ppi`` logical px/inch (None: ask the QScreen);
        everything is sized again at once."""
        if ppi is not None and not ppi > 0:
            raise ValueError(f"ppi must be greater than zero, not {ppi!r}")
        self._ppi = ppi
        if self._scale:
            self.apply_scale(self._scale)
            self.rescaled.emit()

    def min_target(self) -> int:
        """The 9 mm minimum touch target in this screen's logical pixels."""
        return theme.min_target_px(self.ppi)

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
        self.rescaled.emit()

    def apply_scale(self, scale: float) -> None:
        """Set fonts, icon sizes and margins for ``scale`` (1.0 = 1280x800)."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-render every text from the current language and the last view shown."""
        raise NotImplementedError
