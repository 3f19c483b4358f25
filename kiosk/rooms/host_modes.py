"""Mode switches made on a kiosk's host panel: stored locally, pushed like any record.

The switch shows on this kiosk at once (it reads its own replica) and on every other kiosk
after the push and their next pull. An event switch also creates its ``events`` row, so doors
can show the title and times. The organisers of bookings the switch covers are told by the
admin machine's notifier job (``kiosk admin mode notify``), which sees switches from every
kiosk and the CLI alike.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.base.clock import Clock
from kiosk.base.errors import UsageError
from kiosk.rooms.modes import (
    ModeSwitch,
    check_rooms,
    end_of_day,
    mode_rows,
    room_states,
)
from kiosk.store.engine import Store
from kiosk.store.mode_versions import next_version
from kiosk.store.models import AuditEntry, Event, RoomMode
from kiosk.sync import outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoomChoice:
    room_id: str
    name: str
    mode: str  # what applies now
    title: str | None
    until: datetime | None


@dataclass(frozen=True)
class EventChoice:
    id: uuid.UUID
    title: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class SwitchDone:
    version: int
    rooms: tuple[str, ...] | None
    mode: str
    until: datetime


class HostModes:
    """Runs on the database worker."""

    def __init__(self, store: Store, clock: Clock, kiosk_id: str, tz: ZoneInfo) -> None:
        self._store = store
        self._clock = clock
        self._kiosk_id = kiosk_id
        self._tz = tz

    def rooms(self) -> list[RoomChoice]:
        """Every room with what applies to it now, for the panel's list."""
        now = self._clock.now()
        with self._store.session() as session:
            states = room_states(session.connection(), now)
        return [RoomChoice(s.room_id, s.room_name, s.mode, s.title, s.until) for s in states]

    def switch(
        self,
        host_id: uuid.UUID,
        rooms: tuple[str, ...] | None,
        mode: str,
        until: datetime,
        *,
        title: str | None = None,
        starts_at: datetime | None = None,
        capacity: int | None = None,
        event_id: uuid.UUID | None = None,
    ) -> SwitchDone:
        """Store a switch; an event switch creates its event unless ``event_id`` names one."""
        now = self._clock.now()
        start = starts_at or now
        title = (title or "").strip() or None
        with self._store.session() as session:
            conn = session.connection()
            if rooms is not None:
                check_rooms(conn, rooms)
            if event_id is not None:
                prepared = session.get(Event, event_id)
                if prepared is None:
                    raise UsageError("that event has not reached this kiosk yet")
                title = title or prepared.title
            elif mode == "event":
                event = Event(
                    title=title or "",  # the doors then show just the word "Event"
                    starts_at=start,
                    ends_at=until,
                    capacity=capacity,
                    allow_walkins=True,
                    created_by=host_id,
                    kiosk_id=self._kiosk_id,
                    updated_at=now,
                )
                session.add(event)
                outbox.enqueue(session, "events", event, now)
                event_id = event.id
            switch = ModeSwitch(rooms, mode, start, until, title, event_id)
            version = next_version(conn, now)
            for row in mode_rows(
                switch, version=version, set_by=host_id, kiosk_id=self._kiosk_id, now=now
            ):
                record = RoomMode(**row)
                session.add(record)
                outbox.enqueue(session, "room_modes", record, now)
            entry = AuditEntry(
                at=now,
                actor_id=host_id,
                kiosk_id=self._kiosk_id,
                action="host.mode_set",
                detail={
                    "rooms": list(rooms) if rooms is not None else "all",
                    "mode": mode,
                    "version": version,
                    "until": until.isoformat(),
                },
            )
            session.add(entry)
            outbox.enqueue(session, "audit_log", entry, now)
        where = "the Lab" if rooms is None else f"{len(rooms)} room(s)"
        log.info("host switched %s to %s at %s", where, mode, self._kiosk_id)
        return SwitchDone(version, rooms, mode, until)

    def prepared_events(self, limit: int = 3) -> list[EventChoice]:
        """Events made ahead (``kiosk admin event create``) that end later today, soonest first:
        the panel offers to start them, with their capacity, tickets and online link."""
        now = self._clock.now()
        tonight = end_of_day(now, self._tz)
        with self._store.session() as session:
            rows = session.execute(
                select(Event.id, Event.title, Event.starts_at, Event.ends_at)
                .where(Event.ends_at > now, Event.starts_at < tonight, Event.kiosk_id.is_(None))
                .order_by(Event.starts_at)
                .limit(limit)
            ).all()
        return [EventChoice(r.id, r.title, r.starts_at, r.ends_at) for r in rows]
