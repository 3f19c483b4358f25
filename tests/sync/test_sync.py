from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update

from kiosk.base.clock import FixedClock
from kiosk.base.ids import new_id
from kiosk.lobby.checkin import CheckinService
from kiosk.lobby.presence import who_is_in
from kiosk.store.engine import open_store
from kiosk.store.models import Checkin, KioskRecord, OutboxRow, Person, Visitor
from kiosk.sync import acceptance, central
from kiosk.sync.engine import SyncEngine
from tests.stores import AINO_UID, NOON, local, seed_central, site_key


def engine_for(
    store, url: str, clock: FixedClock, role: str = "lobby", kiosk_id: str = "lobby-1"
) -> SyncEngine:
    return SyncEngine(
        store,
        url,
        kiosk_id=kiosk_id,
        role=role,
        room_id="aurora" if role == "door" else None,
        clock=clock,
        batch_size=3,
    )


def test_a_tap_reaches_the_central_store_once(tmp_path: Path, central_url: str) -> None:
    clock = FixedClock(NOON)
    key = site_key(tmp_path)
    seed_central(central_url, key, clock).dispose()
    store = local(tmp_path)
    sync = engine_for(store, central_url, clock)
    sync.cycle()
    CheckinService(store, clock, key, "lobby-1").badge_tap(AINO_UID)

    report = sync.cycle()
    assert report.pushed == 1 and report.outbox_depth == 0
    assert sync.cycle().pushed == 0  # nothing left to push

    c = open_store(central_url, migrate=False)
    with c.engine.connect() as conn:
        present = who_is_in(conn)
        heartbeat = conn.execute(select(KioskRecord)).one()
    assert [(p.name, p.kind) for p in present] == [("Aino Virtanen", "member")]
    assert present[0].checked_in_at == NOON
    assert heartbeat.id == "lobby-1"
    sync.close()
    c.dispose()
    store.dispose()


def test_a_batch_delivered_twice_is_stored_once(tmp_path: Path, central_url: str) -> None:
    clock = FixedClock(NOON)
    key = site_key(tmp_path)
    seed_central(central_url, key, clock).dispose()
    store = local(tmp_path)
    sync = engine_for(store, central_url, clock)
    sync.cycle()
    service = CheckinService(store, clock, key, "lobby-1")
    service.badge_tap(AINO_UID)
    with store.session() as s:
        rows = s.execute(select(OutboxRow.seq, OutboxRow.entity, OutboxRow.payload)).all()
    items = [acceptance.PushItem(r.seq, r.entity, r.payload) for r in rows]
    c = open_store(central_url, migrate=False)
    for _ in range(2):  # the acknowledgement was lost; the kiosk sends the batch again
        with c.engine.begin() as conn:
            result = acceptance.accept_push(conn, items, clock.now())
        assert result.acknowledged == [items[0].seq]
    with c.engine.connect() as conn:
        assert len(conn.execute(select(Checkin)).all()) == 1
        assert (
            conn.execute(
                select(central.changes_table).where(central.changes_table.c.entity == "checkins")
            )
            .all()
            .__len__()
            == 1
        )
    sync.close()
    c.dispose()
    store.dispose()


def test_a_refused_row_is_kept_and_marked_not_dropped(tmp_path: Path, central_url: str) -> None:
    clock = FixedClock(NOON)
    key = site_key(tmp_path)
    seed_central(central_url, key, clock).dispose()
    store = local(tmp_path)
    sync = engine_for(store, central_url, clock)
    sync.cycle()
    service = CheckinService(store, clock, key, "lobby-1")
    service.badge_tap(AINO_UID)
    clock.advance(timedelta(hours=1))
    service.badge_tap(AINO_UID)
    # Corrupt the first queued record so that the central store must refuse it.
    with store.session() as s:
        first = s.scalars(select(OutboxRow).order_by(OutboxRow.seq)).first()
        assert first is not None
        bad = dict(first.payload, person_id="00000000-0000-7000-8000-000000000000")
        s.execute(update(OutboxRow).where(OutboxRow.seq == first.seq).values(payload=bad))
    report = sync.cycle()
    assert (report.pushed, report.rejected) == (1, 1)
    with store.session() as s:
        kept = s.scalars(select(OutboxRow)).all()
    assert len(kept) == 1 and kept[0].rejected_at is not None and kept[0].last_error
    sync.close()
    store.dispose()


