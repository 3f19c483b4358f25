"""The words of the door screen, built from a ``DoorView`` in the current language.

Kept apart from the widgets so the wording can be tested without layout, and so the rules live
in one place: a private booking never shows its title; provisional bookings say so; times use
the site's zone and show the date only when it is not today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.views.screens import BookingView, DoorView, ModeView, RoomState
from ui.common.formatting import (
    format_range,
    format_short_date,
    format_time,
    language_code,
    minutes_left,
)

_DOT = " · "


@dataclass(frozen=True)
class DoorTexts:
    word: str  # "Vapaa"
    primary: str  # booking or event title, or "Free until 13.00"; may be empty
    secondary: str  # "until 15.00 · 35 min left"; may be empty


def state_word(state: RoomState) -> str:
    """The one word on the banner; each literal is here so lupdate can find it."""
    if state is RoomState.FREE:
        return QCoreApplication.translate("DoorScreen", "Free")
    if state is RoomState.BUSY:
        return QCoreApplication.translate("DoorScreen", "Busy")
    if state is RoomState.EVENT:
        return QCoreApplication.translate("DoorScreen", "Event")
    return QCoreApplication.translate("DoorScreen", "Closed")


def format_duration(minutes: int) -> str:
    """``35 min``, ``2 h``, ``1 h 20 min`` (Finnish uses ``t`` for tunti)."""
    hours, rest = divmod(max(0, minutes), 60)
    if hours == 0:
        return QCoreApplication.translate("DoorScreen", "{minutes} min").format(minutes=rest)
    if rest == 0:
        return QCoreApplication.translate("DoorScreen", "{hours} h").format(hours=hours)
    return QCoreApplication.translate("DoorScreen", "{hours} h {minutes} min").format(
        hours=hours, minutes=rest
    )


def until_text(moment: datetime, now: datetime, tz: ZoneInfo) -> str:
    """``until 15.00``, or ``until Fri 27 Nov at 12:00`` when it ends on another day."""
    time = format_time(moment, tz)
    if moment.astimezone(tz).date() == now.astimezone(tz).date():
        return QCoreApplication.translate("DoorScreen", "until {time}").format(time=time)
    return QCoreApplication.translate("DoorScreen", "until {date} at {time}").format(
        date=format_short_date(moment, tz), time=time
    )


def provisional_marker() -> str:
    return QCoreApplication.translate("DoorScreen", "(provisional)")


def booking_title(booking: BookingView) -> str:
    """The title people may see: private bookings are only "Private booking"; an untitled
    booking made at a door says so."""
    if not booking.private and not booking.title.strip() and booking.source == "kiosk":
        return QCoreApplication.translate("DoorScreen", "Booked at the door")
    if booking.private or not booking.title.strip():
        return QCoreApplication.translate("DoorScreen", "Private booking")
    return booking.title.strip()


def next_free_text(view: DoorView, tz: ZoneInfo) -> str:
    """The next free slot, for a busy room: "Next free from 16.00"."""
    if view.state is not RoomState.BUSY:
        return ""
    coming = view.next_mode
    if coming is not None and (view.next_free_at is None or coming.starts_at <= view.next_free_at):
        return ""  # an event or closure comes first; the door says so on its own line
    if view.next_free_at is None:
        return QCoreApplication.translate("DoorScreen", "Booked for the rest of the day")
    return QCoreApplication.translate("DoorScreen", "Next free from {time}").format(
        time=format_time(view.next_free_at, tz)
    )


def door_texts(view: DoorView, tz: ZoneInfo) -> DoorTexts:
    word = state_word(view.state)
    if view.ending_soon:
        word = QCoreApplication.translate("DoorScreen", "Ending soon")
    if view.state is RoomState.FREE:
        return _free_texts(view, tz, word)
    if view.state is RoomState.BUSY:
        return _busy_texts(view, tz, word)
    # Event or closed: the mode's title and how long it lasts (an event: its own times).
    if view.mode is not None and view.mode.event is not None and view.state is RoomState.EVENT:
        return DoorTexts(word, _mode_title(view), event_times(view.mode, view.now, tz))
    if view.mode_until is not None:
        secondary = until_text(view.mode_until, view.now, tz)
    else:
        secondary = QCoreApplication.translate("DoorScreen", "until further notice")
    return DoorTexts(word, _mode_title(view), _capitalise(secondary))


def event_times(mode: ModeView, now: datetime, tz: ZoneInfo) -> str:
    """``18.00–21.00`` for the event (with the date when not today); "" without an event row."""
    event = mode.event
    if event is None:
        return ""
    span = format_range(event.starts_at, event.ends_at, tz)
    same_day = event.starts_at.astimezone(tz).date() == event.ends_at.astimezone(tz).date()
    if not same_day:
        start = f"{format_short_date(event.starts_at, tz)} {format_time(event.starts_at, tz)}"
        end = f"{format_short_date(event.ends_at, tz)} {format_time(event.ends_at, tz)}"
        return f"{start}–{end}"
    if event.starts_at.astimezone(tz).date() != now.astimezone(tz).date():
        return f"{format_short_date(event.starts_at, tz)} {span}"
    return span


def _free_texts(view: DoorView, tz: ZoneInfo, word: str) -> DoorTexts:
    if view.free_until is None:
        primary = QCoreApplication.translate("DoorScreen", "Free for the rest of the day")
        return DoorTexts(word, primary, "")
    primary = QCoreApplication.translate("DoorScreen", "Free until {time}").format(
        time=format_time(view.free_until, tz)
    )
    duration = format_duration(minutes_left(view.now, view.free_until))
    coming = view.next_mode
    if coming is not None and coming.starts_at == view.free_until:
        # An event or closure, not a booking, ends the free time.
        if coming.mode == "event":
            text = QCoreApplication.translate("DoorMode", "Event starts in {duration}")
        else:
            text = QCoreApplication.translate("DoorMode", "Closes in {duration}")
        return DoorTexts(word, primary, text.format(duration=duration))
    secondary = QCoreApplication.translate("DoorScreen", "Next booking in {duration}").format(
        duration=duration
    )
    return DoorTexts(word, primary, secondary)


def _busy_texts(view: DoorView, tz: ZoneInfo, word: str) -> DoorTexts:
    current = view.current
    if current is None:
        return DoorTexts(word, "", "")
    # A private booking shows no title at all: the banner already says "Busy".
    primary = "" if current.private else booking_title(current)
    if current.provisional:
        primary = f"{primary} {provisional_marker()}".strip()
    left = QCoreApplication.translate("DoorScreen", "{duration} left").format(
        duration=format_duration(minutes_left(view.now, current.ends_at))
    )
    secondary = _capitalise(until_text(current.ends_at, view.now, tz)) + _DOT + left
    return DoorTexts(word, primary, secondary)


def _capitalise(text: str) -> str:
    """Sentence case for a phrase that starts a line ("until 15.00" -> "Until 15.00")."""
    return text[:1].upper() + text[1:]


def _mode_title(view: DoorView) -> str:
    """The event's or closure's title, in the door's language when the event was translated."""
    title = view.mode.title_in(language_code()) if view.mode is not None else view.mode_title
    return (title or view.mode_title or "").strip()
