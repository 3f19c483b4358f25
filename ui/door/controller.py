"""Keeps the door screen current and carries out its actions.

Minute ticks and sync results recompute the room's view on the database worker; a tick also
releases no-shows when the room's policy says so. A button press either runs its action at once
(rooms that allow anonymous actions) or asks for a badge tap; the tap then runs the chosen
action as that member. A tap with nothing chosen checks in to the meeting whose check-in window
is open. All store work goes through the ``DbWorker``; this class only decides and draws.

The one-second tick is also where the screen's long life is handled: burn-in drift, the night
look and waking from it, and forgetting a prompt or message after a while. It reads the injected
clock, so a test can drive a week of ticks without waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from devices.events import ReadEvent
from kiosk.base.clock import Clock
from kiosk.config.settings import DoorConfig
from kiosk.rooms.door_actions import DoorActions
from kiosk.rooms.door_offers import Offer
from kiosk.rooms.door_view import door_view
from kiosk.store.engine import Store
from kiosk.views.screens import ActionKind, ActionOutcome, ActionResult, DoorView
from ui.door.action_text import no_action_chosen, outcome_text, prompt_text
from ui.door.mode_text import mode_blocks_actions, mode_refusal_text
from ui.door.night import burn_in_offset, is_night
from ui.door.screen import DoorScreen
from ui.host.gate import HostGate
from ui.runtime.db_worker import DbWorker
from ui.runtime.sound import Cue

log = logging.getLogger(__name__)

# How long the door waits for a badge after a button press.
PROMPT_SECONDS = 30.0
# How long the result of an action stays on screen.
MESSAGE_SECONDS = 12.0


@dataclass
class _Pending:
    offer: Offer
    until: float  # clock.monotonic() deadline


class DoorController(QObject):
    answered = Signal(object)  # a ui.runtime.sound.Cue: the action was done, or refused

    def __init__(
        self,
        screen: DoorScreen,
        db: DbWorker,
        store: Store,
        room_id: str,
        clock: Clock,
        tz: ZoneInfo,
        parent: QObject | None = None,
        *,
        actions: DoorActions | None = None,
        kiosk_id: str | None = None,
        door_config: DoorConfig | None = None,
        on_stored: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._screen = screen
        self._db = db
        self._store = store
        self._room = room_id
        self._clock = clock
        self._tz = tz
        self._actions = actions
        self._kiosk_id = kiosk_id
        self._config = door_config or DoorConfig()
        self._on_stored = on_stored
        self._pending_refresh = False
        self._busy = False  # an action is running on the database worker
        self._prompt: _Pending | None = None
        self._message_until: float | None = None
        self._awake_until: float | None = None
        self._minute: datetime | None = None
        self._view: DoorView | None = screen.view  # a first frame's view, if it had one
        self.last_outcome: ActionOutcome | None = None  # what the screen last said, for tests
        self.host_gate: HostGate | None = None  # set by the composition root
        screen.action_panel.chosen.connect(self.choose)
        screen.action_panel.cancelled.connect(self.cancel)
        screen.night.wake_requested.connect(self.wake)
        screen.mode_tapped.connect(self.explain_mode)

    # --- view --------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._pending_refresh:  # a refresh is already queued; it will see the newest data
            return
        self._pending_refresh = True
        self._db.submit(self._load, self._show, self._failed)

    def _load(self) -> DoorView | None:
        view = self._view  # read on the worker: only ever replaced, never mutated
        releasing = view is not None and view.policy.release_after_minutes is not None
        if self._actions is not None and releasing:
            self._actions.release_no_shows()
        with self._store.engine.connect() as conn:
            return door_view(
                conn,
                self._room,
                self._clock.now(),
                self._tz,
                kiosk_id=self._kiosk_id,
                shown_version=view.mode_version if view is not None else None,
            )

    def _show(self, view: DoorView | None) -> None:
        self._pending_refresh = False
        self._view = view
        if view is None:  # the first sync has not brought this room in yet
            self._screen.show_waiting(self._room, self._clock.now())
        else:
            self._screen.show_view(view)

    def _failed(self, exc: BaseException) -> None:
        self._pending_refresh = False
        log.warning("door view could not be loaded: %s", type(exc).__name__, exc_info=exc)

    # --- ticks -------------------------------------------------------------------------

    def tick(self) -> None:
        """Every second: expire prompts and messages, night and burn-in, and a new minute."""
        mono = self._clock.monotonic()
        now = self._clock.now()
        if self._prompt is not None and mono >= self._prompt.until:
            self.cancel()
        if self._message_until is not None and mono >= self._message_until:
            self._message_until = None
            self._screen.clear_message()
        self._screen.set_shift(*burn_in_offset(now, self._config.burn_in_shift))
        self._apply_night(now, mono)
        minute = now.replace(second=0, microsecond=0)
        changes_at = self._view.changes_at if self._view is not None else None
        if minute != self._minute:
            self._minute = minute
            self.refresh()
        elif changes_at is not None and now >= changes_at:
            self.refresh()  # a room mode starts or expires now, not at the next minute

    def _apply_night(self, now: datetime, mono: float) -> None:
        cfg = self._config
        night = is_night(now, self._tz, cfg.night_start, cfg.night_end)
        awake = self._awake_until is not None and mono < self._awake_until
        self._screen.set_night(cfg.night_mode if night and not awake else None)

    def wake(self) -> None:
        """A touch or a tap at night: show the screen for ``wake_seconds``."""
        self._awake_until = self._clock.monotonic() + self._config.wake_seconds
        self._apply_night(self._clock.now(), self._clock.monotonic())

    # --- actions -----------------------------------------------------------------------

    def choose(self, offer: Offer) -> None:
        """A button was pressed: act now, or ask for a badge when the room wants one."""
        self.wake()
        view = self._view
        if view is not None and view.policy.anonymous_actions:
            self._run(offer, None)
            return
        self._prompt = _Pending(offer, self._clock.monotonic() + PROMPT_SECONDS)
        self._message_until = None
        self._screen.show_prompt(prompt_text(offer, self._tz))

    def cancel(self) -> None:
        self._prompt = None
        self._screen.clear_message()

    def handle_read(self, event: ReadEvent) -> None:
        """A badge at the reader: the chosen action, else a meeting check-in."""
        if event.kind != "badge":
            return
        self.wake()
        prompt, self._prompt = self._prompt, None
        if prompt is not None:
            self._run(prompt.offer, event.value)
        elif self._view is not None and mode_blocks_actions(self._view):
            self._host_or(event.value, self.explain_mode)
        elif self._view is not None and self._view.awaiting_checkin is not None:
            self._run(Offer(ActionKind.CHECKIN), event.value)
        else:
            self._host_or(event.value, lambda: self._say(no_action_chosen()))

    def _host_or(self, uid: str, otherwise: Callable[[], None]) -> None:
        """A host's badge opens the host panel (after the PIN); any other badge ``otherwise``."""
        if self.host_gate is None:
            otherwise()
        else:
            self.host_gate.try_badge(uid, otherwise)

    def explain_mode(self) -> None:
        """A touch or a badge during an event or closure: why the door offers nothing."""
        if self._view is not None and mode_blocks_actions(self._view):
            self._say(mode_refusal_text(self._view, self._tz))

    def _run(self, offer: Offer, uid: str | None) -> None:
        actions = self._actions
        if actions is None or self._busy:
            return
        self._busy = True

        def work() -> ActionOutcome:
            if offer.kind is ActionKind.BOOK:
                return actions.book_now(uid, offer.minutes or 15)
            if offer.booking_id is None and offer.kind is not ActionKind.CHECKIN:
                raise ValueError("an action on a booking needs the booking")
            if offer.kind is ActionKind.EXTEND:
                assert offer.booking_id is not None
                return actions.extend(uid, offer.booking_id, offer.minutes or 15)
            if offer.kind is ActionKind.END:
                assert offer.booking_id is not None
                return actions.end_early(uid, offer.booking_id)
            return actions.check_in(uid, offer.booking_id)

        def failed(exc: BaseException) -> None:
            log.error("door action failed: %s", type(exc).__name__, exc_info=exc)
            self._done(ActionOutcome(offer.kind, ActionResult.ERROR, self._clock.now()))

        self._db.submit(work, self._done, failed)

    def _done(self, outcome: ActionOutcome) -> None:
        self._busy = False
        self.last_outcome = outcome
        self._say(outcome_text(outcome, self._tz))
        self.answered.emit(Cue.WELCOME if outcome.ok else Cue.REFUSED)
        if outcome.ok and self._on_stored is not None:
            self._on_stored()  # push it now rather than at the next poll
        self.refresh()

    def _say(self, text: str) -> None:
        self._message_until = self._clock.monotonic() + MESSAGE_SECONDS
        self._screen.show_message(text)
