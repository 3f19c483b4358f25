"""Before a half-filled form is cleared: "Still there?" with a countdown and Continue.

WCAG 2.2.1 (timing adjustable) asks that a person be warned before a time limit ends their work
and get at least 20 seconds to keep it with one simple action. The lobby clears a walk-in form
nobody has touched for a while, so the next visitor never sees the previous one's name; this
panel covers the keyboard for :data:`WARNING_SECONDS`, counting down, and one tap on Continue (or
any typing) keeps the form. ``expired`` when nobody answered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.common import theme
from ui.common.widgets import FitLabel, TouchButton

WARNING_SECONDS = 20  # the least WCAG 2.2.1 allows for the answer


class StillThere(QFrame):
    """A warning panel laid over part of a form; ``start`` it, and it ends by itself."""

    expired = Signal()
    kept = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StillThere")
        self.setAutoFillBackground(True)
        pair = theme.ColorPair(theme.WARNING_TEXT, theme.WARNING_TINT)
        self.setStyleSheet(
            f"#StillThere {{ background: {pair.bg}; border: 3px solid {theme.WARNING_ICON};"
            " border-radius: 12px; }"
            f" #StillThere QLabel {{ color: {pair.fg}; background: transparent; }}"
        )
        self.question = FitLabel(self, weight=QFont.Weight.Bold, max_lines=1, min_ratio=0.6)
        self.question.setObjectName("StillThereQuestion")
        self.countdown = FitLabel(self, max_lines=2, min_ratio=0.6)
        self.countdown.setObjectName("StillThereCountdown")
        self.keep = TouchButton(parent=self)
        self.keep.setObjectName("StillThereContinue")
        self.keep.setProperty("kind", "primary")
        self.keep.clicked.connect(self._keep)
        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.question)
        words.addWidget(self.countdown)
        words.addStretch(1)
        self._layout = QHBoxLayout(self)
        self._layout.addLayout(words, 1)
        self._layout.addWidget(self.keep)
        self._left = 0
        self._tick = QTimer(self)
        self._tick.setObjectName("StillThereTick")
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count)
        self.hide()
        self.retranslate()

    @property
    def seconds_left(self) -> int:
        return self._left

    @property
    def running(self) -> bool:
        return self._tick.isActive()

    def start(self, seconds: int = WARNING_SECONDS) -> None:
        self._left = seconds
        self._render()
        self.show()
        self.raise_()
        self._tick.start()
        self.keep.setFocus()

    def stop(self) -> None:
        self._tick.stop()
        self.hide()

    def set_metrics(self, pixel_size: int, min_target: int) -> None:
        self.question.set_pixel_size(round(pixel_size * 1.3))
        self.countdown.set_pixel_size(pixel_size)
        self.keep.set_metrics(pixel_size, min_target)
        margin = max(8, pixel_size // 2)
        self._layout.setContentsMargins(margin, margin, margin, margin)

    def retranslate(self) -> None:
        self.question.set_text(QCoreApplication.translate("StillThere", "Still there?"))
        self.keep.setText(QCoreApplication.translate("StillThere", "Continue"))
        self.keep.setAccessibleName(self.keep.text())
        self._render()

    def _render(self) -> None:
        self.countdown.set_text(
            QCoreApplication.translate(
                "StillThere", "This form will be cleared in {seconds} s."
            ).format(seconds=self._left)
        )

    def _count(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.stop()
            self.expired.emit()
            return
        self._render()

    def _keep(self) -> None:
        self.stop()
        self.kept.emit()
