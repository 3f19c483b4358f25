"""Accepting what kiosks push: the central rules, checked inside the push transaction.

Kiosks push with insert-if-absent on the record id, so a batch that is delivered twice (a lost
acknowledgement, a kiosk killed mid-sync) changes nothing the second time. A record the rules
refuse for good is reported back with its reason (:class:`~kiosk.sync.refusals.PushRefused`) and
never blocks the records behind it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from kiosk.store.dbutil import insert_if_absent
from kiosk.store.mode_versions import next_version
from kiosk.sync.booking_actions import accept_action
from kiosk.sync.central import append_change, changes_table
from kiosk.sync.refusals import PushRefused
from kiosk.sync.replication import ENTITIES, from_payload, to_payload
from kiosk.views.screens import ACTIVE_BOOKING, REFUSED_CONFLICT

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PushItem:
    seq: int  # the kiosk's outbox sequence number, echoed back in the result
    entity: str
    payload: dict[str, Any]


@dataclass
class PushResult:
    acknowledged: list[int] = field(default_factory=list)  # stored now or already present
    rejected: dict[int, str] = field(default_factory=dict)  # permanent: never retried


# PostgreSQL's SQLSTATE for an exclusion-constraint violation (two overlapping bookings).
_EXCLUSION_VIOLATION = "23P01"


def _check_booking(conn: Connection, row: dict[str, Any]) -> None:
    """Refuse a pushed booking that overlaps an active one of the same room.

    On SQLite this check is the guarantee: central writes are serialized (``BEGIN IMMEDIATE``),
    so nothing can slip in between the check and the insert. On PostgreSQL it gives the clear
    reason in the common case, and the exclusion constraint settles races between kiosks.
    """
    starts, ends = row.get("starts_at"), row.get("ends_at")
    if not isinstance(starts, datetime) or not isinstance(ends, datetime):
        raise PushRefused("booking without a valid start and end")
    if ends <= starts:
        raise PushRefused("booking must end after it starts")
    if row.get("status", "confirmed") not in ACTIVE_BOOKING:
        return
    bookings = ENTITIES["bookings"].table
    clash = conn.execute(
        select(bookings.c.id).where(
            bookings.c.room_id == row.get("room_id"),
            bookings.c.status.in_(ACTIVE_BOOKING),
            bookings.c.starts_at < ends,
            bookings.c.ends_at > starts,
            bookings.c.id != row.get("id"),
        )
    ).first()
    if clash is not None:
        raise PushRefused(REFUSED_CONFLICT)


# Records only a signed-in host makes at a kiosk, and the column naming that host.
HOST_MADE = {"room_modes": "set_by", "events": "created_by", "host_call_acks": "host_id"}


def _check_host(conn: Connection, person_id: Any) -> None:
    """A mode switch, an event or a taken host call from a kiosk must name an active host."""
    people = ENTITIES["people"].table
    role = conn.execute(
        select(people.c.role).where(people.c.id == person_id, people.c.active)
    ).scalar()
    if role not in ("host", "admin"):
        raise PushRefused("only a host may switch modes, create events or take calls at a kiosk")


# Namespace of the advisory locks that serialise pushes of one single-use invitation.
_SINGLE_USE_LOCK = 0x4C4B5355  # "LKSU"


def _check_single_use(conn: Connection, row: dict[str, Any]) -> None:
    """Refuse a second check-in with a single-use invitation (lobbies that let it in offline).

    The first check-in to reach the central store is kept; a later one, from any lobby, is a
    permanent rejection: it stays in that lobby's outbox with this reason. Only "in" rows are
    checked: a check-out never makes anyone present, and one that follows a refused check-in
    is most often the same visitor leaving (see docs/lobby.md).

    Read from the change feed, not the tables: a lobby's database role sees only its own
    check-ins and no invitations, but reads the whole lobby feed (kiosk/sync/roles.py). On
    PostgreSQL a transaction-level advisory lock on the invitation makes two pushes of it wait
    for each other, so the second one's check sees the first one's commit; SQLite serialises
    all central writes already.
    """
    invitation_id = row.get("invitation_id")
    if row.get("direction") != "in" or invitation_id is None:
        return
    key, c = str(invitation_id), changes_table.c
    invitation = conn.execute(
        select(c.payload)
        .where(c.entity == "invitations", c.record_id == key)
        .order_by(c.seq.desc())
        .limit(1)
    ).scalar()
    if not invitation or not invitation.get("single_use"):
        return
    if conn.dialect.name == "postgresql":
        objid = int.from_bytes(uuid.UUID(key).bytes[:4], "big", signed=True)
        conn.execute(select(func.pg_advisory_xact_lock(_SINGLE_USE_LOCK, objid)))
    # The key as a literal, so PostgreSQL can use the expression index of migration 0010.
    invitation_of = (
        c.payload.op("->>")(literal_column("'invitation_id'"))
        if conn.dialect.name == "postgresql"
        else c.payload["invitation_id"].as_string()
    )
    first = conn.execute(
        select(c.payload)
        .where(
            invitation_of == key,
            c.entity == "checkins",
            c.record_id != str(row.get("id")),
            c.payload["direction"].as_string() == "in",
        )
        .order_by(c.seq)
        .limit(1)
    ).scalar()
    if first is not None:
        raise PushRefused(
            "single-use invitation already used: checked in at "
            f"{first.get('kiosk_id')} ({str(first.get('at'))[:16]} UTC)"
        )


def _accept(conn: Connection, item: PushItem, now: datetime) -> None:
    entity = ENTITIES.get(item.entity)
    if entity is None:
        raise PushRefused(f"unknown entity {item.entity!r}")
    row = from_payload(entity, item.payload)
    if entity.name == "booking_actions":
        # A change to an existing booking cannot be insert-if-absent: the action is applied
        # once against the central booking.
        accept_action(conn, row, now)
        return
    if entity.name == "bookings":
        _check_booking(conn, row)
    if entity.name == "checkins":
        _check_single_use(conn, row)
    if entity.name in HOST_MADE:
        _check_host(conn, row.get(HOST_MADE[entity.name]))
    if entity.name == "room_modes":
        row["version"] = next_version(conn, now)  # assigned here, never taken from a kiosk
    if insert_if_absent(conn, entity.table, row):
        append_change(conn, entity, to_payload(entity, row), now)


def _reason(exc: Exception) -> str:
    """A reason fit for the kiosk's outbox and logs: no row values, no personal data."""
    if isinstance(exc, PushRefused):
        return str(exc)
    if isinstance(exc, (IntegrityError, DataError)):
        if getattr(exc.orig, "sqlstate", None) == _EXCLUSION_VIOLATION:
            return REFUSED_CONFLICT
        return f"refused by the central store ({exc.orig.__class__.__name__})"
    return f"malformed record ({type(exc).__name__})"


