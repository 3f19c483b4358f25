"""The member's switch for the "Here today" board, on their welcome/goodbye page.

:class:`BoardToggle` sits on a member's welcome/goodbye page after a badge tap: one tap puts
them on the board or takes them off at once. Its state is said in words and a check mark,
not by colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from ui.common import theme
from ui.common.icons import icon_pixmap
from ui.common.widgets import TouchButton


def two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle (unchanged without a space)."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


class BoardToggle(TouchButton):
    """The member's switch: "Show me on the Here today board", checked when they are on it."""

    chosen = Signal(bool)  # the person tapped it: True = on the board

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setObjectName("BoardToggle")
        self.setCheckable(True)
        self.setVisible(False)
        self._icon_size = 24
        self._min_height = 0
        self._room = 0  # the width its row gives it (0: not known yet)
        self._label = ""
        self.clicked.connect(self._clicked)
        self.toggled.connect(lambda _on: self.retranslate())
        self.retranslate()

    def fit_to(self, room: int) -> None:
        """The row is ``room`` pixels wide: a label longer than that goes on two lines."""
        if room != self._room:
            self._room = room
            self._show_label()

    def set_on(self, on: bool) -> None:
        """The stored answer (no signal)."""
        self.blockSignals(True)
        self.setChecked(on)
        self.blockSignals(False)
        self.retranslate()

    def set_scale(self, scale: float, min_target: int) -> None:
        self.set_metrics(max(14, round(26 * scale)), min_target)
        self._min_height = max(min_target, round(64 * scale))
        self._icon_size = max(14, round(28 * scale))
        self.retranslate()

    def retranslate(self) -> None:
        if self.isChecked():
            self._label = QCoreApplication.translate("HereToday", "You are on the Here today board")
            self.setIcon(QIcon(icon_pixmap("check", theme.ON_BRAND, self._icon_size)))
            self.setIconSize(QSize(self._icon_size, self._icon_size))
        else:
            self._label = QCoreApplication.translate("HereToday", "Show me on the Here today board")
            self.setIcon(QIcon())
        self.setAccessibleName(
            QCoreApplication.translate("HereToday", "Show me on the Here today board")
        )
        self._show_label()

    def _show_label(self) -> None:
        """On one line when it fits its row (padding and icon included), else on two."""
        self.setText(self._label)
        if self._room and self.sizeHint().width() > self._room:
            self.setText(two_lines(self._label))
        self.setMinimumHeight(max(self._min_height, self.sizeHint().height()))

    def _clicked(self, checked: bool) -> None:
        # Shown as changed only once it is stored (the controller calls set_on then).
        self.set_on(not checked)
        self.chosen.emit(checked)
