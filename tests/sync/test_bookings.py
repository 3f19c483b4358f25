"""Two active bookings of one room never overlap, whoever pushes them and however they race."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from kiosk.base.clock import FixedClock
from kiosk.base.ids import new_id
from kiosk.store.engine import open_store
from kiosk.store.models import Booking, OutboxRow
from kiosk.sync import acceptance, central
from kiosk.sync.state import read_status
from tests.helpers import wait_for
from tests.stores import NOON, local, seed_central, site_key
from tests.sync.helpers import Tally, book_locally, engine_for


def _booking(start_h: int, end_h: int, status: str = "confirmed") -> dict[str, object]:
    return {
        "id": new_id(),
        "room_id": "aurora",
        "title": "Sprint review",
        "private": False,
        "organiser_id": None,
        "starts_at": NOON + timedelta(hours=start_h),
        "ends_at": NOON + timedelta(hours=end_h),
        "status": status,
        "source": "kiosk",
        "external_uid": None,
        "checked_in_at": None,
        "created_by": None,
        "updated_at": NOON,
    }


@pytest.mark.postgres
def test_postgresql_refuses_overlapping_active_bookings(seeded_pg: str) -> None:
    c = open_store(seeded_pg, migrate=False)
    with c.engine.begin() as conn:
        central.write(conn, "bookings", _booking(0, 1), NOON)
        central.write(conn, "bookings", _booking(1, 2), NOON)  # back to back is fine
        central.write(conn, "bookings", _booking(0, 2, status="cancelled"), NOON)
    with pytest.raises(IntegrityError, match="xcl_bookings_room_overlap"), c.engine.begin() as conn:
        conn.execute(
            Booking.__table__.insert().values(_booking(0, 1)),  # type: ignore[attr-defined]
        )
    c.dispose()


def test_two_kiosks_booking_one_slot_offline_exactly_one_wins(
    tmp_path: Path, central_url: str, clock: FixedClock
) -> None:
    seed_central(central_url, site_key(tmp_path), clock).dispose()
    doors = [local(tmp_path, f"door-{i}") for i in (1, 2)]
    syncs = [
        engine_for(store, central_url, clock, role="door", kiosk_id=f"door-{i}")
        for i, store in enumerate(doors, 1)
    ]
    for sync in syncs:
        sync.cycle()  # both know the room; then both go offline and book the same hour
    slot = NOON + timedelta(hours=2)
    ids = [
        book_locally(store, "aurora", slot, 60, clock.now(), f"Meeting {i}")
        for i, store in enumerate(doors, 1)
    ]
    reports = [sync.cycle() for sync in syncs]  # back online, one after the other
    reports += [sync.cycle() for sync in syncs]  # and once more: nothing changes

    c = open_store(central_url, migrate=False)
    with c.engine.connect() as conn:
        stored = conn.execute(select(Booking.id).where(Booking.starts_at == slot)).scalars().all()
    loser = read_status(doors[1])
    told = {uuid.UUID(r.record_id) for r in loser.rejected}
    Tally("two doors, one slot", set(ids), list(stored), told).check()
    assert stored == [ids[0]]
    assert [r.rejected for r in reports] == [0, 1, 0, 0]
    assert [(r.entity, r.record_id) for r in loser.rejected] == [("bookings", str(ids[1]))]
    assert loser.rejected[0].reason == "booking conflict: the room is already booked at that time"
    with doors[1].session() as s:
        statuses = {r.id: r.status for r in s.execute(select(Booking.id, Booking.status))}
        assert s.scalars(select(OutboxRow.rejected_at)).one() is not None  # kept, not dropped
    assert statuses == {ids[0]: "confirmed", ids[1]: "rejected"}  # the winner's arrived
    for sync in syncs:
        sync.close()
    for store in [*doors, c]:
        store.dispose()


@pytest.mark.postgres
def test_a_race_between_two_pushes_is_settled_by_the_exclusion_constraint(
    seeded_pg: str,
) -> None:
    c = open_store(seeded_pg, migrate=False)
    first, second = _booking(3, 4), _booking(3, 4)
    items = [acceptance.PushItem(1, "bookings", _payload(first))]
    result: dict[str, acceptance.PushResult] = {}
    conn_a = c.engine.connect()
    try:
        tx = conn_a.begin()
        assert acceptance.accept_push(conn_a, items, NOON).acknowledged == [1]  # not committed yet

        def push_second() -> None:
            with c.engine.begin() as conn_b:
                item = acceptance.PushItem(2, "bookings", _payload(second))
                result["b"] = acceptance.accept_push(conn_b, [item], NOON)

        racer = threading.Thread(target=push_second)
        racer.start()

        def blocked() -> bool:
            with c.engine.connect() as conn:
                return bool(
                    conn.execute(
                        text(
                            "select count(*) from pg_stat_activity "
                            "where datname = current_database() and wait_event_type = 'Lock'"
                        )
                    ).scalar()
                )

        wait_for(blocked, 10, "the second push to wait on the first")
        tx.commit()
        racer.join(10)
    finally:
        conn_a.close()
    assert result["b"].acknowledged == []
    assert result["b"].rejected == {2: "booking conflict: the room is already booked at that time"}
    c.dispose()


def _payload(row: dict[str, object]) -> dict[str, object]:
    from kiosk.sync.replication import ENTITIES, to_payload

    return to_payload(ENTITIES["bookings"], row)
