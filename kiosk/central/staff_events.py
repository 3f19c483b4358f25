"""The staff console's events: create or edit one with its fi/sv/en texts, and its tickets from
a CSV, under the rules of ``kiosk admin event create`` and ``event tickets import``, audited."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.base.errors import Conflict, UsageError
from kiosk.base.ids import new_id
from kiosk.central import staff_views
from kiosk.central.credentials import Device
from kiosk.central.staff_csv import capped, row_outcomes, uploaded_csv
from kiosk.central.staff_desk import StaffDesk, check_ahead, person_of
from kiosk.console.models import CsvOutcome, EventDraft, EventSummary, TicketImport
from kiosk.events.manage import NewEvent, check_event, get_event
from kiosk.events.tickets import COLUMNS as TICKET_COLUMNS
from kiosk.events.tickets import REQUIRED as TICKET_REQUIRED
from kiosk.events.tickets import TicketRules, check_tickets, import_tickets
from kiosk.lobby.invite_import import read_rows
from kiosk.store.models import Event, table_of
from kiosk.sync import central

events_t = table_of(Event)


class StaffEvents:
    def __init__(self, desk: StaffDesk) -> None:
        self._desk = desk

    def save_event(self, device: Device, draft: EventDraft) -> EventSummary:
        desk = self._desk
        now = desk.now
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
        check_ahead("an event", draft.starts_at, now)
        texts = {
            "title_sv": _short(draft.title.sv, "title (sv)", 300),
            "title_en": _short(draft.title.en, "title (en)", 300),
            "description_sv": _short(draft.description.sv, "description (sv)", 4000),
            "description_en": _short(draft.description.en, "description (en)", 4000),
        }
        with desk.store.engine.begin() as conn:
            if draft.room_id is not None:
                from kiosk.rooms.modes import check_rooms

                check_rooms(conn, [draft.room_id])
            created_by = person_of(device)
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
            desk.audit(conn, device, action, {"event": str(event_id)})
            return staff_views.event(conn, event_id)

    def import_tickets(self, device: Device, event_id: uuid.UUID, text: str) -> TicketImport:
        desk = self._desk
        with uploaded_csv(text) as path:
            rows = capped(read_rows(path, TICKET_COLUMNS, TICKET_REQUIRED))
            with desk.store.engine.begin() as conn:
                rules = self._ticket_rules(conn, event_id)
                result = import_tickets(conn, iter(rows), rules, out_dir=path.parent, cards=False)
                outcome = row_outcomes(result, path)
                desk.audit(
                    conn,
                    device,
                    "staff.ticket_import",
                    {"event": str(event_id), "imported": outcome.ok_count},
                )
        return TicketImport(outcome.ok_count, outcome.refused)

    def preview_tickets(self, event_id: uuid.UUID, text: str) -> CsvOutcome:
        """Every row checked by the ticket import's own checks (:func:`check_tickets`),
        nothing written: the invitation preview's answer, for an event's tickets."""
        with uploaded_csv(text) as path:
            rows = capped(read_rows(path, TICKET_COLUMNS, TICKET_REQUIRED))
            with self._desk.store.engine.connect() as conn:  # a read, as the invitations'
                rules = self._ticket_rules(conn, event_id)
            return row_outcomes(check_tickets(iter(rows), rules, out_dir=path.parent), path)

    def _ticket_rules(self, conn: Connection, event_id: uuid.UUID) -> TicketRules:
        desk = self._desk
        return TicketRules(get_event(conn, event_id), desk.key(conn), desk.settings.tz, desk.now)


def _short(text: str, what: str, limit: int) -> str | None:
    cleaned = " ".join(text.split())
    if len(cleaned) > limit:
        raise UsageError(f"{what} is longer than {limit} characters")
    return cleaned or None
