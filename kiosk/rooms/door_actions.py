"""What a member can do at a room's door: book now, extend, end early, check in; and the door's
own release of no-shows.

Each action follows the check-in pattern: the local change (so the door shows it at once) and a
``booking_actions`` row with its outbox row commit in one local transaction before anything is
shown. The local change is optimistic: a booking made here is ``provisional`` until the central
store's copy comes back through the feed (``confirmed``, or ``rejected`` when another booking won;
see :mod:`kiosk.sync.booking_actions`). Every action records who did it: the badge holder, or nobody
(an anonymous action, where the room allows it, or the door's own no-show release), and the
kiosk.

Bad input never changes anything: an action on a booking that has ended, an extension into the
next booking, an unknown badge each return an ``ActionOutcome`` saying why, with nothing stored.
While the room (or the whole Lab) is switched to an event or closed, every booking action is
refused with the mode's title and end (the door hides its buttons too, but its view may be a
second old), bookings and extensions stop where a scheduled event or closure begins, and no
no-shows are released: nobody could check in.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.base.clock import Clock
from kiosk.base.ids import new_id
from kiosk.rooms import door_lookups as lookups
from kiosk.rooms.door_offers import DURATIONS, MIN_BOOKING
from kiosk.rooms.door_view import local_day_bounds, mode_view
from kiosk.security.badges import badge_hmac
from kiosk.store.engine import Store
from kiosk.store.models import Badge, Booking, BookingAction, Person
from kiosk.sync import outbox
from kiosk.views.screens import (
    ACTIVE_BOOKING,
    ActionKind,
    ActionOutcome,
    ActionResult,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Actor:
    id: uuid.UUID | None
    name: str | None


class _Stop(Exception):
    """Ends an action early with a result; the transaction rolls back, nothing is stored."""

    def __init__(self, outcome: ActionOutcome) -> None:
        super().__init__(outcome.result.value)
        self.outcome = outcome


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


class DoorActions:
    """The door's actions on one room; every public method is one local transaction."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        site_key: bytes,
        kiosk_id: str,
        room_id: str,
        tz: ZoneInfo,
    ) -> None:
        self._store = store
        self._clock = clock
        self._site_key = site_key
        self._kiosk_id = kiosk_id
        self._room_id = room_id
        self._tz = tz

    # --- actions ---------------------------------------------------------------------------

    def book_now(self, uid: str | None, minutes: int) -> ActionOutcome:
        """Book the free room from now for ``minutes``, cut short at the next booking."""
        if minutes not in DURATIONS:
            raise ValueError(f"book for one of {DURATIONS} minutes, not {minutes}")

        def act(s: Session, kind: ActionKind, now: datetime, actor: _Actor) -> ActionOutcome:
            start = _minute(now)
            room = self._room_id
            if lookups.booking_at(s, room, now) or lookups.shut_at(s, room, now, self._tz):
                raise _Stop(ActionOutcome(kind, ActionResult.NOT_FREE, now, actor.name))
            end = start + timedelta(minutes=minutes)
            blocked = lookups.blocked_from(s, self._room_id, now, exclude=None)
            if blocked is not None and blocked < end:
                end = blocked
            if end - now < MIN_BOOKING:
                outcome = ActionOutcome(
                    kind, ActionResult.NO_TIME, now, actor.name, blocked_at=blocked
                )
                raise _Stop(outcome)
            booking = Booking(
                id=new_id(),
                room_id=self._room_id,
                title="",
                private=False,
                organiser_id=actor.id,
                starts_at=start,
                ends_at=end,
                status="provisional",
                source="kiosk",
                checked_in_at=now,  # made by someone standing at the door
                created_by=actor.id,
                updated_at=now,
            )
            s.add(booking)
            self._record(s, kind, booking.id, actor, now, starts_at=start, ends_at=end)
            return ActionOutcome(kind, ActionResult.DONE, now, actor.name, start, end)

        return self._act(ActionKind.BOOK, uid, act)

    def extend(self, uid: str | None, booking_id: uuid.UUID, minutes: int) -> ActionOutcome:
        """Make the running booking longer by ``minutes``, cut short at the next booking."""
        if minutes not in DURATIONS:
            raise ValueError(f"extend by one of {DURATIONS} minutes, not {minutes}")

        def act(s: Session, kind: ActionKind, now: datetime, actor: _Actor) -> ActionOutcome:
            booking = self._running(s, booking_id, kind, now, actor)
            end = booking.ends_at + timedelta(minutes=minutes)
            blocked = lookups.blocked_from(s, self._room_id, booking.ends_at, exclude=booking.id)
            if blocked is not None and blocked < end:
                end = blocked
            if end - booking.ends_at < MIN_BOOKING:
                outcome = ActionOutcome(
                    kind,
                    ActionResult.NO_TIME,
                    now,
                    actor.name,
                    booking.starts_at,
                    booking.ends_at,
                    blocked_at=blocked,
                )
                raise _Stop(outcome)
            booking.ends_at = end
            booking.updated_at = now
            self._record(s, kind, booking.id, actor, now, ends_at=end)
            return ActionOutcome(kind, ActionResult.DONE, now, actor.name, booking.starts_at, end)

        return self._act(ActionKind.EXTEND, uid, act)

    def end_early(self, uid: str | None, booking_id: uuid.UUID) -> ActionOutcome:
        """Give the room back now; a booking ended in its first minute is released entirely."""

        def act(s: Session, kind: ActionKind, now: datetime, actor: _Actor) -> ActionOutcome:
            booking = self._running(s, booking_id, kind, now, actor)
            end = _minute(now)
            if end <= booking.starts_at:
                booking.status = "released"
            else:
                booking.ends_at = end
            booking.updated_at = now
            self._record(s, kind, booking.id, actor, now, ends_at=end)
            return ActionOutcome(kind, ActionResult.DONE, now, actor.name, booking.starts_at, end)

        return self._act(ActionKind.END, uid, act)

    def check_in(self, uid: str | None, booking_id: uuid.UUID | None = None) -> ActionOutcome:
        """Confirm that a meeting is happening: from N minutes before its start to its end.

        Without ``booking_id`` the booking whose check-in window is open now is meant (what a
        badge tap with no other action chosen does).
        """

        def act(s: Session, kind: ActionKind, now: datetime, actor: _Actor) -> ActionOutcome:
            policy = lookups.policy_of(s, self._room_id)
            opens = timedelta(minutes=policy.checkin_before_minutes)
            if booking_id is None:
                booking = lookups.checkin_candidate(s, self._room_id, now, opens)
                if booking is None:
                    raise _Stop(ActionOutcome(kind, ActionResult.NOT_FOUND, now, actor.name))
            else:
                booking = self._booking(s, booking_id, kind, now, actor)
            times = (booking.starts_at, booking.ends_at)
            if booking.status not in ACTIVE_BOOKING or booking.ends_at <= now:
                raise _Stop(ActionOutcome(kind, ActionResult.ENDED, now, actor.name, *times))
            if booking.checked_in_at is not None:
                result = ActionResult.ALREADY_CHECKED_IN
                raise _Stop(ActionOutcome(kind, result, now, actor.name, *times))
            if now < booking.starts_at - opens:
                outcome = ActionOutcome(
                    kind,
                    ActionResult.TOO_EARLY,
                    now,
                    actor.name,
                    *times,
                    opens_at=booking.starts_at - opens,
                )
                raise _Stop(outcome)
            booking.checked_in_at = now
            booking.updated_at = now
            self._record(s, kind, booking.id, actor, now)
            return ActionOutcome(kind, ActionResult.DONE, now, actor.name, *times)

        return self._act(ActionKind.CHECKIN, uid, act)

    def release_no_shows(self) -> list[uuid.UUID]:
        """Release today's bookings nobody checked in within the room's grace period.

        Off unless the room's ``release_after_minutes`` is set. Imported calendar bookings follow
        the same rule; bookings made at a door are checked in when made. Returns what was
        released (each with its action queued for the central store).
        """
        now = self._clock.now()
        released: list[uuid.UUID] = []
        with self._store.session() as s:
            policy = lookups.policy_of(s, self._room_id)
            if policy.release_after_minutes is None:
                return released
            grace = timedelta(minutes=policy.release_after_minutes)
            # During an event or closure nobody can check in, and after one the bookings get
            # the whole grace period again (checked at its start: a close enough rule).
            moments = (now, now - grace)
            if any(lookups.event_or_closure_at(s, self._room_id, at) is not None for at in moments):
                return released
            day_start, _ = local_day_bounds(now, self._tz)
            candidates = s.scalars(
                select(Booking).where(
                    Booking.room_id == self._room_id,
                    Booking.status.in_(ACTIVE_BOOKING),
                    Booking.checked_in_at.is_(None),
                    Booking.starts_at >= day_start - timedelta(days=1),
                    Booking.starts_at <= now - grace,
                    Booking.ends_at > now,
                )
            ).all()
            nobody = _Actor(None, None)
            for booking in candidates:
                booking.status = "released"
                booking.updated_at = now
                self._record(s, ActionKind.RELEASE, booking.id, nobody, now)
                released.append(booking.id)
        if released:
            log.info("released %d no-show booking(s) at %s", len(released), self._kiosk_id)
        return released

    # --- helpers ---------------------------------------------------------------------------

    def _act(
        self,
        kind: ActionKind,
        uid: str | None,
        act: Callable[[Session, ActionKind, datetime, _Actor], ActionOutcome],
    ) -> ActionOutcome:
        """Run one action in one local transaction: refused during an event or closure, then
        the actor found (or the action refused); a ``_Stop`` anywhere rolls everything back."""
        now = self._clock.now()
        try:
            with self._store.session() as s:
                self._refuse_in_mode(s, kind, now)
                return act(s, kind, now, self._actor(s, uid, kind, now))
        except _Stop as stop:
            return stop.outcome

    def _actor(self, s: Session, uid: str | None, kind: ActionKind, now: datetime) -> _Actor:
        """Who is acting: the badge holder; nobody when the room allows anonymous actions."""
        if uid is None:
            if not lookups.policy_of(s, self._room_id).anonymous_actions:
                raise _Stop(ActionOutcome(kind, ActionResult.BADGE_REQUIRED, now))
            return _Actor(None, None)
        digest = badge_hmac(self._site_key, uid)
        person = s.execute(
            select(Person.id, Person.name)
            .join(Badge, Badge.person_id == Person.id)
            .where(Badge.uid_hmac == digest, Badge.revoked_at.is_(None), Person.active)
        ).first()
        if person is None:
            log.info("unknown badge tapped at %s", self._kiosk_id)
            raise _Stop(ActionOutcome(kind, ActionResult.UNKNOWN_BADGE, now))
        return _Actor(person.id, person.name)

    def _booking(
        self, s: Session, booking_id: uuid.UUID, kind: ActionKind, now: datetime, actor: _Actor
    ) -> Booking:
        booking = s.get(Booking, booking_id)
        if booking is None or booking.room_id != self._room_id:
            raise _Stop(ActionOutcome(kind, ActionResult.NOT_FOUND, now, actor.name))
        return booking

    def _running(
        self, s: Session, booking_id: uuid.UUID, kind: ActionKind, now: datetime, actor: _Actor
    ) -> Booking:
        """The booking, which must be under way now (extend and end early act on that)."""
        booking = self._booking(s, booking_id, kind, now, actor)
        if booking.status not in ACTIVE_BOOKING or booking.ends_at <= now:
            times = (booking.starts_at, booking.ends_at)
            raise _Stop(ActionOutcome(kind, ActionResult.ENDED, now, actor.name, *times))
        if booking.starts_at > now:
            raise _Stop(ActionOutcome(kind, ActionResult.NOT_FOUND, now, actor.name))
        return booking

    def _refuse_in_mode(self, s: Session, kind: ActionKind, now: datetime) -> None:
        row = lookups.event_or_closure_at(s, self._room_id, now)
        if row is None:
            return
        mode = mode_view(s.connection(), row)
        result = ActionResult.EVENT_MODE if mode.mode == "event" else ActionResult.CLOSED_MODE
        log.info("door action %s refused at %s: room %s", kind.value, self._kiosk_id, mode.mode)
        raise _Stop(
            ActionOutcome(kind, result, now, mode_title=mode.title, mode_until=mode.expires_at)
        )

    def _record(
        self,
        s: Session,
        kind: ActionKind,
        booking_id: uuid.UUID,
        actor: _Actor,
        now: datetime,
        *,
        starts_at: datetime | None = None,
        ends_at: datetime | None = None,
    ) -> None:
        """The action row (also the audit record) and its outbox row, in this transaction."""
        action = BookingAction(
            id=new_id(),
            booking_id=booking_id,
            room_id=self._room_id,
            kind=kind.value,
            starts_at=starts_at,
            ends_at=ends_at,
            title="" if kind is ActionKind.BOOK else None,
            actor_id=actor.id,
            kiosk_id=self._kiosk_id,
            at=now,
            outcome="pending",
            reason=None,
            updated_at=now,
        )
        s.add(action)
        outbox.enqueue(s, "booking_actions", action, now)
        log.info("door action %s stored at %s", kind.value, self._kiosk_id)
