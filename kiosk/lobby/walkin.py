"""Walk-in visitors: someone without an invitation registers at the lobby tablet.

The visitor row is born on the kiosk (so it works offline) and travels to the central store
through the outbox like a check-in; the visitor row, the check-in, their outbox rows and the
host's notification commit in one local transaction, so a welcome on screen means all of it is
stored. The privacy notice must have been accepted: the service refuses otherwise, so no screen
can forget to ask.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.base.clock import Clock
from kiosk.base.errors import UsageError
from kiosk.lobby.visitor_checkin import CheckinListener
from kiosk.store.engine import Store
from kiosk.store.models import Checkin, Person, Visitor
from kiosk.sync import outbox
from kiosk.views.lobby import HostChoice as HostChoice  # re-exported: built here
from kiosk.views.screens import ScanOutcome, ScanResult

log = logging.getLogger(__name__)

MAX_TEXT = 200


class WalkinService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        kiosk_id: str,
        *,
        on_checkin: CheckinListener | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._kiosk_id = kiosk_id
        self._on_checkin = on_checkin

    def search_hosts(self, query: str, limit: int = 6) -> list[HostChoice]:
        """Active people whose name has a word starting with each word of ``query``.

        Matched in Python with ``casefold`` (SQLite's ``lower`` only folds ASCII, and "Ä" must
        find "ä"); the directory of one site is small enough for that.
        """
        words = query.casefold().split()
        if not words:
            return []
        with self._store.engine.connect() as conn:
            rows = conn.execute(
                select(Person.id, Person.name, Person.organisation)
                .where(Person.active)
                .order_by(Person.name)
            ).all()
        found = []
        for row in rows:
            parts = row.name.casefold().split()
            if all(any(part.startswith(word) for part in parts) for word in words):
                found.append(HostChoice(row.id, row.name, row.organisation))
                if len(found) >= limit:
                    break
        return found

    def register(
        self, name: str, organisation: str | None, host_id: uuid.UUID, *, privacy_accepted: bool
    ) -> ScanOutcome:
        """Store the visitor and their check-in; the outcome greets them and names the host."""
        walkin = new_walkin(name, organisation, privacy_accepted=privacy_accepted)
        now = self._clock.now()
        with self._store.session() as session:
            host = session.execute(
                select(Person.name).where(Person.id == host_id, Person.active)
            ).scalar_one_or_none()
            if host is None:
                raise UsageError("the chosen host is not in this kiosk's directory")
            checkin = store_walkin(session, walkin, self._kiosk_id, now, host_id=host_id)
            if self._on_checkin is not None:
                self._on_checkin(session, checkin)
        log.info("walk-in visitor checked in at %s", self._kiosk_id)
        return ScanOutcome(ScanResult.WELCOME, now, walkin.name, host)


@dataclass(frozen=True)
class NewWalkin:
    """A walk-in visitor's name and organisation as they will be stored (not stored yet)."""

    name: str
    organisation: str | None


def new_walkin(name: str, organisation: str | None, *, privacy_accepted: bool) -> NewWalkin:
    """Check a walk-in form (the lobby's or an event's): privacy accepted, a name given.

    White space is folded and each text cut at ``MAX_TEXT``; an empty organisation is None.
    """
    if not privacy_accepted:
        raise UsageError("the privacy notice has not been accepted")
    clean_name = _clean(name)
    if not clean_name:
        raise UsageError("a walk-in visitor needs a name")
    return NewWalkin(clean_name, _clean(organisation or "") or None)


def store_walkin(
    session: Session,
    walkin: NewWalkin,
    kiosk_id: str,
    now: datetime,
    *,
    host_id: uuid.UUID | None = None,
    event_id: uuid.UUID | None = None,
) -> Checkin:
    """Add the visitor row and their walk-in check-in, each with its outbox row, to ``session``."""
    visitor = Visitor(
        name=walkin.name,
        organisation=walkin.organisation,
        host_id=host_id,
        anonymised_at=None,
        updated_at=now,
    )
    session.add(visitor)
    outbox.enqueue(session, "visitors", visitor, now)
    checkin = Checkin(
        direction="in",
        person_id=None,
        visitor_id=visitor.id,
        invitation_id=None,
        method="walk-in",
        kiosk_id=kiosk_id,
        at=now,
        event_id=event_id,
    )
    session.add(checkin)
    outbox.enqueue(session, "checkins", checkin, now)
    return checkin


def _clean(text: str) -> str:
    return " ".join(text.split())[:MAX_TEXT]
