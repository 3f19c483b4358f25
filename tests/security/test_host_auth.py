"""Host sign-in (badge, then PIN), the lock-out, and a host's switch reaching the central store."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from kiosk.base.clock import FixedClock
from kiosk.rooms.door_view import door_view
from kiosk.rooms.host_modes import HostModes
from kiosk.rooms.modes import active_event
from kiosk.security.directory import enroll_badge
from kiosk.security.host_auth import BadgeCheck, HostAuth, PinCheck, hash_pin, pin_matches
from kiosk.store.engine import Store, open_store
from kiosk.store.models import AuditEntry, Event, OutboxRow, Person, RoomMode
from kiosk.sync import central as central_store
from kiosk.sync.engine import SyncEngine
from kiosk.views.screens import RoomState
from tests.stores import AINO_UID, NOON, local, seed_central, site_key

HELSINKI = ZoneInfo("Europe/Helsinki")
MIKKO_UID = "0B00C0FFEE"
PIN = "482915"


def seed(tmp_path: Path, url: str, clock: FixedClock) -> bytes:
    key = site_key(tmp_path)
    central = seed_central(url, key, clock)
    with central.engine.begin() as conn:
        enroll_badge(conn, "mikko@lab.example", MIKKO_UID, key, clock.now())
        mikko = conn.execute(select(Person.id).where(Person.email == "mikko@lab.example")).scalar()
        conn.execute(update(Person).where(Person.id == mikko).values(pin_hash=hash_pin(PIN)))
        central_store.publish(conn, "people", mikko, clock.now())
    central.dispose()
    return key


def synced_kiosk(
    tmp_path: Path, url: str, clock: FixedClock, kiosk_id: str
) -> tuple[Store, SyncEngine]:
    store = local(tmp_path, kiosk_id)
    sync = SyncEngine(store, url, kiosk_id=kiosk_id, role="lobby", room_id=None, clock=clock)
    sync.cycle()
    return store, sync


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOON)


def test_scrypt_hashes_are_salted_and_checked() -> None:
    a, b = hash_pin("1234"), hash_pin("1234")
    assert a != b and a.startswith("scrypt$16384$8$1$")
    assert pin_matches(a, "1234") and pin_matches(b, "1234")
    assert not pin_matches(a, "1235")
    for broken in (None, "", "md5$x", "scrypt$1$2", "scrypt$x$8$1$AA==$AA=="):
        assert not pin_matches(broken, "1234")


def test_a_host_badge_then_the_right_pin_signs_in(tmp_path: Path, clock: FixedClock) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    key = seed(tmp_path, url, clock)
    store, sync = synced_kiosk(tmp_path, url, clock, "lobby-1")
    auth = HostAuth(store, clock, key, "lobby-1")
    badge = auth.badge(MIKKO_UID)
    assert badge.result is BadgeCheck.HOST and badge.host is not None
    assert badge.host.name == "Mikko Korhonen"
    assert auth.pin(badge.host.person_id, PIN).result is PinCheck.OK
    # A member's badge and an unknown one get no panel.
    assert auth.badge(AINO_UID).result is BadgeCheck.NOT_A_HOST
    assert auth.badge("0DEADBEEF0").result is BadgeCheck.UNKNOWN
    with store.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["host.signed_in", "host.denied", "host.denied"]
    # Every attempt reaches the central audit log.
    sync.cycle()
    central = open_store(url, migrate=False)
    with central.engine.connect() as conn:
        assert len(conn.execute(select(AuditEntry)).all()) == 3
    central.dispose()
    sync.close()
    store.dispose()


def test_five_wrong_pins_lock_the_panel_for_five_minutes(tmp_path: Path, clock: FixedClock) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    key = seed(tmp_path, url, clock)
    store, sync = synced_kiosk(tmp_path, url, clock, "lobby-1")
    auth = HostAuth(store, clock, key, "lobby-1")
    host = auth.badge(MIKKO_UID).host
    assert host is not None
    tries = []
    for _ in range(4):
        clock.advance(timedelta(seconds=10))
        outcome = auth.pin(host.person_id, "000000")
        tries.append((outcome.result, outcome.tries_left))
    assert tries == [(PinCheck.WRONG, n) for n in (4, 3, 2, 1)]
    clock.advance(timedelta(seconds=10))
    fifth = auth.pin(host.person_id, "000000")
    assert fifth.result is PinCheck.LOCKED
    assert fifth.locked_until == clock.now() + timedelta(minutes=5)
    # Locked: even the right PIN, and a fresh badge tap, are refused until the time is up.
    clock.advance(timedelta(minutes=4, seconds=59))
    assert auth.pin(host.person_id, PIN).result is PinCheck.LOCKED
    assert auth.badge(MIKKO_UID).result is BadgeCheck.LOCKED
    # A restart does not reset it: the count lives in the store.
    again = HostAuth(store, clock, key, "lobby-1")
    assert again.badge(MIKKO_UID).result is BadgeCheck.LOCKED
    clock.advance(timedelta(seconds=2))
    assert again.badge(MIKKO_UID).result is BadgeCheck.HOST
    # After the lock-out, a fresh five tries.
    assert again.pin(host.person_id, "111111").tries_left == 4
    assert again.pin(host.person_id, PIN).result is PinCheck.OK
    # Another kiosk was never locked.
    other = HostAuth(store, clock, key, "door-aurora")
    assert other.badge(MIKKO_UID).result is BadgeCheck.HOST
    sync.close()
    store.dispose()


def test_a_host_without_a_pin_is_told_to_get_one(tmp_path: Path, clock: FixedClock) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    key = seed(tmp_path, url, clock)
    store, sync = synced_kiosk(tmp_path, url, clock, "lobby-1")
    with store.session() as s:
        s.execute(update(Person).values(pin_hash=None))
    assert HostAuth(store, clock, key, "lobby-1").badge(MIKKO_UID).result is BadgeCheck.NO_PIN
    sync.close()
    store.dispose()


def test_a_lab_event_switched_at_one_kiosk_reaches_another(
    tmp_path: Path, clock: FixedClock, central_url: str
) -> None:
    key = seed(tmp_path, central_url, clock)
    lobby, lobby_sync = synced_kiosk(tmp_path, central_url, clock, "lobby-1")
    door = local(tmp_path, "door-aurora")
    door_sync = SyncEngine(
        door, central_url, kiosk_id="door-aurora", role="door", room_id="aurora", clock=clock
    )
    door_sync.cycle()
    host = HostAuth(lobby, clock, key, "lobby-1").badge(MIKKO_UID).host
    assert host is not None
    until = clock.now() + timedelta(hours=3)
    HostModes(lobby, clock, "lobby-1", HELSINKI).switch(
        host.person_id, None, "event", until, title="Open Lab evening", capacity=80
    )
    with lobby.session() as s:
        event = active_event(s.connection(), clock.now())
        assert event is not None and event.title == "Open Lab evening"
    assert lobby_sync.cycle().pushed == 3  # event, mode, audit entry
    door_sync.cycle()
    with door.engine.connect() as conn:
        view = door_view(conn, "aurora", clock.now(), HELSINKI)
        assert view is not None and view.state is RoomState.EVENT
        assert view.mode_title == "Open Lab evening"
        assert conn.execute(select(Event.capacity)).scalar_one() == 80
        # It reverts by itself.
        later = door_view(conn, "aurora", until + timedelta(seconds=1), HELSINKI)
        assert later is not None and later.state is RoomState.FREE
    for engine in (lobby_sync, door_sync):
        engine.close()
    for store in (lobby, door):
        store.dispose()


def test_a_switch_not_made_by_a_host_is_refused_centrally(
    tmp_path: Path, clock: FixedClock, central_url: str
) -> None:
    seed(tmp_path, central_url, clock)
    lobby, sync = synced_kiosk(tmp_path, central_url, clock, "lobby-1")
    with lobby.session() as s:
        aino = s.scalars(select(Person.id).where(Person.role == "member")).one()
    HostModes(lobby, clock, "lobby-1", HELSINKI).switch(
        aino, ("aurora",), "closed", clock.now() + timedelta(hours=1), title="Forged"
    )
    sync.cycle()
    with lobby.session() as s:
        refused = s.scalars(select(OutboxRow).where(OutboxRow.entity == "room_modes")).one()
        assert refused.rejected_at is not None
        assert "only a host" in (refused.last_error or "")
    central = open_store(central_url, migrate=False)
    with central.engine.connect() as conn:
        assert conn.execute(select(RoomMode)).all() == []
    central.dispose()
    sync.close()
    lobby.dispose()
