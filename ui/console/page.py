"""What every console page has: the client, the site's clock, a title for the side list, a
refresh when shown, a stop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from kiosk.base.clock import Clock
from kiosk.console.client import StaffClient
from ui.console.calls import ConsoleCalls


@dataclass(frozen=True)
class SiteTime:
    """The Lab's zone and the clock the pages read "now" from (a test fixes it)."""

    tz: ZoneInfo
    clock: Clock

    def now(self) -> datetime:
        return self.clock.now().astimezone(self.tz)

    def today(self) -> date:
        return self.now().date()


class ConsolePage(QWidget):
    """A page of the console; ``notice`` asks the window to say something went well."""

    notice = Signal(object)  # Callable[[], str]: the sentence, re-made at a language change

    def __init__(
        self,
        client: StaffClient,
        calls: ConsoleCalls,
        site: SiteTime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConsolePage")
        self.calls = calls
        self._client = client  # called only through ``calls``, on the worker
        self._site = site
        self._tz = site.tz

    def title(self) -> str:
        raise NotImplementedError

    def shown(self) -> None:
        """The page came to the front: fetch what it shows."""

    def stop(self) -> None:
        """The window closes: stop timers."""

    def retranslate(self) -> None:
        """Re-word every text (called at construction and at each language change)."""

    def say(self, text: Callable[[], str]) -> None:
        self.notice.emit(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
