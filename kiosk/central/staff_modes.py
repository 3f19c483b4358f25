"""The staff console's mode switch: the host panel's, on the central store, audited. The staff
member must be an active host or admin, the service assigns the version, and an event switch
creates its event (doors show its title), as at the panel."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.base.errors import Conflict, UsageError
from kiosk.base.ids import new_id
from kiosk.central.credentials import Device
from kiosk.central.edge import FUTURE
from kiosk.central.staff_desk import StaffDesk, person_of
from kiosk.console.models import ModeResult
from kiosk.events.manage import MAX_LENGTH
from kiosk.rooms.modes import ModeSwitch, set_mode_central
from kiosk.store.models import Person, table_of
from kiosk.sync import central
from kiosk.sync.acceptance import _check_host
from kiosk.sync.refusals import PushRefused


class StaffModes:
    def __init__(self, desk: StaffDesk) -> None:
        self._desk = desk

    def switch_mode(
        self, device: Device, room_id: str | None, mode: str, until: datetime, title: str | None
    ) -> ModeResult:
        desk = self._desk
        now = desk.now
        person = person_of(device)
        title = " ".join((title or "").split()) or None
        rooms = (room_id,) if room_id is not None else None
        switch = ModeSwitch(rooms, mode, now, until, title)  # checks the mode and the times
        with desk.store.engine.begin() as conn:
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
            desk.audit(
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
