"""Who is in the building: the latest check-in or check-out per person or visitor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, literal, select
from sqlalchemy.engine import Connection

from kiosk.models import Checkin, Person, Visitor, table_of


@dataclass(frozen=True)
class Presence:
    name: str
    kind: str  # member | visitor
    checked_in_at: datetime
    role: str | None = None  # member | host | admin for people
    organisation: str | None = None

    def as_json(self, tz: Any) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "organisation": self.organisation,
            "checked_in_at": self.checked_in_at.astimezone(tz).isoformat(),
        }


def who_is_in(conn: Connection) -> list[Presence]:
    c = table_of(Checkin).c
    latest = select(
        c.person_id,
        c.visitor_id,
        c.direction,
        c.at,
        func.row_number()
        .over(partition_by=(c.person_id, c.visitor_id), order_by=(c.at.desc(), c.id.desc()))
        .label("rank"),
    ).subquery()
    people_t, visitors_t = table_of(Person), table_of(Visitor)
    p, v = people_t.c, visitors_t.c
    members = (
        select(p.name, literal("member").label("kind"), latest.c.at, p.role, p.organisation)
        .join(people_t, p.id == latest.c.person_id)
        .where(latest.c.rank == 1, latest.c.direction == "in")
    )
    visitors = (
        select(
            v.name,
            literal("visitor").label("kind"),
            latest.c.at,
            literal(None).label("role"),
            v.organisation,
        )
        .join(visitors_t, v.id == latest.c.visitor_id)
        .where(latest.c.rank == 1, latest.c.direction == "in")
    )
    rows = conn.execute(members.union_all(visitors)).all()
    people = [Presence(r.name, r.kind, _aware(r.at), r.role, r.organisation) for r in rows]
    return sorted(people, key=lambda x: (x.checked_in_at, x.name))


def _aware(value: Any) -> datetime:
    from kiosk.timeutil import UTCDateTime

    out = UTCDateTime().process_result_value(value, None)  # type: ignore[arg-type]
    assert out is not None
    return out
