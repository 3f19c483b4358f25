"""What a room's door shows at a moment, computed from rows already read: no database here.

A door's view comes from a handful of rows: the room, its bookings of the day, the mode switches
that apply now or later (with their events), and which of the day's lost bookings this door
made. Two readers fetch them: ``kiosk.rooms.door_view`` through SQLAlchemy (any store) and
``kiosk.rooms.door_snapshot`` from a local SQLite file with the standard library alone, so a door
can
paint its real first screen before SQLAlchemy is imported. Both hand their rows to
:func:`assemble_door_view`, so they cannot disagree about what a door shows.

Room modes (event / closed) are append-only versioned ``room_modes`` rows, for one room or (with
``room_id`` NULL) the whole Lab: at a moment the started, unexpired row with the highest version
applies, and a ``normal`` row means normal (:func:`pick_mode`; ``kiosk.rooms.modes.active_mode``
is the same rule as one SQL query). A door also learns the next scheduled event or closure of the
day ("Event from 18.00") and the next moment any row starts or expires, so it can flip exactly
then.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.views.screens import (
    ACTIVE_BOOKING,
    BookingView,
    DoorView,
    EventView,
    LostBooking,
    ModeView,
    RefusedChange,
    RoomPolicy,
    RoomState,
)

#: Bookings a door reads for its day: the active ones, and refused ones it may have to explain.
DOOR_BOOKING_STATUSES = (*ACTIVE_BOOKING, "rejected")
MODE_STATE = {"event": RoomState.EVENT, "closed": RoomState.CLOSED}
#: A door shows this much of an event's description; the rest is for the event's own page.
DESCRIPTION_CHARS = 200
#: At most this many scheduled switches are looked at for "event from 18.00" (later ones wait).
NEXT_MODE_CANDIDATES = 8
#: Door changes whose refusal the door explains, and for how long after they were made.
REFUSABLE_CHANGES = ("extend", "end", "checkin")
REFUSAL_SHOWN = timedelta(minutes=15)


@dataclass(frozen=True)
class DoorRows:
    """Everything a door's view is computed from; rows are anything with the columns as
    attributes (SQLAlchemy rows, or the snapshot reader's records)."""

    room: Any
    #: the room's bookings in ``DOOR_BOOKING_STATUSES`` that overlap the local day
    bookings: Sequence[Any]
    #: ``room_modes`` rows of the room or the whole Lab that have not expired, or start later
    modes: Sequence[Any]
    #: the ``events`` rows those mode rows name (an event may not have arrived yet)
    events: Mapping[uuid.UUID, Any]
    #: ids of the day's refused kiosk bookings that this kiosk made
    booked_here: frozenset[uuid.UUID] = frozenset()
    #: this kiosk's refused ``booking_actions`` rows of ``REFUSABLE_CHANGES`` for the room, made
    #: since ``refusals_since``
    refused_here: Sequence[Any] = ()


def local_day_bounds(now: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Start and end of ``now``'s calendar day in ``tz`` (correct on DST-change days)."""
    day = now.astimezone(tz).date()
    start = datetime.combine(day, time.min, tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def booking_view(row: Any) -> BookingView:
    """A booking row as the door shows it."""
    return BookingView(
        row.title,
        row.private,
        row.starts_at,
        row.ends_at,
        row.status == "provisional",
        id=row.id,
        checked_in=row.checked_in_at is not None,
        source=row.source,
    )


def room_policy(row: Any) -> RoomPolicy:
    return RoomPolicy(
        checkin_before_minutes=row.checkin_before_minutes,
        release_after_minutes=row.release_after_minutes,
        anonymous_actions=row.anonymous_actions,
        booking_url=row.booking_url,
    )


def next_free_after(start: datetime, bookings: Sequence[BookingView]) -> datetime:
    """The first moment at or after ``start`` that no booking covers (back-to-back chains)."""
    free = start
    for booking in sorted(bookings, key=lambda b: b.starts_at):
        if booking.starts_at <= free < booking.ends_at:
            free = booking.ends_at
    return free


def refusals_since(now: datetime) -> datetime:
    """Refused changes made at a door since this moment are still explained on it."""
    return now - REFUSAL_SHOWN


def checkin_window_open(booking: BookingView, policy: RoomPolicy, now: datetime) -> bool:
    opens = booking.starts_at - timedelta(minutes=policy.checkin_before_minutes)
    return opens <= now < booking.ends_at


# --- room modes --------------------------------------------------------------------------


def short_text(text: str | None, limit: int = DESCRIPTION_CHARS) -> str | None:
    """``text`` with spaces folded, cut at a word boundary to at most ``limit`` characters."""
    if text is None:
        return None
    folded = " ".join(text.split())
    if len(folded) <= limit:
        return folded or None
    cut = folded[: limit - 1]
    space = cut.rfind(" ")
    if folded[limit - 1] != " " and space > limit // 2:  # no half words
        cut = cut[:space]
    return cut.rstrip(" ,.;:–-") + "…"


def pick_mode(modes: Iterable[Any], now: datetime, *, keep_version: int | None = None) -> Any:
    """The row of ``modes`` that applies at ``now`` (None: none does): started, not expired, the
    highest version (then id) wins. ``keep_version`` keeps the version a display shows applying
    while the device clock stepped back before its start (see ``kiosk.rooms.modes.active_mode``)."""
    applying = [
        row
        for row in modes
        if (row.starts_at <= now or (keep_version is not None and row.version == keep_version))
        and (row.expires_at is None or row.expires_at > now)
    ]
    return max(applying, key=lambda row: (row.version, row.id), default=None)


def mode_view(row: Any, events: Mapping[uuid.UUID, Any]) -> ModeView:
    """A ``room_modes`` row with its event (when the event row has arrived here)."""
    event = None
    ev = events.get(row.event_id) if row.event_id is not None else None
    if ev is not None:
        event = EventView(
            ev.title,
            short_text(ev.description),
            ev.starts_at,
            ev.ends_at,
            (ev.online_url or "").strip() or None,
            getattr(ev, "title_sv", None),  # rows of a store not yet at 0016 lack them
            getattr(ev, "title_en", None),
            short_text(getattr(ev, "description_sv", None)),
            short_text(getattr(ev, "description_en", None)),
        )
    title = (row.title or "").strip() or (event.title if event is not None else None)
    return ModeView(
        row.mode,
        row.version,
        title,
        row.starts_at,
        row.expires_at,
        whole_lab=row.room_id is None,
        event=event,
    )


def next_mode(
    modes: Sequence[Any], events: Mapping[uuid.UUID, Any], now: datetime, before: datetime
) -> ModeView | None:
    """The event or closure that will apply from a moment in (now, before).

    A scheduled row only counts if it will win when it starts (a newer switch may override it);
    its ``starts_at`` is when the room changes.
    """
    starts = sorted(
        {row.starts_at for row in modes if row.mode in MODE_STATE and now < row.starts_at < before}
    )
    for start in starts[:NEXT_MODE_CANDIDATES]:
        row = pick_mode(modes, start)
        if row is not None and row.mode in MODE_STATE:
            return replace(mode_view(row, events), starts_at=start)
    return None


def mode_changes_at(modes: Iterable[Any], now: datetime) -> datetime | None:
    """The next moment after ``now`` at which one of ``modes`` starts or expires."""
    moments = [m for r in modes for m in (r.starts_at, r.expires_at) if m is not None and m > now]
    return min(moments, default=None)


# --- the door's view ------------------------------------------------------------------------


def assemble_door_view(
    rows: DoorRows,
    now: datetime,
    tz: ZoneInfo,
    *,
    shown_version: int | None = None,
) -> DoorView:
    """The door's view at ``now``; ``shown_version`` is the mode version the door shows now."""
    room = rows.room
    policy = room_policy(room)
    _day_start, day_end = local_day_bounds(now, tz)
    ordered = sorted(rows.bookings, key=lambda r: (r.starts_at, r.id))
    day = tuple(booking_view(r) for r in ordered if r.status in ACTIVE_BOOKING)
    views = [b for b in day if b.ends_at > now]
    current = next((b for b in views if b.starts_at <= now < b.ends_at), None)
    upcoming = tuple(b for b in views if b.starts_at > now)
    # Check-in only matters where no-shows are released; elsewhere it would be a chore.
    awaiting = None
    if policy.release_after_minutes is not None:
        awaiting = next(
            (b for b in views if not b.checked_in and checkin_window_open(b, policy, now)), None
        )
    common: dict[str, Any] = {
        "policy": policy,
        "day": day,
        "lost": _lost_booking(ordered, day, now, rows.booked_here),
        "refused": _refused_change(rows.refused_here, day, now),
        "calendar_stale": room.calendar_error is not None,
        "calendar_synced_at": room.calendar_synced_at,
        "changes_at": mode_changes_at(rows.modes, now),
    }

    row = pick_mode(rows.modes, now, keep_version=shown_version)
    mode = mode_view(row, rows.events) if row is not None else None
    if mode is not None and mode.mode in MODE_STATE:
        return DoorView(
            room.id,
            room.name,
            MODE_STATE[mode.mode],
            now,
            current,
            upcoming,
            mode_title=mode.title,
            mode_until=mode.expires_at,
            mode=mode,
            **common,
        )
    coming = next_mode(rows.modes, rows.events, now, day_end)
    common["mode"] = mode
    common["next_mode"] = coming

    if current is not None:
        free_at = next_free_after(current.ends_at, views)
        return DoorView(
            room.id,
            room.name,
            RoomState.BUSY,
            now,
            current,
            upcoming,
            next_free_at=free_at if free_at < day_end else None,
            awaiting_checkin=awaiting,
            **common,
        )
    # An event or closure later today ends the free time like a booking does.
    ends = [b.starts_at for b in upcoming[:1]] + ([coming.starts_at] if coming else [])
    return DoorView(
        room.id,
        room.name,
        RoomState.FREE,
        now,
        None,
        upcoming,
        free_until=min(ends, default=None),
        awaiting_checkin=awaiting,
        **common,
    )


def lost_candidates(bookings: Iterable[Any], now: datetime) -> list[Any]:
    """Refused bookings made at a door that have not ended: the ones a door may explain."""
    return [
        r for r in bookings if r.status == "rejected" and r.source == "kiosk" and r.ends_at > now
    ]


def _lost_booking(
    rows: Sequence[Any],
    day: Sequence[BookingView],
    now: datetime,
    booked_here: frozenset[uuid.UUID],
) -> LostBooking | None:
    """The latest booking made at this door that lost to another one and has not ended yet."""
    lost = [r for r in lost_candidates(rows, now) if r.id in booked_here]
    if not lost:
        return None
    mine = booking_view(max(lost, key=lambda r: r.updated_at))
    winner = next(
        (b for b in day if b.starts_at < mine.ends_at and b.ends_at > mine.starts_at), None
    )
    return LostBooking(mine, winner)


def _refused_change(
    actions: Sequence[Any], day: Sequence[BookingView], now: datetime
) -> RefusedChange | None:
    """The latest change made here in the last ``REFUSAL_SHOWN`` that the central store refused."""
    recent = [a for a in actions if a.kind in REFUSABLE_CHANGES and a.at >= refusals_since(now)]
    if not recent:
        return None
    action = max(recent, key=lambda a: (a.at, a.id))
    booking = next((b for b in day if b.id == action.booking_id), None)
    clash = None
    if action.kind == "extend" and booking is not None and action.ends_at is not None:
        clash = next(
            (
                b
                for b in day
                if b.id != booking.id
                and b.starts_at < action.ends_at
                and b.ends_at > booking.ends_at
            ),
            None,
        )
    return RefusedChange(action.kind, action.at, action.reason, booking, action.ends_at, clash)
