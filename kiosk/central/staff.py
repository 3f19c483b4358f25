"""What the staff console does through the service, for one authenticated staff member.

Every rule is the one the admin CLI and the host panel run (invitations, the CSV import,
events and tickets, mode switches with host authority and server-assigned versions); this
module only adds who did it: every write is audited with the staff member's name, in the
write's own transaction. Reads are in :mod:`kiosk.central.staff_views`.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from kiosk.base.clock import Clock
from kiosk.base.errors import ConfigError, Conflict, UsageError
from kiosk.base.ids import new_id
from kiosk.central import staff_views
from kiosk.central.credentials import Device
from kiosk.central.edge import FUTURE
from kiosk.central.staff_csv import capped, csv_file, row_outcomes
from kiosk.console.models import (
    CsvOutcome,
    EventDraft,
    EventSummary,
    InviteCreated,
    InviteRequest,
    ModeResult,
    StaffIdentity,
    TicketImport,
)
from kiosk.events.manage import MAX_LENGTH, NewEvent, check_event, get_event
from kiosk.events.tickets import COLUMNS as TICKET_COLUMNS
from kiosk.events.tickets import REQUIRED as TICKET_REQUIRED
from kiosk.events.tickets import import_tickets
from kiosk.lobby.invitations import NewInvitation, check_window, issue_invitation
from kiosk.lobby.invite_delivery import MailSettings, check_address, check_lang, queue_invitation
from kiosk.lobby.invite_import import (
    InvitationRules,
    check_invitations,
    import_invitations,
    read_rows,
)
from kiosk.rooms.modes import ModeSwitch, set_mode_central
from kiosk.security.signing_keys import current_signing_key
from kiosk.security.tokens import TokenKind
from kiosk.store.engine import Store
from kiosk.store.models import AuditEntry, Event, Person, table_of
from kiosk.sync import central
from kiosk.sync.acceptance import _check_host
from kiosk.sync.refusals import PushRefused

audit_t, events_t = table_of(AuditEntry), table_of(Event)
#: (report, language, path) -> pages: the PDF writer of the GUI package, when this process has
#: one (the console's embedded service); a service without one makes HTML reports only.
PdfWriter = Callable[[Any, str, Path], int]


@dataclass(frozen=True)
class StaffSettings:
    """What staff actions need beyond the store: the site's zone and language, where the
    private signing key is (``data_dir/signing-keys``), how to compose invitation e-mails."""

    tz: ZoneInfo
    language: str = "fi"
    data_dir: Path | None = None
    mail: MailSettings | None = None
    pdf_writer: PdfWriter | None = None


class StaffService:
    """Runs on the service's thread pool; each call opens its own transaction."""

    def __init__(self, store: Store, clock: Clock, settings: StaffSettings) -> None:
        self._store = store
        self._clock = clock
        self.settings = settings

    # -- reads ------------------------------------------------------------------------------

    def whoami(self, device: Device) -> StaffIdentity:
        person = _person(device)
        with self._store.engine.connect() as conn:
            return StaffIdentity(staff_views.person_name(conn, person), person, device.id)

    def read(self, what: Callable[[Connection], Any]) -> Any:
        """``what`` on a read-only connection (the views in :mod:`staff_views`)."""
        with self._store.engine.connect() as conn:
            return what(conn)

    @property
    def now(self) -> datetime:
        return self._clock.now()

    # -- invitations ------------------------------------------------------------------------

    def invite(self, device: Device, request: InviteRequest) -> InviteCreated:
        address = check_address(request.email, "email") if request.email else None
        lang = check_lang(request.lang, self.settings.language, "lang")
        now = self._clock.now()
        # A token carries whole seconds: the window widened to them, never narrowed.
        valid_from = request.valid_from.replace(microsecond=0)
        valid_to = request.valid_to.replace(microsecond=0)
        if valid_to < request.valid_to:
            valid_to += timedelta(seconds=1)
        check_window(valid_from, valid_to, now)
        _check_ahead("an invitation", valid_from, now)
        new = NewInvitation(
            name=request.name,
            host=str(request.host_id),
            organisation=request.company,
            valid_from=valid_from,
            valid_to=valid_to,
            single_use=request.single_use,
            kind=TokenKind.VISITOR,
        )
        with self._store.engine.begin() as conn:
            key = self._key(conn)
            invitation_id, token = issue_invitation(conn, new, key, now)
            if address is not None:
                queue_invitation(conn, invitation_id, token, address, lang, self._mail(), now)
            name = " ".join(request.name.split())
            self._audit(
                conn,
                device,
                "staff.invite",
                {"invitation": str(invitation_id), "mail": bool(address)},
            )
        return InviteCreated(invitation_id, name, valid_from, valid_to, address is not None)

    def invites_csv(self, device: Device, text: str, *, dry_run: bool) -> CsvOutcome:
        """The CSV import of ``kiosk admin invite import``; with ``dry_run`` every row is
        checked by the import's own checks (:func:`check_invitations`) and nothing written."""
        now = self._clock.now()
        with tempfile.TemporaryDirectory(prefix="kiosk-staff-csv-") as tmp:
            path = csv_file(Path(tmp), text)
            rows = capped(read_rows(path))
            if dry_run:  # a read: no transaction holds back the change feed while it checks
                with self._store.engine.connect() as conn:
                    result = check_invitations(
                        conn, iter(rows), self._rules(conn, now), out_dir=Path(tmp)
                    )
                return row_outcomes(result, path)
            with self._store.engine.begin() as conn:
                result = import_invitations(
                    conn,
                    iter(rows),
                    self._rules(conn, now),
                    out_dir=Path(tmp),
                    cards=False,  # no card leaves this folder: drawing them only took time
                )
                outcome = row_outcomes(result, path)
                self._audit(
                    conn,
                    device,
                    "staff.invite_import",
                    {"imported": outcome.ok_count, "refused": len(outcome.refused)},
                )
        return outcome

    # -- events -----------------------------------------------------------------------------

    def save_event(self, device: Device, draft: EventDraft) -> EventSummary:
        now = self._clock.now()
        checked = check_event(  # the admin CLI's rules, on the Finnish (or only) texts
            NewEvent(
                draft.title.fi,
                draft.starts_at,
                draft.ends_at,
                draft.description.fi or None,
                draft.capacity,
                draft.online_url,
                draft.allow_walkins,
            ),
            now,
        )
        _check_ahead("an event", draft.starts_at, now)
        texts = {
            "title_sv": _short(draft.title.sv, "title (sv)", 300),
            "title_en": _short(draft.title.en, "title (en)", 300),
            "description_sv": _short(draft.description.sv, "description (sv)", 4000),
            "description_en": _short(draft.description.en, "description (en)", 4000),
        }
        with self._store.engine.begin() as conn:
            if draft.room_id is not None:
                from kiosk.rooms.modes import check_rooms

                check_rooms(conn, [draft.room_id])
            created_by = _person(device)
            event_id = draft.id or new_id()
            if draft.id is not None:
                old = conn.execute(select(events_t).where(events_t.c.id == draft.id)).first()
                if old is None:
                    raise UsageError(f"no event {draft.id}")
                if old.kiosk_id is not None:
                    raise Conflict("an event started at a kiosk's host panel is edited there")
                created_by = old.created_by
            central.write(
                conn,
                "events",
                {
                    "id": event_id,
                    "title": checked.title,
                    "description": checked.description,
                    "starts_at": checked.starts_at,
                    "ends_at": checked.ends_at,
                    "capacity": checked.capacity,
                    "online_url": checked.online_url,
                    "allow_walkins": checked.allow_walkins,
                    "created_by": created_by,
                    "kiosk_id": None,  # prepared ahead: the host panel offers to start it
                    "updated_at": now,
                    "room_id": draft.room_id,
                    **texts,
                },
                now,
            )
            action = "staff.event_edit" if draft.id else "staff.event_create"
            self._audit(conn, device, action, {"event": str(event_id)})
            return staff_views.event(conn, event_id)

    def import_tickets(self, device: Device, event_id: uuid.UUID, text: str) -> TicketImport:
        now = self._clock.now()
        with tempfile.TemporaryDirectory(prefix="kiosk-staff-tickets-") as tmp:
            path = csv_file(Path(tmp), text)
            rows = capped(read_rows(path, TICKET_COLUMNS, TICKET_REQUIRED))
            with self._store.engine.begin() as conn:
                event = get_event(conn, event_id)
                result = import_tickets(
                    conn,
                    event,
                    iter(rows),
                    key=self._key(conn),
                    out_dir=Path(tmp),
                    tz=self.settings.tz,
                    now=now,
                    cards=False,
                )
                outcome = row_outcomes(result, path)
                self._audit(
                    conn,
                    device,
                    "staff.ticket_import",
                    {"event": str(event_id), "imported": outcome.ok_count},
                )
        return TicketImport(outcome.ok_count, outcome.refused)

    # -- modes ------------------------------------------------------------------------------

    def switch_mode(
        self, device: Device, room_id: str | None, mode: str, until: datetime, title: str | None
    ) -> ModeResult:
        """The host panel's switch, on the central store: the staff member must be an active
        host or admin, and the service assigns the version. An event switch creates its event
        (doors show its title), as at the panel."""
        now = self._clock.now()
        person = _person(device)
        title = " ".join((title or "").split()) or None
        rooms = (room_id,) if room_id is not None else None
        switch = ModeSwitch(rooms, mode, now, until, title)  # checks the mode and the times
        with self._store.engine.begin() as conn:
            try:
                _check_host(conn, person)
            except PushRefused as exc:
                raise Conflict(str(exc)) from None
            _check_until(conn, person, now, until)
            event_id = None
            if mode == "event":
                event_id = new_id()
                central.write(
                    conn,
                    "events",
                    {
                        "id": event_id,
                        "title": title or "",
                        "description": None,
                        "starts_at": now,
                        "ends_at": until,
                        "capacity": None,
                        "online_url": None,
                        "allow_walkins": True,
                        "created_by": person,
                        "kiosk_id": device.id,
                        "updated_at": now,
                        "room_id": room_id,
                    },
                    now,
                )
                switch = ModeSwitch(rooms, mode, now, until, title, event_id)
            rows = set_mode_central(conn, switch, set_by=person, now=now)
            version = int(rows[0]["version"])
            self._audit(
                conn,
                device,
                "staff.mode_set",
                {
                    "rooms": [room_id] if room_id else "all",
                    "mode": mode,
                    "version": version,
                    "until": until.isoformat(),
                },
            )
        return ModeResult(version, room_id, mode, until, title)

    # -- report -----------------------------------------------------------------------------

    def report(self, since: date, until: date, lang: str, fmt: str) -> bytes:
        from kiosk.report.data import collect
        from kiosk.report.document import build_document
        from kiosk.report.html import render_html
        from kiosk.report.period import parse_opening_hours, parse_period

        writer = self.settings.pdf_writer
        if fmt == "pdf" and writer is None:
            raise Conflict("this service makes the report as HTML only: choose HTML")
        period = parse_period(since.isoformat(), until.isoformat(), self.settings.tz)
        opening = parse_opening_hours("08:00-18:00", "mon-fri")
        with self._store.engine.connect() as conn:
            report = collect(conn, period, opening, self._clock.now())
        if report.is_empty():
            raise Conflict(
                f"nothing to report from {since} to {until}: "
                "no visits, bookings, events or feedback"
            )
        if fmt == "html":
            return render_html(build_document(report, lang)).encode("utf-8")
        assert writer is not None
        with tempfile.TemporaryDirectory(prefix="kiosk-staff-report-") as tmp:
            path = Path(tmp) / "report.pdf"
            writer(report, lang, path)
            return path.read_bytes()

    # -- helpers ----------------------------------------------------------------------------

    def _key(self, conn: Connection) -> Any:
        if self.settings.data_dir is None:
            raise ConfigError(
                "this service has no signing key: set data_dir in its [service] settings "
                "(the folder whose signing-keys/ holds the current key)"
            )
        return current_signing_key(conn, self.settings.data_dir)[1]

    def _rules(self, conn: Connection, now: datetime) -> InvitationRules:
        settings = self.settings
        return InvitationRules(self._key(conn), settings.tz, now, settings.mail, settings.language)

    def _mail(self) -> MailSettings:
        if self.settings.mail is None:
            raise UsageError("email: the service has no notify.sender to send it from")
        return self.settings.mail

    def _audit(self, conn: Connection, device: Device, action: str, detail: dict[str, Any]) -> None:
        """An audit entry naming the staff member (their person and name) and the credential."""
        person = _person(device)
        conn.execute(
            insert(audit_t).values(
                id=new_id(),
                at=self._clock.now(),
                actor_id=person,
                kiosk_id=device.id,
                action=action,
                detail={"staff": staff_views.person_name(conn, person), **detail},
            )
        )