def test_door_kiosks_receive_no_visitor_data(tmp_path: Path, central_url: str) -> None:
    clock = FixedClock(NOON)
    key = site_key(tmp_path)
    c = seed_central(central_url, key, clock)
    with c.engine.begin() as conn:
        host = conn.execute(select(Person.id).where(Person.role == "host")).scalar_one()
        central.write(
            conn,
            "visitors",
            {
                "id": new_id(),
                "name": "Vera Vierailija",
                "organisation": "Kela",
                "host_id": host,
                "anonymised_at": None,
                "updated_at": clock.now(),
            },
            clock.now(),
        )
    lobby, door = local(tmp_path, "lobby"), local(tmp_path, "door")
    for sync in (
        engine_for(lobby, central_url, clock),
        engine_for(door, central_url, clock, role="door", kiosk_id="door-1"),
    ):
        sync.cycle()
        sync.close()
    with lobby.session() as s:
        assert [v.name for v in s.scalars(select(Visitor))] == ["Vera Vierailija"]
    with door.session() as s:
        assert s.scalars(select(Visitor)).all() == []
        assert len(s.scalars(select(Person)).all()) == 2  # members are needed at doors
    for store in (c, lobby, door):
        store.dispose()


def test_pull_pages_through_the_feed_and_keeps_the_cursor(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    clock = FixedClock(NOON)
    seed_central(url, site_key(tmp_path), clock).dispose()  # 4 changes; batch size is 3
    store = local(tmp_path)
    sync = engine_for(store, url, clock)
    assert sync.pull() == 4
    assert sync.pull() == 0
    assert sync.first_sync_done()
    sync.close()
    store.dispose()


def test_payloads_are_json(tmp_path: Path) -> None:
    clock = FixedClock(NOON)
    key = site_key(tmp_path)
    url = f"sqlite:///{tmp_path / 'central.db'}"
    seed_central(url, key, clock).dispose()
    store = local(tmp_path)
    engine_for(store, url, clock).cycle()
    CheckinService(store, clock, key, "lobby-1").badge_tap(AINO_UID)
    with store.session() as s:
        payload = s.scalars(select(OutboxRow.payload)).one()
    assert json.loads(json.dumps(payload))["direction"] == "in"
    store.dispose()


def test_a_value_the_central_store_cannot_hold_is_rejected_not_retried(
    tmp_path: Path, central_url: str
) -> None:
    """A store error about the value itself (PostgreSQL's class 22: too long, a NUL byte) is
    refused the same way on every retry: it is rejected for good, and the batch goes on."""
    clock = FixedClock(NOON)
    c = seed_central(central_url, site_key(tmp_path), clock)

    def visitor(name: str) -> acceptance.PushItem:
        row = {"id": str(new_id()), "name": name, "organisation": None, "host_id": None,
               "anonymised_at": None, "updated_at": NOON.isoformat()}  # fmt: skip
        return acceptance.PushItem(len(name), "visitors", row)

    items = [visitor("V" * 201), visitor("Eve\x00Eve"), visitor("Ada")]
    with c.engine.begin() as conn:
        result = acceptance.accept_push(conn, items, clock.now())
    c.dispose()
    if c.engine.dialect.name == "postgresql":
        assert result.acknowledged == [3]
        assert set(result.rejected) == {201, 7}
        assert all("refused by the central store" in r for r in result.rejected.values())
    else:  # SQLite holds both: the service's edge refuses them before they get here
        assert result.acknowledged == [201, 7, 3]
