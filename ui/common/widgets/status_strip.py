"""The strip that tells people when the kiosk is not fully working.

Shown only when something needs saying (offline, first sync, a reader down, a kiosk id in use
twice), always with an icon *and* words, because colour alone is not information (WCAG 1.4.1).
It is calm on purpose: the kiosk keeps working offline, so the strip informs rather than alarms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.views.screens import KioskStatus
from ui.common import theme
from ui.common.formatting import format_short_date, format_time
from ui.common.widgets.fit_label import FitLabel
from ui.common.widgets.icon_label import IconLabel

_SEPARATOR = "  ·  "


@dataclass(frozen=True)
class StatusMessage:
    icon: str
    text: str


def status_messages(
    status: KioskStatus, tz: ZoneInfo, now: datetime | None = None
) -> list[StatusMessage]:
    """What to say about ``status``, most important first; empty when all is well."""
    messages: list[StatusMessage] = []
    if status.duplicate_id is not None:  # first: one of the two screens is misconfigured
        text = QCoreApplication.translate(
            "StatusStrip", "Another screen uses this kiosk's id ({kiosk}). Please tell a host."
        )
        messages.append(StatusMessage("warning", text.format(kiosk=status.duplicate_id)))
    if status.disk_full:
        text = QCoreApplication.translate(
            "StatusStrip", "This kiosk's disk is full. Please tell a host."
        )
        messages.append(StatusMessage("warning", text))
    if not status.online:
        since = status.offline_since
        if since is None:
            text = QCoreApplication.translate("StatusStrip", "Offline")
        elif now is None or since.astimezone(tz).date() == now.astimezone(tz).date():
            text = QCoreApplication.translate("StatusStrip", "Offline since {time}").format(
                time=format_time(since, tz)
            )
        else:
            text = QCoreApplication.translate(
                "StatusStrip", "Offline since {date} at {time}"
            ).format(date=format_short_date(since, tz), time=format_time(since, tz))
        if status.outbox_depth > 0:
            text = f"{text}{_SEPARATOR}{_waiting(status.outbox_depth)}"
        messages.append(StatusMessage("wifi-off", text))
    if status.syncing_first_time:
        messages.append(
            StatusMessage(
                "sync",
                QCoreApplication.translate("StatusStrip", "Syncing for the first time…"),
            )
        )
    for reader in status.readers:
        if reader.state == "reconnecting":
            text = QCoreApplication.translate("StatusStrip", "Reader {name}: reconnecting…")
            messages.append(StatusMessage("badge", text.format(name=reader.name)))
        elif reader.state == "failed":
            text = QCoreApplication.translate(
                "StatusStrip", "Reader {name} is not working. Please tell a host."
            )
            messages.append(StatusMessage("warning", text.format(name=reader.name)))
        elif reader.state == "noisy":
            text = QCoreApplication.translate(
                "StatusStrip", "Reader {name} is receiving interference. Please tell a host."
            )
            messages.append(StatusMessage("warning", text.format(name=reader.name)))
    return messages


class StatusStrip(QFrame):
    """Icon + words for the most important problem, then the others, in up to two lines."""

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusStrip")
        self._tz = tz
        self._status = KioskStatus()
        self._now: datetime | None = None
        self._icon = IconLabel(self)
        self._label = FitLabel(self, max_lines=2, weight=QFont.Weight.DemiBold, min_ratio=0.7)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignVCenter)
        self._layout.addWidget(self._label, 1)
        self._icon_size = 28
        self.set_scale(1.0)
        self.setVisible(False)

    @property
    def text(self) -> str:
        return self._label.text()

    @property
    def icon_name(self) -> str | None:
        return self._icon.icon_name

    def set_status(self, status: KioskStatus) -> None:
        if status != self._status:
            self._status = status
            self._render()

    def set_now(self, now: datetime) -> None:
        """Only needed to add the date when the kiosk has been offline since another day."""
        self._now = now
        if not self._status.online:
            self._render()

    def set_scale(self, scale: float) -> None:
        pad_v, pad_h = max(4, round(10 * scale)), max(8, round(24 * scale))
        self._layout.setContentsMargins(pad_h, pad_v, pad_h, pad_v)
        self._layout.setSpacing(max(6, round(14 * scale)))
        self._label.set_pixel_size(max(15, round(24 * scale)))
        self._icon_size = max(18, round(30 * scale))
        if self._icon.icon_name:
            self._icon.set_icon(self._icon.icon_name, theme.WARNING_ICON, self._icon_size)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._render()

    def _render(self) -> None:
        messages = status_messages(self._status, self._tz, self._now)
        if not messages:
            self.setVisible(False)
            self.setAccessibleName("")
            return
        text = _SEPARATOR.join(message.text for message in messages)
        self._icon.set_icon(messages[0].icon, theme.WARNING_ICON, self._icon_size)
        self._label.set_text(text)
        self.setAccessibleName(text)
        self.setVisible(True)


def _waiting(count: int) -> str:
    # Two plain strings, not Qt plural forms: the lupdate of PySide6 < 6.12 (used with
    # Python 3.11) does not extract numerus messages from Python code.
    if count == 1:
        return QCoreApplication.translate("StatusStrip", "1 change waiting to be sent")
    return QCoreApplication.translate("StatusStrip", "{count} changes waiting to be sent").format(
        count=count
    )
