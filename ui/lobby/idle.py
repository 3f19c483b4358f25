"""Between visitors: what the lobby does when it is left alone.

A visitor may walk away from a half-filled form, or after choosing their language. The next
visitor must not meet the previous one's name or language, and the first one must not lose
their form while still typing. So: ``idle_seconds`` untouched on a page that times out, then
home; a half-filled form first asks "Still there?" for ``warning_seconds`` (WCAG 2.2.1); and
home again, the site's language again (``home_language``).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QStackedWidget

from ui.common.formatting import language_code
from ui.lobby.still_there import WARNING_SECONDS
from ui.lobby.visitor_form import VisitorForm


class LobbyPages(Protocol):
    """What this needs of the lobby screen (ui.lobby.screen.LobbyScreen)."""

    language_requested: SignalInstance
    pages: QStackedWidget

    @property
    def showing_home(self) -> bool: ...
    @property
    def showing_walkin(self) -> bool: ...
    @property
    def showing_event_walkin(self) -> bool: ...
    def show_home(self) -> None: ...


class BetweenVisitors(QObject):
    def __init__(
        self,
        screen: LobbyPages,
        idle_seconds: float,
        warning_seconds: int = WARNING_SECONDS,
    ) -> None:
        super().__init__(screen if isinstance(screen, QObject) else None)
        self._screen = screen
        self._warning_seconds = warning_seconds
        # The site's language (None: keep whatever was chosen; set by the wiring).
        self.home_language: str | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("IdleTimer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(round(idle_seconds * 1000))
        self.timer.timeout.connect(self._expired)

    def watch_form(self, form: VisitorForm) -> None:
        """Typing keeps ``form``; its "Still there?" ends in home, or starts the time over."""
        form.activity.connect(self._form_touched)
        form.still_there.expired.connect(self._screen.show_home)
        form.still_there.kept.connect(self.timer.start)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def restart(self) -> None:
        """A touch on a page with an idle timeout: the timeout starts over."""
        if self.timer.isActive():
            self.timer.start()

    def language_chosen(self, code: str) -> None:
        """A visitor's language; on the home page it lasts until ``idle_seconds`` untouched."""
        self._screen.language_requested.emit(code)
        if self._screen.showing_home and code != self.home_language:
            self.timer.start()

    def back_home(self) -> None:
        """The lobby is home again: no timeout, and the site's language for the next one."""
        self.timer.stop()
        if self.home_language is not None and language_code() != self.home_language:
            self._screen.language_requested.emit(self.home_language)

    def _form_touched(self) -> None:
        if self._screen.showing_walkin or self._screen.showing_event_walkin:
            self.timer.start()

    def _expired(self) -> None:
        """Untouched for ``idle_seconds``: home, unless a half-filled form asks first."""
        form = self._screen.pages.currentWidget()
        if isinstance(form, VisitorForm) and form.has_input():
            form.warn_idle(self._warning_seconds)
            return
        self._screen.show_home()
