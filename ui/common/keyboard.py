"""An on-screen keyboard for the walk-in form: the lobby tablet has no physical keyboard.

Finnish/Swedish letters (å ä ö) have their own keys, so every name in the directory can be typed.
Keys never take focus: the text goes to the line edit the visitor last touched (``target``), and
its cursor stays where it was.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from ui.common.widgets import TouchButton

ROWS = ("1234567890", "qwertyuiopå", "asdfghjklöä", "zxcvbnm-.'@")


class OnScreenKeyboard(QWidget):
    """Letter keys, Shift, Space and Backspace, typing into ``target``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OnScreenKeyboard")
        self.target: QLineEdit | None = None
        self._shift = False
        self.keys: dict[str, TouchButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(4)
        for r, row in enumerate(ROWS):
            for c, char in enumerate(row):
                key = self._key(char)
                key.clicked.connect(lambda _=False, ch=char: self.type_char(ch))
                grid.addWidget(key, r, c)
                self.keys[char] = key
        self.shift = self._key("⇧")
        self.shift.setCheckable(True)
        self.shift.toggled.connect(self._set_shift)
        self.space = self._key("")
        self.space.clicked.connect(lambda: self.type_char(" "))
        self.backspace = self._key("⌫")
        self.backspace.clicked.connect(self.erase)
        last = len(ROWS)
        grid.addWidget(self.shift, last, 0, 1, 2)
        grid.addWidget(self.space, last, 2, 1, 7)
        grid.addWidget(self.backspace, last, 9, 1, 2)
        self._grid = grid
        self.retranslate()

    def _key(self, label: str) -> TouchButton:
        key = TouchButton(label, self)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the form field keeps focus and cursor
        key.setStyleSheet("padding: 0px;")  # room for descenders (g, j, å) in a short key
        return key

    def retranslate(self) -> None:
        self.shift.setAccessibleName(QCoreApplication.translate("Keyboard", "Capital letters"))
        self.space.setAccessibleName(QCoreApplication.translate("Keyboard", "Space"))
        self.backspace.setAccessibleName(QCoreApplication.translate("Keyboard", "Delete"))

    def set_metrics(self, pixel_size: int, height: int) -> None:
        for key in (*self.keys.values(), self.shift, self.space, self.backspace):
            key.set_metrics(pixel_size, height)
            key.setMinimumHeight(height)

    def type_char(self, char: str) -> None:
        if self.target is None:
            return
        self.target.insert(char.upper() if self._shift else char)
        if self._shift:
            self.shift.setChecked(False)  # one capital, like a phone keyboard

    def erase(self) -> None:
        if self.target is not None:
            self.target.backspace()

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        for char, key in self.keys.items():
            key.setText(char.upper() if on else char)
