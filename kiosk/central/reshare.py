"""Publishing again the invitations that come into a lobby's look-ahead.

A lobby's share is decided when a page is read (:mod:`kiosk.central.shares`): an invitation
written a week ahead is left out of every lobby's page then, and the lobby's cursor moves past
it. So the service publishes such invitations again (with their visitors) once they come within
:data:`~kiosk.central.shares.LOOKAHEAD`: the feed row it appends is read, and shared, like any
other. The counter ``share.published_until`` remembers up to when (epoch seconds) this was
done; several service processes may try at once, and one of them does it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from kiosk.central.shares import LOOKAHEAD, TRAILING
from kiosk.store.dbutil import insert_if_absent
from kiosk.store.models import Counter, Invitation, table_of
from kiosk.sync import central

log = logging.getLogger(__name__)

COUNTER = "share.published_until"
_counters, _invitations = table_of(Counter), table_of(Invitation)


def reshare(conn: Connection, now: datetime) -> int:
    """Publish invitations whose start came within the look-ahead since the last call;
    returns how many.

    The first call only starts the count: until then no page was read with this rule, and a
    page read now shares every invitation already within the look-ahead.
    """
    until = now + LOOKAHEAD
    c, i = _counters.c, _invitations.c
    done = conn.execute(select(c.value).where(c.name == COUNTER)).scalar()
    stamp = int(until.timestamp())
    if done is None:  # two service processes may start the count at once: one row wins
        insert_if_absent(conn, _counters, {"name": COUNTER, "value": stamp})
        return 0
    elif done >= stamp:
        return 0
    else:
        moved = conn.execute(
            update(_counters).where(c.name == COUNTER, c.value == done).values(value=stamp)
        )
        if moved.rowcount != 1:
            return 0  # another service process is doing it
    start = datetime.fromtimestamp(done, UTC)
    rows = conn.execute(
        select(i.id, i.visitor_id)
        .where(i.valid_from >= start, i.valid_from < until, i.valid_to > now - TRAILING)
        .order_by(i.valid_from)
    ).all()
    for row in rows:
        if row.visitor_id is not None:
            central.publish(conn, "visitors", row.visitor_id, now)
        central.publish(conn, "invitations", row.id, now)
    if rows:
        log.info("published %d invitations again as they came within the look-ahead", len(rows))
    return len(rows)
