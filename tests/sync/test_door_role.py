"""A door's own database role applies its booking actions, and only in its own room.

Everything runs against the real PostgreSQL with the role ``kiosk admin grant-kiosk`` creates:
the door's actions travel through the real sync path (``SyncEngine`` push as that role), and
the same role is then tried directly, as a thief holding the door's credentials would.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from kiosk.base.clock import FixedClock
from kiosk.base.ids import new_id
from kiosk.cli.main import main
from kiosk.rooms.bookings import add_booking
from kiosk.rooms.door_actions import DoorActions
from kiosk.security.directory import add_room
from kiosk.store.engine import Store
from kiosk.store.models import AuditEntry, Base, Booking, BookingAction, OutboxRow
from kiosk.sync import outbox
from kiosk.sync.booking_actions import NOT_YOURS
from kiosk.sync.engine import SyncEngine
from tests.stores import AINO_UID, NOON, local, seed_central, site_key
from tests.sync.helpers import admin_config, as_role, drop_kiosk_roles, engine_for

pytestmark = pytest.mark.postgres

TZ = ZoneInfo("Europe/Helsinki")


@dataclass
class DoorKiosk:
    """A door of room aurora syncing as its own role; ``admin`` is the owner's view."""

    kiosk_id: str
    url: str  # the central store as the door's role
    store: Store
    sync: SyncEngine
    actions: DoorActions
    admin: Store
    clock: FixedClock

    def central_booking(self, room: str, start_min: int, minutes: int) -> uuid.UUID:
        start = self.clock.now() + timedelta(minutes=start_min)
        with self.admin.engine.begin() as conn:
            return add_booking(
                conn,
                room_id=room,
                title="Palaveri",
                starts_at=start,
                ends_at=start + timedelta(minutes=minutes),
                now=self.clock.now(),
            )

    def ends_at(self, booking_id: uuid.UUID) -> datetime:
        with self.admin.session() as s:
            booking = s.get(Booking, booking_id)
            assert booking is not None
            return booking.ends_at

    def push_forged(self, booking_id: uuid.UUID, room: str, kiosk_id: str) -> str:
        """Push an "extend" the door's code would never make; returns the rejection reason."""
        now = self.clock.now()
        with self.store.session() as s:
            action = BookingAction(
                id=new_id(),
                booking_id=booking_id,
                room_id=room,
                kind="extend",
                ends_at=now + timedelta(hours=3),
                kiosk_id=kiosk_id,
                at=now,
                outcome="pending",
                updated_at=now,
            )
            s.add(action)
            outbox.enqueue(s, "booking_actions", action, now)
        assert self.sync.push() == (0, 1)
        with self.store.session() as s:
            row = s.scalars(select(OutboxRow).where(OutboxRow.record_id == str(action.id))).one()
            assert row.rejected_at is not None  # kept, marked, never dropped
            return row.last_error or ""


@pytest.fixture
def door(tmp_path: Path, pg_url: str, clock: FixedClock) -> Iterator[DoorKiosk]:
    kiosk_id = f"door-{uuid.uuid4().hex[:8]}"
    key = site_key(tmp_path)
    admin = seed_central(pg_url, key, clock)
    with admin.engine.begin() as conn:
        add_room(conn, "borealis", "Borealis", 6, clock.now())
    config = admin_config(tmp_path, pg_url)
    argv = ["admin", "--config", str(config), "grant-kiosk", kiosk_id, "--role", "door"]
    assert main([*argv, "--room", "aurora"]) == 0
    url = as_role(pg_url, kiosk_id)
    store = local(tmp_path, "door")
    sync = engine_for(store, url, clock, role="door", kiosk_id=kiosk_id)
    actions = DoorActions(store, clock, key, kiosk_id, "aurora", TZ)
    d = DoorKiosk(kiosk_id, url, store, sync, actions, admin, clock)
    try:
        yield d
    finally:
        sync.close()
        store.dispose()
        admin.dispose()
        drop_kiosk_roles(pg_url, [kiosk_id])


def test_a_door_role_books_extends_and_ends_early_in_its_own_room(door: DoorKiosk) -> None:
    meeting = door.central_booking("aurora", -30, 60)  # an admin's booking, source 'admin'
    door.sync.cycle()
    door.clock.advance(timedelta(minutes=10))
    assert door.actions.extend(AINO_UID, meeting, 30).ok
    report = door.sync.cycle()
    assert (report.pushed, report.rejected, report.outbox_depth) == (1, 0, 0)
    assert door.ends_at(meeting) == NOON + timedelta(minutes=60)

    door.clock.advance(timedelta(minutes=5))
    assert door.actions.end_early(AINO_UID, meeting).ok
    door.sync.cycle()
    assert door.ends_at(meeting) == NOON + timedelta(minutes=15)

    booked = door.actions.book_now(AINO_UID, 30)
    assert booked.ok
    assert door.sync.cycle().outbox_depth == 0
    with door.admin.session() as s:
        new = s.scalars(select(Booking).where(Booking.source == "kiosk")).one()
        assert (new.room_id, new.status) == ("aurora", "confirmed")
        outcomes = s.scalars(select(BookingAction.outcome)).all()
        assert outcomes == ["applied"] * 3
        audit = s.scalars(select(AuditEntry.action).order_by(AuditEntry.at)).all()
        assert sorted(audit) == ["door.book", "door.end", "door.extend"]
    with door.store.session() as s:  # the central truth came back through the feed
        mine = s.get(Booking, new.id)
        assert mine is not None and mine.status == "confirmed"


