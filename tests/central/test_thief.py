"""A stolen kiosk's token, replayed against the service: nothing beyond its own screen.

Each test pushes what a thief with one kiosk's disk and token would push, straight at the
API, and checks that the service refused it, changed nothing for any other room or screen,
and audited the refusal.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from kiosk.base.ids import new_id
from kiosk.config.settings import load_config
from kiosk.rooms.modes import ModeSwitch, active_mode, set_mode_central
from kiosk.store.engine import open_local_store
from kiosk.store.models import AuditEntry, OutboxRow, Person, RoomMode, Visitor
from kiosk.sync import outbox
from kiosk.sync.engine import SyncEngine
from tests.central.helpers import LiveService, kiosk_config
from tests.central.thief_kit import (
    checkin,
    headers_for,
    host_id,
    pin,
    push,
    refusals,
    set_pin,
    visitor,
)
from tests.stores import NOON, dump


def test_a_stolen_door_cannot_pin_the_lab_closed_with_a_huge_version(
    tmp_path: Path, service: LiveService
) -> None:
    door = headers_for(tmp_path, service, "door-aurora", "door", "aurora")
    mode = {
        "id": str(new_id()),
        "room_id": None,
        "mode": "closed",
        "version": 2**63 - 1,
        "title": None,
        "event_id": None,
        "starts_at": NOON.isoformat(),
        "expires_at": (NOON + timedelta(days=30_000)).isoformat(),
        "set_by": host_id(service),
        "kiosk_id": "door-aurora",
        "updated_at": NOON.isoformat(),
    }
    answer = push(service, door, ("room_modes", mode))
    assert answer["acknowledged"] == [] and "out of range" in answer["rejected"]["1"]
    mode["version"] = 2**52  # in range, but no host typed a PIN the service checked
    mode["expires_at"] = (NOON + timedelta(days=30)).isoformat()
    answer = push(service, door, ("room_modes", mode))
    assert "PIN was not checked" in answer["rejected"]["1"]
    set_pin(service, "135790")
    assert pin(service, door, "135790")["result"] == "ok"  # now a host is signed in here
    assert push(service, door, ("room_modes", mode))["acknowledged"] == [1]
    with service.store.engine.begin() as conn:
        stored = conn.execute(select(RoomMode.version)).scalar_one()
        assert stored < 2**52
        switch = ModeSwitch(None, "normal", NOON, NOON + timedelta(hours=8))
        set_mode_central(conn, switch, set_by=None, now=NOON + timedelta(minutes=1))
        now = active_mode(conn, "aurora", NOON + timedelta(minutes=2))
    assert now is not None and now.mode == "normal"  # an admin's switch wins again


def test_a_door_acts_only_on_its_own_room_and_pushes_no_visitor_data(
    tmp_path: Path, service: LiveService
) -> None:
    door = headers_for(tmp_path, service, "door-aurora", "door", "aurora")
    before = dump(service.store)
    action = {
        "id": str(new_id()),
        "booking_id": str(new_id()),
        "room_id": "borealis",
        "kind": "book",
        "starts_at": NOON.isoformat(),
        "ends_at": (NOON + timedelta(hours=1)).isoformat(),
        "actor_id": None,
        "kiosk_id": "door-aurora",
        "at": NOON.isoformat(),
        "outcome": None,
        "reason": None,
    }
    walk_in = checkin("door-aurora", "badge")
    answer = push(
        service,
        door,
        ("booking_actions", action),
        ("checkins", walk_in),
        ("visitors", visitor("Mallory")),
        ("changes", {"seq": 1}),
    )
    assert answer["acknowledged"] == []
    assert "not this door's room" in answer["rejected"]["1"]
    assert "may not push checkins" in answer["rejected"]["2"]
    assert "may not push visitors" in answer["rejected"]["3"]
    assert "unknown entity" in answer["rejected"]["4"]
    after = dump(service.store)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"
    }
    assert len(refusals(service, "door-aurora")) == 4


def test_a_lobby_cannot_write_in_another_kiosks_name(tmp_path: Path, service: LiveService) -> None:
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    walk_in = checkin("lobby-2", "walk-in")
    action = {
        "id": str(new_id()),
        "booking_id": str(new_id()),
        "room_id": "aurora",
        "kind": "end",
        "kiosk_id": "lobby-1",
        "at": NOON.isoformat(),
    }
    booking = {**action, "title": "Mine", "starts_at": NOON.isoformat()}
    answer = push(
        service, lobby, ("checkins", walk_in), ("booking_actions", action), ("bookings", booking)
    )
    assert answer["acknowledged"] == []
    assert "another kiosk" in answer["rejected"]["1"]
    assert "may not push booking_actions" in answer["rejected"]["2"]
    assert "may not push bookings" in answer["rejected"]["3"]
    entities = sorted(r["entity"] for r in refusals(service, "lobby-1"))
    assert entities == ["booking_actions", "bookings", "checkins"]


def test_a_nul_byte_is_refused_and_the_records_behind_it_are_kept(
    tmp_path: Path, service: LiveService
) -> None:
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    answer = push(
        service, lobby, ("visitors", visitor("Eve\x00")), ("visitors", visitor("Ada Lovelace"))
    )
    assert answer["acknowledged"] == [2] and "control characters" in answer["rejected"]["1"]
    with service.store.engine.connect() as conn:
        assert conn.execute(select(Visitor.name)).scalars().all() == ["Ada Lovelace"]


def test_a_stolen_lobby_cannot_push_a_name_that_hides_or_reorders_text(
    tmp_path: Path, service: LiveService
) -> None:
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    bad = ["\u202eevil\u202c Visitor", "x\u0085y\u009bz", "a\u2028b\u2029c", "\u200b", "\u200d"]
    items = [("visitors", visitor(name)) for name in [*bad, "Ada\u200dLovelace"]]
    answer = push(service, lobby, *items)
    assert answer["acknowledged"] == [6]
    assert "U+202E" in answer["rejected"]["1"] and "U+0085" in answer["rejected"]["2"]
    assert "U+2028" in answer["rejected"]["3"] and "U+200B" in answer["rejected"]["4"]
    assert "shows nothing" in answer["rejected"]["5"]
    with service.store.engine.connect() as conn:
        assert conn.execute(select(Visitor.name)).scalars().all() == ["Ada\u200dLovelace"]


def test_a_huge_record_is_rejected_for_good_and_the_outbox_moves_on(
    tmp_path: Path, service: LiveService
) -> None:
    cfg = load_config(kiosk_config(tmp_path, service, "lobby-1", "lobby"))
    local = open_local_store(cfg.local_store_path)
    with local.session() as s:
        for name in ("x" * (20 * 1024 * 1024), "Grace Hopper"):
            row = Visitor(name=name, organisation=None, host_id=None, updated_at=NOON)
            s.add(row)
            outbox.enqueue(s, "visitors", row, NOON)
    engine = SyncEngine.for_kiosk(cfg, local, service.clock)
    try:
        pushed, rejected = engine.push()
    finally:
        engine.close()
    with local.engine.connect() as conn:
        left = conn.execute(select(OutboxRow.rejected_at, OutboxRow.last_error)).all()
    local.dispose()
    assert (pushed, rejected) == (1, 1)
    assert len(left) == 1 and left[0].rejected_at is not None and "too large" in left[0].last_error
    # Sent anyway (by a thief's own client): the service reads and drops it, and answers 413.
    token = cfg.credential_file.read_text(encoding="ascii").strip() if cfg.credential_file else ""
    huge = {"items": [{"seq": 1, "entity": "visitors", "payload": visitor("y" * 3_000_000)}]}
    answer = httpx.post(
        f"{service.url}/v1/push", json=huge, headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 413
    with service.store.engine.connect() as conn:
        assert conn.execute(select(Visitor.name)).scalars().all() == ["Grace Hopper"]


def test_a_flood_of_heartbeats_is_answered_429_with_retry_after(
    tmp_path: Path, service: LiveService
) -> None:
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    codes = [
        httpx.post(
            f"{service.url}/v1/heartbeat", json={"version": "1.0", "status": {}}, headers=lobby
        )
        for _ in range(8)
    ]
    assert [c.status_code for c in codes[:5]] == [200] * 5
    assert codes[-1].status_code == 429 and int(codes[-1].headers["Retry-After"]) >= 1
    big = {"version": "1.0", "status": {"x": "y" * (300 * 1024)}}
    assert httpx.post(f"{service.url}/v1/heartbeat", json=big, headers=lobby).status_code == 413


def test_wrong_pins_at_two_kiosks_lock_the_host_everywhere(
    tmp_path: Path, service: LiveService
) -> None:
    set_pin(service, "246810")
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    door = headers_for(tmp_path, service, "door-aurora", "door", "aurora")
    tries = [pin(service, kiosk, "000000") for kiosk in (lobby, lobby, door, lobby)]
    assert [t["tries_left"] for t in tries] == [4, 3, 2, 1]
    assert pin(service, door, "000000")["result"] == "locked"
    assert pin(service, lobby, "246810")["result"] == "locked"  # the right PIN waits too
    with service.store.engine.connect() as conn:
        kiosks = set(
            conn.execute(
                select(AuditEntry.kiosk_id).where(AuditEntry.action == "host.pin_failed")
            ).scalars()
        )
    assert kiosks == {"lobby-1", "door-aurora"}


def test_a_kiosk_cannot_forge_the_services_audit_of_pins(
    tmp_path: Path, service: LiveService
) -> None:
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    forged = {
        "id": str(new_id()), "at": NOON.isoformat(), "actor_id": host_id(service),
        "kiosk_id": "lobby-1", "action": "host.signed_in", "detail": {},
    }  # fmt: skip
    answer = push(service, lobby, ("audit_log", forged))
    assert "central service's to write" in answer["rejected"]["1"]


def test_no_kiosk_receives_pin_hashes(tmp_path: Path, service: LiveService) -> None:
    set_pin(service, "112233")
    for kiosk_id, role, room in (("lobby-1", "lobby", None), ("door-aurora", "door", "aurora")):
        cfg = load_config(kiosk_config(tmp_path, service, kiosk_id, role, room))
        local = open_local_store(cfg.local_store_path)
        # Synced directly before the upgrade: the old replica holds the host's PIN hash ...
        url = service.store.engine.url.render_as_string(hide_password=False)
        direct = SyncEngine(local, url, kiosk_id=kiosk_id, role=role, room_id=room,
                            clock=service.clock)  # fmt: skip
        direct.cycle()
        direct.close()
        with local.engine.connect() as conn:
            assert any(conn.execute(select(Person.pin_hash)).scalars())
        # ... which the first sync through the service removes.
        engine = SyncEngine.for_kiosk(cfg, local, service.clock)
        try:
            engine.cycle()
        finally:
            engine.close()
        with local.engine.connect() as conn:
            hashes = conn.execute(select(Person.pin_hash)).scalars().all()
        local.dispose()
        assert hashes and all(h is None for h in hashes)