# A DataError (SQLSTATE class 22: a value too long, a NUL byte, a number out of range) is
# refused again on every retry, like a broken reference: retried, it would block the outbox.
_PERMANENT = (IntegrityError, DataError, ValueError, KeyError, TypeError)

# PostgreSQL's SQLSTATE for a missing privilege or a row refused by row-level security.
_INSUFFICIENT_PRIVILEGE = "42501"


def _accept_one(conn: Connection, item: PushItem, now: datetime) -> None:
    """:func:`_accept`, with a permission refusal turned into a permanent rejection.

    A kiosk's role decides what it may write (kiosk/sync/roles.py). A record its role may not write
    is refused again on every retry, so retrying would only hide it: a door's actions would sit
    in the outbox for ever, reported as a transient failure. Rejected, the row stays in the
    kiosk's outbox, marked with this reason (``kiosk sync status`` lists it) and logged here.
    """
    try:
        _accept(conn, item, now)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != _INSUFFICIENT_PRIVILEGE:
            raise
        lines = str(exc.orig).strip().splitlines()  # names the table, never row values
        detail = lines[0][:120] if lines else "permission denied"
        raise PushRefused(f"not allowed for this kiosk's database role: {detail}") from exc


def accept_push(conn: Connection, items: Sequence[PushItem], now: datetime) -> PushResult:
    """Store a batch from a kiosk's outbox inside the caller's transaction.

    The fast path stores the whole batch at once; if any row is refused (a constraint, a
    booking conflict, a malformed payload), each row is retried inside its own savepoint so the
    good ones are kept and the bad ones reported as permanent rejections; so is a record the
    kiosk's database role may not write (see :func:`_accept_one`). Anything else (the
    connection dropped, the server restarting) propagates: the kiosk keeps the batch and retries.
    """
    result = PushResult()
    try:
        with conn.begin_nested():
            for item in items:
                _accept_one(conn, item, now)
        result.acknowledged = [item.seq for item in items]
        return result
    except _PERMANENT:
        pass
    for item in items:
        try:
            with conn.begin_nested():
                _accept_one(conn, item, now)
            result.acknowledged.append(item.seq)
        except _PERMANENT as exc:
            reason = _reason(exc)
            log.warning("push of %s record rejected: %s", item.entity, reason)
            result.rejected[item.seq] = reason
    return result
