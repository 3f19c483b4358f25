"""Event check-in at the lobby: a scanned ticket (or a walk-in) counted for the event on now.

Tickets are verified offline like invitations (``kiosk/security/tokens.py``: signature against the
replicated keys, validity window with the clock-skew tolerance; then revocation from the
replica). Rules, from issue #6:

- first entry: a check-in row (direction ``in``, method ``qr``, the ticket's invitation id and
  the event's id) and its outbox row, in one local transaction;
- re-entry is allowed: the same ticket again is not counted again and stores nothing; the
  answer names the first scan's time ("welcome back");
- a ticket for another event, a full event (count >= capacity) and a withdrawn ticket are
  refused and store nothing;
- a validly signed ticket whose invitation has not reached the replica yet is honoured and
  counted under the event on now (its signature proves the Lab issued it);
- with no event on, a ticket for an event the replica knows is honoured inside its own window
  (a host may have forgotten to switch the mode); otherwise the answer says no event is on.

:meth:`EventCheckinService.scan` answers only for event tickets (and, during an event, for
codes that are no Lab code at all); for anything else it returns None and the lobby hands the
text to the visitor check-in, so invitations keep working during an event.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.base.clock import Clock
from kiosk.events.state import LobbyEventState, event_view, find_event, lobby_event_state
from kiosk.lobby.walkin import new_walkin, store_walkin
from kiosk.security.signing_keys import verification_keys
from kiosk.security.tokens import (
    DEFAULT_SKEW,
    TokenError,
    TokenKind,
    TokenReason,
    VerifiedToken,
    verify,
)
from kiosk.store.engine import Store
from kiosk.store.models import Checkin, Invitation, Visitor
from kiosk.sync import outbox
from kiosk.views.lobby import EventOutcome as EventOutcome  # re-exported: built here
from kiosk.views.lobby import EventResult as EventResult
from kiosk.views.lobby import EventView

log = logging.getLogger(__name__)

MAX_SCAN_CHARS = 512
_ANY_WINDOW = timedelta(days=200 * 366)  # to read the dates of a ticket refused for its window


@dataclass(frozen=True)
class _Ticket:
    known: bool = False
    event_id: uuid.UUID | None = None
    visitor_id: uuid.UUID | None = None
    name: str | None = None
    revoked: bool = False


class EventCheckinService:
    def __init__(
        self, store: Store, clock: Clock, kiosk_id: str, *, skew: timedelta = DEFAULT_SKEW
    ) -> None:
        self._store = store
        self._clock = clock
        self._kiosk_id = kiosk_id
        self._skew = skew

    def state(self) -> LobbyEventState:
        """The event on now and when to look again (read-only, no write lock)."""
        with self._store.engine.connect() as conn:
            return lobby_event_state(conn, self._clock.now())

    def scan(self, text: str) -> EventOutcome | None:
        """Check a ticket in; None when the text is for the visitor check-in instead."""
        now = self._clock.now()
        with self._store.engine.connect() as conn:
            keys = verification_keys(conn)
            current = lobby_event_state(conn, now).event
        if len(text) > MAX_SCAN_CHARS:
            return EventOutcome(EventResult.NOT_A_TICKET, now, event=current) if current else None
        try:
            token = verify(text, keys, now, self._skew)
        except TokenError as exc:
            return self._refused(exc.reason, text, keys, now, current)
        if token.kind is not TokenKind.EVENT_TICKET:
            return None
        return self._admit(token, now)

    def _refused(
        self,
        reason: TokenReason,
        text: str,
        keys: dict[str, bytes],
        now: datetime,
        current: EventView | None,
    ) -> EventOutcome | None:
        if reason in (TokenReason.NOT_YET_VALID, TokenReason.EXPIRED):
            window = verify(text, keys, now, _ANY_WINDOW)  # signed dates only
            if window.kind is not TokenKind.EVENT_TICKET:
                return None
            log.info("ticket refused at %s: %s", self._kiosk_id, reason.value)
            result = (
                EventResult.NOT_YET_VALID
                if reason is TokenReason.NOT_YET_VALID
                else EventResult.EXPIRED
            )
            return EventOutcome(
                result, now, event=current, valid_from=window.valid_from, valid_to=window.valid_to
            )
        if current is not None and reason in (
            TokenReason.NOT_A_LAB_CODE,
            TokenReason.BAD_SIGNATURE,
        ):
            log.info("scan refused at %s during an event: not a ticket", self._kiosk_id)
            return EventOutcome(EventResult.NOT_A_TICKET, now, event=current)
        return None  # the visitor check-in says it in its own words

    def _admit(self, token: VerifiedToken, now: datetime) -> EventOutcome:
        with self._store.session() as session:
            conn = session.connection()
            current = lobby_event_state(conn, now).event
            ticket = _lookup(session, token.invitation_id)
            if ticket.revoked:
                log.info("ticket refused at %s: withdrawn", self._kiosk_id)
                return EventOutcome(EventResult.WITHDRAWN, now, event=current)
            event = current
            if current is not None and ticket.known and ticket.event_id != current.id:
                own = find_event(conn, ticket.event_id) if ticket.event_id else None
                log.info("ticket refused at %s: another event", self._kiosk_id)
                return EventOutcome(
                    EventResult.WRONG_EVENT,
                    now,
                    ticket.name,
                    event=current,
                    other_title=own.title if own is not None else None,
                    other_starts_at=own.starts_at if own is not None else None,
                )
            if current is None:
                own = find_event(conn, ticket.event_id) if ticket.event_id else None
                if own is None:
                    log.info("ticket refused at %s: no event on", self._kiosk_id)
                    return EventOutcome(EventResult.NO_EVENT, now, ticket.name)
                event = event_view(conn, own)
            assert event is not None
            first = session.execute(
                select(func.min(Checkin.at)).where(
                    Checkin.invitation_id == token.invitation_id,
                    Checkin.event_id == event.id,
                    Checkin.direction == "in",
                )
            ).scalar()
            if first is not None:
                return EventOutcome(
                    EventResult.WELCOME_BACK, now, ticket.name, since=first, event=event
                )
            if event.full:
                log.info("ticket refused at %s: the event is full", self._kiosk_id)
                return EventOutcome(EventResult.FULL, now, ticket.name, event=event)
            checkin = Checkin(
                direction="in",
                person_id=None,
                visitor_id=ticket.visitor_id,
                invitation_id=token.invitation_id,
                method="qr",
                kiosk_id=self._kiosk_id,
                at=now,
                event_id=event.id,
            )
            session.add(checkin)
            outbox.enqueue(session, "checkins", checkin, now)
            log.info("ticket checked in at %s", self._kiosk_id)
        counted = _counted(event)
        return EventOutcome(
            EventResult.WELCOME,
            now,
            ticket.name,
            event=counted,
            invitation_id=token.invitation_id,
        )

    def walkin(
        self, name: str, organisation: str | None, *, privacy_accepted: bool
    ) -> EventOutcome:
        """Register someone without a ticket, when the event on now takes walk-ins."""
        walkin = new_walkin(name, organisation, privacy_accepted=privacy_accepted)
        now = self._clock.now()
        with self._store.session() as session:
            event = lobby_event_state(session.connection(), now).event
            if event is None:
                return EventOutcome(EventResult.NO_EVENT, now)
            if not event.allow_walkins:
                return EventOutcome(EventResult.WALKINS_CLOSED, now, event=event)
            if event.full:
                log.info("walk-in refused at %s: the event is full", self._kiosk_id)
                return EventOutcome(EventResult.FULL, now, walkin.name, event=event)
            store_walkin(session, walkin, self._kiosk_id, now, event_id=event.id)
        log.info("event walk-in checked in at %s", self._kiosk_id)
        return EventOutcome(EventResult.WELCOME, now, walkin.name, event=_counted(event))

    def describe(self, invitation_id: uuid.UUID) -> str | None:
        """The attendee's name once the ticket has arrived (for a late greeting)."""
        with self._store.session() as session:
            return _lookup(session, invitation_id).name


def _counted(event: EventView) -> EventView:
    """The event with the entry just stored counted (no second query)."""
    return replace(event, count=event.count + 1)


def _lookup(session: Session, invitation_id: uuid.UUID) -> _Ticket:
    row = session.execute(
        select(
            Invitation.event_id,
            Invitation.visitor_id,
            Invitation.revoked_at,
            Visitor.name,
            Visitor.anonymised_at,
        )
        .outerjoin(Visitor, Visitor.id == Invitation.visitor_id)
        .where(Invitation.id == invitation_id)
    ).first()
    if row is None:
        return _Ticket()
    return _Ticket(
        known=True,
        event_id=row.event_id,
        visitor_id=row.visitor_id,
        name=None if row.anonymised_at is not None else row.name,
        revoked=row.revoked_at is not None,
    )
