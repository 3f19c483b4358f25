"""The host panel's page for visitors' "call a host" requests, with a way back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.host_call import OpenCallsPanel
from ui.widgets import TouchButton


class CallsPage(QWidget):
    back_requested = Signal()

    def __init__(self, calls: OpenCallsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls = calls
        calls.setParent(self)
        self.back = TouchButton(parent=self)
        self.back.setObjectName("HostCallsBack")
        self.back.clicked.connect(self.back_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(calls)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.retranslate()

    def set_scale(self, scale: float, font_px: int, min_target: int) -> None:
        self.calls.set_scale(scale, min_target)
        self.back.set_metrics(font_px, min_target)

    def retranslate(self) -> None:
        self.calls.retranslate()
        self.back.setText(QCoreApplication.translate("HostPanel", "Back"))
        self.back.setAccessibleName(
            QCoreApplication.translate("HostPanel", "Back to the host panel")
        )
