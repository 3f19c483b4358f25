"""Builders and bookkeeping shared by the sync tests."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from kiosk.base.clock import Clock
from kiosk.base.ids import new_id
from kiosk.store.engine import Store
from kiosk.store.models import Booking, Checkin, OutboxRow
from kiosk.sync import outbox
from kiosk.sync.engine import SyncEngine


def engine_for(
    store: Store,
    url: str,
    clock: Clock,
    *,
    role: str = "lobby",
    kiosk_id: str = "lobby-1",
    batch_size: int = 50,
    pending_wait: float = 2.0,
) -> SyncEngine:
    return SyncEngine(
        store,
        url,
        kiosk_id=kiosk_id,
        role=role,
        room_id="aurora" if role == "door" else None,
        clock=clock,
        batch_size=batch_size,
        pending_wait=pending_wait,
    )


def book_locally(
    store: Store, room: str, starts_at: datetime, minutes: int, now: datetime, title: str
) -> uuid.UUID:
    """What a door's "book now" does offline: the booking and its outbox row in one commit."""
    booking_id = new_id()
    with store.session() as s:
        booking = Booking(
            id=booking_id,
            room_id=room,
            title=title,
            private=False,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=minutes),
            status="confirmed",
            source="kiosk",
            updated_at=now,
        )
        s.add(booking)
        outbox.enqueue(s, "bookings", booking, now)
    return booking_id


def checkin_locally(store: Store, person_id: uuid.UUID, kiosk_id: str, at: datetime) -> uuid.UUID:
    """A badge check-in as the check-in service commits it: the row and its outbox row."""
    checkin_id = new_id()
    with store.session() as s:
        checkin = Checkin(
            id=checkin_id,
            direction="in",
            person_id=person_id,
            method="badge",
            kiosk_id=kiosk_id,
            at=at,
        )
        s.add(checkin)
        outbox.enqueue(s, "checkins", checkin, at)
    return checkin_id


def outbox_left(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxRow)) or 0)


@dataclass
class Tally:
    """Attempted / acknowledged / lost / duplicated, the figures every fault test reports."""

    name: str
    attempted: set[uuid.UUID] = field(default_factory=set)
    central_ids: list[uuid.UUID] = field(default_factory=list)
    rejected: set[uuid.UUID] = field(default_factory=set)  # refused, recorded in the outbox
    pending: int = 0

    @property
    def acknowledged(self) -> int:
        return len(self.attempted & set(self.central_ids))

    @property
    def lost(self) -> int:
        return len(self.attempted - set(self.central_ids) - self.rejected)

    @property
    def duplicated(self) -> int:
        return sum(n - 1 for n in Counter(self.central_ids).values() if n > 1)

    def report(self) -> str:
        line = (
            f"[{self.name}] attempted={len(self.attempted)} acknowledged={self.acknowledged} "
            f"rejected={len(self.rejected)} lost={self.lost} duplicated={self.duplicated} "
            f"still-queued={self.pending}"
        )
        print(line)
        return line

    def check(self) -> None:
        self.report()
        assert self.lost == 0, f"{self.lost} records lost"
        assert self.duplicated == 0, f"{self.duplicated} records duplicated"


def admin_config(tmp_path: Path, url: str) -> Path:
    """An admin's config file whose central store is ``url``."""
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "admin.toml"
    text_ = f'[kiosk]\nid = "admin-1"\ndata_dir = "data"\n[central]\nurl = "{url}"\n'
    path.write_text(text_, encoding="utf-8")
    return path


def as_role(url: str, kiosk_id: str) -> str:
    """``url`` logged in as the kiosk's own role (the test server trusts local logins)."""
    return make_url(url).set(username=f"kiosk_{kiosk_id}").render_as_string(hide_password=False)


def drop_kiosk_roles(url: str, kiosk_ids: Iterable[str]) -> None:
    """Drop the kiosks' roles (roles are cluster-wide and outlive the test database)."""
    admin = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with admin.begin() as conn:
        for kiosk_id in kiosk_ids:
            role = f"kiosk_{kiosk_id}"
            if conn.execute(text("select 1 from pg_roles where rolname = :r"), {"r": role}).first():
                conn.execute(text(f'DROP OWNED BY "{role}"'))
                conn.execute(text(f'DROP ROLE "{role}"'))
    admin.dispose()
