"""Plain, Qt-free descriptions of what a screen shows. Services build them; ``ui`` draws them.

Keeping them here lets the core decide *what* a door or lobby shows (and test it without a
display) while the widgets only decide *how*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid


class TapResult(StrEnum):
    CHECKED_IN = "checked_in"
    CHECKED_OUT = "checked_out"
    ALREADY_IN = "already_in"  # same badge again within the repeat window
    ALREADY_OUT = "already_out"
    UNKNOWN_BADGE = "unknown_badge"
    ERROR = "error"  # could not be stored; nothing changed


@dataclass(frozen=True)
class TapOutcome:
    result: TapResult
    at: datetime  # UTC, when the tap was handled
    name: str | None = None  # the member's name, for the greeting
    since: datetime | None = None  # for ALREADY_*: when the state began
    role: str | None = None  # member | host | admin: hosts get the host-only actions
    person_id: uuid.UUID | None = None  # the badge holder (board opt-in, signed feedback)


class RoomState(StrEnum):
    FREE = "free"
    BUSY = "busy"
    EVENT = "event"
    CLOSED = "closed"


@dataclass(frozen=True)
class BookingView:
    title: str
    private: bool
    starts_at: datetime
    ends_at: datetime
    provisional: bool = False
    id: uuid.UUID | None = None  # what door actions name; None in hand-made sample views
    checked_in: bool = False
    source: str = "admin"  # admin | kiosk | ics: an untitled kiosk booking was made at a door


#: A busy room within this much of its free time shows "ending soon".
ENDING_SOON = timedelta(minutes=10)

#: Booking statuses that hold a room (a released no-show or a refused booking does not).
ACTIVE_BOOKING = ("confirmed", "provisional")


@dataclass(frozen=True)
class RoomPolicy:
    """What a room's door allows; set per room by administrators (``rooms`` columns)."""

    checkin_before_minutes: int = 10  # meeting check-in opens this long before the start
    release_after_minutes: int | None = None  # no-shows released after this; None: never
    anonymous_actions: bool = False  # book/extend/end without a badge tap
    booking_url: str | None = None  # the room's booking page, shown as a QR code


@dataclass(frozen=True)
class LostBooking:
    """A booking made at this door that the central store refused: another booking won."""

    mine: BookingView
    winner: BookingView | None  # None when the winner has not arrived here yet


#: Why the central store refused a door's change (``booking_actions.reason``); doors explain them.
REFUSED_CONFLICT = "booking conflict: the room is already booked at that time"
REFUSED_ENDED = "the booking has already ended"
REFUSED_NOT_FOUND = "no such booking in this room"
REFUSED_CHECKED_IN = "the meeting was checked in"


@dataclass(frozen=True)
class RefusedChange:
    """A change made at this door (extend, end early, check in) that the central store refused:
    the door had shown it at once, then put the booking back as the central store has it."""

    kind: str  # extend | end | checkin
    at: datetime  # when it was made here
    reason: str | None  # the central store's reason (kiosk.sync.booking_actions)
    booking: BookingView | None  # the booking as it stands now (None: no longer today's)
    ends_at: datetime | None = None  # extend, end: the end that was asked for
    clash: BookingView | None = None  # a booking in the way of an extension, if it is here


def in_language(text: str | None, sv: str | None, en: str | None, lang: str) -> str | None:
    """An event's text in ``lang``: its translation when the console gave one, else the
    Finnish (or only) text."""
    translated = {"sv": sv, "en": en}.get(lang)
    return translated or text


@dataclass(frozen=True)
class EventView:
    """What a door shows of an event: the ``events`` row, with the description kept short.
    ``title``/``description`` are the Finnish (or only) texts; ``*_sv``/``*_en`` translations
    made in the staff console."""

    title: str
    description: str | None
    starts_at: datetime
    ends_at: datetime
    online_url: str | None = None  # join-online link, shown as a QR code for hybrid events
    title_sv: str | None = None
    title_en: str | None = None
    description_sv: str | None = None
    description_en: str | None = None

    def title_in(self, lang: str) -> str:
        return in_language(self.title, self.title_sv, self.title_en, lang) or ""

    def description_in(self, lang: str) -> str | None:
        return in_language(self.description, self.description_sv, self.description_en, lang)


@dataclass(frozen=True)
class ModeView:
    """One ``room_modes`` row as a door sees it: the mode that applies, or the next one."""

    mode: str  # normal | event | closed
    version: int  # microseconds since the epoch of the switch; the highest applying wins
    title: str | None  # the row's title, else its event's
    starts_at: datetime
    expires_at: datetime | None  # the switch reverts by itself then; None: until changed
    whole_lab: bool = False  # set for the whole Lab, not this room alone
    event: EventView | None = None

    def title_in(self, lang: str) -> str | None:
        """The title in ``lang``: the event's translation unless the switch named its own."""
        event = self.event
        if event is not None and (not self.title or self.title == event.title):
            return event.title_in(lang) or self.title
        return self.title


