"""The lobby screen: where visitors and members check in and out.

Home page: the Lab's name, date and clock, and one large friendly instruction. After a badge tap
the controller calls ``show_outcome`` and the screen answers in words and an icon (never colour
alone; the result page, ui/lobby/result.py), then returns home by itself after
``welcome_seconds``. Language buttons ask the controller to switch (``language_requested``); the
screen re-renders when Qt tells it the language changed.

The screen never reads the clock (``set_now`` is ticked from outside, so screenshots can fix
the time) and never touches the store, readers or network.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.views.lobby import EventView, InsideVisitor, Presence
from kiosk.views.screens import KioskStatus
from ui.common import theme
from ui.common.focus import cycle_focus
from ui.common.screen import ScaledScreen
from ui.common.widgets import StatusStrip
from ui.event.checkin import EventHomePage, EventWalkinPage
from ui.lab.pages import LabScreens
from ui.lobby.checkout import CheckoutPage
from ui.lobby.evacuation import EvacuationPage
from ui.lobby.header import LobbyHeader
from ui.lobby.idle import BetweenVisitors
from ui.lobby.pages import HomePage, LanguageBar
from ui.lobby.result import Outcome, ResultPage
from ui.lobby.still_there import WARNING_SECONDS
from ui.lobby.text import ERROR, SUCCESS, WARNING
from ui.lobby.walkin import WalkinPage
from ui.runtime.sound import Cue

EVACUATION_SECONDS = 120


# What a result's colours mean to the ear: success welcomes, a warning or an error refuses.
CUES = {SUCCESS: Cue.WELCOME, WARNING: Cue.REFUSED, ERROR: Cue.REFUSED}


class LobbyScreen(ScaledScreen):
    """Home page and tap-result page of the entrance tablet."""

    language_requested = Signal(str)
    evacuation_requested = Signal()  # a host asked for the list (controller loads it)
    evacuation_export_requested = Signal()
    walkin_query = Signal(str)  # host search text (controller answers with set_host_choices)
    walkin_submitted = Signal(str, str, object)  # name, organisation, host id
    checkout_requested = Signal()  # controller answers with show_checkout(visitors)
    checkout_chosen = Signal(object)  # the check-in id to close
    event_walkin_submitted = Signal(str, str)  # name, organisation (an event's walk-in)
    outcome_shown = Signal(object)  # after show_outcome: the Lab's extras react (lab_controller)
    answered = Signal(object)  # a ui.runtime.sound.Cue for a welcome or a refusal (not for info)

    def __init__(
        self,
        tz: ZoneInfo,
        welcome_seconds: float = 6.0,
        parent: QWidget | None = None,
        *,
        idle_seconds: float = 90.0,
        warning_seconds: int = WARNING_SECONDS,
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._outcome: Outcome | None = None
        self._shown_colors: theme.ColorPair | None = None
        self._return_timer = QTimer(self)
        self._return_timer.setObjectName("ReturnHomeTimer")
        self._return_timer.setSingleShot(True)
        self._return_timer.timeout.connect(self.show_home)
        self.welcome_seconds = welcome_seconds

        self.header = LobbyHeader(tz, self)
        self.clock = self.header.clock

        self.status_strip = StatusStrip(tz, self)
        self.home = HomePage(self)
        self.result = ResultPage(tz, self)
        self.result.back.clicked.connect(self.show_home)
        self.result.evacuation.clicked.connect(self.evacuation_requested)
        self.evacuation = EvacuationPage(tz, self)
        self.evacuation.back_requested.connect(self.show_home)
        self.evacuation.export_requested.connect(self.evacuation_export_requested)
        # The list names everyone inside: it must not stay up when the host walks away.
        self._evacuation_timer = QTimer(self)
        self._evacuation_timer.setObjectName("EvacuationTimer")
        self._evacuation_timer.setSingleShot(True)
        self._evacuation_timer.setInterval(EVACUATION_SECONDS * 1000)
        self._evacuation_timer.timeout.connect(self.show_home)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.result)
        self.pages.addWidget(self.evacuation)
        self.walkin = WalkinPage(self)
        self.walkin.cancelled.connect(self.show_home)
        self.walkin.host_query_changed.connect(self.walkin_query)
        self.walkin.submitted.connect(self.walkin_submitted)
        self.home.walkin.clicked.connect(self.show_walkin)
        self.pages.addWidget(self.walkin)
        self.checkout = CheckoutPage(tz, self)
        self.checkout.back_requested.connect(self.show_home)
        self.checkout.chosen.connect(self.checkout_chosen)
        self.home.checkout.clicked.connect(self.checkout_requested)
        self.pages.addWidget(self.checkout)
        # While an event is on (set_event), its page is the home page (ui/event/checkin.py).
        self.event_home = EventHomePage(tz, self)
        self.event_walkin = EventWalkinPage(self)
        self.event_home.walkin.clicked.connect(self.show_event_walkin)
        self.event_walkin.cancelled.connect(self.show_home)
        self.event_walkin.submitted.connect(self.event_walkin_submitted)
        self.pages.addWidget(self.event_home)
        self.pages.addWidget(self.event_walkin)
        self._camera_active = False
        # A form left half-filled must not greet the next visitor with someone else's name.
        self.idle = BetweenVisitors(self, idle_seconds, warning_seconds)
        for form in (self.walkin, self.event_walkin):
            self.idle.watch_form(form)
        self.privacy_notice = ""
        self.language_bar = LanguageBar(self)
        self.language_bar.language_requested.connect(self.idle.language_chosen)
        # The Lab's own pages: feedback, "Here today", "Call a host" (ui/lab/pages.py).
        self.lab = LabScreens(self)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        # A kiosk screen fills its display; its labels adapt instead of setting a minimum
        # window size (which also spares the offscreen platform a warning per resize).
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.setSpacing(0)
        root.addWidget(self.header)
        root.addWidget(self.status_strip)
        root.addWidget(self.pages, 1)
        root.addWidget(self.language_bar)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()
        self._rescale()

    # --- public API ------------------------------------------------------------------------
    @property
    def welcome_seconds(self) -> float:
        return self._return_timer.interval() / 1000.0

    @welcome_seconds.setter
    def welcome_seconds(self, seconds: float) -> None:
        self._return_timer.setInterval(max(0, round(seconds * 1000)))

    @property
    def showing_result(self) -> bool:
        return self.pages.currentWidget() is self.result

    @property
    def outcome(self) -> Outcome | None:
        """The outcome on the result page, or None on the home page."""
        return self._outcome

    def show_outcome(self, outcome: Outcome) -> None:
        """Answer a tap or scan; a new one replaces the result on screen and restarts the timer."""
        was_walkin = self.showing_walkin
        was_event_walkin = self.showing_event_walkin
        self._outcome = outcome
        self._render_outcome()
        self.pages.setCurrentWidget(self.result)
        if was_walkin:  # a badge or code wins over a half-filled form
            self.walkin.reset(self.privacy_notice)
        if was_event_walkin:
            self.event_walkin.reset()
        self.idle.stop()
        self._evacuation_timer.stop()
        self._return_timer.start()
        self.outcome_shown.emit(outcome)
        cue = CUES.get(self._shown_colors) if self._shown_colors is not None else None
        if cue is not None:
            self.answered.emit(cue)

    def show_page(self, page: QWidget) -> None:
        """One of the Lab's pages (``self.lab``); home again after ``idle_seconds`` untouched."""
        self._return_timer.stop()
        self._evacuation_timer.stop()
        self._outcome = None
        self.pages.setCurrentWidget(page)
        self.idle.start()

    def restart_idle(self) -> None:
        """A touch on a page with an idle timeout: the timeout starts over."""
        self.idle.restart()

    @property
    def home_language(self) -> str | None:
        """The site's language, which the lobby returns to when it goes home."""
        return self.idle.home_language

    @home_language.setter
    def home_language(self, code: str | None) -> None:
        self.idle.home_language = code

    def restart_result_timer(self) -> None:
        """A touch on the result page (the board toggle): the greeting stays a while longer."""
        if self.showing_result:
            self._return_timer.start()

    def update_outcome(self, outcome: Outcome) -> None:
        """Redraw the result on screen with more facts (a name that just arrived by sync),
        without restarting the timer: the visitor has already been answered."""
        if self._outcome is None:
            return
        self._outcome = outcome
        self._render_outcome()

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    @property
    def showing_home(self) -> bool:
        return self.pages.currentWidget() is self.home_page

    @property
    def home_page(self) -> QWidget:
        """The event's page while an event is on, else the usual home page."""
        return self.event_home if self.event_home.view is not None else self.home

    def set_event(self, view: EventView | None) -> None:
        """The event on now (None: none); the home page follows, a page in use stays."""
        was_home = self.showing_home
        switching = (view is None) != (self.event_home.view is None)
        self.event_home.set_view(view)
        if switching:
            self._place_camera()
            if was_home:
                self.pages.setCurrentWidget(self.home_page)
            elif self.showing_event_walkin and view is None:
                self.show_home()  # the event ended under the form

    def set_camera_active(self, active: bool) -> None:
        self._camera_active = active
        self.home.set_camera_active(active)
        self.event_home.set_camera_active(active)

    def _place_camera(self) -> None:
        """The live camera picture goes with the home page (usual or event)."""
        preview = self.home.camera_preview
        if preview is None:
            return
        if self.event_home.view is not None:
            self.event_home.set_camera_preview(preview)
        elif self.event_home.release_camera_preview() is not None:
            self.home.set_camera_preview(preview)
        self.set_camera_active(self._camera_active)

    @property
    def showing_event_walkin(self) -> bool:
        return self.pages.currentWidget() is self.event_walkin

    def show_event_walkin(self) -> None:
        """The event's walk-in form; back home by itself after ``idle_seconds`` untouched."""
        view = self.event_home.view
        self._return_timer.stop()
        self._outcome = None
        self.event_walkin.retention_days = self.walkin.retention_days
        self.event_walkin.reset(view.title if view else "", self.privacy_notice)
        self.pages.setCurrentWidget(self.event_walkin)
        self.event_walkin.name.setFocus()
        self.idle.start()

    @property
    def showing_evacuation(self) -> bool:
        return self.pages.currentWidget() is self.evacuation

    def show_evacuation(self, people: Sequence[Presence], now: datetime) -> None:
        """The host-only list of everyone inside, as of ``now``."""
        self._return_timer.stop()
        self._outcome = None
        self.evacuation.set_people(people, now)
        self.pages.setCurrentWidget(self.evacuation)
        self._evacuation_timer.start()

    @property
    def showing_walkin(self) -> bool:
        return self.pages.currentWidget() is self.walkin

    def show_walkin(self) -> None:
        """An empty walk-in form; back home by itself after ``idle_seconds`` untouched."""
        self._return_timer.stop()
        self._outcome = None
        self.walkin.reset(self.privacy_notice)
        self.pages.setCurrentWidget(self.walkin)
        self.walkin.name.setFocus()
        self.idle.start()

    @property
    def showing_checkout(self) -> bool:
        return self.pages.currentWidget() is self.checkout

    def show_checkout(self, visitors: Sequence[InsideVisitor]) -> None:
        """Short names of the visitors inside; home again after ``idle_seconds``."""
        self._return_timer.stop()
        self._outcome = None
        self.checkout.set_visitors(visitors)
        self.pages.setCurrentWidget(self.checkout)
        self.idle.start()

    def show_home(self) -> None:
        was_walkin = self.showing_walkin
        was_event_walkin = self.showing_event_walkin
        self._outcome = None
        self.pages.setCurrentWidget(self.home_page)
        if was_walkin:  # cleared after leaving the page, so clearing is not "activity"
            self.walkin.reset(self.privacy_notice)
        if was_event_walkin:
            self.event_walkin.reset()
        self._return_timer.stop()
        self._evacuation_timer.stop()
        self.idle.back_home()

    def set_now(self, now: datetime) -> None:
        """Tick the clock (only labels whose text changes are repainted)."""
        self.header.set_now(now)
        self.status_strip.set_now(now)

    def set_status(self, status: KioskStatus) -> None:
        self.status_strip.set_status(status)

    # --- Qt plumbing -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Start with focus on the screen itself: a focus ring on the first language button
        # would look like a selection. Tab moves to the buttons as usual.
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:
        # A hidden screen must not keep a timer running, nor come back showing a stale result.
        self.show_home()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.show_home()
        super().closeEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab follows what is seen: the page on show, then the language bar, in reading order
        (an overlay on top keeps its own round, ui/host/overlay.py)."""
        return cycle_focus(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.showing_home:
            self.show_home()
            return
        super().keyPressEvent(event)

    def apply_scale(self, scale: float) -> None:
        target = self.min_target()
        self.header.set_scale(scale)
        self.status_strip.set_scale(scale)
        self.home.set_scale(scale, self.width(), target)
        self.walkin.set_scale(scale, self.width(), target)
        self.checkout.set_scale(scale, self.width(), target)
        self.event_home.set_scale(scale, self.width(), target)
        self.event_walkin.set_scale(scale, self.width(), target)
        self.result.set_scale(scale, self.width(), target)
        self.evacuation.set_scale(scale, self.width(), target)
        self.lab.set_scale(scale, self.width(), target)
        self.language_bar.set_scale(scale, target)

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("LobbyScreen", "Check-in"))
        self.home.retranslate()
        self.result.retranslate()
        self.evacuation.retranslate()
        self.walkin.retranslate()
        self.checkout.retranslate()
        self.lab.retranslate()
        self.event_home.retranslate()
        self.event_walkin.retranslate()
        self.language_bar.retranslate()
        self._render_outcome()

    def _render_outcome(self) -> None:
        if self._outcome is not None:
            self._shown_colors = self.result.show_outcome(self._outcome)
