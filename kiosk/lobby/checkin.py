"""Member badge taps at the lobby: check in, check out, or a polite "not recognised".

The check-in row and its outbox row commit in one local transaction before anything is shown,
so a greeting on screen always means the tap is stored durably.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from kiosk.base.clock import Clock
from kiosk.security.badges import badge_hmac
from kiosk.store.engine import Store
from kiosk.store.models import Badge, Checkin, Counter, Person
from kiosk.sync import outbox
from kiosk.views.screens import TapOutcome, TapResult

log = logging.getLogger(__name__)

UNKNOWN_BADGE_COUNTER = "unknown_badge_taps"


class CheckinService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        site_key: bytes,
        kiosk_id: str,
        repeat_window: timedelta = timedelta(seconds=30),
    ) -> None:
        self._store = store
        self._clock = clock
        self._site_key = site_key
        self._kiosk_id = kiosk_id
        self._repeat_window = repeat_window

    def badge_tap(self, uid: str) -> TapOutcome:
        """Toggle the badge holder in or out; unknown badges only bump a counter."""
        digest = badge_hmac(self._site_key, uid)
        now = self._clock.now()
        with self._store.session() as session:
            person = session.execute(
                select(Person)
                .join(Badge, Badge.person_id == Person.id)
                .where(Badge.uid_hmac == digest, Badge.revoked_at.is_(None), Person.active)
            ).scalar_one_or_none()
            if person is None:
                _bump(session, UNKNOWN_BADGE_COUNTER)
                log.info("unknown badge tapped at %s", self._kiosk_id)
                return TapOutcome(TapResult.UNKNOWN_BADGE, now)

            last = session.execute(
                select(Checkin)
                .where(Checkin.person_id == person.id)
                .order_by(Checkin.at.desc(), Checkin.id.desc())
                .limit(1)
            ).scalar_one_or_none()
            if last is not None and now - last.at < self._repeat_window:
                result = TapResult.ALREADY_IN if last.direction == "in" else TapResult.ALREADY_OUT
                return TapOutcome(
                    result, now, person.name, since=last.at, role=person.role, person_id=person.id
                )

            direction = "out" if last is not None and last.direction == "in" else "in"
            checkin = Checkin(
                direction=direction,
                person_id=person.id,
                method="badge",
                kiosk_id=self._kiosk_id,
                at=now,
            )
            session.add(checkin)
            outbox.enqueue(session, "checkins", checkin, now)
            name, role, person_id = person.name, person.role, person.id
        # Logged once committed: a failed commit raises above and leaves no "checked in" line.
        log.info("member checked %s at %s", direction, self._kiosk_id)
        result = TapResult.CHECKED_IN if direction == "in" else TapResult.CHECKED_OUT
        return TapOutcome(result, now, name, role=role, person_id=person_id)


def _bump(session: Session, name: str) -> None:
    session.execute(
        sqlite_insert(Counter)
        .values(name=name, value=0)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    session.execute(update(Counter).where(Counter.name == name).values(value=Counter.value + 1))
