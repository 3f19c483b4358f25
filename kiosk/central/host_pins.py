"""Host PINs, checked by the service: one lock-out per host across every kiosk.

A kiosk that syncs through the service never holds PIN hashes (its feed carries none): it
sends the typed PIN over TLS and the service checks it against the central scrypt hash. After
five wrong PINs in a row for one host, from any kiosks, that host's PIN is locked for five
minutes everywhere. Every outcome is audited centrally with the kiosk's id.

A correct PIN opens a host session at that kiosk (``host_sessions``); what the kiosk then
pushes in the host's name is accepted only inside it (:func:`verified_host`), so a stolen
kiosk cannot switch modes, create events or take calls as a host whose PIN it does not know.
Nor can it use an old session again: a record dated inside a session is accepted only while
it arrives within ``LATE_PUSH`` of the session's end (a host panel needs the service to open,
so what a host did there is pushed at once, or after a short outage), not days later from a
stolen disk, where each such record would win over every newer switch (the service numbers
mode versions as they arrive).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Row

from kiosk.base.ids import new_id
from kiosk.central.credentials import Device
from kiosk.security.host_auth import (
    FAILURE_WINDOW,
    HOST_ROLES,
    LOCKOUT,
    MAX_FAILURES,
    failures_in_a_row,
    locked_until,
    pin_matches,
)
from kiosk.store.models import AuditEntry, HostSession, Person, table_of

SESSION = timedelta(minutes=30)  # a host panel closes long before; offline pushes come later
GRACE = timedelta(minutes=2)  # clock skew between a kiosk and the service
LATE_PUSH = timedelta(hours=1)  # after a session's end, how late its records may still arrive
_OUTCOMES = ("host.pin_failed", "host.signed_in", "host.locked")

audit_t, sessions_t, people_t = table_of(AuditEntry), table_of(HostSession), table_of(Person)


@dataclass(frozen=True)
class PinAnswer:
    result: str  # ok | wrong | locked | no_pin | not_a_host
    name: str | None = None
    tries_left: int = 0
    locked_until: datetime | None = None


def check_pin(
    conn: Connection, device: Device, person_id: uuid.UUID, pin: str, now: datetime
) -> PinAnswer:
    person = conn.execute(
        select(people_t.c.name, people_t.c.role, people_t.c.pin_hash, people_t.c.active).where(
            people_t.c.id == person_id
        )
    ).first()
    if person is None or person.role not in HOST_ROLES or not person.active:
        return PinAnswer("not_a_host")
    if not person.pin_hash:
        return PinAnswer("no_pin", person.name)
    recent = _recent(conn, person_id, now)
    until = locked_until(recent, now)
    if until is not None:
        _audit(conn, device, person_id, "host.denied", now, {"reason": "locked"})
        return PinAnswer("locked", person.name, locked_until=until)
    if pin_matches(person.pin_hash, pin):
        _audit(conn, device, person_id, "host.signed_in", now, {"verified": "central"})
        conn.execute(
            insert(sessions_t).values(
                id=new_id(),
                kiosk_id=device.id,
                host_id=person_id,
                verified_at=now,
                expires_at=now + SESSION,
            )
        )
        return PinAnswer("ok", person.name)
    _audit(conn, device, person_id, "host.pin_failed", now, {})
    failures = 1 + failures_in_a_row(recent)
    if failures >= MAX_FAILURES:
        _audit(conn, device, person_id, "host.locked", now, {"failures": failures})
        return PinAnswer("locked", person.name, locked_until=now + LOCKOUT)
    return PinAnswer("wrong", person.name, tries_left=MAX_FAILURES - failures)


def verified_host(
    conn: Connection, kiosk_id: str, host_id: object, at: datetime, now: datetime
) -> bool:
    """Whether ``host_id`` signed in with a PIN the service checked, at this kiosk, around
    ``at`` (the record's own time), in a session that ended at most ``LATE_PUSH`` before
    ``now``."""
    if not isinstance(host_id, uuid.UUID):
        return False
    c = sessions_t.c
    found = conn.execute(
        select(c.id).where(
            c.kiosk_id == kiosk_id,
            c.host_id == host_id,
            c.verified_at <= at + GRACE,
            c.expires_at >= at - GRACE,
            c.expires_at >= now - LATE_PUSH,
        )
    ).first()
    return found is not None


def _recent(conn: Connection, person_id: uuid.UUID, now: datetime) -> list[Row[Any, Any]]:
    """This host's latest PIN outcomes at any kiosk, newest first."""
    c = audit_t.c
    return list(
        conn.execute(
            select(c.action, c.at)
            .where(
                c.actor_id == person_id,
                c.action.in_(_OUTCOMES),
                c.at > now - LOCKOUT - FAILURE_WINDOW,
            )
            .order_by(c.at.desc(), c.id.desc())
            .limit(MAX_FAILURES)
        ).all()
    )


def _audit(
    conn: Connection,
    device: Device,
    person_id: uuid.UUID,
    action: str,
    now: datetime,
    detail: dict[str, object],
) -> None:
    conn.execute(
        insert(audit_t).values(
            id=new_id(), at=now, actor_id=person_id, kiosk_id=device.id, action=action,
            detail=detail,
        )
    )  # fmt: skip
