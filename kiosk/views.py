"""Plain, Qt-free descriptions of what a screen shows. Services build them; ``ui`` draws them.

Keeping them here lets the core decide *what* a door or lobby shows (and test it without a
display) while the widgets only decide *how*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


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


@dataclass(frozen=True)
class ReaderState:
    name: str
    state: str  # connected | reconnecting | failed | stopped
    error: str | None = None


@dataclass(frozen=True)
class KioskStatus:
    """What the status strip shows: sync health and readers."""

    online: bool = True
    offline_since: datetime | None = None
    syncing_first_time: bool = False
    outbox_depth: int = 0
    readers: tuple[ReaderState, ...] = field(default_factory=tuple)
