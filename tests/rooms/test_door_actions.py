"""Door actions against a real local store and a real central store, through real sync cycles."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.rooms.bookings import add_booking
from kiosk.rooms.door_actions import DoorActions
from kiosk.rooms.door_view import door_view
from kiosk.rooms.policy import set_room_policy
from kiosk.store.engine import Store, open_store
from kiosk.store.models import AuditEntry, Booking, BookingAction, OutboxRow
from kiosk.sync import acceptance
from kiosk.sync.engine import SyncEngine
from kiosk.views.screens import ActionResult, DoorView, RoomState
from tests.stores import AINO_UID, NOON, dump, local, seed_central, site_key
from tests.sync.helpers import engine_for

TZ = ZoneInfo("Europe/Helsinki")
STRANGER = "0FFFFFFFFF"


@dataclass
class Door:
    store: Store
    central: Store
    sync: SyncEngine
    actions: DoorActions
    clock: FixedClock

    def cycle(self) -> None:
        self.sync.cycle()

    def booking(self, booking_id: uuid.UUID, where: str = "local") -> Booking:
        store = self.store if where == "local" else self.central
        with store.session() as s:
            found = s.get(Booking, booking_id)
            assert found is not None
            s.expunge(found)
            return found

    def add_central_booking(
        self, start_min: int, minutes: int, title: str = "Palaveri"
    ) -> uuid.UUID:
        start = self.clock.now() + timedelta(minutes=start_min)
        with self.central.engine.begin() as conn:
            return add_booking(
                conn,
                room_id="aurora",
                title=title,
                starts_at=start,
                ends_at=start + timedelta(minutes=minutes),
                now=self.clock.now(),
            )

    def policy(self, **kwargs: object) -> None:
        with self.central.engine.begin() as conn:
            set_room_policy(conn, "aurora", self.clock.now(), **kwargs)  # type: ignore[arg-type]
        self.cycle()


def _door(tmp_path: Path, url: str, clock: FixedClock, key: bytes, name: str) -> Door:
    store = local(tmp_path, name)
    sync = engine_for(store, url, clock, role="door", kiosk_id=name)
    actions = DoorActions(store, clock, key, name, "aurora", TZ)
    return Door(store, open_store(url, migrate=False), sync, actions, clock)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOON)


@pytest.fixture
def door(tmp_path: Path, clock: FixedClock) -> Iterator[Door]:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    key = site_key(tmp_path)
    seed_central(url, key, clock).dispose()
    d = _door(tmp_path, url, clock, key, "door-aurora")
    d.cycle()
    yield d
    d.sync.close()
    d.store.dispose()
    d.central.dispose()


def test_book_now_is_provisional_until_the_central_store_confirms_it(door: Door) -> None:
    outcome = door.actions.book_now(AINO_UID, 30)
    assert outcome.result is ActionResult.DONE and outcome.name == "Aino Virtanen"
    assert outcome.ends_at is not None and outcome.ends_at - NOON == timedelta(minutes=30)
    with door.store.session() as s:
        booking = s.scalars(select(Booking)).one()
        assert (booking.status, booking.source) == ("provisional", "kiosk")
        assert booking.checked_in_at == NOON
        assert s.scalars(select(OutboxRow.entity)).all() == ["booking_actions"]
        booking_id, aino = booking.id, booking.created_by
    assert aino is not None
    with door.store.engine.connect() as conn:
        view = door_view(conn, "aurora", NOON, TZ)
    assert view is not None and view.state is RoomState.BUSY
    assert view.current is not None and view.current.provisional

    door.cycle()  # push the action; the central copy comes back confirmed
    assert door.booking(booking_id).status == "confirmed"
    stored = door.booking(booking_id, "central")
    assert (stored.status, stored.created_by, stored.checked_in_at) == ("confirmed", aino, NOON)
    with door.central.session() as s:
        action = s.scalars(select(BookingAction)).one()
        assert (action.outcome, action.actor_id, action.kiosk_id) == (
            "applied",
            aino,
            "door-aurora",
        )
        audit = s.scalars(select(AuditEntry)).one()
        assert (audit.action, audit.actor_id, audit.kiosk_id) == ("door.book", aino, "door-aurora")
    with door.store.session() as s:
        assert s.scalars(select(BookingAction.outcome)).one() == "applied"


def test_book_now_stops_at_the_next_booking(door: Door) -> None:
    door.add_central_booking(20, 60)
    door.cycle()
    outcome = door.actions.book_now(AINO_UID, 60)
    assert outcome.ok and outcome.ends_at == NOON + timedelta(minutes=20)


def test_bad_taps_and_no_time_change_nothing(door: Door) -> None:
    door.add_central_booking(3, 60)
    door.cycle()
    before = dump(door.store)
    assert door.actions.book_now(None, 15).result is ActionResult.BADGE_REQUIRED
    assert door.actions.book_now(STRANGER, 15).result is ActionResult.UNKNOWN_BADGE
    no_time = door.actions.book_now(AINO_UID, 15)
    assert no_time.result is ActionResult.NO_TIME
    assert no_time.blocked_at == NOON + timedelta(minutes=3)
    assert dump(door.store) == before


def test_anonymous_actions_when_the_room_allows_them(door: Door) -> None:
    door.policy(anonymous_actions=True)
    outcome = door.actions.book_now(None, 15)
    assert outcome.ok and outcome.name is None
    door.cycle()
    with door.central.session() as s:
        booking = s.scalars(select(Booking)).one()
        assert (booking.status, booking.created_by) == ("confirmed", None)


def test_extend_and_end_early_reach_the_central_store(door: Door) -> None:
    booking_id = door.add_central_booking(-30, 60)
    door.cycle()
    door.clock.advance(timedelta(minutes=10))
    extended = door.actions.extend(AINO_UID, booking_id, 30)
    assert extended.ok and extended.ends_at == NOON + timedelta(minutes=60)
    door.cycle()
    assert door.booking(booking_id, "central").ends_at == NOON + timedelta(minutes=60)

    door.clock.advance(timedelta(minutes=5, seconds=20))
    ended = door.actions.end_early(AINO_UID, booking_id)
    assert ended.ok and ended.ends_at == NOON + timedelta(minutes=15)
    door.cycle()
    assert door.booking(booking_id, "central").ends_at == NOON + timedelta(minutes=15)
    with door.store.engine.connect() as conn:
        view = door_view(conn, "aurora", door.clock.now(), TZ)
    assert view is not None and view.state is RoomState.FREE


def test_extend_into_the_next_booking_and_acting_on_an_ended_one_change_nothing(
    door: Door,
) -> None:
    running = door.add_central_booking(-30, 45)
    door.add_central_booking(15, 60)  # starts right when the running one ends
    ended = door.add_central_booking(-90, 30)
    door.cycle()
    before = dump(door.store)
    no_room = door.actions.extend(AINO_UID, running, 15)
    assert no_room.result is ActionResult.NO_TIME
    assert no_room.blocked_at == NOON + timedelta(minutes=15)
    assert door.actions.extend(AINO_UID, ended, 15).result is ActionResult.ENDED
    assert door.actions.end_early(AINO_UID, ended).result is ActionResult.ENDED
    assert door.actions.check_in(AINO_UID, ended).result is ActionResult.ENDED
    assert dump(door.store) == before


def test_meeting_check_in_opens_n_minutes_before_the_start(door: Door) -> None:
    booking_id = door.add_central_booking(25, 60)
    door.cycle()
    early = door.actions.check_in(AINO_UID)
    assert early.result is ActionResult.NOT_FOUND  # nothing in its window yet
    early = door.actions.check_in(AINO_UID, booking_id)
    assert early.result is ActionResult.TOO_EARLY
    assert early.opens_at == NOON + timedelta(minutes=15)
    door.clock.advance(timedelta(minutes=16))
    assert door.actions.check_in(AINO_UID).ok
    assert door.actions.check_in(AINO_UID).result is ActionResult.NOT_FOUND
    assert door.actions.check_in(AINO_UID, booking_id).result is ActionResult.ALREADY_CHECKED_IN
    door.cycle()
    assert door.booking(booking_id, "central").checked_in_at == NOON + timedelta(minutes=16)


def test_no_shows_are_released_only_when_the_room_says_so(door: Door) -> None:
    booking_id = door.add_central_booking(0, 60)
    door.cycle()
    door.clock.advance(timedelta(minutes=30))
    assert door.actions.release_no_shows() == []  # off by default
    door.policy(release_after_minutes=10)
    door.clock.set(NOON + timedelta(minutes=9))
    assert door.actions.release_no_shows() == []
    door.clock.set(NOON + timedelta(minutes=10))
    assert door.actions.release_no_shows() == [booking_id]
    assert door.booking(booking_id).status == "released"
    door.cycle()
    assert door.booking(booking_id, "central").status == "released"
    with door.central.session() as s:
        audit = s.scalars(select(AuditEntry)).one()
        assert (audit.action, audit.actor_id) == ("door.release", None)


def test_a_checked_in_meeting_is_not_released(door: Door) -> None:
    booking_id = door.add_central_booking(0, 60)
    door.policy(release_after_minutes=10)
    door.clock.advance(timedelta(minutes=2))
    assert door.actions.check_in(AINO_UID).ok
    door.clock.advance(timedelta(minutes=20))
    assert door.actions.release_no_shows() == []
    assert door.booking(booking_id).status == "confirmed"


def test_when_two_doors_book_one_slot_offline_the_loser_shows_the_winner(
    tmp_path: Path, clock: FixedClock
) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    key = site_key(tmp_path)
    seed_central(url, key, clock).dispose()
    doors = [_door(tmp_path, url, clock, key, f"door-{i}") for i in (1, 2)]
    try:
        for d in doors:
            d.cycle()
        outcomes = [d.actions.book_now(AINO_UID, 30) for d in doors]  # both offline
        assert all(o.ok for o in outcomes)
        for d in doors:
            d.cycle()
        doors[0].cycle()
        with doors[1].store.engine.connect() as conn:
            view = door_view(conn, "aurora", clock.now(), TZ, kiosk_id="door-2")
        assert view is not None and view.lost is not None
        assert view.lost.winner is not None and not view.lost.winner.provisional
        assert view.current == view.lost.winner  # the winner is what the door shows
        with doors[1].store.session() as s:
            statuses = sorted(s.scalars(select(Booking.status)).all())
            assert statuses == ["confirmed", "rejected"]
            assert s.scalars(select(OutboxRow)).all() == []  # settled, not stuck
        with doors[0].store.engine.connect() as conn:
            winner_view = door_view(conn, "aurora", clock.now(), TZ, kiosk_id="door-1")
        assert winner_view is not None and winner_view.lost is None
    finally:
        for d in doors:
            d.sync.close()
            d.store.dispose()
            d.central.dispose()


def test_a_refused_extension_is_undone_on_the_door_and_explained(door: Door) -> None:
    booking_id = door.add_central_booking(-10, 30)
    door.cycle()
    assert door.actions.extend(AINO_UID, booking_id, 30).ok  # offline: nothing after it yet
    door.add_central_booking(30, 30, "Ehtii ensin")  # meanwhile booked centrally
    door.cycle()
    assert door.booking(booking_id).ends_at == NOON + timedelta(minutes=20)
    with door.store.session() as s:
        action = s.scalars(select(BookingAction)).one()
        assert action.outcome == "refused" and action.reason is not None

    def view_at(moment: datetime, kiosk_id: str | None = "door-aurora") -> DoorView:
        with door.store.engine.connect() as conn:
            view = door_view(conn, "aurora", moment, TZ, kiosk_id=kiosk_id)
        assert view is not None
        return view

    refused = view_at(NOON).refused
    assert refused is not None and refused.kind == "extend"
    assert refused.reason == action.reason and refused.ends_at == NOON + timedelta(minutes=50)
    assert refused.booking is not None and refused.booking.id == booking_id
    assert refused.booking.ends_at == NOON + timedelta(minutes=20)  # as it stands now
    assert refused.clash is not None and refused.clash.title == "Ehtii ensin"
    assert view_at(NOON, kiosk_id="door-other").refused is None  # another door's, not mine
    assert view_at(NOON + timedelta(minutes=16)).refused is None  # said long enough


def test_an_action_delivered_twice_is_applied_once(door: Door) -> None:
    booking_id = door.add_central_booking(-10, 30)
    door.cycle()
    assert door.actions.extend(AINO_UID, booking_id, 15).ok
    with door.store.session() as s:
        row = s.scalars(select(OutboxRow)).one()
        item = acceptance.PushItem(row.seq, row.entity, row.payload)
    for _ in range(2):
        with door.central.engine.begin() as conn:
            assert acceptance.accept_push(conn, [item], NOON).acknowledged == [item.seq]
    assert door.booking(booking_id, "central").ends_at == NOON + timedelta(minutes=35)
    with door.central.session() as s:
        assert len(s.scalars(select(AuditEntry)).all()) == 1
