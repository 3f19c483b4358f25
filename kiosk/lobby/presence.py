"""Who is in the building: the latest check-in or check-out per person or visitor."""

from __future__ import annotations

from sqlalchemy import func, literal, select
from sqlalchemy.engine import Connection

from kiosk.base.timeutil import as_utc
from kiosk.store.engine import Store
from kiosk.store.models import Checkin, Invitation, Person, Visitor, table_of
from kiosk.views.lobby import Presence as Presence  # re-exported: built here


def who_is_in(conn: Connection) -> list[Presence]:
    """Everyone whose latest check-in event is "in", oldest first (works on a lobby replica).

    Visitors are paired by invitation (or by visitor for walk-ins), and a visitor whose
    invitation has not reached this replica yet is still listed, with an empty name: in an
    evacuation an unnamed person is still a person to account for.
    """
    c = table_of(Checkin).c
    people_t, visitors_t, inv_t = table_of(Person), table_of(Visitor), table_of(Invitation)
    p, v, i = people_t.c, visitors_t.c, inv_t.c
    latest = (
        select(
            c.person_id,
            func.coalesce(c.visitor_id, i.visitor_id).label("visitor_id"),
            c.direction,
            c.at,
            func.row_number()
            .over(
                partition_by=(c.person_id, func.coalesce(c.invitation_id, c.visitor_id)),
                order_by=(c.at.desc(), c.id.desc()),
            )
            .label("rank"),
        )
        .select_from(table_of(Checkin))
        .outerjoin(inv_t, i.id == c.invitation_id)
        .subquery()
    )
    members = (
        select(
            p.name,
            literal("member").label("kind"),
            latest.c.at,
            p.role,
            p.organisation,
            literal(None).label("host"),
        )
        .join(people_t, p.id == latest.c.person_id)
        .where(latest.c.rank == 1, latest.c.direction == "in")
    )
    host = people_t.alias("host")
    visitors = (
        select(
            func.coalesce(v.name, "").label("name"),
            literal("visitor").label("kind"),
            latest.c.at,
            literal(None).label("role"),
            v.organisation,
            host.c.name.label("host"),
        )
        .select_from(latest)
        .outerjoin(visitors_t, v.id == latest.c.visitor_id)
        .outerjoin(host, host.c.id == v.host_id)
        .where(latest.c.person_id.is_(None), latest.c.rank == 1, latest.c.direction == "in")
    )
    rows = conn.execute(members.union_all(visitors)).all()
    people = [Presence(r.name, r.kind, as_utc(r.at), r.role, r.organisation, r.host) for r in rows]
    return sorted(people, key=lambda x: (x.checked_in_at, x.name))


def who_is_in_store(store: Store) -> list[Presence]:
    """:func:`who_is_in` on a store (the lobby's replica, from its database worker)."""
    with store.engine.connect() as conn:
        return who_is_in(conn)
