"""Bring one room's calendar feed into the central store, in the caller's one transaction.

The feed is the source of truth for the bookings it made (``source = 'ics'``): a re-import
updates them by their stable key, adds new ones, and cancels those that vanished from the feed
inside the import window. Bookings made at a door or by an admin win over the feed: an
occurrence that would overlap one is skipped and reported, never forced in, because the central
store refuses overlapping bookings of one room. Unchanged bookings are not written again, so a
scheduled refresh of an unchanged feed adds nothing to the change feed that kiosks pull.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection

from kiosk.base.errors import NotFound
from kiosk.base.ids import new_id
from kiosk.rooms.ics import Occurrence, SkippedEvent
from kiosk.store.models import Booking, Room, table_of
from kiosk.sync import central
from kiosk.views.screens import ACTIVE_BOOKING

bookings_t, rooms_t = table_of(Booking), table_of(Room)
SOURCE = "ics"


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    skipped: list[str] = field(default_factory=list)  # why each occurrence was left out
    # Events the feed has but that contradict themselves: not booked, earlier bookings kept.
    skipped_events: list[SkippedEvent] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.cancelled} cancelled, "
            f"{self.unchanged} unchanged"
        )
        if self.skipped:
            text += f", {len(self.skipped)} skipped"
        if self.skipped_events:
            count = len(self.skipped_events)
            text += f", {count} broken event{'s' if count != 1 else ''} skipped"
        return text


@dataclass
class _Slot:
    """A booking as it stands during the import: used to order the writes safely."""

    id: uuid.UUID
    starts_at: datetime
    ends_at: datetime


def import_occurrences(
    conn: Connection,
    room_id: str,
    occurrences: Sequence[Occurrence],
    *,
    window_start: datetime,
    window_end: datetime,
    now: datetime,
    skipped_events: Collection[SkippedEvent] = (),
) -> ImportResult:
    """Make ``room_id``'s feed bookings in the window match ``occurrences``.

    ``occurrences`` must be everything the feed has between ``window_start`` and
    ``window_end`` (as :func:`kiosk.rooms.ics.parse_feed` returns it): feed bookings in the
    window whose key is missing are cancelled. Bookings outside the window are left alone, and
    so are the bookings of ``skipped_events`` (broken in the feed now, maybe fixed tomorrow: a
    typo in the calendar should not cancel a meeting the door already shows).
    """
    if conn.execute(select(rooms_t.c.id).where(rooms_t.c.id == room_id)).first() is None:
        raise NotFound(f"no room {room_id!r}")
    # Everything still ahead, plus feed bookings from before the window whose occurrence the
    # feed has now moved into it (found by key, so they are moved rather than duplicated).
    keys = [occ.key for occ in occurrences]
    rows = conn.execute(
        select(bookings_t).where(
            bookings_t.c.room_id == room_id,
            or_(
                bookings_t.c.ends_at > window_start,
                and_(bookings_t.c.source == SOURCE, bookings_t.c.external_uid.in_(keys)),
            ),
        )
    ).all()
    mine = {r.external_uid: r._asdict() for r in rows if r.source == SOURCE and r.external_uid}
    others = [
        _Slot(r.id, r.starts_at, r.ends_at)
        for r in rows
        if r.source != SOURCE and r.status in ACTIVE_BOOKING
    ]

    result = ImportResult(skipped_events=list(skipped_events))
    held = _Held(
        {event.key for event in skipped_events},
        {event.key for event in skipped_events if event.series},
    )  # the same as held_by(skipped_events)
    # A held booking still takes its time: the feed's other occurrences must not overlap it.
    others += [
        _Slot(old["id"], old["starts_at"], old["ends_at"])
        for key, old in mine.items()
        if held.holds(key) and old["status"] in ACTIVE_BOOKING
    ]
    accepted: list[_Slot] = []
    kept: set[uuid.UUID] = set()
    writes: list[dict[str, Any]] = []
    for occ in occurrences:
        clash = _overlapping(occ.starts_at, occ.ends_at, [*others, *accepted])
        if clash is not None:
            result.skipped.append(
                f"{occ.starts_at.isoformat()} {occ.title!r}: overlaps another booking"
            )
            continue
        old = mine.get(occ.key)
        row = _row_for(occ, old, room_id, now)
        kept.add(row["id"])
        if row["status"] in ACTIVE_BOOKING:  # a released no-show does not hold the room
            accepted.append(_Slot(row["id"], row["starts_at"], row["ends_at"]))
        if old is None:
            result.added += 1
            writes.append(row)
        elif all(row[name] == value for name, value in old.items() if name != "updated_at"):
            result.unchanged += 1
        else:
            result.updated += 1
            writes.append(row)

    # Gone from the feed, or skipped: either way the feed no longer puts it at its old time.
    for old in mine.values():
        in_window = old["starts_at"] < window_end
        if held.holds(old["external_uid"]):
            continue
        if old["id"] not in kept and in_window and old["status"] in ACTIVE_BOOKING:
            central.write(conn, "bookings", {**old, "status": "cancelled", "updated_at": now}, now)
            result.cancelled += 1

    standing = [*others] + [
        _Slot(old["id"], old["starts_at"], old["ends_at"])
        for old in mine.values()
        if old["status"] in ACTIVE_BOOKING and old["id"] in kept
    ]
    for row in _safe_order(writes, standing):
        central.write(conn, "bookings", row, now)
    return result


def _row_for(
    occ: Occurrence, old: dict[str, Any] | None, room_id: str, now: datetime
) -> dict[str, Any]:
    fields = {
        "title": occ.title,
        "private": occ.private,
        "starts_at": occ.starts_at,
        "ends_at": occ.ends_at,
    }
    if old is None:
        return {
            "id": new_id(),
            "room_id": room_id,
            "organiser_id": None,
            "status": "confirmed",
            "source": SOURCE,
            "external_uid": occ.key,
            "checked_in_at": None,
            "created_by": None,
            "updated_at": now,
            **fields,
        }
    row = {**old, **fields, "updated_at": now}
    moved = (old["starts_at"], old["ends_at"]) != (occ.starts_at, occ.ends_at)
    if old["status"] not in ACTIVE_BOOKING and (moved or old["status"] != "released"):
        # Back in the feed (or moved to a new time after a no-show release): bookable again.
        row.update(status="confirmed", checked_in_at=None)
    return row


def held_by(skipped_events: Collection[SkippedEvent]) -> Callable[[str], bool]:
    """Does a booking key belong to an event the feed has but cannot read now? Such bookings
    (and what hangs on them, like calendar invitations) are left as they were."""
    return _Held(
        {event.key for event in skipped_events},
        {event.key for event in skipped_events if event.series},
    ).holds


_OCCURRENCE_STAMP = re.compile(r"\d{8}(T\d{6}Z)?")


@dataclass(frozen=True)
class _Held:
    """Booking keys a broken calendar entry keeps as they were: single keys, and whole series
    (a series' occurrences are ``KEY/20261203T090000Z`` or ``KEY/20261203``)."""

    keys: set[str]
    series: set[str]

    def holds(self, key: str) -> bool:
        if key in self.keys:
            return True
        prefix, _, stamp = key.rpartition("/")
        # Only an occurrence stamp: a one-off event whose UID holds a "/" is not a series'.
        return prefix in self.series and _OCCURRENCE_STAMP.fullmatch(stamp) is not None


def _overlapping(start: datetime, end: datetime, slots: Sequence[_Slot]) -> _Slot | None:
    return next((s for s in slots if s.starts_at < end and s.ends_at > start), None)


def _safe_order(writes: list[dict[str, Any]], standing: list[_Slot]) -> list[dict[str, Any]]:
    """Order the writes so no intermediate state has two overlapping active bookings.

    PostgreSQL checks its exclusion constraint row by row, so moving meeting A into the time
    meeting B is about to leave must wait until B has moved. A true cycle (two meetings that
    swap times) has no such order; it is written as is and refused by the store as a whole.
    """
    current = {slot.id: slot for slot in standing}
    # Rows that are not active (a released no-show) take no time: they can go first.
    ordered = [row for row in writes if row["status"] not in ACTIVE_BOOKING]
    pending = [row for row in writes if row["status"] in ACTIVE_BOOKING]
    while pending:
        for row in pending:
            others = [s for s in current.values() if s.id != row["id"]]
            if _overlapping(row["starts_at"], row["ends_at"], others) is None:
                break
        else:
            return ordered + pending
        pending.remove(row)
        ordered.append(row)
        current[row["id"]] = _Slot(row["id"], row["starts_at"], row["ends_at"])
    return ordered