def _check_ahead(what: str, start: datetime, now: datetime) -> None:
    """Nothing starts further ahead than a kiosk accepts a record (kiosk.central.edge)."""
    if start - now > FUTURE:
        raise UsageError(f"{what} can start {FUTURE.days} days ahead at most")


def _check_until(conn: Connection, person: uuid.UUID, now: datetime, until: datetime) -> None:
    """A host switches for at most an event's length (the panel's switch ends the same day);
    an admin as far ahead as a kiosk accepts a record (a long closure, planned)."""
    people = table_of(Person)
    role = conn.execute(select(people.c.role).where(people.c.id == person)).scalar()
    longest = FUTURE if role == "admin" else MAX_LENGTH
    if until - now > longest:
        raise UsageError(
            f"a switch can last {longest.days} days at most "
            f"(a host {MAX_LENGTH.days}, an admin {FUTURE.days})"
        )


def _person(device: Device) -> uuid.UUID:
    if device.person_id is None:  # enrolment always names one; an old row might not
        raise Conflict("this staff credential names no person: enrol it again with --person")
    return device.person_id


def _short(text: str, what: str, limit: int) -> str | None:
    cleaned = " ".join(text.split())
    if len(cleaned) > limit:
        raise UsageError(f"{what} is longer than {limit} characters")
    return cleaned or None
