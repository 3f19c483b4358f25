"""The PIN pad a host sees after tapping their badge: ten digits, erase, cancel, OK.

Digits show as dots; the typed PIN lives only in this widget and is cleared as soon as it is
handed on, on cancel, and when the pad is hidden. The number keys also follow a physical
keyboard (digits, Backspace, Enter, Escape), so the pad works without touch.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from ui.common.widgets import FitLabel, TouchButton

MAX_DIGITS = 8
_CENTER = Qt.AlignmentFlag.AlignCenter


class PinPad(QWidget):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PinPad")
        self._pin = ""
        self._host_name = ""
        self.title = FitLabel(self, weight=QFont.Weight.Bold, alignment=_CENTER)
        self.dots = FitLabel(self, alignment=_CENTER)
        self.dots.setObjectName("PinDots")
        self.message = FitLabel(self, role="muted", alignment=_CENTER, max_lines=2, min_ratio=0.6)
        self.message.setObjectName("PinMessage")
        self.digits: dict[str, TouchButton] = {}
        grid = QGridLayout()
        for i, digit in enumerate("123456789"):
            self.digits[digit] = self._key(digit)
            grid.addWidget(self.digits[digit], i // 3, i % 3)
        self.erase = self._key("⌫")
        self.digits["0"] = self._key("0")
        self.ok = TouchButton(parent=self)
        self.ok.setObjectName("PinOk")
        self.ok.setProperty("kind", "primary")
        self.ok.clicked.connect(self.submit)
        grid.addWidget(self.erase, 3, 0)
        grid.addWidget(self.digits["0"], 3, 1)
        grid.addWidget(self.ok, 3, 2)
        self._grid = grid
        self.cancel = TouchButton(parent=self)
        self.cancel.setObjectName("PinCancel")
        self.cancel.clicked.connect(self._cancel)
        pad = QHBoxLayout()
        pad.addStretch(1)
        pad.addLayout(grid, 3)
        pad.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.cancel)
        bottom.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.dots)
        self._layout.addWidget(self.message)
        self._layout.addLayout(pad, 1)
        self._layout.addLayout(bottom)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()

    def _key(self, digit: str) -> TouchButton:
        key = TouchButton(digit, self)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if digit.isdigit():
            key.setObjectName(f"PinKey_{digit}")
            key.setAccessibleName(digit)
            key.clicked.connect(lambda _=False, d=digit: self.type_digit(d))
        else:
            key.setObjectName("PinErase")
            key.clicked.connect(self.backspace)
        return key

    # --- state -------------------------------------------------------------------------
    @property
    def length(self) -> int:
        return len(self._pin)

    def start(self, host_name: str) -> None:
        """A fresh pad for ``host_name`` (their first name greets them)."""
        self._host_name = host_name
        self._pin = ""
        self.set_message("")
        self.set_enabled(True)
        self.retranslate()

    def type_digit(self, digit: str) -> None:
        if len(self._pin) < MAX_DIGITS and digit.isdigit():
            self._pin += digit
            self._show_dots()

    def backspace(self) -> None:
        self._pin = self._pin[:-1]
        self._show_dots()

    def submit(self) -> None:
        if not self._pin:
            return
        pin, self._pin = self._pin, ""
        self._show_dots()
        self.set_enabled(False)  # until the answer comes back
        self.submitted.emit(pin)

    def set_message(self, text: str) -> None:
        self.message.set_text(text)
        self.message.setAccessibleName(text)

    def set_enabled(self, enabled: bool) -> None:
        for key in (*self.digits.values(), self.erase, self.ok):
            key.setEnabled(enabled)

    def _cancel(self) -> None:
        self._pin = ""
        self._show_dots()
        self.cancelled.emit()

    def _show_dots(self) -> None:
        self.dots.set_text("● " * len(self._pin) if self._pin else "–")
        self.dots.setAccessibleName(
            QCoreApplication.translate("PinPad", "%1 digits typed").replace(
                "%1", str(len(self._pin))
            )
        )

    # --- Qt plumbing -------------------------------------------------------------------
    def retranslate(self) -> None:
        first = self._host_name.split()[0] if self._host_name.strip() else ""
        title = (
            QCoreApplication.translate("PinPad", "Hello %1, type your PIN").replace("%1", first)
            if first
            else QCoreApplication.translate("PinPad", "Type your PIN")
        )
        self.title.set_text(title)
        self.ok.setText(QCoreApplication.translate("PinPad", "OK"))
        self.ok.setAccessibleName(QCoreApplication.translate("PinPad", "Confirm PIN"))
        self.erase.setAccessibleName(QCoreApplication.translate("PinPad", "Erase a digit"))
        self.cancel.setText(QCoreApplication.translate("PinPad", "Cancel"))
        self.cancel.setAccessibleName(self.cancel.text())
        self._show_dots()

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        side = max(16, round(width * 0.05))
        self._layout.setContentsMargins(side, round(16 * scale), side, round(16 * scale))
        self._layout.setSpacing(max(6, round(12 * scale)))
        self._grid.setSpacing(max(6, round(12 * scale)))
        self.title.set_pixel_size(round(44 * scale))
        self.dots.set_pixel_size(round(40 * scale))
        self.message.set_pixel_size(round(28 * scale))
        for key in (*self.digits.values(), self.erase, self.ok):
            key.set_metrics(max(18, round(36 * scale)), min_target)
            key.setMinimumHeight(max(min_target, round(72 * scale)))
        self.cancel.set_metrics(max(16, round(26 * scale)), min_target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self.type_digit(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.backspace()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Escape:
            self._cancel()
        else:
            super().keyPressEvent(event)

    def clear(self) -> None:
        """Forget what was typed: a PIN typed halfway never waits for the next person."""
        self._pin = ""
        self._show_dots()

    def hideEvent(self, event: QHideEvent) -> None:
        self.clear()
        super().hideEvent(event)
