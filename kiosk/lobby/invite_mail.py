"""The e-mails a visitor receives about their invitation: the invitation itself and its revocation.

One language per e-mail, the visitor's (fi/sv/en), in the glossary's words (docs/glossary.md):
the host is *vastaanottaja* / *värd*, times are written *klo 9.05* / *kl. 9.05* / *09:05*. The
invitation carries the QR code twice, inline in the HTML part (multipart/related, by Content-ID)
for reading on the phone at the door, and as an attached PNG card for printing, plus an ``.ics``
of the visit (icalendar). Its Message-ID is fixed by the outbox row, so a copy sent twice after
a crash is recognisably the same message (kiosk/lobby/invite_outbox.py).
"""

from __future__ import annotations

import html
import io
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as IcsEvent

from kiosk.base.timeutil import wall_clock
from kiosk.lobby.invite_card import Card, qr_image, render_card
from kiosk.lobby.notify import LAB_NAME

INVITATION, REVOCATION = "invitation", "revocation"
_WEEKDAYS = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "sv": ("mån", "tis", "ons", "tors", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ARRIVAL = {
    "fi": "Näytä QR-koodi aulan kioskille, kun saavut (puhelimen näytöltä tai tulostettuna). "
    "Kioski kertoo vastaanottajallesi, että olet saapunut.",
    "sv": "Visa QR-koden för kiosken i lobbyn när du kommer (på telefonens skärm eller "
    "utskriven). Kiosken meddelar din värd att du har kommit.",
    "en": "Show the QR code to the lobby kiosk when you arrive (on your phone's screen or "
    "printed). The kiosk tells your host that you have arrived.",
}


@dataclass(frozen=True)
class Visit:
    """What an e-mail about one invitation says; the texts come from ``[invitations]``."""

    invitation_id: uuid.UUID
    visitor_name: str
    host_name: str
    valid_from: datetime
    valid_to: datetime
    lang: str  # fi | sv | en
    tz: ZoneInfo
    address: str | None = None  # the Lab's street address in this language
    arrival: str | None = None  # arrival instructions; None: the built-in text


def _day(moment: datetime, lang: str) -> str:
    weekday = _WEEKDAYS[lang][moment.weekday()]
    if lang == "en":
        return f"{weekday} {moment.day} {_MONTHS_EN[moment.month - 1]} {moment.year}"
    return f"{weekday} {moment.day}.{moment.month}.{moment.year}"


def when_text(visit: Visit) -> str:
    """The day(s) and hours of the visit, as the glossary writes them in ``visit.lang``."""
    lang = visit.lang
    start, end = visit.valid_from.astimezone(visit.tz), visit.valid_to.astimezone(visit.tz)
    word = {"fi": "klo ", "sv": "kl. ", "en": ""}[lang]
    if start.time() == time() and end.time() == time():  # whole days
        last = end - timedelta(days=1)
        if last.date() <= start.date():
            return _day(start, lang)
        return f"{_day(start, lang)}–{_day(last, lang)}"
    if end.date() == start.date():
        return f"{_day(start, lang)} {word}{wall_clock(start, lang)}–{wall_clock(end, lang)}"
    return (
        f"{_day(start, lang)} {word}{wall_clock(start, lang)}–"
        f"{_day(end, lang)} {word}{wall_clock(end, lang)}"
    )


def _texts(visit: Visit) -> tuple[str, list[str]]:
    """The subject and the body's paragraphs of an invitation."""
    when, name, host = when_text(visit), visit.visitor_name, visit.host_name
    arrival = visit.arrival or ARRIVAL[visit.lang]
    if visit.lang == "fi":
        subject = f"Kutsu: {LAB_NAME}, {when}"
        paragraphs = [f"Hei {name},", f"{host} kutsuu sinut {LAB_NAME}iin: {when}."]
        place = f"Osoite: {visit.address}" if visit.address else None
        code = "QR-koodi on alla ja liitteenä. Kutsu on henkilökohtainen."
        ics = "Käynti on liitteenä myös kalenterimerkintänä."
    elif visit.lang == "sv":
        subject = f"Inbjudan: {LAB_NAME}, {when}"
        paragraphs = [f"Hej {name},", f"{host} bjuder in dig till {LAB_NAME}: {when}."]
        place = f"Adress: {visit.address}" if visit.address else None
        code = "QR-koden finns nedan och som bilaga. Inbjudan är personlig."
        ics = "Besöket finns också som kalenderhändelse i bilagan."
    else:
        subject = f"Invitation: {LAB_NAME}, {when}"
        paragraphs = [f"Hello {name},", f"{host} invites you to {LAB_NAME}: {when}."]
        place = f"Address: {visit.address}" if visit.address else None
        code = "The QR code is below and attached. The invitation is personal."
        ics = "The visit is also attached as a calendar entry."
    paragraphs += [p for p in (place, arrival, code, ics) if p]
    return subject, paragraphs


def _headers(message: EmailMessage, sender: str, to: str, message_id: uuid.UUID) -> None:
    message["From"] = sender
    message["To"] = to
    message["Message-ID"] = f"<{message_id}@lab-kiosk>"


def _png(image: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # type: ignore[attr-defined]
    return buffer.getvalue()


def visit_ics(visit: Visit, *, cancelled: bool = False) -> bytes:
    """The visit as an iCalendar file; a revocation cancels the same UID."""
    calendar = Calendar()
    calendar.add("prodid", "-//Lab Kiosk//invitations//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = IcsEvent()
    event.add("uid", f"{visit.invitation_id}@lab-kiosk")
    event.add("sequence", 1 if cancelled else 0)
    event.add("dtstamp", visit.valid_from)
    start, end = visit.valid_from.astimezone(visit.tz), visit.valid_to.astimezone(visit.tz)
    if start.time() == time() and end.time() == time():
        event.add("dtstart", start.date())
        event.add("dtend", end.date())
    else:
        event.add("dtstart", visit.valid_from)
        event.add("dtend", visit.valid_to)
    event.add("summary", f"{LAB_NAME} ({visit.host_name})")
    if visit.address:
        event.add("location", visit.address)
    event.add("description", visit.arrival or ARRIVAL[visit.lang])
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def compose_invitation(
    visit: Visit, token: str, *, sender: str, to: str, message_id: uuid.UUID
) -> EmailMessage:
    """The invitation e-mail: text and HTML with the inline QR code, the card, the ``.ics``."""
    subject, paragraphs = _texts(visit)
    message = EmailMessage()
    _headers(message, sender, to, message_id)
    message["Subject"] = subject
    message.set_content("\n\n".join(paragraphs) + f"\n\n-- \n{LAB_NAME}\n")
    cid = f"qr.{message_id}@lab-kiosk"
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    alt = {"fi": "Kutsun QR-koodi", "sv": "Inbjudans QR-kod", "en": "Invitation QR code"}
    message.add_alternative(
        f'<!DOCTYPE html>\n<html lang="{visit.lang}"><body>\n{body}'
        f'<p><img src="cid:{cid}" alt="{alt[visit.lang]}" width="290" height="290"></p>\n'
        f"<p>{LAB_NAME}</p>\n</body></html>\n",
        subtype="html",
    )
    html_part = message.get_body(("html",))
    assert isinstance(html_part, EmailMessage)
    html_part.add_related(_png(qr_image(token)), "image", "png", cid=f"<{cid}>")
    card = Card(token, visit.visitor_name, visit.valid_from, visit.valid_to, visit.tz)
    noun = {"fi": "kutsu", "sv": "inbjudan", "en": "invitation"}[visit.lang]
    message.add_attachment(_png(render_card(card)), "image", "png", filename=f"{noun}.png")
    message.add_attachment(
        visit_ics(visit), "text", "calendar", filename=f"{noun}.ics", params={"method": "PUBLISH"}
    )
    message["Content-Language"] = visit.lang  # last: making parts moves Content-* headers down
    return message


def compose_revocation(
    visit: Visit, *, sender: str, to: str, message_id: uuid.UUID
) -> EmailMessage:
    """ "Your invitation was withdrawn", with an ``.ics`` that cancels the visit."""
    when = when_text(visit)
    if visit.lang == "fi":
        subject = f"Kutsu peruttu: {LAB_NAME}, {when}"
        text = (
            f"Hei {visit.visitor_name},\n\nkutsusi {LAB_NAME}iin ({when}) on peruttu, eikä sen "
            f"QR-koodi enää toimi. Kysy tarvittaessa lisää vastaanottajaltasi "
            f"({visit.host_name})."
        )
    elif visit.lang == "sv":
        subject = f"Inbjudan återkallad: {LAB_NAME}, {when}"
        text = (
            f"Hej {visit.visitor_name},\n\ndin inbjudan till {LAB_NAME} ({when}) har återkallats "
            f"och QR-koden fungerar inte längre. Fråga vid behov din värd ({visit.host_name})."
        )
    else:
        subject = f"Invitation withdrawn: {LAB_NAME}, {when}"
        text = (
            f"Hello {visit.visitor_name},\n\nyour invitation to {LAB_NAME} ({when}) has been "
            f"withdrawn and its QR code no longer works. Please ask your host "
            f"({visit.host_name}) if you have questions."
        )
    message = EmailMessage()
    _headers(message, sender, to, message_id)
    message["Subject"] = subject
    message.set_content(f"{text}\n\n-- \n{LAB_NAME}\n")
    message.add_attachment(
        visit_ics(visit, cancelled=True),
        "text",
        "calendar",
        filename="cancel.ics",
        params={"method": "CANCEL"},
    )
    message["Content-Language"] = visit.lang
    return message
