"""The words of the door's actions: button labels, the badge prompt, and what an action did.

Apart from the widgets so the wording is testable without layout and every literal is visible
to lupdate. A message always says what happened to the room, and a refusal says why and that
nothing changed, so a member never has to guess whether the room is theirs.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.rooms.door_offers import Offer
from kiosk.views.screens import (
    REFUSED_CONFLICT,
    REFUSED_ENDED,
    REFUSED_NOT_FOUND,
    ActionKind,
    ActionOutcome,
    ActionResult,
    LostBooking,
    RefusedChange,
)
from ui.common.formatting import format_range, format_time
from ui.common.i18n import QT_TRANSLATE_NOOP, translate_marked
from ui.door.mode_text import mode_outcome_text
from ui.door.text import booking_title, format_duration

# Refusals said the same way whatever was asked (translated where shown).
_REFUSED: dict[ActionResult, str] = {
    ActionResult.BADGE_REQUIRED: QT_TRANSLATE_NOOP(
        "DoorActions", "This room needs a badge tap for that."
    ),
    ActionResult.UNKNOWN_BADGE: QT_TRANSLATE_NOOP(
        "DoorActions", "Badge not recognised. Please ask a host."
    ),
    ActionResult.ENDED: QT_TRANSLATE_NOOP("DoorActions", "That booking has already ended."),
    ActionResult.NOT_FREE: QT_TRANSLATE_NOOP("DoorActions", "The room is not free right now."),
}


def offer_label(offer: Offer, tz: ZoneInfo) -> str:
    """Short enough for a button: "30 min", "Until 14.40", "+15 min", "End now", "Check in"."""
    if offer.kind is ActionKind.CHECKIN:
        return QCoreApplication.translate("DoorActions", "Check in")
    if offer.kind is ActionKind.END:
        return QCoreApplication.translate("DoorActions", "End now")
    if offer.capped and offer.until is not None:
        return QCoreApplication.translate("DoorActions", "Until {time}").format(
            time=format_time(offer.until, tz)
        )
    duration = format_duration(offer.minutes or 0)
    if offer.kind is ActionKind.EXTEND:
        return QCoreApplication.translate("DoorActions", "+{duration}").format(duration=duration)
    return duration


def offer_description(offer: Offer, tz: ZoneInfo) -> str:
    """The button's accessible name: the whole action, not just "30 min"."""
    until = format_time(offer.until, tz) if offer.until is not None else ""
    if offer.kind is ActionKind.BOOK:
        return QCoreApplication.translate("DoorActions", "Book this room until {time}").format(
            time=until
        )
    if offer.kind is ActionKind.EXTEND:
        return QCoreApplication.translate(
            "DoorActions", "Extend the current booking until {time}"
        ).format(time=until)
    if offer.kind is ActionKind.END:
        return QCoreApplication.translate(
            "DoorActions", "End the current booking now and free the room"
        )
    return QCoreApplication.translate("DoorActions", "Check in to the meeting")


def actions_heading(kind: ActionKind | None) -> str:
    if kind is ActionKind.BOOK:
        return QCoreApplication.translate("DoorActions", "Book now")
    if kind is ActionKind.EXTEND:
        return QCoreApplication.translate("DoorActions", "Extend")
    return ""


def prompt_text(offer: Offer, tz: ZoneInfo) -> str:
    """Asked after a button when the room wants to know who acts."""
    return QCoreApplication.translate(
        "DoorActions", "Tap your badge on the reader: {action}"
    ).format(action=offer_description(offer, tz))


def cancel_label() -> str:
    return QCoreApplication.translate("DoorActions", "Cancel")


def no_action_chosen() -> str:
    return QCoreApplication.translate(
        "DoorActions", "Choose an action on the screen first, then tap your badge."
    )


