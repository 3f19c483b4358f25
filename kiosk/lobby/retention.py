"""Visitor personal data is kept only as long as it is needed (GDPR storage limitation).

A visitor is anonymised ``retention_days`` after their last trace: their last check-in or
check-out, the end of their last invitation, or the last change to their record, whichever is
latest. Anonymising keeps the row (check-ins still count for statistics and the history stays
consistent) but drops the name and organisation. It is written through the central change feed,
so every lobby's replica loses the data at its next sync.

Feedback keeps its face, context and time for the statistics, but loses its signature (who
gave it) and its comment (free text can name anyone) after the same period. Feedback lives
centrally only; a lobby deletes its copy once the central store has it.

E-mails to visitors (``invite_outbox``, central only) lose their address and message when their
visitor is anonymised, and the links of calendar invitations to their meeting and attendee
(``calendar_invitations``, central only) are deleted.

The lobby also drops its own spent host-notification rows after the same period.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.engine import Connection

from kiosk.base.timeutil import as_utc
from kiosk.lobby.invite_outbox import erase_addresses
from kiosk.store.models import (
    CalendarInvitation,
    Checkin,
    Feedback,
    Invitation,
    Notification,
    Visitor,
    table_of,
)
from kiosk.sync import central

ANONYMISED_NAME = "–"  # a placeholder, not a name; kept non-empty for NOT NULL


@dataclass(frozen=True)
class PurgeReport:
    anonymised: list[uuid.UUID]
    cutoff: datetime


def visitors_due(
    conn: Connection, now: datetime, retention_days: int
) -> tuple[list[uuid.UUID], datetime]:
    """Ids of visitors whose last trace is older than the retention period, and the cutoff."""
    cutoff = now - timedelta(days=retention_days)
    v, c, i = table_of(Visitor).c, table_of(Checkin).c, table_of(Invitation).c
    last_checkin = dict(
        conn.execute(
            select(func.coalesce(c.visitor_id, i.visitor_id), func.max(c.at))
            .select_from(table_of(Checkin))
            .outerjoin(table_of(Invitation), i.id == c.invitation_id)
            .where(or_(c.visitor_id.is_not(None), i.visitor_id.is_not(None)))
            .group_by(func.coalesce(c.visitor_id, i.visitor_id))
        ).all()
    )
    last_invitation = dict(
        conn.execute(
            select(i.visitor_id, func.max(i.valid_to))
            .where(i.visitor_id.is_not(None))
            .group_by(i.visitor_id)
        ).all()
    )
    due = []
    for row in conn.execute(select(v.id, v.updated_at).where(v.anonymised_at.is_(None))):
        traces = [row.updated_at, last_checkin.get(row.id), last_invitation.get(row.id)]
        latest = max(as_utc(t) for t in traces if t is not None)
        if latest < cutoff:
            due.append(row.id)
    return due, cutoff


def purge_visitors(
    conn: Connection, now: datetime, retention_days: int, *, dry_run: bool = False
) -> PurgeReport:
    """Anonymise every visitor past retention, in the caller's (central) transaction."""
    due, cutoff = visitors_due(conn, now, retention_days)
    if not dry_run:
        visitors = table_of(Visitor)
        for visitor_id in due:
            row = conn.execute(select(visitors).where(visitors.c.id == visitor_id)).one()
            central.write(
                conn,
                "visitors",
                {
                    **row._asdict(),
                    "name": ANONYMISED_NAME,
                    "organisation": None,
                    "anonymised_at": now,
                    "updated_at": now,
                },
                now,
            )
        if due:
            i = table_of(Invitation).c
            ids = list(conn.execute(select(i.id).where(i.visitor_id.in_(due))).scalars())
            erase_addresses(conn, ids, now)
            links = table_of(CalendarInvitation)
            conn.execute(delete(links).where(links.c.invitation_id.in_(ids)))
    return PurgeReport(due, cutoff)


def purge_feedback(
    conn: Connection, now: datetime, retention_days: int, *, dry_run: bool = False
) -> int:
    """Feedback older than the retention period loses its signature and comment (central)."""
    f = table_of(Feedback)
    due = and_(
        f.c.at < now - timedelta(days=retention_days),
        or_(f.c.person_id.is_not(None), f.c.comment.is_not(None)),
    )
    if dry_run:
        return int(conn.execute(select(func.count()).select_from(f).where(due)).scalar_one())
    result = conn.execute(update(f).where(due).values(person_id=None, comment=None, updated_at=now))
    return int(result.rowcount or 0)


def purge_local_notifications(conn: Connection, now: datetime, retention_days: int) -> int:
    """Drop sent or abandoned notification rows older than the retention period (lobby side)."""
    n = table_of(Notification).c
    cutoff = now - timedelta(days=retention_days)
    result = conn.execute(
        delete(table_of(Notification)).where(
            n.created_at < cutoff, or_(n.sent_at.is_not(None), n.failed_at.is_not(None))
        )
    )
    return int(result.rowcount or 0)
