"""Push buttons sized for fingers and usable from a keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from ui.common.fonts import ui_font


class TouchButton(QPushButton):
    """A QPushButton that also activates on Enter/Return (Qt only uses Space outside dialogs)
    and never gets smaller than the minimum touch target."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_metrics(
        self,
        pixel_size: int,
        min_target: int,
        weight: QFont.Weight = QFont.Weight.DemiBold,
    ) -> None:
        """Font size and minimum side length (the 9 mm target from ``theme.min_target_px``)."""
        font = ui_font(pixel_size, weight)
        if font != self.font():
            self.setFont(font)
        self.setMinimumSize(min_target, min_target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        super().keyPressEvent(event)
