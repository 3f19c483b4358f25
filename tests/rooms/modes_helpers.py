"""A door's local store fed from a real central store, and room-mode switches written centrally.

Switches go through ``kiosk.sync.central.write`` (the change feed) and reach the door through a real
sync cycle, exactly as a switch from the host panel or the admin CLI would.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.base.clock import FixedClock
from kiosk.base.ids import new_id
from kiosk.rooms.bookings import add_booking
from kiosk.rooms.door_actions import DoorActions
from kiosk.rooms.door_view import door_view
from kiosk.store.engine import Store, open_store
from kiosk.sync import central
from kiosk.sync.engine import SyncEngine
from kiosk.views.screens import DoorView
from tests.stores import local, seed_central, site_key
from tests.sync.helpers import engine_for

TZ = ZoneInfo("Europe/Helsinki")


def at(hour: int, minute: int = 0, second: int = 0, day: int = 26) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=TZ)


def version(moment: datetime) -> int:
    """Microseconds since the epoch: how a switch's version is minted."""
    return round(moment.timestamp() * 1_000_000)


@dataclass
class ModeDoor:
    store: Store
    central: Store
    sync: SyncEngine
    actions: DoorActions
    clock: FixedClock

    def cycle(self) -> None:
        """Sync until nothing committed centrally waits behind another open transaction (on a
        busy PostgreSQL server the feed's watermark can lag a moment)."""
        deadline = time.monotonic() + 30
        self.sync.cycle()
        while self.sync.feed_pending and time.monotonic() < deadline:
            self.sync.cycle()
        assert not self.sync.feed_pending, "the central feed stayed pending for 30 s"

    def view(self, moment: datetime | None = None, shown: int | None = None) -> DoorView:
        with self.store.engine.connect() as conn:
            view = door_view(conn, "aurora", moment or self.clock.now(), TZ, shown_version=shown)
        assert view is not None
        return view

    def event(
        self,
        title: str,
        starts_at: datetime,
        ends_at: datetime,
        *,
        description: str | None = None,
        online_url: str | None = None,
    ) -> uuid.UUID:
        event_id = new_id()
        with self.central.engine.begin() as conn:
            central.write(
                conn,
                "events",
                {
                    "id": event_id,
                    "title": title,
                    "description": description,
                    "starts_at": starts_at,
                    "ends_at": ends_at,
                    "capacity": 40,
                    "online_url": online_url,
                    "allow_walkins": False,
                    "created_by": None,
                    "kiosk_id": None,
                    "updated_at": self.clock.now(),
                },
                self.clock.now(),
            )
        return event_id

    def switch(
        self,
        mode: str,
        *,
        set_at: datetime,
        starts_at: datetime | None = None,
        expires_at: datetime | None = None,
        title: str | None = None,
        event_id: uuid.UUID | None = None,
        room: str | None = "aurora",
        sync: bool = True,
    ) -> int:
        """A switch made at ``set_at`` (its version); returns the version."""
        v = version(set_at)
        with self.central.engine.begin() as conn:
            central.write(
                conn,
                "room_modes",
                {
                    "id": new_id(),
                    "room_id": room,
                    "mode": mode,
                    "version": v,
                    "title": title,
                    "event_id": event_id,
                    "starts_at": starts_at or set_at,
                    "expires_at": expires_at,
                    "set_by": None,
                    "kiosk_id": None,
                    "updated_at": set_at,
                },
                self.clock.now(),
            )
        if sync:
            self.cycle()
        return v

    def booking(self, start: datetime, minutes: int, title: str = "Palaveri") -> uuid.UUID:
        with self.central.engine.begin() as conn:
            booking_id = add_booking(
                conn,
                room_id="aurora",
                title=title,
                starts_at=start,
                ends_at=start + timedelta(minutes=minutes),
                now=self.clock.now(),
            )
        self.cycle()
        return booking_id

    def close(self) -> None:
        self.sync.close()
        self.store.dispose()
        self.central.dispose()


def mode_door(tmp_path: Path, url: str, clock: FixedClock) -> ModeDoor:
    key = site_key(tmp_path)
    seed_central(url, key, clock).dispose()
    store = local(tmp_path, "door-aurora")
    sync = engine_for(store, url, clock, role="door", kiosk_id="door-aurora")
    actions = DoorActions(store, clock, key, "door-aurora", "aurora", TZ)
    door = ModeDoor(store, open_store(url, migrate=False), sync, actions, clock)
    door.cycle()
    return door
