"""The central store's side of door actions: apply each pushed ``booking_actions`` row once.

Why a separate entity: pushes are insert-if-absent by id, which is right for records born on a
kiosk (a check-in, a new booking) but can never apply a *change* to a booking the central store
already has (extend it, end it early, check in, release a no-show). A door therefore pushes the
action, not the booking. Here the action is evaluated against the central store's current
booking, inside the push transaction (serialized on SQLite by ``BEGIN IMMEDIATE``; on PostgreSQL
the bookings exclusion constraint settles races between kiosks), and:

- applied: the booking is changed and its new image appended to the feed (every kiosk pulls
  it);
- refused: the action is acknowledged all the same (it is a settled fact, not a transport
  failure) with its outcome and reason, and the booking's current image is written to the feed
  again, so a door that changed its local copy optimistically goes back to the truth. A refused
  "book now" is stored as a ``rejected`` booking, which is how the door learns that another
  booking won.

Either way the action row, with actor, kiosk and outcome, is kept centrally and replicated: it
is the audit record of who did what at which door. Applying is idempotent on the action id, so a
batch delivered twice changes nothing the second time.

Everything here runs as the pushing kiosk's own database role, so every statement is as narrow
as that role's grants (kiosk/sync/roles.py, revision 0006): a new booking and the action row are
inserted, never upserted; a change to a booking updates only the columns an action changes
(``ends_at``, ``status``, ``checked_in_at``, ``updated_at``); putting the central truth back
into the feed after a refusal appends to the feed without writing the booking.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from kiosk.store.dbutil import insert_if_absent
from kiosk.store.models import AuditEntry, Booking, BookingAction, Room, table_of
from kiosk.sync import central
from kiosk.sync.refusals import PushRefused
from kiosk.views.screens import (
    ACTIVE_BOOKING,
    REFUSED_CHECKED_IN,
    REFUSED_CONFLICT,
    REFUSED_ENDED,
    REFUSED_NOT_FOUND,
)

log = logging.getLogger(__name__)

actions_t, bookings_t, rooms_t = table_of(BookingAction), table_of(Booking), table_of(Room)
audit_t = table_of(AuditEntry)

KINDS = ("book", "extend", "end", "checkin", "release")

NOT_YOURS = (
    "not allowed for this kiosk's database role: not an active booking of the door's own room"
)


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def accept_action(conn: Connection, row: dict[str, Any], now: datetime) -> None:
    """Apply one pushed action (a row image from the kiosk's outbox) unless already applied."""
    if row.get("kind") not in KINDS:
        raise PushRefused(f"unknown booking action {row.get('kind')!r}")
    for name in ("id", "booking_id", "room_id", "kiosk_id", "at"):
        if row.get(name) is None:
            raise PushRefused(f"booking action without {name}")
    if conn.execute(select(actions_t.c.id).where(actions_t.c.id == row["id"])).first():
        return  # delivered before: already applied or refused
    try:
        _apply(conn, row, now)
        outcome, reason = "applied", None
    except _Refused as refused:
        outcome, reason = "refused", refused.reason
        _resend_booking(conn, row, now)
    log.info("door action %s %s (%s)", row["kind"], outcome, reason or "ok")
    record = {**row, "outcome": outcome, "reason": reason, "updated_at": now}
    if not insert_if_absent(conn, actions_t, record):
        return  # a concurrent delivery of the same action recorded it first
    central.publish(conn, "booking_actions", row["id"], now)
    conn.execute(
        audit_t.insert().values(
            at=row["at"],
            actor_id=row.get("actor_id"),
            kiosk_id=row["kiosk_id"],
            action=f"door.{row['kind']}",
            detail={
                "booking_id": str(row["booking_id"]),
                "room_id": row["room_id"],
                "outcome": outcome,
                **({"reason": reason} if reason else {}),
            },
        )
    )


def _current(conn: Connection, row: dict[str, Any]) -> Any:
    return conn.execute(
        select(bookings_t).where(
            bookings_t.c.id == row["booking_id"], bookings_t.c.room_id == row["room_id"]
        )
    ).first()


def _clash(conn: Connection, room_id: str, starts: datetime, ends: datetime, exclude: Any) -> bool:
    return (
        conn.execute(
            select(bookings_t.c.id).where(
                bookings_t.c.room_id == room_id,
                bookings_t.c.status.in_(ACTIVE_BOOKING),
                bookings_t.c.starts_at < ends,
                bookings_t.c.ends_at > starts,
                bookings_t.c.id != exclude,
            )
        ).first()
        is not None
    )


@contextmanager
def _race_is_refusal(conn: Connection) -> Iterator[None]:
    """A savepoint in which PostgreSQL's exclusion constraint finding a racing booking (one
    committed since the overlap check) becomes a refusal rather than a failed push."""
    try:
        with conn.begin_nested():
            yield
    except IntegrityError as exc:
        if getattr(exc.orig, "sqlstate", None) == "23P01":
            raise _Refused(REFUSED_CONFLICT) from None
        raise


def _update_booking(
    conn: Connection, booking_id: Any, changes: dict[str, Any], now: datetime
) -> None:
    """Change only the columns an action changes (all a door's role may update); feed it."""
    with _race_is_refusal(conn):
        updated = conn.execute(
            bookings_t.update()
            .where(bookings_t.c.id == booking_id)
            .values({**changes, "updated_at": now})
        )
        if updated.rowcount != 1:  # row-level security hid it: not an active one of its room
            raise PushRefused(NOT_YOURS)
        central.publish(conn, "bookings", booking_id, now)


def _insert_booking(conn: Connection, values: dict[str, Any], now: datetime) -> None:
    """Insert a booking made at a door; a push never overwrites an existing id."""
    with _race_is_refusal(conn):
        if not insert_if_absent(conn, bookings_t, {**values, "updated_at": now}):
            raise PushRefused("a booking with this id exists already")
        central.publish(conn, "bookings", values["id"], now)


def _apply(conn: Connection, row: dict[str, Any], now: datetime) -> None:
    kind, at = row["kind"], row["at"]
    if kind == "book":
        _book(conn, row, now)
        return
    booking = _current(conn, row)
    if booking is None:
        raise _Refused(REFUSED_NOT_FOUND)
    if booking.status not in ACTIVE_BOOKING or booking.ends_at <= at:
        raise _Refused(REFUSED_ENDED)
    changes: dict[str, Any] = {}
    if kind == "extend":
        new_end = row.get("ends_at")
        if new_end is None or new_end <= booking.ends_at:
            raise _Refused("an extension must end later than the booking")
        if _clash(conn, booking.room_id, booking.ends_at, new_end, booking.id):
            raise _Refused(REFUSED_CONFLICT)
        changes["ends_at"] = new_end
    elif kind == "end":
        new_end = row.get("ends_at") or at
        if new_end <= booking.starts_at:
            changes["status"] = "released"  # ended before it began: nothing left of it
        else:
            changes["ends_at"] = min(new_end, booking.ends_at)
    elif kind == "checkin":
        if booking.checked_in_at is not None:
            return  # checked in already (another door, a second tap): nothing to change
        changes["checked_in_at"] = at
    elif kind == "release":
        if booking.checked_in_at is not None:
            raise _Refused(REFUSED_CHECKED_IN)
        changes["status"] = "released"
    _update_booking(conn, booking.id, changes, now)


def _new_booking(row: dict[str, Any], status: str, checked_in_at: Any) -> dict[str, Any]:
    """The booking a "book now" action makes (or, refused, records as ``rejected``)."""
    return {
        "id": row["booking_id"],
        "room_id": row["room_id"],
        "title": row.get("title") or "",
        "private": False,
        "organiser_id": row.get("actor_id"),
        "starts_at": row.get("starts_at"),
        "ends_at": row.get("ends_at"),
        "status": status,
        "source": "kiosk",
        "external_uid": None,
        "checked_in_at": checked_in_at,
        "created_by": row.get("actor_id"),
    }


def _book(conn: Connection, row: dict[str, Any], now: datetime) -> None:
    starts, ends = row.get("starts_at"), row.get("ends_at")
    if starts is None or ends is None or ends <= starts:
        raise PushRefused("booking action without a valid start and end")
    if conn.execute(select(rooms_t.c.id).where(rooms_t.c.id == row["room_id"])).first() is None:
        raise PushRefused("booking action for an unknown room")
    if _clash(conn, row["room_id"], starts, ends, row["booking_id"]):
        raise _Refused(REFUSED_CONFLICT)
    _insert_booking(conn, _new_booking(row, "confirmed", row["at"]), now)


def _resend_booking(conn: Connection, row: dict[str, Any], now: datetime) -> None:
    """After a refusal: put the central truth back into the feed (kiosks undo their change).

    A refused "book now" is stored as a ``rejected`` booking (how the door learns another one
    won); for any other action the booking is unchanged, so only its image is appended.
    """
    if row["kind"] == "book":
        if row.get("starts_at") is None or row.get("ends_at") is None:
            return
        rejected = {**_new_booking(row, "rejected", None), "updated_at": now}
        insert_if_absent(conn, bookings_t, rejected)
        central.publish(conn, "bookings", row["booking_id"], now)
        return
    booking = _current(conn, row)
    if booking is not None:
        central.publish(conn, "bookings", booking.id, now)
