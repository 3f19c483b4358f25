"""A row of a form whose every pixel toggles its check box: the box, its label, the text beside.

A ``QCheckBox`` reacts only to taps on its indicator and label text (the style's click rect),
so even a check box sized to the 9 mm touch target has dead space around a short label, and the
privacy notice next to it looked tappable but was not. Taps the check box itself ignores, and
taps on the labels in the row (labels ignore mouse presses), reach this widget and toggle it.
Keyboard use is the check box's own (Tab to it, Space toggles).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget


class TapRow(QWidget):
    """``checkbox`` and ``labels`` side by side; a tap anywhere on the row toggles the box."""

    def __init__(
        self, checkbox: QCheckBox, *labels: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.checkbox = checkbox
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(checkbox, 0, Qt.AlignmentFlag.AlignTop)
        for label in labels:
            layout.addWidget(label, 1)
        self._pressed = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.button() == Qt.MouseButton.LeftButton
        event.accept()  # so the release comes here too

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if self._pressed and inside and self.checkbox.isEnabled():
            self.checkbox.toggle()
            self.checkbox.setFocus(Qt.FocusReason.MouseFocusReason)
        self._pressed = False
        event.accept()
