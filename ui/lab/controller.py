"""Connects the Lab's lobby pages (feedback, "Here today", "Call a host") to their services.

Every store call runs on the database worker; answers come back on the GUI thread and are drawn.
The controller reacts to three things: buttons on the pages, a tap or scan answered on the
result page (``LobbyScreen.outcome_shown``: a member's board toggle, the check-out faces), and
sync (``refresh``: a host's acknowledgement arrives through the replica).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from kiosk.lab.feedback import FeedbackService
from kiosk.lab.here_today import Consent, HereTodayService
from kiosk.lab.host_calls import CallState, HostCallService
from kiosk.lab.host_duty import photo_for
from kiosk.views.screens import ScanOutcome, ScanResult, TapOutcome, TapResult
from ui.lab.feedback import FeedbackAsk
from ui.lab.here_today import HostCard
from ui.lobby.screen import LobbyScreen
from ui.runtime.db_worker import DbWorker

log = logging.getLogger(__name__)

_ARRIVALS = (TapResult.CHECKED_IN, TapResult.ALREADY_IN)  # the board toggle is offered


def load_hosts(calls: HostCallService, photos: Path | None) -> list[HostCard]:
    """Today's hosts with their photos (read from disk here, on the worker, not the GUI)."""
    cards = []
    for host in calls.hosts_today():
        path = photo_for(photos, host)
        image = QImage(str(path)) if path is not None else None
        cards.append(
            HostCard(host.name, image if image is not None and not image.isNull() else None)
        )
    return cards


class LabController(QObject):
    def __init__(
        self,
        screen: LobbyScreen,
        db: DbWorker,
        feedback: FeedbackService,
        board: HereTodayService,
        calls: HostCallService,
        on_local_write: Callable[[], None],
        *,
        photos_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._screen = screen
        self._lab = screen.lab
        self._db = db
        self._feedback = feedback
        self._board = board
        self._calls = calls
        self._on_local_write = on_local_write
        self._photos = photos_dir
        self._ask = FeedbackAsk()  # what the goodbye faces would answer
        self._member: uuid.UUID | None = None  # whose board toggle is on screen
        buttons = self._lab.home_buttons
        buttons.feedback.clicked.connect(lambda: self.open_feedback(FeedbackAsk()))
        buttons.here_today.clicked.connect(self.open_board)
        buttons.call_host.clicked.connect(self.call_host)
        self._lab.feedback.submitted.connect(self.store_feedback)
        self._lab.extras.faces.chosen.connect(lambda s: self.open_feedback(self._ask, s))
        self._lab.extras.toggle.chosen.connect(self.set_on_board)
        screen.outcome_shown.connect(self.on_outcome)

    # --- feedback --------------------------------------------------------------------------
    def open_feedback(self, ask: FeedbackAsk, score: int | None = None) -> None:
        self._lab.feedback.start(ask, score)
        self._screen.show_page(self._lab.feedback)

    def ask_event_feedback(self, event_id: uuid.UUID, title: str | None = None) -> None:
        """After an event: "How was <title>?" with the faces (call it from the event code)."""
        self.open_feedback(FeedbackAsk("event", event_id=event_id, event_title=title))

    def store_feedback(self, ask: FeedbackAsk, score: int, comment: str, signed: bool) -> None:
        person = ask.person_id if signed else None

        def stored(_id: uuid.UUID) -> None:
            self._on_local_write()
            if self._screen.pages.currentWidget() is self._lab.feedback:
                self._lab.feedback.show_thanks()
                self._screen.restart_idle()

        self._db.submit(
            lambda: self._feedback.record(
                score,
                comment=comment,
                context=ask.context,
                event_id=ask.event_id,
                person_id=person,
            ),
            stored,
            lambda exc: log.error("feedback not stored: %s", type(exc).__name__, exc_info=exc),
        )

    # --- the result page: board toggle and goodbye faces ----------------------------------
    def on_outcome(self, outcome: Any) -> None:
        """A member arriving may join or leave the board; anyone leaving is asked how it was
        (a member may sign that answer). One at a time, so the greeting keeps its room."""
        tap = outcome if isinstance(outcome, TapOutcome) else None
        leaving = (tap is not None and tap.result is TapResult.CHECKED_OUT) or (
            isinstance(outcome, ScanOutcome) and outcome.result is ScanResult.CHECKED_OUT
        )
        if leaving and tap is not None and tap.person_id is not None:
            self._ask = FeedbackAsk("checkout", person_id=tap.person_id, person_name=tap.name)
        else:
            self._ask = FeedbackAsk("checkout")
        arriving = tap is not None and tap.result in _ARRIVALS and tap.person_id is not None
        self._member = tap.person_id if arriving and tap is not None else None
        self._lab.show_extras(toggle=False, faces=leaving)
        person = self._member
        if person is None:
            return

        def show(consent: Consent | None) -> None:
            if self._member == person and self._screen.outcome is outcome:
                self._lab.extras.toggle.set_on(consent is not None and consent.visible)
                self._lab.show_extras(toggle=True, faces=False)

        self._db.submit(lambda: self._board.consent(person), show)

    def set_on_board(self, visible: bool) -> None:
        person = self._member
        if person is None:
            return

        def done(consent: Consent) -> None:
            self._on_local_write()
            if self._member == person:
                self._lab.extras.toggle.set_on(consent.visible)

        def failed(exc: BaseException) -> None:
            log.error("board choice not stored: %s", type(exc).__name__, exc_info=exc)
            if self._member == person:
                self._lab.extras.toggle.set_on(not visible)

        self._db.submit(lambda: self._board.set_visible(person, visible), done, failed)

    # --- the board -------------------------------------------------------------------------
    def open_board(self) -> None:
        page = self._lab.here_today
        self._screen.show_page(page)
        self._db.submit(self._board.board, page.set_entries, self._logged("board"))
        photos = self._photos
        self._db.submit(lambda: load_hosts(self._calls, photos), page.set_hosts)

    # --- calling a host --------------------------------------------------------------------
    def call_host(self) -> None:
        page = self._lab.host_call
        page.set_state(None)
        self._screen.show_page(page)

        def called(state: CallState) -> None:
            self._on_local_write()  # push the call; wake the notifier
            if page.isVisible():
                page.set_state(state)

        def failed(exc: BaseException) -> None:
            log.error("host call not stored: %s", type(exc).__name__, exc_info=exc)
            page.set_state(None, failed=True)

        self._db.submit(self._calls.call, called, failed)
        photos = self._photos
        self._db.submit(lambda: load_hosts(self._calls, photos), page.set_hosts)

    def refresh(self) -> None:
        """After a sync: the board may have changed, and a host may have taken the call."""
        lab, current = self._lab, self._screen.pages.currentWidget()
        if current is lab.here_today:
            self._db.submit(self._board.board, lab.here_today.set_entries, self._logged("board"))
        state = lab.host_call.state
        if current is lab.host_call and state is not None and not state.acknowledged:
            call_id = state.call_id

            def update(new: CallState) -> None:
                shown = lab.host_call.state
                if shown is not None and shown.call_id == call_id:
                    lab.host_call.set_state(new)

            self._db.submit(lambda: self._calls.state(call_id), update, self._logged("call"))

    @staticmethod
    def _logged(what: str) -> Callable[[BaseException], None]:
        return lambda exc: log.error(
            "%s could not be loaded: %s", what, type(exc).__name__, exc_info=exc
        )
