"""The host panel's title page: a line edit and the on-screen keyboard, for the event's title."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ui.common.keyboard import OnScreenKeyboard
from ui.common.widgets import TouchButton

MAX_TITLE = 120


class TitlePage(QWidget):
    done = Signal()
    activity = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("HostTitleEdit")
        self.edit.setMaxLength(MAX_TITLE)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.target = self.edit
        self.done_button = TouchButton(parent=self)
        self.done_button.setObjectName("HostTitleDone")
        self.done_button.clicked.connect(self.done)
        self.edit.returnPressed.connect(self.done)
        self.edit.textChanged.connect(lambda _t: self.activity.emit())
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.keyboard, 1)
        self.retranslate()

    @property
    def text(self) -> str:
        return self.edit.text().strip()

    def retranslate(self) -> None:
        label = QCoreApplication.translate("HostPanel", "Title shown on the doors")
        self.done_button.setText(QCoreApplication.translate("HostPanel", "Done"))
        self.edit.setPlaceholderText(label)
        self.edit.setAccessibleName(label)
        self.keyboard.retranslate()

    def set_metrics(self, font_px: int, min_target: int, key_px: int, key_height: int) -> None:
        self.done_button.set_metrics(font_px, min_target)
        self.edit.setFont(self.done_button.font())
        self.edit.setMinimumHeight(min_target)
        self.keyboard.set_metrics(key_px, key_height)
