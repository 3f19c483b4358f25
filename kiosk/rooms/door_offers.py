"""Which actions a door offers at a moment, decided from its ``DoorView`` (no store, no Qt).

The screen draws one button per offer, so this decides what a member can even try: only
lengths that fit before the next booking (a 60-minute "book now" with a booking in 40 minutes
is offered as "until 14.40"), no "book now" while the room is busy or closed, check-in only in
the booking's window. The service checks everything again when the action runs: the view may be
a minute old.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.views.screens import ActionKind, BookingView, DoorView, RoomState

# Here rather than in door_actions, which imports the store: the door's screen imports this
# module before its first frame, and SQLAlchemy only after it.
#: The lengths a door offers for "book now" and "extend".
DURATIONS = (15, 30, 60)
#: Less free time than this is not worth a booking.
MIN_BOOKING = timedelta(minutes=5)

#: Extensions offered on the door (a full hour is a new booking's job).
EXTENSIONS = (15, 30)


@dataclass(frozen=True)
class Offer:
    kind: ActionKind
    minutes: int | None = None  # book and extend: the length asked for
    booking_id: uuid.UUID | None = None  # the booking acted on (not for book)
    until: datetime | None = None  # book and extend: the end it gives (maybe cut short)
    capped: bool = False  # ``until`` is earlier than ``minutes`` would give


def door_offers(view: DoorView) -> tuple[Offer, ...]:
    if view.state in (RoomState.EVENT, RoomState.CLOSED):
        return ()
    offers: list[Offer] = []
    awaiting = view.awaiting_checkin
    if awaiting is not None and awaiting.id is not None:
        offers.append(Offer(ActionKind.CHECKIN, booking_id=awaiting.id))
    if view.state is RoomState.FREE:
        start = view.now.replace(second=0, microsecond=0)
        offers += _lengths(ActionKind.BOOK, None, start, view.now, view.free_until, DURATIONS)
        return tuple(offers)
    current = view.current
    if current is None or current.id is None:
        return tuple(offers)
    blocked = _next_start(view.upcoming, current.ends_at)
    if view.next_mode is not None:  # an event or closure later today: no extension into it
        mode_start = max(view.next_mode.starts_at, current.ends_at)
        blocked = mode_start if blocked is None else min(blocked, mode_start)
    offers += _lengths(
        ActionKind.EXTEND, current.id, current.ends_at, current.ends_at, blocked, EXTENSIONS
    )
    offers.append(Offer(ActionKind.END, booking_id=current.id))
    return tuple(offers)


def _next_start(upcoming: tuple[BookingView, ...], after: datetime) -> datetime | None:
    return next((b.starts_at for b in upcoming if b.starts_at >= after), None)


def _lengths(
    kind: ActionKind,
    booking_id: uuid.UUID | None,
    start: datetime,
    floor: datetime,
    blocked: datetime | None,
    lengths: tuple[int, ...],
) -> list[Offer]:
    offers: list[Offer] = []
    for minutes in lengths:
        end = start + timedelta(minutes=minutes)
        capped = blocked is not None and blocked < end
        if capped:
            assert blocked is not None
            end = blocked
        if end - floor < MIN_BOOKING:
            continue
        if offers and offers[-1].until == end:
            continue  # a longer length that gives the same end adds nothing
        offers.append(Offer(kind, minutes, booking_id, end, capped))
    return offers
