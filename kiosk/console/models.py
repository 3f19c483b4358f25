"""What the staff console shows and sends: frozen values, the same on both sides of the wire.

Times are timezone-aware (UTC from the service); the console shows them in the site's zone.
Texts an event shows in the visitor's language travel as :class:`LocalText` (fi/sv/en).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

LANGS = ("fi", "sv", "en")
MODES = ("event", "closed", "normal")


@dataclass(frozen=True)
class StaffIdentity:
    """Who the credential acts as: the staff member's name, their person and credential ids."""

    name: str
    person_id: uuid.UUID
    credential_id: str


@dataclass(frozen=True)
class LocalText:
    """One text in the three languages; an empty string: not translated (the Finnish shows)."""

    fi: str
    sv: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to Finnish, then any language given."""
        return getattr(self, lang, "") or self.fi or self.sv or self.en


@dataclass(frozen=True)
class ExpectedVisitor:
    """One invited visitor of the day. ``status``: expected, inside, left or revoked."""

    invitation_id: uuid.UUID
    name: str
    company: str | None
    host_name: str | None
    status: str
    checked_in_at: datetime | None


@dataclass(frozen=True)
class PersonInside:
    """Someone checked in now. ``kind``: visitor or member."""

    name: str
    kind: str
    company: str | None
    since: datetime


@dataclass(frozen=True)
class TodayView:
    day: date
    expected: tuple[ExpectedVisitor, ...]
    inside: tuple[PersonInside, ...]


@dataclass(frozen=True)
class Host:
    """Someone a visitor may be invited to see (role host or admin, active)."""

    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class InviteRequest:
    """One visitor to invite. Without ``email`` no e-mail is sent (the code is still made);
    ``lang`` is the e-mail's language (None: the site's)."""

    name: str
    host_id: uuid.UUID
    valid_from: datetime
    valid_to: datetime
    company: str | None = None
    email: str | None = None
    lang: str | None = None
    single_use: bool = False


@dataclass(frozen=True)
class InviteCreated:
    invitation_id: uuid.UUID
    name: str
    valid_from: datetime
    valid_to: datetime
    email_queued: bool  # the e-mail waits in the central outbox; the service sends it


@dataclass(frozen=True)
class CsvRow:
    """One data row of an invitation CSV: ``ok``, or the reason it would be (was) refused:
    ``reason`` in English (the CLI's words), ``code`` and ``params`` for the console to say it
    in the staff member's language (``kiosk.central.staff_refusals``; None from an older
    service)."""

    line: int
    name: str
    ok: bool
    reason: str | None = None
    code: str | None = None
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CsvOutcome:
    """A CSV checked (preview: nothing stored) or imported (the ``ok`` rows are stored)."""

    rows: tuple[CsvRow, ...]
    emails_queued: int = 0

    @property
    def ok_count(self) -> int:
        return sum(1 for r in self.rows if r.ok)

    @property
    def refused(self) -> tuple[CsvRow, ...]:
        return tuple(r for r in self.rows if not r.ok)


@dataclass(frozen=True)
class EventDraft:
    """An event to create (``id`` None) or edit. ``room_id`` None: Lab-wide."""

    title: LocalText
    starts_at: datetime
    ends_at: datetime
    description: LocalText = LocalText("")
    room_id: str | None = None
    capacity: int | None = None
    allow_walkins: bool = False
    online_url: str | None = None
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class EventSummary:
    id: uuid.UUID
    title: LocalText
    description: LocalText
    room_id: str | None
    starts_at: datetime
    ends_at: datetime
    capacity: int | None
    allow_walkins: bool
    online_url: str | None
    tickets: int
    checked_in: int


@dataclass(frozen=True)
class EventCounter:
    """The live check-in count of one event (tickets with an entry, plus walk-ins)."""

    event_id: uuid.UUID
    checked_in: int
    tickets: int
    walkins: int
    capacity: int | None


@dataclass(frozen=True)
class TicketImport:
    """Tickets made from a CSV; refused rows with their reasons (nothing stored of them)."""

    imported: int
    refused: tuple[CsvRow, ...]


@dataclass(frozen=True)
class RoomInfo:
    """A room with the mode that applies now (``mode_until`` None: no end)."""

    id: str
    name: str
    mode: str
    mode_title: str | None
    mode_until: datetime | None


@dataclass(frozen=True)
class BookingInfo:
    """A booking of the week; a private booking's title is None (the doors do not show it)."""

    id: uuid.UUID
    room_id: str
    title: str | None
    starts_at: datetime
    ends_at: datetime
    status: str
    organiser: str | None


@dataclass(frozen=True)
class ModeResult:
    """A switch the service stored: its server-assigned version, and what it covers."""

    version: int
    room_id: str | None  # None: the whole Lab
    mode: str
    until: datetime
    title: str | None


@dataclass(frozen=True)
class ReaderState:
    name: str
    state: str


@dataclass(frozen=True)
class FleetRow:
    """One kiosk's health; the service lists silent kiosks first."""

    kiosk_id: str
    role: str
    room_id: str | None
    version: str
    last_seen_at: datetime
    silent: bool
    readers: tuple[ReaderState, ...]
    outbox_depth: int | None
    rejected: int | None
    duplicates: int  # running processes beyond the first that use this kiosk's id
    disk_full: bool


@dataclass(frozen=True)
class FeedbackItem:
    at: datetime
    score: int  # 1 (very unhappy) .. 4 (very happy)
    comment: str | None
    context: str  # home, checkout or event
    kiosk_id: str
    event_title: str | None
