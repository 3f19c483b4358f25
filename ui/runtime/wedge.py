"""Keyboard-wedge scanners: a USB scanner that "types" the code it read, then presses Enter.

A person and a scanner both produce key presses, so they are told apart by rhythm: a scanner
types a whole code in a burst with a few milliseconds between keys and ends it with Enter;
nobody types a 145-character code that fast. A burst of at least ``min_length`` characters whose
gaps never exceed ``max_gap`` and that ends in Enter is a scan; anything else is typing and is
left alone.

Inside a burst, printable keys are swallowed, so the code never presses a focused button (base45
has spaces); the first key of a burst cannot be known to be a scan and passes through, which is
harmless for one letter. In a text field nothing is swallowed but the closing Enter (a fast
typist must not lose letters; the scan's outcome replaces the form anyway).
A lone Space or Enter from a keyboard user is untouched: keyboard operation keeps working.

The filter sits on the application (key events go to whichever widget has focus) but only looks
at events for widgets inside ``root``, and only at their first delivery.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
_MODIFIERS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr)
MAX_CHARS = 4096  # a runaway scanner cannot grow the buffer without bound


class WedgeScanner(QObject):
    """Emits ``scanned(text)`` for each keyboard-wedge scan typed into ``root``."""

    scanned = Signal(str)

    def __init__(
        self,
        root: QWidget,
        *,
        max_gap: float = 0.05,
        min_length: int = 8,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._root = root
        self._max_gap = max_gap
        self._min_length = min_length
        self._clock = clock
        self._buffer: list[str] = []
        self._last = 0.0
        self._installed = False

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self._buffer.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self._first_receiver(watched):
            return False
        assert isinstance(event, QKeyEvent)
        return self._key(event, typing_field=isinstance(watched, _TEXT_FIELDS))

    def _key(self, event: QKeyEvent, *, typing_field: bool) -> bool:
        now = self._clock()
        in_burst = bool(self._buffer) and now - self._last <= self._max_gap
        key = event.key()
        if key in _ENTER:
            text = "".join(self._buffer)
            self._buffer.clear()
            if in_burst and len(text) >= self._min_length:
                self.scanned.emit(text)
                return True
            return False
        char = event.text()
        if len(char) == 1 and char.isprintable():
            if not in_burst:
                self._buffer.clear()
            if len(self._buffer) < MAX_CHARS:
                self._buffer.append(char)
            self._last = now
            # Swallowed only once it is known to be a burst, and never in a text field: a fast
            # typist's rolled keys ("th") can be as quick as a scanner, and must not be lost.
            return in_burst and not typing_field
        if key not in _MODIFIERS:  # arrows, Tab, Escape: a person is at the keyboard
            self._buffer.clear()
        return False

    def _first_receiver(self, watched: QObject) -> bool:
        """True for the first delivery of a key event to a widget inside ``root``.

        Qt hands an unhandled key event on to the parents, and the application's filter sees
        every hand-over; only the focus widget (or ``root`` when nothing in it has focus) counts.
        """
        if not isinstance(watched, QWidget):
            return False
        root = self._root
        focus = QApplication.focusWidget()
        if focus is not None and (focus is root or root.isAncestorOf(focus)):
            return watched is focus
        return watched is root
