"""Calling a host: the lobby page that says a host was called and who is on the way, and the
host panel's list of open calls (any kiosk, after a host's badge + PIN).

The pages only draw :class:`kiosk.lab.host_calls.CallState` values; storing the call, polling the
replica for an acknowledgement and taking a call run on the database worker
(``ui.lab.controller``).
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.views.lobby import CallState
from ui.common import theme
from ui.common.formatting import format_time
from ui.common.widgets import FitLabel, IconCircle, TouchButton
from ui.lab.here_today import HostCard, HostsStrip

_CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


class HostCallPage(QWidget):
    """First "A host has been called", then "Mikko is on the way"; today's hosts under it."""

    back_requested = Signal()

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HostCallPage")
        self._tz = tz
        self._state: CallState | None = None
        self._failed = False
        self.icon = IconCircle(self)
        self.headline = FitLabel(
            self, max_lines=2, weight=QFont.Weight.Bold, alignment=_CENTER, min_ratio=0.55
        )
        self.headline.setObjectName("HostCallHeadline")
        self.detail = FitLabel(self, role="muted", max_lines=2, alignment=_CENTER, min_ratio=0.6)
        self.detail.setObjectName("HostCallDetail")
        self.hosts = HostsStrip(self)
        self.back = TouchButton(parent=self)
        self.back.setObjectName("HostCallBack")
        self.back.setProperty("kind", "primary")
        self.back.clicked.connect(self.back_requested)
        self._layout = QVBoxLayout(self)
        self._layout.addStretch(1)
        self._layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        self._layout.addWidget(self.headline)
        self._layout.addWidget(self.detail)
        self.hosts.label.setAlignment(_CENTER)
        self._layout.addWidget(self.hosts)
        self._layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignHCenter)
        self._layout.addStretch(1)
        self.retranslate()

    @property
    def state(self) -> CallState | None:
        return self._state

    def set_state(self, state: CallState | None, *, failed: bool = False) -> None:
        """``None``: sending; ``failed``: it could not be stored."""
        self._state, self._failed = state, failed
        self.retranslate()

    def set_hosts(self, hosts: Sequence[HostCard]) -> None:
        self.hosts.set_hosts(hosts)

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        side = max(16, round(width * 0.08))
        self._layout.setContentsMargins(side, 0, side, 0)
        self._layout.setSpacing(max(6, round(20 * scale)))
        self.icon.set_diameter(round(160 * scale))
        self.headline.set_pixel_size(round(64 * scale))
        self.detail.set_pixel_size(round(36 * scale))
        self.hosts.set_scale(scale)
        self.back.set_metrics(max(16, round(30 * scale)), min_target)
        self.back.setMinimumHeight(max(min_target, round(76 * scale)))

    def retranslate(self) -> None:
        state = self._state
        if self._failed:
            self.icon.set_icon("warning", theme.ColorPair(theme.DANGER, theme.DANGER_TINT))
            headline = QCoreApplication.translate("HostCall", "The call did not go through")
            detail = QCoreApplication.translate(
                "HostCall", "Nothing was sent. Please ask someone nearby, or try again."
            )
        elif state is not None and state.acknowledged:
            self.icon.set_icon("check", theme.ColorPair(theme.SUCCESS, theme.SUCCESS_TINT))
            headline = QCoreApplication.translate("HostCall", "{name} is on the way").format(
                name=state.host_first_name
            )
            detail = QCoreApplication.translate(
                "HostCall", "Please wait here. Thank you for your patience!"
            )
        elif state is not None:
            self.icon.set_icon("clock", theme.ColorPair(theme.BRAND, theme.TINT))
            headline = QCoreApplication.translate("HostCall", "A host has been called")
            detail = QCoreApplication.translate(
                "HostCall", "Called at {time}. A host will come to meet you here."
            ).format(time=format_time(state.at, self._tz))
        else:
            self.icon.set_icon("clock", theme.ColorPair(theme.BRAND, theme.TINT))
            headline = QCoreApplication.translate("HostCall", "Calling a host…")
            detail = ""
        self.headline.set_text(headline)
        self.detail.set_text(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{headline} {detail}".strip())
        self.back.setText(QCoreApplication.translate("LobbyScreen", "Back to start"))
        self.back.setAccessibleName(self.back.text())
        self.hosts.retranslate()
