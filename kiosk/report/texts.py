"""The report's words in Finnish, Swedish and English, and numbers and dates the local way.

The words are English sources marked with ``QT_TRANSLATE_NOOP("Report", ...)``; their Finnish
and Swedish live in the kiosk's own translation catalogues beside every screen's
(``kiosk.base.catalogue``), so the report follows docs/glossary.md like the screens do.
``Texts(lang)`` picks a language and formats numbers, dates and times as it writes them.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from kiosk.base.catalogue import QT_TRANSLATE_NOOP, translate

LANGUAGES = ("fi", "sv", "en")
LAB_NAME = "Työ 2.0 Lab"

SOURCES: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("Report", "Usage report"),
    "period": QT_TRANSLATE_NOOP("Report", "{first} – {last}"),
    "generated": QT_TRANSLATE_NOOP(
        "Report", "Made {when}. Figures are aggregates; the report names no one."
    ),
    "kf_visits": QT_TRANSLATE_NOOP("Report", "visits"),
    "kf_members": QT_TRANSLATE_NOOP("Report", "visits by members"),
    "kf_visitors": QT_TRANSLATE_NOOP("Report", "visits by visitors"),
    "kf_booked": QT_TRANSLATE_NOOP("Report", "rooms booked"),
    "kf_events": QT_TRANSLATE_NOOP("Report", "events"),
    "kf_feedback": QT_TRANSLATE_NOOP("Report", "feedback answers"),
    "visits_title": QT_TRANSLATE_NOOP("Report", "Visits per day"),
    "visits_title_weeks": QT_TRANSLATE_NOOP("Report", "Visits per week"),
    "visits_desc": QT_TRANSLATE_NOOP(
        "Report", "{total} visits in all: {members} by members, {visitors} by visitors."
    ),
    "visits_busiest": QT_TRANSLATE_NOOP("Report", " Busiest day {day}: {count} visits."),
    "members": QT_TRANSLATE_NOOP("Report", "Members"),
    "visitors": QT_TRANSLATE_NOOP("Report", "Visitors"),
    "heat_title": QT_TRANSLATE_NOOP("Report", "Busiest hours"),
    "heat_desc": QT_TRANSLATE_NOOP(
        "Report", "Arrivals by weekday and hour of day, {total} in all."
    ),
    "heat_peak": QT_TRANSLATE_NOOP("Report", " Most arrivals on {day} at {hour}: {count}."),
    "heat_note": QT_TRANSLATE_NOOP(
        "Report", "Number in a cell: people who arrived in that hour, over the whole period."
    ),
    "rooms_title": QT_TRANSLATE_NOOP("Report", "Room utilisation"),
    "rooms_desc": QT_TRANSLATE_NOOP(
        "Report", "Booked and used hours as a share of opening hours ({hours} h per room)."
    ),
    "booked": QT_TRANSLATE_NOOP("Report", "Booked"),
    "used": QT_TRANSLATE_NOOP("Report", "Used (checked in at the door)"),
    "rooms_row": QT_TRANSLATE_NOOP("Report", "{share} · {hours} h"),
    "events_title": QT_TRANSLATE_NOOP("Report", "Events and attendance"),
    "events_desc": QT_TRANSLATE_NOOP("Report", "{count} events, {checkins} attendees."),
    "events_row": QT_TRANSLATE_NOOP("Report", "{checkins} / {capacity} places"),
    "events_row_nocap": QT_TRANSLATE_NOOP("Report", "{checkins} checked in"),
    "events_tickets": QT_TRANSLATE_NOOP("Report", "{tickets} tickets"),
    "events_no_capacity": QT_TRANSLATE_NOOP("Report", "no capacity set"),
    "checked_in": QT_TRANSLATE_NOOP("Report", "Checked in"),
    "capacity": QT_TRANSLATE_NOOP("Report", "Capacity"),
    "more_events": QT_TRANSLATE_NOOP("Report", "And {count} more events (see --json)."),
    "feedback_title": QT_TRANSLATE_NOOP("Report", "Feedback per week"),
    "feedback_month_title": QT_TRANSLATE_NOOP("Report", "Feedback per month"),
    "feedback_ctx_title": QT_TRANSLATE_NOOP("Report", "Feedback by where it was given"),
    "feedback_desc": QT_TRANSLATE_NOOP("Report", "{total} answers, {comments} comments."),
    "feedback_none": QT_TRANSLATE_NOOP("Report", "no answers"),
    "feedback_n": QT_TRANSLATE_NOOP("Report", "n = {n}"),
    "face_1": QT_TRANSLATE_NOOP("Report", "1 very unhappy"),
    "face_2": QT_TRANSLATE_NOOP("Report", "2 unhappy"),
    "face_3": QT_TRANSLATE_NOOP("Report", "3 happy"),
    "face_4": QT_TRANSLATE_NOOP("Report", "4 very happy"),
    "ctx_home": QT_TRANSLATE_NOOP("Report", "Lobby home screen"),
    "ctx_checkout": QT_TRANSLATE_NOOP("Report", "Check-out"),
    "ctx_event": QT_TRANSLATE_NOOP("Report", "Event"),
    "week": QT_TRANSLATE_NOOP("Report", "wk {week}"),
    "empty": QT_TRANSLATE_NOOP("Report", "No data for this period."),
    "no_events": QT_TRANSLATE_NOOP("Report", "There were no events in this period."),
    "no_rooms": QT_TRANSLATE_NOOP("Report", "No rooms are set up."),
    "no_feedback": QT_TRANSLATE_NOOP("Report", "No feedback was given in this period."),
    "method_title": QT_TRANSLATE_NOOP("Report", "How these figures were computed"),
    "def_visit": QT_TRANSLATE_NOOP(
        "Report",
        "A visit is a check-in of a member or a visitor on a local day ({tz}); a person "
        "counts once per day, at their first arrival. Hosts and admins are staff and do "
        "not count. A visitor is known by their visitor record, else by their invitation;"
        " otherwise the check-in counts on its own.",
    ),
    "def_hours": QT_TRANSLATE_NOOP(
        "Report",
        "Busiest hours: each visit counts in the cell of its first arrival's weekday and "
        "hour, so the cells add up to the number of visits.",
    ),
    "def_rooms": QT_TRANSLATE_NOOP(
        "Report",
        "Opening hours: {opening}. Booked hours: confirmed, provisional and released "
        "(no-show) bookings, clipped to opening hours, overlaps counted once. Used hours:"
        " bookings someone checked in to at the door, from start to their (possibly "
        "shortened) end. Utilisation = hours / opening hours.",
    ),
    "def_events": QT_TRANSLATE_NOOP(
        "Report",
        "An event belongs to the period when it starts in it. Checked in: the distinct "
        "people whose check-in names the event. Tickets: its event-ticket invitations not"
        " withdrawn.",
    ),
    "def_feedback": QT_TRANSLATE_NOOP(
        "Report",
        "Feedback: each answer (faces 1–4) counts by its local ISO week (month, for long "
        "periods) and by where it was given. Comments are only counted, never shown: they"
        " may contain names.",
    ),
    "def_json": QT_TRANSLATE_NOOP(
        "Report", "Every number in the charts: the same command with --json."
    ),
}

# "Most arrivals on {day}": Finnish says "maanantaina", Swedish "måndagar" (habitually).
WEEKDAYS = (
    QT_TRANSLATE_NOOP("ReportWeekday", "Mon"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Tue"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Wed"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Thu"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Fri"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Sat"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Sun"),
)
WEEKDAYS_LONG = (
    QT_TRANSLATE_NOOP("ReportWeekday", "Monday"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Tuesday"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Wednesday"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Thursday"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Friday"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Saturday"),
    QT_TRANSLATE_NOOP("ReportWeekday", "Sunday"),
)
MONTHS = (
    QT_TRANSLATE_NOOP("ReportMonth", "Jan"),
    QT_TRANSLATE_NOOP("ReportMonth", "Feb"),
    QT_TRANSLATE_NOOP("ReportMonth", "Mar"),
    QT_TRANSLATE_NOOP("ReportMonth", "Apr"),
    QT_TRANSLATE_NOOP("ReportMonth", "May"),
    QT_TRANSLATE_NOOP("ReportMonth", "Jun"),
    QT_TRANSLATE_NOOP("ReportMonth", "Jul"),
    QT_TRANSLATE_NOOP("ReportMonth", "Aug"),
    QT_TRANSLATE_NOOP("ReportMonth", "Sep"),
    QT_TRANSLATE_NOOP("ReportMonth", "Oct"),
    QT_TRANSLATE_NOOP("ReportMonth", "Nov"),
    QT_TRANSLATE_NOOP("ReportMonth", "Dec"),
)


class Texts:
    """One language's words and number formats."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(lang)
        self.lang = lang
        # Finnish and Finland-Swedish write numbers, dates and times alike: 1 234,5 · 2.12. · 9.05
        self._nordic = lang in ("fi", "sv")

    def __call__(self, key: str, **values: object) -> str:
        if key == "lab":
            return LAB_NAME
        return translate(self.lang, "Report", SOURCES[key]).format(**values)

    def weekday(self, index: int) -> str:
        return translate(self.lang, "ReportWeekday", WEEKDAYS[index])

    def weekday_long(self, index: int) -> str:
        return translate(self.lang, "ReportWeekday", WEEKDAYS_LONG[index])

    def number(self, value: float, decimals: int = 0) -> str:
        """1 234,5 in Finnish and Swedish, 1,234.5 in English."""
        text = f"{value:,.{decimals}f}"
        if self._nordic:
            text = text.replace(",", "\u00a0").replace(".", ",")
        return text

    def percent(self, share: float) -> str:
        value = self.number(share * 100)
        return f"{value}\u00a0%" if self._nordic else f"{value}%"

    def date(self, day: dt.date, *, year: bool = True) -> str:
        if self._nordic:
            return f"{day.day}.{day.month}.{day.year}" if year else f"{day.day}.{day.month}."
        text = f"{day.day} {MONTHS[day.month - 1]}"
        return f"{text} {day.year}" if year else text

    def datetime(self, at: dt.datetime, tz: ZoneInfo) -> str:
        local = at.astimezone(tz)
        clock = f"{local:%H.%M}" if self._nordic else f"{local:%H:%M}"
        return f"{self.date(local.date())} {clock}"

    def month(self, year: int, month: int) -> str:
        return f"{translate(self.lang, 'ReportMonth', MONTHS[month - 1])} {year}"

    def day_number(self, day: dt.date) -> str:
        return f"{day.day}." if self._nordic else str(day.day)

    def hour(self, hour: int) -> str:
        return f"{hour:02d}" if self._nordic else f"{hour:02d}:00"
