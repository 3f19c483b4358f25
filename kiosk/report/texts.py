"""The report's words in Finnish and English, and numbers and dates written the local way.

The report is a document, not a Qt screen, so its strings are plain catalogs here rather than
Qt translations; ``Texts(lang)`` picks one and formats numbers as that language writes them.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LANGUAGES = ("fi", "en")

CATALOG: dict[str, dict[str, str]] = {
    "fi": {
        "lab": "Työ 2.0 Lab",
        "title": "Käyttöraportti",
        "period": "{first}–{last}",
        "generated": "Laadittu {when}. Luvut ovat koosteita; raportissa ei ole kenenkään nimiä.",
        "kf_visits": "käyntiä",
        "kf_members": "jäsenten käyntejä",
        "kf_visitors": "vierailijoiden käyntejä",
        "kf_booked": "tilojen varausaste",
        "kf_events": "tapahtumaa",
        "kf_feedback": "palautetta",
        "visits_title": "Käynnit päivittäin",
        "visits_title_weeks": "Käynnit viikoittain",
        "visits_desc": "Yhteensä {total} käyntiä: jäseniä {members}, vierailijoita {visitors}.",
        "visits_busiest": " Vilkkain päivä {day}: {count} käyntiä.",
        "members": "Jäsenet",
        "visitors": "Vierailijat",
        "heat_title": "Vilkkaimmat tunnit",
        "heat_desc": "Saapumiset viikonpäivän ja kellonajan mukaan, yhteensä {total}.",
        "heat_peak": " Eniten saapumisia {day} klo {hour}: {count}.",
        "heat_note": "Luku ruudussa: saapuneita henkilöitä tunnin aikana koko jaksolla.",
        "rooms_title": "Tilojen käyttöaste",
        "rooms_desc": "Varatut ja käytetyt tunnit aukioloajasta ({hours} h/tila).",
        "booked": "Varattu",
        "used": "Käytetty (sisäänkirjaus ovella)",
        "rooms_row": "{share} · {hours} h",
        "events_title": "Tapahtumat ja osallistujat",
        "events_desc": "{count} tapahtumaa, {checkins} osallistujaa.",
        "events_row": "{checkins} / {capacity} paikkaa",
        "events_row_nocap": "{checkins} saapunutta",
        "events_tickets": "{tickets} lippua",
        "events_no_capacity": "ei paikkamäärää",
        "checked_in": "Saapuneet",
        "capacity": "Paikkamäärä",
        "more_events": "Lisäksi {count} tapahtumaa (ks. --json).",
        "feedback_title": "Palaute viikoittain",
        "feedback_month_title": "Palaute kuukausittain",
        "feedback_ctx_title": "Palaute antopaikan mukaan",
        "feedback_desc": "{total} vastausta, {comments} kommenttia.",
        "feedback_none": "ei vastauksia",
        "feedback_n": "{n} vast.",
        "face_1": "1 erittäin tyytymätön",
        "face_2": "2 tyytymätön",
        "face_3": "3 tyytyväinen",
        "face_4": "4 erittäin tyytyväinen",
        "ctx_home": "Aulanäyttö",
        "ctx_checkout": "Uloskirjautuminen",
        "ctx_event": "Tapahtuma",
        "week": "vko {week}",
        "empty": "Ei tietoja tältä jaksolta.",
        "no_events": "Jaksolla ei ollut tapahtumia.",
        "no_rooms": "Tiloja ei ole määritelty.",
        "no_feedback": "Palautetta ei annettu tällä jaksolla.",
        "method_title": "Miten luvut on laskettu",
        "def_visit": "Käynti on jäsenen tai vierailijan sisäänkirjautuminen paikallisena "
        "päivänä ({tz}); sama henkilö lasketaan kerran päivässä ensimmäisen saapumisensa "
        "mukaan. Isäntien ja ylläpitäjien kirjautumiset eivät ole käyntejä. Vierailija "
        "tunnistetaan vierailijatiedoista, muuten kutsusta; muuten kirjaus lasketaan yksin.",
        "def_hours": "Vilkkaimmat tunnit: jokainen käynti lasketaan ensimmäisen saapumisen "
        "viikonpäivän ja tunnin ruutuun, joten ruutujen summa on käyntien määrä.",
        "def_rooms": "Aukioloaika: {opening}. Varatut tunnit: vahvistetut, alustavat ja "
        "vapautetut (saapumatta jääneet) varaukset aukioloaikaan rajattuna, päällekkäisyydet "
        "kerran. Käytetyt tunnit: varaukset, joihin joku kirjautui ovella, alusta "
        "(mahdollisesti aikaistettuun) loppuun. Käyttöaste = tunnit / aukiolotunnit.",
        "def_events": "Tapahtuma kuuluu jaksoon, jos se alkaa jaksolla. Saapuneet: eri "
        "henkilöt, joiden sisäänkirjaus nimeää tapahtuman. Liput: tapahtuman "
        "tapahtumalippukutsut, joita ei ole peruttu.",
        "def_feedback": "Palaute: jokainen vastaus (kasvot 1–4) lasketaan paikallisen ISO-viikon "
        "(pitkällä jaksolla kuukauden) ja antopaikan mukaan. Kommentit vain lasketaan; "
        "niitä ei näytetä, koska niissä voi olla nimiä.",
        "def_json": "Kaikki kaavioiden luvut: sama komento valitsimella --json.",
    },
    "en": {
        "lab": "Työ 2.0 Lab",
        "title": "Usage report",
        "period": "{first} – {last}",
        "generated": "Made {when}. Figures are aggregates; the report names no one.",
        "kf_visits": "visits",
        "kf_members": "visits by members",
        "kf_visitors": "visits by visitors",
        "kf_booked": "rooms booked",
        "kf_events": "events",
        "kf_feedback": "feedback answers",
        "visits_title": "Visits per day",
        "visits_title_weeks": "Visits per week",
        "visits_desc": "{total} visits in all: {members} by members, {visitors} by visitors.",
        "visits_busiest": " Busiest day {day}: {count} visits.",
        "members": "Members",
        "visitors": "Visitors",
        "heat_title": "Busiest hours",
        "heat_desc": "Arrivals by weekday and hour of day, {total} in all.",
        "heat_peak": " Most arrivals on {day} at {hour}: {count}.",
        "heat_note": "Number in a cell: people who arrived in that hour, over the whole period.",
        "rooms_title": "Room utilisation",
        "rooms_desc": "Booked and used hours as a share of opening hours ({hours} h per room).",
        "booked": "Booked",
        "used": "Used (checked in at the door)",
        "rooms_row": "{share} · {hours} h",
        "events_title": "Events and attendance",
        "events_desc": "{count} events, {checkins} attendees.",
        "events_row": "{checkins} / {capacity} places",
        "events_row_nocap": "{checkins} checked in",
        "events_tickets": "{tickets} tickets",
        "events_no_capacity": "no capacity set",
        "checked_in": "Checked in",
        "capacity": "Capacity",
        "more_events": "And {count} more events (see --json).",
        "feedback_title": "Feedback per week",
        "feedback_month_title": "Feedback per month",
        "feedback_ctx_title": "Feedback by where it was given",
        "feedback_desc": "{total} answers, {comments} comments.",
        "feedback_none": "no answers",
        "feedback_n": "n = {n}",
        "face_1": "1 very unhappy",
        "face_2": "2 unhappy",
        "face_3": "3 happy",
        "face_4": "4 very happy",
        "ctx_home": "Lobby home screen",
        "ctx_checkout": "Check-out",
        "ctx_event": "Event",
        "week": "wk {week}",
        "empty": "No data for this period.",
        "no_events": "There were no events in this period.",
        "no_rooms": "No rooms are set up.",
        "no_feedback": "No feedback was given in this period.",
        "method_title": "How these figures were computed",
        "def_visit": "A visit is a check-in of a member or a visitor on a local day ({tz}); "
        "a person counts once per day, at their first arrival. Hosts and admins are staff and "
        "do not count. A visitor is known by their visitor record, else by their invitation; "
        "otherwise the check-in counts on its own.",
        "def_hours": "Busiest hours: each visit counts in the cell of its first arrival's "
        "weekday and hour, so the cells add up to the number of visits.",
        "def_rooms": "Opening hours: {opening}. Booked hours: confirmed, provisional and "
        "released (no-show) bookings, clipped to opening hours, overlaps counted once. Used "
        "hours: bookings someone checked in to at the door, from start to their (possibly "
        "shortened) end. Utilisation = hours / opening hours.",
        "def_events": "An event belongs to the period when it starts in it. Checked in: the "
        "distinct people whose check-in names the event. Tickets: its event-ticket "
        "invitations not withdrawn.",
        "def_feedback": "Feedback: each answer (faces 1–4) counts by its local ISO week (month, "
        "for long periods) and by where it was given. Comments are only counted, never "
        "shown: they may contain names.",
        "def_json": "Every number in the charts: the same command with --json.",
    },
}

WEEKDAYS = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
WEEKDAYS_LONG = {
    "fi": (
        "maanantaina",
        "tiistaina",
        "keskiviikkona",
        "torstaina",
        "perjantaina",
        "lauantaina",
        "sunnuntaina",
    ),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS_FI = (
    "tammikuu",
    "helmikuu",
    "maaliskuu",
    "huhtikuu",
    "toukokuu",
    "kesäkuu",
    "heinäkuu",
    "elokuu",
    "syyskuu",
    "lokakuu",
    "marraskuu",
    "joulukuu",
)
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Texts:
    """One language's words and number formats."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(lang)
        self.lang = lang
        self._words = CATALOG[lang]

    def __call__(self, key: str, **values: object) -> str:
        return self._words[key].format(**values)

    def weekday(self, index: int) -> str:
        return WEEKDAYS[self.lang][index]

    def weekday_long(self, index: int) -> str:
        return WEEKDAYS_LONG[self.lang][index]

    def number(self, value: float, decimals: int = 0) -> str:
        """1 234,5 in Finnish, 1,234.5 in English."""
        text = f"{value:,.{decimals}f}"
        if self.lang == "fi":
            text = text.replace(",", "\u00a0").replace(".", ",")
        return text

    def percent(self, share: float) -> str:
        value = self.number(share * 100)
        return f"{value}\u00a0%" if self.lang == "fi" else f"{value}%"

    def date(self, day: dt.date, *, year: bool = True) -> str:
        if self.lang == "fi":
            return f"{day.day}.{day.month}.{day.year}" if year else f"{day.day}.{day.month}."
        text = f"{day.day} {MONTHS_EN[day.month - 1]}"
        return f"{text} {day.year}" if year else text

    def datetime(self, at: dt.datetime, tz: ZoneInfo) -> str:
        local = at.astimezone(tz)
        clock = f"{local:%H.%M}" if self.lang == "fi" else f"{local:%H:%M}"
        return f"{self.date(local.date())} {clock}"

    def month(self, year: int, month: int) -> str:
        if self.lang == "fi":
            return f"{MONTHS_FI[month - 1]} {year}"
        return f"{MONTHS_EN[month - 1]} {year}"

    def day_number(self, day: dt.date) -> str:
        return f"{day.day}." if self.lang == "fi" else str(day.day)

    def hour(self, hour: int) -> str:
        return f"{hour:02d}" if self.lang == "fi" else f"{hour:02d}:00"
