"""Every check-in and check-out event in a period, for an admin's export.

Used by ``kiosk admin checkins export`` on the central store, or on a lobby's own replica
(``--local``) when the network is down. Visitors checked in with an invitation that has not
reached the store are listed with an empty name rather than left out: an export that skips
people is worse than one with a gap.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kiosk.base.timeutil import as_utc
from kiosk.store.models import Checkin, Invitation, Person, Visitor, table_of

FIELDS = (
    "id",
    "at",
    "direction",
    "kind",
    "name",
    "organisation",
    "host",
    "method",
    "kiosk_id",
    "invitation_id",
)


@dataclass(frozen=True)
class CheckinEvent:
    id: uuid.UUID
    at: datetime
    direction: str  # in | out
    kind: str  # member | visitor
    name: str
    organisation: str | None
    host: str | None
    method: str
    kiosk_id: str
    invitation_id: uuid.UUID | None

    def as_row(self, tz: ZoneInfo) -> dict[str, Any]:
        """JSON- and CSV-friendly values; times in the site's zone with their offset."""
        return {
            "id": str(self.id),
            "at": self.at.astimezone(tz).isoformat(),
            "direction": self.direction,
            "kind": self.kind,
            "name": self.name,
            "organisation": self.organisation,
            "host": self.host,
            "method": self.method,
            "kiosk_id": self.kiosk_id,
            "invitation_id": str(self.invitation_id) if self.invitation_id else None,
        }


def checkin_events(
    conn: Connection, start: datetime | None = None, end: datetime | None = None
) -> list[CheckinEvent]:
    """Events with ``start <= at < end`` (either bound optional), oldest first."""
    c = table_of(Checkin).c
    people, visitors, invitations = table_of(Person), table_of(Visitor), table_of(Invitation)
    host = people.alias("host")
    visitor_id = func.coalesce(c.visitor_id, invitations.c.visitor_id)
    query = (
        select(
            c.id,
            c.at,
            c.direction,
            c.person_id,
            c.method,
            c.kiosk_id,
            c.invitation_id,
            people.c.name.label("member"),
            people.c.organisation.label("member_org"),
            visitors.c.name.label("visitor"),
            visitors.c.organisation.label("visitor_org"),
            host.c.name.label("host"),
        )
        .select_from(table_of(Checkin))
        .outerjoin(people, people.c.id == c.person_id)
        .outerjoin(invitations, invitations.c.id == c.invitation_id)
        .outerjoin(visitors, visitors.c.id == visitor_id)
        .outerjoin(host, host.c.id == visitors.c.host_id)
        .order_by(c.at, c.id)
    )
    if start is not None:
        query = query.where(c.at >= start)
    if end is not None:
        query = query.where(c.at < end)
    events = []
    for r in conn.execute(query):
        member = r.person_id is not None
        events.append(
            CheckinEvent(
                id=r.id,
                at=as_utc(r.at),
                direction=r.direction,
                kind="member" if member else "visitor",
                name=(r.member if member else r.visitor) or "",
                organisation=r.member_org if member else r.visitor_org,
                host=None if member else r.host,
                method=r.method,
                kiosk_id=r.kiosk_id,
                invitation_id=r.invitation_id,
            )
        )
    return events
