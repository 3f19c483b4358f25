"""The words of a door while its room (or the whole Lab) is switched to an event or closed.

Apart from the widgets, like ``door_text``, so the wording is testable without layout. The
welcome line and the closed line are the same in every language on purpose: an event's guests
and a passer-by read the door in whichever of the three they know, whatever the door is set to.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.views.screens import ActionOutcome, ActionResult, DoorView, ModeView, RoomState
from ui.common.formatting import format_time, language_code
from ui.door.text import until_text

#: Shown on an event door in all three languages at once (not translated).
WELCOME = "Tervetuloa · Välkommen · Welcome"
#: Shown on a closed door in all three languages at once (not translated).
CLOSED_EVERYWHERE = "Suljettu · Stängt · Closed"


def mode_blocks_actions(view: DoorView) -> bool:
    return view.state in (RoomState.EVENT, RoomState.CLOSED)


def _until(until: datetime | None, now: datetime, tz: ZoneInfo) -> str:
    if until is None:
        return QCoreApplication.translate("DoorScreen", "until further notice")
    return until_text(until, now, tz)


def _blocked(event: bool, until: str) -> str:
    """Why nothing can be booked: the room is in event use, or closed, ``until`` then."""
    if event:
        text = QCoreApplication.translate(
            "DoorMode", "The room is reserved for an event {until}, so it cannot be booked now."
        )
    else:
        text = QCoreApplication.translate(
            "DoorMode", "The room is closed {until}, so it cannot be booked now."
        )
    return text.format(until=until)


def mode_refusal_text(view: DoorView, tz: ZoneInfo) -> str:
    """Why the door offers no booking now (a touch or a badge tap during a mode)."""
    return _blocked(view.state is RoomState.EVENT, _until(view.mode_until, view.now, tz))


def mode_outcome_text(outcome: ActionOutcome, tz: ZoneInfo) -> str:
    """The service refused an action because a mode applies (the view was a moment old)."""
    until = _until(outcome.mode_until, outcome.at, tz)
    nothing = " " + QCoreApplication.translate("DoorActions", "Nothing was changed.")
    return _blocked(outcome.result is ActionResult.EVENT_MODE, until) + nothing


def join_online_caption() -> str:
    return QCoreApplication.translate("DoorMode", "Join online")


def join_online_description() -> str:
    """The QR code's accessible name."""
    return QCoreApplication.translate("DoorMode", "QR code to join the event online")


def join_online_hint() -> str:
    return QCoreApplication.translate("DoorMode", "Scan the code with your phone")


def whole_lab_note(mode: ModeView) -> str:
    """Said when the switch is for the whole Lab, not this room alone."""
    if not mode.whole_lab:
        return ""
    if mode.mode == "event":
        return QCoreApplication.translate("DoorMode", "The whole Lab is in event use.")
    return QCoreApplication.translate("DoorMode", "The whole Lab is closed.")


def next_mode_text(view: DoorView, tz: ZoneInfo) -> str:
    """On a free or busy door: the event or closure later today ("Event from 18.00: Lab night")."""
    coming = view.next_mode
    if coming is None or mode_blocks_actions(view):
        return ""
    time = format_time(coming.starts_at, tz)
    title = (coming.title_in(language_code()) or "").strip()
    if coming.mode == "event":
        if title:
            return QCoreApplication.translate("DoorMode", "Event from {time}: {title}").format(
                time=time, title=title
            )
        return QCoreApplication.translate("DoorMode", "Event from {time}").format(time=time)
    if title:
        return QCoreApplication.translate("DoorMode", "Closed from {time}: {title}").format(
            time=time, title=title
        )
    return QCoreApplication.translate("DoorMode", "Closed from {time}").format(time=time)