def test_a_door_role_cannot_act_outside_its_room_or_as_another_kiosk(door: DoorKiosk) -> None:
    theirs = door.central_booking("borealis", -10, 60)
    ours = door.central_booking("aurora", -10, 60)
    later_ours = door.central_booking("aurora", 120, 30)
    door.sync.cycle()
    before = {b: door.ends_at(b) for b in (theirs, ours)}

    # Through the sync path: each forged action is rejected for good and changes nothing.
    reason = door.push_forged(theirs, "borealis", door.kiosk_id)
    assert reason == NOT_YOURS
    reason = door.push_forged(ours, "aurora", "door-someone-else")
    assert "row-level security" in reason and "booking_actions" in reason
    assert {b: door.ends_at(b) for b in (theirs, ours)} == before

    # Directly, as a thief with the door's credentials.
    role = sa.create_engine(door.url, poolclass=sa.pool.NullPool)
    later = {"t": NOON + timedelta(hours=5), "b": str(theirs)}
    with role.begin() as conn:
        moved = conn.execute(text("UPDATE bookings SET ends_at = :t WHERE id = :b"), later)
        assert moved.rowcount == 0  # another room's bookings are invisible to UPDATE
        conn.execute(text("UPDATE bookings SET status = 'released' WHERE id = :b"), {"b": ours})
        revived = conn.execute(
            text("UPDATE bookings SET status = 'confirmed' WHERE id = :b"), {"b": ours}
        )
        assert revived.rowcount == 0  # only active bookings of its room
    with role.connect() as conn, pytest.raises(DBAPIError, match="row-level security"):
        conn.execute(text("UPDATE bookings SET status = 'bogus' WHERE id = :b"), {"b": later_ours})
    for statement in (
        "UPDATE bookings SET title = 'x'",  # not a column actions change
        "UPDATE bookings SET room_id = 'aurora'",
        "SELECT * FROM audit_log",
        "SELECT name FROM visitors",
    ):
        with role.connect() as conn, pytest.raises(ProgrammingError, match="permission denied"):
            conn.execute(text(statement))
    forged = [
        {"room": "borealis", "kiosk": door.kiosk_id},  # another room
        {"room": "aurora", "kiosk": "door-someone-else"},  # as another kiosk
    ]
    for values in forged:
        with role.connect() as conn, pytest.raises(DBAPIError, match="row-level security"):
            conn.execute(
                text(
                    "INSERT INTO booking_actions (id, booking_id, room_id, kind, kiosk_id, at, "
                    "outcome, updated_at) VALUES (gen_random_uuid(), gen_random_uuid(), :room, "
                    "'release', :kiosk, now(), 'applied', now())"
                ),
                values,
            )
    with role.connect() as conn, pytest.raises(DBAPIError, match="row-level security"):
        conn.execute(
            text(
                "INSERT INTO changes (entity, record_id, audience, payload, created_at) VALUES "
                "('bookings', :b, 'all', CAST(:p AS json), now())"
            ),
            {"b": str(theirs), "p": f'{{"id": "{theirs}", "room_id": "borealis"}}'},
        )
    for table in [*Base.metadata.tables, "kiosk_roles"]:
        with role.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text(f'DELETE FROM "{table}"'))
    role.dispose()
    assert {b: door.ends_at(b) for b in (theirs, ours)} == before
    with door.admin.session() as s:
        found = [s.get(Booking, b) for b in (theirs, ours, later_ours)]
        assert [b.status if b else None for b in found] == ["confirmed", "released", "confirmed"]


def test_grant_kiosk_confines_a_door_to_a_room_it_must_name(
    tmp_path: Path, seeded_pg: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = admin_config(tmp_path, seeded_pg)
    base = ["admin", "--config", str(config), "grant-kiosk", f"door-{uuid.uuid4().hex[:8]}"]
    pw = tmp_path / "door.password"
    assert main([*base, "--role", "door", "--password-file", str(pw)]) == 2
    assert "give --room ROOM_ID" in capsys.readouterr().err
    assert main([*base, "--role", "door", "--room", "nowhere"]) == 2
    assert "no such room" in capsys.readouterr().err
    assert main([*base, "--role", "lobby", "--room", "aurora"]) == 2
    assert "--room is for doors only" in capsys.readouterr().err
    assert not pw.exists()
    admin = sa.create_engine(seeded_pg, poolclass=sa.pool.NullPool)
    with admin.connect() as conn:  # nothing was changed
        assert conn.execute(text("select count(*) from kiosk_roles")).scalar_one() == 0
        created = text("select count(*) from pg_roles where rolname = :r")
        assert conn.execute(created, {"r": f"kiosk_{base[-1]}"}).scalar_one() == 0
    admin.dispose()

    assert main([*base, "--role", "door", "--room", "aurora", "--print-sql"]) == 0
    sql = capsys.readouterr().out
    assert "UPDATE (ends_at, status, checked_in_at, updated_at) ON bookings" in sql
    assert "'aurora') ON CONFLICT (role_name) DO UPDATE" in sql
