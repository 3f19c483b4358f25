"""What a room's door shows at a given moment: its state, current and next bookings.

Room modes (event / closed) are append-only versioned ``room_modes`` rows, for one room or (with
``room_id`` NULL) the whole Lab: at a moment the started, unexpired row with the highest version
applies, and a ``normal`` row means normal. A door also learns the next scheduled event or
closure of the day ("Event from 18.00") and the next moment any row starts or expires, so it can
flip exactly then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from kiosk.models import Booking, BookingAction, Event, Room, RoomMode, table_of
from kiosk.modes import active_mode
from kiosk.views import (
    BookingView,
    DoorView,
    EventView,
    LostBooking,
    ModeView,
    RoomPolicy,
    RoomState,
)

ACTIVE_BOOKING = ("confirmed", "provisional")
_MODE_STATE = {"event": RoomState.EVENT, "closed": RoomState.CLOSED}
#: A door shows this much of an event's description; the rest is for the event's own page.
DESCRIPTION_CHARS = 200
#: At most this many scheduled switches are looked at for "event from 18.00" (later ones wait).
_NEXT_MODE_CANDIDATES = 8

rooms_t, bookings_t, modes_t = table_of(Room), table_of(Booking), table_of(RoomMode)
actions_t, events_t = table_of(BookingAction), table_of(Event)


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


def mode_view(conn: Connection, row: Any) -> ModeView:
    """A ``room_modes`` row with its event (when the event row has arrived here)."""
    event = None
    if row.event_id is not None:
        ev = conn.execute(select(events_t).where(events_t.c.id == row.event_id)).first()
        if ev is not None:
            event = EventView(
                ev.title,
                short_text(ev.description),
                ev.starts_at,
                ev.ends_at,
                (ev.online_url or "").strip() or None,
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


def next_mode(conn: Connection, room_id: str, now: datetime, before: datetime) -> ModeView | None:
    """The event or closure that will apply to ``room_id`` from a moment in (now, before).

    A scheduled row only counts if it will win when it starts (a newer switch may override it);
    its ``starts_at`` is when the room changes.
    """
    starts = conn.execute(
        select(modes_t.c.starts_at)
        .where(
            or_(modes_t.c.room_id == room_id, modes_t.c.room_id.is_(None)),
            modes_t.c.mode.in_(tuple(_MODE_STATE)),
            modes_t.c.starts_at > now,
            modes_t.c.starts_at < before,
        )
        .distinct()
        .order_by(modes_t.c.starts_at)
        .limit(_NEXT_MODE_CANDIDATES)
    ).scalars()
    for start in list(starts):
        row = active_mode(conn, room_id, start)
        if row is not None and row.mode in _MODE_STATE:
            return replace(mode_view(conn, row), starts_at=start)
    return None


def mode_changes_at(conn: Connection, room_id: str, now: datetime) -> datetime | None:
    """The next moment after ``now`` at which a mode row of the room starts or expires."""
    rows = conn.execute(
        select(modes_t.c.starts_at, modes_t.c.expires_at).where(
            or_(modes_t.c.room_id == room_id, modes_t.c.room_id.is_(None)),
            or_(modes_t.c.starts_at > now, modes_t.c.expires_at > now),
        )
    ).all()
    moments = [m for r in rows for m in (r.starts_at, r.expires_at) if m is not None and m > now]
    return min(moments, default=None)


# --- the door's view ------------------------------------------------------------------------


def door_view(
    conn: Connection,
    room_id: str,
    now: datetime,
    tz: ZoneInfo,
    *,
    kiosk_id: str | None = None,
    shown_version: int | None = None,
) -> DoorView | None:
    """The door's view of ``room_id`` at ``now``; None while the room is not yet known here.

    With ``kiosk_id``, a booking that this kiosk made and that lost to another one is reported
    (``DoorView.lost``) so the door can say who won. ``shown_version`` is the mode version the
    door shows now (see :func:`kiosk.modes.active_mode`).
    """
    room = conn.execute(select(rooms_t).where(rooms_t.c.id == room_id)).first()
    if room is None:
        return None
    policy = room_policy(room)
    day_start, day_end = local_day_bounds(now, tz)
    rows = conn.execute(
        select(bookings_t)
        .where(
            bookings_t.c.room_id == room_id,
            bookings_t.c.status.in_((*ACTIVE_BOOKING, "rejected")),
            bookings_t.c.ends_at > day_start,
            bookings_t.c.starts_at < day_end,
        )
        .order_by(bookings_t.c.starts_at)
    ).all()
    day = tuple(booking_view(r) for r in rows if r.status in ACTIVE_BOOKING)
    views = [b for b in day if b.ends_at > now]
    current = next((b for b in views if b.starts_at <= now < b.ends_at), None)
    upcoming = tuple(b for b in views if b.starts_at > now)
    lost = _lost_booking(conn, rows, day, now, kiosk_id) if kiosk_id else None
    # Check-in only matters where no-shows are released; elsewhere it would be a chore.
    awaiting = None
    if policy.release_after_minutes is not None:
        awaiting = next(
            (b for b in views if not b.checked_in and checkin_window_open(b, policy, now)), None
        )
    common: dict[str, Any] = {
        "policy": policy,
        "day": day,
        "lost": lost,
        "calendar_stale": room.calendar_error is not None,
        "calendar_synced_at": room.calendar_synced_at,
        "changes_at": mode_changes_at(conn, room_id, now),
    }

    row = active_mode(conn, room_id, now, keep_version=shown_version)
    mode = mode_view(conn, row) if row is not None else None
    if mode is not None and mode.mode in _MODE_STATE:
        return DoorView(
            room_id,
            room.name,
            _MODE_STATE[mode.mode],
            now,
            current,
            upcoming,
            mode_title=mode.title,
            mode_until=mode.expires_at,
            mode=mode,
            **common,
        )
    coming = next_mode(conn, room_id, now, day_end)
    common["mode"] = mode
    common["next_mode"] = coming

    if current is not None:
        free_at = next_free_after(current.ends_at, views)
        return DoorView(
            room_id,
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
    free_until = min(ends, default=None)
    return DoorView(
        room_id,
        room.name,
        RoomState.FREE,
        now,
        None,
        upcoming,
        free_until=free_until,
        awaiting_checkin=awaiting,
        **common,
    )


def _lost_booking(
    conn: Connection,
    rows: Sequence[Any],
    day: Sequence[BookingView],
    now: datetime,
    kiosk_id: str,
) -> LostBooking | None:
    """The latest booking made at this door that lost to another one and has not ended yet."""
    lost = [r for r in rows if r.status == "rejected" and r.source == "kiosk" and r.ends_at > now]
    if not lost:
        return None
    mine_ids = set(
        conn.execute(
            select(actions_t.c.booking_id).where(
                actions_t.c.booking_id.in_([r.id for r in lost]),
                actions_t.c.kind == "book",
                actions_t.c.kiosk_id == kiosk_id,
            )
        ).scalars()
    )
    lost = [r for r in lost if r.id in mine_ids]
    if not lost:
        return None
    mine = booking_view(max(lost, key=lambda r: r.updated_at))
    winner = next(
        (b for b in day if b.starts_at < mine.ends_at and b.ends_at > mine.starts_at), None
    )
    return LostBooking(mine, winner)
