"""Automatic sign-out: at a configured hour, everyone still checked in here is checked out.

People forget to check out, and a list that still shows yesterday's visitors is worthless in
an evacuation. Each lobby signs out only the people it checked in, so two lobbies never write
two check-outs for one person. The check-outs and their outbox rows commit in one transaction.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from kiosk.base.clock import Clock
from kiosk.store.engine import Store
from kiosk.store.models import Checkin, table_of
from kiosk.sync import outbox

log = logging.getLogger(__name__)


def check_out_everyone(store: Store, clock: Clock, kiosk_id: str) -> int:
    """Write an ``auto`` check-out for everyone whose latest event is a check-in here."""
    now = clock.now()
    c = table_of(Checkin).c
    latest = select(
        c.id,
        c.direction,
        c.kiosk_id,
        func.row_number()
        .over(
            partition_by=(c.person_id, func.coalesce(c.invitation_id, c.visitor_id)),
            order_by=(c.at.desc(), c.id.desc()),
        )
        .label("rank"),
    ).subquery()
    with store.session() as session:
        open_ids = session.scalars(
            select(latest.c.id).where(
                latest.c.rank == 1, latest.c.direction == "in", latest.c.kiosk_id == kiosk_id
            )
        ).all()
        for checkin in session.scalars(select(Checkin).where(Checkin.id.in_(open_ids))).all():
            out = Checkin(
                direction="out",
                person_id=checkin.person_id,
                visitor_id=checkin.visitor_id,
                invitation_id=checkin.invitation_id,
                method="auto",
                kiosk_id=kiosk_id,
                at=now,
            )
            session.add(out)
            outbox.enqueue(session, "checkins", out, now)
    log.info("automatic sign-out at %s: %d checked out", kiosk_id, len(open_ids))
    return len(open_ids)


class DailyAt:
    """Says when a once-a-day job at local time ``at`` is due (again).

    A kiosk started after the hour runs the job at once: whoever is still checked in then was
    meant to be signed out already.
    """

    def __init__(self, at: time, tz: ZoneInfo) -> None:
        self._at = at
        self._tz = tz
        self._done: date | None = None

    def due(self, now: datetime) -> bool:
        local = now.astimezone(self._tz)
        return local.time() >= self._at and self._done != local.date()

    def mark_done(self, now: datetime) -> None:
        self._done = now.astimezone(self._tz).date()
