"""What a door sees of room modes: event and closed switches, for the room or the whole Lab,
scheduled ahead, expired, overridden; and the door's actions refused while a mode applies.

Switches are written to a real central store (SQLite and PostgreSQL) and reach the door's local
store through real sync cycles.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.base.clock import FixedClock
from kiosk.rooms.door_offers import door_offers
from kiosk.rooms.door_view import DESCRIPTION_CHARS, short_text
from kiosk.rooms.policy import set_room_policy
from kiosk.views.screens import ActionKind, ActionResult, RoomState
from tests.rooms.modes_helpers import ModeDoor, at, mode_door
from tests.stores import AINO_UID, dump

LONG = "Kolme puheenvuoroa ja paneeli yhteistyöstä. " * 12


@pytest.fixture
def door(tmp_path: Path, central_url: str) -> Iterator[ModeDoor]:
    d = mode_door(tmp_path, central_url, FixedClock(at(17, 0)))
    yield d
    d.close()


def test_an_event_switch_brings_the_event_to_the_door(door: ModeDoor) -> None:
    event = door.event(
        "Lab-ilta",
        at(18),
        at(21),
        description=LONG,
        online_url=" https://tyo20lab.example/live ",
    )
    v = door.switch("event", set_at=at(16, 50), expires_at=at(21, 30), event_id=event)
    view = door.view()
    assert view.state is RoomState.EVENT
    assert (view.mode_title, view.mode_until, view.mode_version) == ("Lab-ilta", at(21, 30), v)
    assert view.mode is not None and view.mode.event is not None
    shown = view.mode.event
    assert (shown.title, shown.starts_at, shown.ends_at) == ("Lab-ilta", at(18), at(21))
    assert shown.online_url == "https://tyo20lab.example/live"
    assert shown.description is not None and len(shown.description) <= DESCRIPTION_CHARS
    assert shown.description.endswith("…") and LONG.startswith(shown.description[:-1])
    assert view.changes_at == at(21, 30)  # the door re-reads its view exactly then
    assert door_offers(view) == ()


def test_a_switch_title_wins_over_the_event_title(door: ModeDoor) -> None:
    event = door.event("Lab-ilta", at(18), at(21))
    door.switch("event", set_at=at(16, 50), title="Lab-ilta (sali 2)", event_id=event)
    assert door.view().mode_title == "Lab-ilta (sali 2)"


def test_a_whole_lab_closure_applies_to_the_room(door: ModeDoor) -> None:
    door.switch("closed", set_at=at(16), title="Evakuointiharjoitus", room=None)
    view = door.view()
    assert view.state is RoomState.CLOSED
    assert (view.mode_title, view.mode_until) == ("Evakuointiharjoitus", None)
    assert view.mode is not None and view.mode.whole_lab and view.mode.event is None


def test_a_scheduled_event_is_the_next_item_and_ends_the_free_time(door: ModeDoor) -> None:
    event = door.event("Lab-ilta", at(18), at(21))
    door.switch("event", set_at=at(9), starts_at=at(18), expires_at=at(21, 30), event_id=event)
    view = door.view()
    assert view.state is RoomState.FREE
    assert view.next_mode is not None
    assert (view.next_mode.mode, view.next_mode.title) == ("event", "Lab-ilta")
    assert view.next_mode.starts_at == at(18)
    assert view.free_until == at(18) and view.changes_at == at(18)
    # "Book now" stops where the event starts: 60 minutes is offered as "until 18.00".
    ends = [o.until for o in door_offers(view)]
    assert ends == [at(17, 15), at(17, 30), at(18)]
    assert door.view(at(18)).state is RoomState.EVENT
    assert door.view(at(17, 59, 59)).state is RoomState.FREE


def test_a_scheduled_event_tomorrow_is_not_today_s_next_item(door: ModeDoor) -> None:
    door.switch("closed", set_at=at(9), starts_at=at(8, day=27), title="Remontti")
    view = door.view()
    assert view.next_mode is None and view.free_until is None
    assert view.changes_at == at(8, day=27)


def test_an_expired_switch_is_normal_again(door: ModeDoor) -> None:
    door.switch("event", set_at=at(12), title="Aamupäivän tilaisuus", expires_at=at(16))
    view = door.view()
    assert view.state is RoomState.FREE and view.mode is None and view.changes_at is None
    assert door.view(at(15, 59)).state is RoomState.EVENT


def test_a_newer_normal_switch_overrides_an_older_event(door: ModeDoor) -> None:
    door.switch("event", set_at=at(9), title="Lab-ilta", starts_at=at(16), expires_at=at(22))
    assert door.view().state is RoomState.EVENT
    v = door.switch("normal", set_at=at(16, 55), expires_at=at(22))
    view = door.view()
    assert view.state is RoomState.FREE
    assert view.mode is not None and (view.mode.mode, view.mode.version) == ("normal", v)


def test_a_scheduled_event_that_a_newer_switch_overrides_is_not_announced(
    door: ModeDoor,
) -> None:
    door.switch("event", set_at=at(9), title="Peruttu", starts_at=at(18), expires_at=at(21))
    door.switch("normal", set_at=at(10), starts_at=at(17, 30), expires_at=at(22))
    view = door.view()
    assert view.next_mode is None and view.free_until is None
    assert door.view(at(18, 30)).state is RoomState.FREE


def test_the_newest_version_wins_in_whatever_order_switches_arrive(door: ModeDoor) -> None:
    # A kiosk that was offline pushes its older switch after a newer one reached the door.
    newer = door.switch("closed", set_at=at(16, 40), title="Siivous", expires_at=at(18))
    assert door.view().mode_version == newer
    older = door.switch("event", set_at=at(16, 20), title="Vanha", expires_at=at(20))
    view = door.view()
    assert (view.state, view.mode_title, view.mode_version) == (
        RoomState.CLOSED,
        "Siivous",
        newer,
    )
    # When the newer switch reverts by itself, the older one that still runs applies again.
    assert door.view(at(18)).mode_version == older


def test_a_door_never_goes_back_to_an_older_version_when_its_clock_steps_back(
    door: ModeDoor,
) -> None:
    older = door.switch("event", set_at=at(16), title="Vanha", expires_at=at(20))
    newer = door.switch("closed", set_at=at(16, 59), title="Uusi", starts_at=at(16, 59))
    assert door.view().mode_version == newer
    # The clock steps back a minute: the store alone would show the older switch again...
    assert door.view(at(16, 58)).mode_version == older
    # ...but a door that showed the newer one keeps it.
    kept = door.view(at(16, 58), shown=newer)
    assert (kept.state, kept.mode_version) == (RoomState.CLOSED, newer)


def test_short_text_cuts_at_a_word() -> None:
    assert short_text(None) is None
    assert short_text("  two\n lines ") == "two lines"
    assert short_text("   ") is None
    text = short_text("sana " * 100, 30)
    assert text == "sana sana sana sana sana sana…"


# --- the service refuses booking actions while a mode applies -------------------------------


@pytest.mark.parametrize(
    ("mode", "result"), [("event", ActionResult.EVENT_MODE), ("closed", ActionResult.CLOSED_MODE)]
)
def test_every_booking_action_is_refused_while_a_mode_applies(
    door: ModeDoor, mode: str, result: ActionResult
) -> None:
    with door.central.engine.begin() as conn:
        set_room_policy(conn, "aurora", at(17), release_after_minutes=10, anonymous_actions=True)
    running = door.booking(at(16, 30), 90, "Käynnissä")
    door.switch(mode, set_at=at(16, 58), title="Tilaisuus", expires_at=at(21))
    before = dump(door.store)
    outcomes = [
        door.actions.book_now(AINO_UID, 30),
        door.actions.book_now(None, 15),
        door.actions.extend(AINO_UID, running, 15),
        door.actions.end_early(AINO_UID, running),
        door.actions.check_in(AINO_UID, running),
        door.actions.check_in(AINO_UID),
    ]
    for outcome in outcomes:
        assert outcome.result is result, outcome
        assert (outcome.mode_title, outcome.mode_until) == ("Tilaisuus", at(21))
        assert not outcome.ok
    assert [o.kind for o in outcomes] == [
        ActionKind.BOOK,
        ActionKind.BOOK,
        ActionKind.EXTEND,
        ActionKind.END,
        ActionKind.CHECKIN,
        ActionKind.CHECKIN,
    ]
    # Nobody could check in, so nothing is released either.
    door.clock.set(at(17, 30))
    assert door.actions.release_no_shows() == []
    assert dump(door.store) == before


def test_a_whole_lab_event_refuses_actions_too(door: ModeDoor) -> None:
    door.switch("event", set_at=at(16, 58), title="Avoimet ovet", room=None)
    outcome = door.actions.book_now(AINO_UID, 15)
    assert (outcome.result, outcome.mode_title, outcome.mode_until) == (
        ActionResult.EVENT_MODE,
        "Avoimet ovet",
        None,
    )


def test_booking_and_extending_stop_where_a_scheduled_mode_begins(door: ModeDoor) -> None:
    door.switch("closed", set_at=at(9), title="Huolto", starts_at=at(17, 20))
    booked = door.actions.book_now(AINO_UID, 60)
    assert booked.ok and booked.ends_at == at(17, 20)
    assert booked.starts_at is not None
    door.clock.set(at(17, 5))
    assert booked.ends_at is not None
    with door.store.session() as s:
        from kiosk.store.models import Booking

        booking_id = s.query(Booking.id).one()[0]
    extended = door.actions.extend(AINO_UID, booking_id, 15)
    assert extended.result is ActionResult.NO_TIME and extended.blocked_at == at(17, 20)


def test_no_shows_get_the_whole_grace_period_after_a_mode_ends(door: ModeDoor) -> None:
    with door.central.engine.begin() as conn:
        set_room_policy(conn, "aurora", at(17), release_after_minutes=10)
    booking = door.booking(at(17), 120, "Iltapalaveri")
    door.switch("closed", set_at=at(16, 50), title="Siivous", expires_at=at(17, 30))
    door.clock.set(at(17, 35))  # the closure ended 5 minutes ago: still within the grace
    assert door.actions.release_no_shows() == []
    door.clock.set(at(17, 40))
    assert door.actions.release_no_shows() == [booking]


def test_normal_again_after_expiry_allows_actions(door: ModeDoor) -> None:
    door.switch("closed", set_at=at(16, 50), title="Siivous", expires_at=at(17, 10))
    assert door.actions.book_now(AINO_UID, 15).result is ActionResult.CLOSED_MODE
    door.clock.set(at(17, 10))
    outcome = door.actions.book_now(AINO_UID, 15)
    assert outcome.ok and outcome.ends_at == at(17, 25)
    assert outcome.starts_at is not None and outcome.ends_at - outcome.starts_at == timedelta(
        minutes=15
    )