def outcome_text(outcome: ActionOutcome, tz: ZoneInfo) -> str:
    """What happened, in one or two sentences."""
    result, kind = outcome.result, outcome.kind
    span = ""
    if outcome.starts_at is not None and outcome.ends_at is not None:
        span = format_range(outcome.starts_at, outcome.ends_at, tz)
    who = f" {outcome.name}" if outcome.name else ""
    if result is ActionResult.DONE:
        if kind is ActionKind.BOOK:
            text = QCoreApplication.translate("DoorActions", "Booked {span}. Welcome{who}!").format(
                span=span, who=who
            )
            return (
                text
                + " "
                + QCoreApplication.translate(
                    "DoorActions", "Confirmed as soon as the booking system has it."
                )
            )
        if kind is ActionKind.EXTEND:
            return QCoreApplication.translate("DoorActions", "Extended until {time}.").format(
                time=_end(outcome, tz)
            )
        if kind is ActionKind.END:
            return QCoreApplication.translate(
                "DoorActions", "Booking ended. The room is free. Thank you{who}!"
            ).format(who=who)
        if kind is ActionKind.CHECKIN:
            return QCoreApplication.translate(
                "DoorActions", "Checked in. Have a good meeting{who}!"
            ).format(who=who)
        return QCoreApplication.translate("DoorActions", "Released.")
    if result in (ActionResult.EVENT_MODE, ActionResult.CLOSED_MODE):
        return mode_outcome_text(outcome, tz)
    nothing = " " + QCoreApplication.translate("DoorActions", "Nothing was changed.")
    if result in _REFUSED:
        return translate_marked("DoorActions", _REFUSED[result]) + nothing
    if result is ActionResult.NOT_FOUND:
        if kind is ActionKind.CHECKIN:
            return (
                QCoreApplication.translate(
                    "DoorActions", "There is no meeting to check in to right now."
                )
                + nothing
            )
        return (
            QCoreApplication.translate("DoorActions", "That booking is no longer here.") + nothing
        )
    if result is ActionResult.NO_TIME:
        if outcome.blocked_at is not None:
            text = QCoreApplication.translate(
                "DoorActions", "The room is booked from {time}, so there is no time for that."
            )
            return text.format(time=format_time(outcome.blocked_at, tz)) + nothing
        return QCoreApplication.translate("DoorActions", "There is no time for that.") + nothing
    if result is ActionResult.TOO_EARLY:
        opens = format_time(outcome.opens_at, tz) if outcome.opens_at else ""
        return (
            QCoreApplication.translate("DoorActions", "Check-in opens at {time}.").format(
                time=opens
            )
            + nothing
        )
    if result is ActionResult.ALREADY_CHECKED_IN:
        return QCoreApplication.translate("DoorActions", "This meeting is already checked in.")
    return QCoreApplication.translate(
        "DoorActions", "Something went wrong; nothing was saved. Please try again."
    )


def _end(outcome: ActionOutcome, tz: ZoneInfo) -> str:
    return format_time(outcome.ends_at, tz) if outcome.ends_at is not None else ""


def lost_text(lost: LostBooking, now: datetime, tz: ZoneInfo) -> str:
    """A booking made here lost to another: say so, and who has the room."""
    mine = format_range(lost.mine.starts_at, lost.mine.ends_at, tz)
    text = QCoreApplication.translate(
        "DoorActions", "The booking {span} made at this door could not be confirmed."
    ).format(span=mine)
    winner = lost.winner
    if winner is None:
        return (
            text
            + " "
            + QCoreApplication.translate("DoorActions", "The room was booked elsewhere first.")
        )
    detail = QCoreApplication.translate(
        "DoorActions", "The room is booked {span}: {title}."
    ).format(span=format_range(winner.starts_at, winner.ends_at, tz), title=booking_title(winner))
    return f"{text} {detail}"


def refused_text(refused: RefusedChange, tz: ZoneInfo) -> str:
    """A change made here was refused centrally and put back: say what, and why."""
    made = format_time(refused.at, tz)
    if refused.kind == "extend":
        what = QCoreApplication.translate(
            "DoorActions",
            "The extension until {time} made at this door at {made} could not be saved:",
        ).format(time=format_time(refused.ends_at, tz) if refused.ends_at else "", made=made)
    elif refused.kind == "end":
        what = QCoreApplication.translate(
            "DoorActions", "Ending the meeting at {made} could not be saved:"
        ).format(made=made)
    else:
        what = QCoreApplication.translate(
            "DoorActions", "The check-in at {made} could not be saved:"
        ).format(made=made)
    return f"{what} {_refusal_reason(refused, tz)}"


def _refusal_reason(refused: RefusedChange, tz: ZoneInfo) -> str:
    if refused.reason == REFUSED_CONFLICT:
        clash = refused.clash
        if clash is None:
            return QCoreApplication.translate("DoorActions", "the room is booked then.")
        return QCoreApplication.translate(
            "DoorActions", "the room is booked from {time} ({title})."
        ).format(time=format_time(clash.starts_at, tz), title=booking_title(clash))
    if refused.reason == REFUSED_ENDED:
        return QCoreApplication.translate("DoorActions", "the meeting had already ended.")
    if refused.reason == REFUSED_NOT_FOUND:
        return QCoreApplication.translate("DoorActions", "the booking was cancelled.")
    return QCoreApplication.translate("DoorActions", "the booking system did not accept it.")
