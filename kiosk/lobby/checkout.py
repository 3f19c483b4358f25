"""Checking out with a button: for walk-ins without a code, and visitors who lost theirs.

The tablet is in a public lobby, so the list it shows names people briefly ("Sofia L.") and
only those this lobby's replica knows to be inside; the full name appears only in the goodbye
to the person who chose it. A check-out repeats the ids of the check-in it closes, so presence
pairs them, and commits with its outbox row in one transaction.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kiosk.base.clock import Clock
from kiosk.base.errors import Conflict
from kiosk.base.timeutil import as_utc
from kiosk.store.engine import Store
from kiosk.store.models import Checkin, Invitation, Person, Visitor, table_of
from kiosk.sync import outbox
from kiosk.views.lobby import InsideVisitor as InsideVisitor  # re-exported: built here
from kiosk.views.screens import ScanOutcome, ScanResult

log = logging.getLogger(__name__)


def short_name(name: str) -> str:
    parts = name.split()
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return f"{parts[0]} {parts[-1][0]}."


class CheckoutService:
    def __init__(self, store: Store, clock: Clock, kiosk_id: str) -> None:
        self._store = store
        self._clock = clock
        self._kiosk_id = kiosk_id

    def inside(self) -> list[InsideVisitor]:
        """Visitors whose latest event is a check-in, oldest first; unnamed ones are left out
        (they have their code, and there is nothing to show)."""
        with self._store.engine.connect() as conn:
            rows = conn.execute(_open_visitor_checkins()).all()
        found = [InsideVisitor(r.id, short_name(r.name), as_utc(r.at)) for r in rows if r.name]
        return sorted(found, key=lambda v: (v.since, v.short_name))

    def check_out(self, checkin_id: uuid.UUID) -> ScanOutcome:
        now = self._clock.now()
        with self._store.session() as session:
            open_ids = set(session.scalars(select(_open_visitor_checkins().subquery().c.id)))
            if checkin_id not in open_ids:
                raise Conflict("that visitor is no longer checked in")
            opened = session.get(Checkin, checkin_id)
            assert opened is not None
            out = Checkin(
                direction="out",
                person_id=None,
                visitor_id=opened.visitor_id,
                invitation_id=opened.invitation_id,
                method="button",
                kiosk_id=self._kiosk_id,
                at=now,
            )
            session.add(out)
            outbox.enqueue(session, "checkins", out, now)
            name, host = _names(session, opened)
        log.info("visitor checked out with the button at %s", self._kiosk_id)
        return ScanOutcome(ScanResult.CHECKED_OUT, now, name, host)


def _open_visitor_checkins() -> Select[Any]:
    """Open visitor check-ins (latest event "in") with the visitor's name, as a select."""
    c, i = table_of(Checkin).c, table_of(Invitation).c
    visitors = table_of(Visitor)
    latest = (
        select(
            c.id,
            c.at,
            c.direction,
            func.coalesce(c.visitor_id, i.visitor_id).label("visitor_id"),
            func.row_number()
            .over(
                partition_by=(c.person_id, func.coalesce(c.invitation_id, c.visitor_id)),
                order_by=(c.at.desc(), c.id.desc()),
            )
            .label("rank"),
        )
        .select_from(table_of(Checkin))
        .outerjoin(table_of(Invitation), i.id == c.invitation_id)
        .where(c.person_id.is_(None))
        .subquery()
    )
    return (
        select(latest.c.id, latest.c.at, visitors.c.name)
        .select_from(latest)
        .outerjoin(visitors, visitors.c.id == latest.c.visitor_id)
        .where(latest.c.rank == 1, latest.c.direction == "in")
    )


def _names(session: Session, opened: Checkin) -> tuple[str | None, str | None]:
    visitor_id = opened.visitor_id
    if visitor_id is None and opened.invitation_id is not None:
        visitor_id = session.scalar(
            select(Invitation.visitor_id).where(Invitation.id == opened.invitation_id)
        )
    visitor = session.get(Visitor, visitor_id) if visitor_id is not None else None
    if visitor is None:
        return None, None
    host = session.get(Person, visitor.host_id) if visitor.host_id is not None else None
    return visitor.name, host.name if host else None
