"""An event's organiser and attendees, read from a feed that invites its attendees.

A calendar feed is input from outside the Lab: anyone who can send the room a meeting request
writes into it. So the reading is bounded and forgiving: at most :data:`MAX_ATTENDEES` people
per event (the rest are counted, not read), only ``mailto:`` addresses that pass the same check
as ``invite create --email``, names stripped of control and invisible characters
(:mod:`kiosk.base.text`) and cut to what a visitor's name may hold. Rooms and resources
(``CUTYPE``), declined attendees and non-participants are no visitors.
Nothing here logs or raises with an address in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.base.errors import UsageError
from kiosk.base.text import clean_line, is_blank

MAX_ATTENDEES = 200
MAX_NAME = 200  # visitors.name
_NOT_VISITORS = frozenset({"ROOM", "RESOURCE"})


@dataclass(frozen=True)
class Attendee:
    address: str  # lower case
    name: str  # cleaned; the address's local part when the calendar gives no name


@dataclass(frozen=True)
class People:
    organiser: str | None  # lower-case address, when it is a usable one
    attendees: tuple[Attendee, ...] = ()
    over_cap: int = 0  # attendees left unread past MAX_ATTENDEES
    malformed: int = 0  # attendees whose address is not a usable e-mail address


def people_of(component: Any, max_attendees: int = MAX_ATTENDEES) -> People:
    values = component.get("ATTENDEE")
    items = values if isinstance(values, list) else [] if values is None else [values]
    found: dict[str, Attendee] = {}
    malformed = over_cap = 0
    for index, item in enumerate(items):
        if len(found) >= max_attendees:
            over_cap = len(items) - index
            break
        params = getattr(item, "params", {})
        if _param(params, "CUTYPE") in _NOT_VISITORS or _param(params, "ROLE") == (
            "NON-PARTICIPANT"
        ):
            continue
        if _param(params, "PARTSTAT") == "DECLINED":
            continue
        address = mail_address(item)
        if address is None:
            malformed += 1
            continue
        found.setdefault(address, Attendee(address, clean_name(params.get("CN"), address)))
    return People(
        mail_address(component.get("ORGANIZER")), tuple(found.values()), over_cap, malformed
    )


def mail_address(value: Any) -> str | None:
    """``mailto:name@example.fi`` -> ``name@example.fi``; None for anything else."""
    from kiosk.lobby.invite_delivery import check_address

    if value is None or isinstance(value, list):
        return None
    text = str(value)
    if text[:7].lower() != "mailto:" or len(text) > 300:
        return None
    try:
        return check_address(text[7:]).lower()
    except UsageError:
        return None


def clean_name(value: Any, address: str) -> str:
    """A name a lobby screen and an e-mail may show: printable, one line, not too long."""
    name = clean_line(str(value or "")[: MAX_NAME * 4])[:MAX_NAME].strip()
    if is_blank(name):  # only joiners left
        name = ""
    return name or address.split("@", 1)[0][:MAX_NAME]


def _param(params: Any, name: str) -> str:
    value = params.get(name) if hasattr(params, "get") else None
    return str(value or "").strip().upper()
