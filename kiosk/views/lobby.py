"""What the lobby's screens draw: the view models its services build (Qt- and database-free).

Kept apart from the services that build them so the lobby's screen can be imported, and its
first frame painted, before SQLAlchemy is (see docs/architecture.md, "Start-up"). The services
re-export them under their old homes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.views.screens import in_language


@dataclass(frozen=True)
class EventView:
    """The event as a lobby shows it, with the live count."""

    id: uuid.UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    capacity: int | None
    allow_walkins: bool
    count: int
    description: str | None = None
    # Translations made in the staff console; the fields above are the Finnish (or only) texts.
    title_sv: str | None = None
    title_en: str | None = None
    description_sv: str | None = None
    description_en: str | None = None

    def title_in(self, lang: str) -> str:
        return in_language(self.title, self.title_sv, self.title_en, lang) or ""

    def description_in(self, lang: str) -> str | None:
        return in_language(self.description, self.description_sv, self.description_en, lang)

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.count >= self.capacity


class EventResult(StrEnum):
    WELCOME = "welcome"  # counted now
    WELCOME_BACK = "welcome_back"  # re-entry: counted before, not again
    FULL = "full"
    WRONG_EVENT = "wrong_event"  # a ticket for another event
    NO_EVENT = "no_event"  # no event on, and the ticket's event is unknown here
    NOT_A_TICKET = "not_a_ticket"  # during an event: a code that is no Lab code at all
    WITHDRAWN = "withdrawn"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    WALKINS_CLOSED = "walkins_closed"  # the event takes no walk-ins
    ERROR = "error"  # could not be stored; nothing changed


@dataclass(frozen=True)
class EventOutcome:
    """The answer to one ticket scan or event walk-in. Never carries a token."""

    result: EventResult
    at: datetime
    name: str | None = None  # the attendee, when the replica knows the ticket
    since: datetime | None = None  # WELCOME_BACK: the first scan
    event: EventView | None = None  # the event counted for, with the count after this answer
    other_title: str | None = None  # WRONG_EVENT: the ticket's own event, when known
    other_starts_at: datetime | None = None
    valid_from: datetime | None = None  # NOT_YET_VALID
    valid_to: datetime | None = None  # EXPIRED
    invitation_id: uuid.UUID | None = None

    @property
    def stored(self) -> bool:
        return self.result is EventResult.WELCOME


@dataclass(frozen=True)
class Presence:
    name: str
    kind: str  # member | visitor
    checked_in_at: datetime
    role: str | None = None  # member | host | admin for people
    organisation: str | None = None
    host: str | None = None  # visitors: who invited them

    def as_json(self, tz: Any) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "organisation": self.organisation,
            "host": self.host,
            "checked_in_at": self.checked_in_at.astimezone(tz).isoformat(),
        }


@dataclass(frozen=True)
class InsideVisitor:
    checkin_id: uuid.UUID  # the open check-in that a check-out closes
    short_name: str  # "Sofia L.": enough to find oneself, little for onlookers
    since: datetime


@dataclass(frozen=True)
class HostChoice:
    """A person a walk-in visitor can say they are here to see."""

    id: uuid.UUID
    name: str
    organisation: str | None


@dataclass(frozen=True)
class BoardEntry:
    person_id: uuid.UUID
    name: str
    organisation: str | None  # None also when the person chose not to show it
    interests: tuple[str, ...]
    since: datetime  # checked in at

    def as_json(self, tz: ZoneInfo) -> dict[str, Any]:
        return {
            "name": self.name,
            "organisation": self.organisation,
            "interests": list(self.interests),
            "since": self.since.astimezone(tz).isoformat(),
        }


@dataclass(frozen=True)
class CallState:
    """A call as the lobby shows it: made at ``at``; taken by ``host_name`` or not yet."""

    call_id: uuid.UUID
    kiosk_id: str
    at: datetime
    host_name: str | None = None  # who took it (full name); None: nobody yet
    acknowledged_at: datetime | None = None
    hosts_notified: int = 0  # hosts on duty told about it (0 when repeated or nobody on duty)
    # Which lobby, where more than one has called (host panel: "Lobby 2"); None: the only one.
    lobby_number: int | None = None

    @property
    def acknowledged(self) -> bool:
        return self.host_name is not None

    @property
    def host_first_name(self) -> str | None:
        if self.host_name is None:
            return None
        parts = self.host_name.split()
        return parts[0] if parts else self.host_name

    def as_json(self, tz: ZoneInfo) -> dict[str, Any]:
        return {
            "id": str(self.call_id),
            "kiosk_id": self.kiosk_id,
            "at": self.at.astimezone(tz).isoformat(),
            "acknowledged_by": self.host_name,
            "acknowledged_at": (
                self.acknowledged_at.astimezone(tz).isoformat() if self.acknowledged_at else None
            ),
        }