@dataclass(frozen=True)
class DoorView:
    room_id: str
    room_name: str
    state: RoomState
    now: datetime
    current: BookingView | None = None
    upcoming: tuple[BookingView, ...] = ()  # later today, in order
    free_until: datetime | None = None  # when free: start of the next booking today
    mode_title: str | None = None  # event or closure title when a mode applies
    mode_until: datetime | None = None
    policy: RoomPolicy = RoomPolicy()
    day: tuple[BookingView, ...] = ()  # all of today's active bookings, for the timeline
    next_free_at: datetime | None = None  # when busy: when the room is next free today
    lost: LostBooking | None = None
    refused: RefusedChange | None = None  # the latest refused change made here, for a while
    awaiting_checkin: BookingView | None = None  # in its check-in window, not checked in
    # The room's calendar feed failed at its last refresh: bookings may be out of date.
    calendar_stale: bool = False
    calendar_synced_at: datetime | None = None  # the last good read (None: never)
    mode: ModeView | None = None  # the room_modes row that applies now (normal rows too)
    next_mode: ModeView | None = None  # free/busy: an event or closure starting later today
    # The next moment a mode starts or expires: the door re-reads its view then, to the second.
    changes_at: datetime | None = None

    @property
    def mode_version(self) -> int | None:
        return self.mode.version if self.mode is not None else None

    @property
    def ending_soon(self) -> bool:
        """Busy, but free again within ``ENDING_SOON``: worth walking up to the door."""
        return (
            self.state is RoomState.BUSY
            and self.current is not None
            and self.next_free_at is not None
            and self.next_free_at - self.now <= ENDING_SOON
        )


class ActionKind(StrEnum):
    BOOK = "book"
    EXTEND = "extend"
    END = "end"
    CHECKIN = "checkin"
    RELEASE = "release"


class ActionResult(StrEnum):
    DONE = "done"  # stored locally (provisional until the central store confirms)
    BADGE_REQUIRED = "badge_required"  # this room allows no anonymous actions
    UNKNOWN_BADGE = "unknown_badge"
    ENDED = "ended"  # the booking has already ended (or was released or cancelled)
    NOT_FOUND = "not_found"  # no such booking in this room
    NOT_FREE = "not_free"  # book now while the room is booked or closed
    NO_TIME = "no_time"  # the next booking starts too soon to book or extend
    TOO_EARLY = "too_early"  # check-in before the window opens
    ALREADY_CHECKED_IN = "already_checked_in"
    EVENT_MODE = "event_mode"  # the room is switched to an event: no booking actions
    CLOSED_MODE = "closed_mode"  # the room is closed: no booking actions
    ERROR = "error"  # could not be stored; nothing changed


@dataclass(frozen=True)
class ActionOutcome:
    """What a door action did, for the screen to say; nothing changed unless ``DONE``."""

    kind: ActionKind
    result: ActionResult
    at: datetime
    name: str | None = None  # who did it (badge holder), for the confirmation
    starts_at: datetime | None = None  # the booking's times after the action
    ends_at: datetime | None = None
    blocked_at: datetime | None = None  # NO_TIME: when the next booking starts
    opens_at: datetime | None = None  # TOO_EARLY: when check-in opens
    mode_title: str | None = None  # EVENT_MODE / CLOSED_MODE: the event or the reason
    mode_until: datetime | None = None  # EVENT_MODE / CLOSED_MODE: when the mode reverts

    @property
    def ok(self) -> bool:
        return self.result is ActionResult.DONE


@dataclass(frozen=True)
class ReaderState:
    name: str
    state: str  # connected | reconnecting | failed | noisy | stopped
    error: str | None = None


@dataclass(frozen=True)
class KioskStatus:
    """What the status strip shows: sync health and readers."""

    online: bool = True
    offline_since: datetime | None = None
    syncing_first_time: bool = False
    outbox_depth: int = 0
    readers: tuple[ReaderState, ...] = field(default_factory=tuple)
    duplicate_id: str | None = None  # this kiosk's id, while another running kiosk uses it
    disk_full: bool = False  # the local disk is full: check-ins cannot be stored


class ScanResult(StrEnum):
    """What a scanned invitation code led to at the lobby (see ``services/visitor_checkin``)."""

    WELCOME = "welcome"  # checked in now
    CHECKED_OUT = "checked_out"  # scanned again later: the visitor leaves
    ALREADY_CHECKED_IN = "already_checked_in"  # same code again right away, or single use spent
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    NOT_A_LAB_CODE = "not_a_lab_code"  # foreign or forged code
    UNKNOWN_KEY = "unknown_key"  # signed with a key this kiosk does not (yet) know
    WITHDRAWN = "withdrawn"  # the invitation was revoked
    ERROR = "error"  # could not be stored; nothing changed


@dataclass(frozen=True)
class ScanOutcome:
    """The answer to one scan. Rejections carry only what their sentence needs, never a token."""

    result: ScanResult
    at: datetime  # UTC, when the scan was handled
    name: str | None = None  # the visitor, when the lobby's replica knows the invitation
    host: str | None = None  # who invited them
    since: datetime | None = None  # ALREADY_CHECKED_IN: when they first checked in
    valid_from: datetime | None = None  # NOT_YET_VALID: from when the code works
    valid_to: datetime | None = None  # EXPIRED: until when it worked
    # WELCOME / CHECKED_OUT: lets the screen name a visitor whose invitation arrives later.
    invitation_id: uuid.UUID | None = None

    @property
    def stored(self) -> bool:
        """True when the scan wrote a check-in (so sync should be woken)."""
        return self.result in (ScanResult.WELCOME, ScanResult.CHECKED_OUT)
