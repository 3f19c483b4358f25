"""Clock and date labels driven from outside.

The controller ticks them with ``set_now`` (from the injected clock), so screenshots and tests can
fix the time; the labels never read the system clock. A tick that does not change the displayed
minute changes nothing, and a language switch re-formats ("14.30" becomes "14:30").
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from ui.common.formatting import format_date, format_time
from ui.common.widgets.fit_label import FitLabel


class _MomentLabel(FitLabel):
    def __init__(
        self,
        tz: ZoneInfo,
        parent: QWidget | None = None,
        *,
        role: str | None = None,
        weight: QFont.Weight = QFont.Weight.Normal,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    ) -> None:
        super().__init__(parent, role=role, weight=weight, alignment=alignment, min_ratio=0.6)
        self._tz = tz
        self._now: datetime | None = None

    @property
    def now(self) -> datetime | None:
        return self._now

    def set_now(self, now: datetime) -> bool:
        """Show ``now``; returns True only when the visible text changed."""
        self._now = now
        return self.set_text(self._format(now))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self._now is not None:
            self.set_text(self._format(self._now))

    def _format(self, now: datetime) -> str:
        raise NotImplementedError


class ClockLabel(_MomentLabel):
    """Hours and minutes in the site's zone: "14.30" in Finnish, "14:30" in Swedish/English."""

    def _format(self, now: datetime) -> str:
        return format_time(now, self._tz)


class DateLabel(_MomentLabel):
    """Weekday and date in the site's zone: "torstai 26.11."."""

    def _format(self, now: datetime) -> str:
        return format_date(now, self._tz)
