"""The words of event check-in: the live counter and the answer to a ticket or walk-in.

Kept apart from the widgets so every outcome's wording can be tested without layout. Every
outcome has its own icon and headline (never colour alone); a refusal stores nothing and says
what to do next.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.views.lobby import EventOutcome, EventResult, EventView
from ui.common.formatting import (
    format_range,
    format_short_date,
    format_time,
    format_when,
    language_code,
)
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.lobby.text import ERROR, INFO, SUCCESS, WARNING, OutcomeText, error_text

# Answers that say the same whatever was scanned (translated where shown).
_FIXED: dict[EventResult, OutcomeText] = {
    EventResult.NO_EVENT: OutcomeText(
        "calendar",
        WARNING,
        QT_TRANSLATE_NOOP("EventCheckin", "There is no event right now"),
        QT_TRANSLATE_NOOP(
            "EventCheckin", "Please come back at the time on your ticket, or contact a host."
        ),
    ),
    EventResult.NOT_A_TICKET: OutcomeText(
        "qr",
        WARNING,
        QT_TRANSLATE_NOOP("EventCheckin", "This code is not a ticket"),
        QT_TRANSLATE_NOOP("EventCheckin", "Please show the QR code of your ticket or invitation."),
    ),
    EventResult.WITHDRAWN: OutcomeText(
        "cross",
        ERROR,
        QT_TRANSLATE_NOOP("EventCheckin", "This ticket has been withdrawn"),
        QT_TRANSLATE_NOOP("EventCheckin", "Please contact a host."),
    ),
    EventResult.WALKINS_CLOSED: OutcomeText(
        "info",
        INFO,
        QT_TRANSLATE_NOOP("EventCheckin", "This event is for ticket holders only"),
        QT_TRANSLATE_NOOP("EventCheckin", "Please contact a host."),
    ),
}


def counter_text(event: EventView) -> tuple[str, str]:
    """The big counter and its accessible name: "142 / 200" read as "142 of 200 checked in"."""
    if event.capacity is None:
        return str(event.count), QCoreApplication.translate(
            "EventCheckin", "{count} checked in"
        ).format(count=event.count)
    shown = f"{event.count} / {event.capacity}"
    spoken = QCoreApplication.translate("EventCheckin", "{count} of {capacity} checked in").format(
        count=event.count, capacity=event.capacity
    )
    return shown, spoken


def counter_caption(event: EventView) -> str:
    """The line under the counter."""
    if event.full:
        return QCoreApplication.translate("EventCheckin", "The event is full")
    return QCoreApplication.translate("EventCheckin", "checked in")


def event_times(event: EventView, tz: ZoneInfo) -> str:
    """``to 26.11. 18.00–21.00`` style: the day (short) and the hours."""
    hours = format_range(event.starts_at, event.ends_at, tz)
    return f"{format_short_date(event.starts_at, tz)} {hours}"


def _full(outcome: EventOutcome) -> OutcomeText:
    event = outcome.event
    count, capacity = (event.count, event.capacity) if event is not None else (0, 0)
    return OutcomeText(
        "lock",
        ERROR,
        QCoreApplication.translate(
            "EventCheckin", "The event is full ({count} / {capacity})"
        ).format(count=count, capacity=capacity),
        QCoreApplication.translate("EventCheckin", "Please contact a host."),
    )


def event_text(outcome: EventOutcome, tz: ZoneInfo) -> OutcomeText:
    """What the result page says for a ticket scan or an event walk-in."""
    result, now = outcome.result, outcome.at
    name = (outcome.name or "").strip()
    title = outcome.event.title_in(language_code()) if outcome.event is not None else ""

    if result is EventResult.WELCOME:
        headline = (
            QCoreApplication.translate("EventCheckin", "Welcome, {name}!").format(name=name)
            if name
            else QCoreApplication.translate("EventCheckin", "Welcome!")
        )
        detail = (
            QCoreApplication.translate("EventCheckin", "Enjoy {event}.").format(event=title)
            if title
            else ""
        )
        return OutcomeText("check", SUCCESS, headline, detail)

    if result is EventResult.WELCOME_BACK:
        since = outcome.since or now
        headline = QCoreApplication.translate(
            "EventCheckin", "Already checked in at {time} — welcome back"
        ).format(time=format_when(since, now, tz))
        detail = (
            QCoreApplication.translate("EventCheckin", "Good to see you again, {name}.").format(
                name=name
            )
            if name
            else QCoreApplication.translate(
                "EventCheckin", "Your ticket was counted at your first entry."
            )
        )
        return OutcomeText("check", INFO, headline, detail)

    if result is EventResult.FULL:
        return _full(outcome)

    if result is EventResult.WRONG_EVENT:
        if outcome.other_title and outcome.other_starts_at is not None:
            detail = QCoreApplication.translate(
                "EventCheckin", "It is for {event} on {date}."
            ).format(
                event=outcome.other_title,
                date=format_when(outcome.other_starts_at, now, tz),
            )
        else:
            detail = QCoreApplication.translate("EventCheckin", "Please contact a host.")
        return OutcomeText(
            "calendar",
            WARNING,
            QCoreApplication.translate("EventCheckin", "This ticket is for another event"),
            detail,
        )

    if result is EventResult.NOT_YET_VALID:
        start = outcome.valid_from or now
        if start.astimezone(tz).date() == now.astimezone(tz).date():
            headline = QCoreApplication.translate(
                "EventCheckin", "This ticket is valid from {time}."
            ).format(time=format_time(start, tz))
        else:
            headline = QCoreApplication.translate(
                "EventCheckin", "This ticket is for {date}."
            ).format(date=format_short_date(start, tz))
        return OutcomeText(
            "calendar",
            WARNING,
            headline,
            QCoreApplication.translate("EventCheckin", "Please come back then."),
        )

    if result is EventResult.EXPIRED:
        end = outcome.valid_to or now
        return OutcomeText(
            "clock",
            WARNING,
            QCoreApplication.translate("EventCheckin", "This ticket is no longer valid"),
            QCoreApplication.translate("EventCheckin", "It was valid until {time}.").format(
                time=format_when(end, now, tz)
            ),
        )

    if result in _FIXED:
        return _FIXED[result].translated("EventCheckin")

    return error_text()
