"""Records a thief pushes with one kiosk's token, shaped like the kiosk's own but not what its
screens would ever write: dated ahead, in a host's name from a session days old, outside the
kiosk's vocabulary, too long for their column, a two-year "book now", or an audit entry only
the service or the admin writes.

Each is refused for good over real HTTP, the records behind it go on, the refusal is audited
(``sync.refused``), and nothing changes for any other room or screen (docs/sync.md, "What a
thief can do with one kiosk").
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kiosk.base.ids import new_id
from kiosk.config.settings import load_config
from kiosk.lab.here_today import consent_of, opt_in
from kiosk.lobby.presence import who_is_in
from kiosk.rooms.modes import active_mode
from kiosk.store.engine import open_local_store
from kiosk.store.models import AuditEntry, Booking, BookingAction, OutboxRow, Visitor
from kiosk.sync import central, outbox
from kiosk.sync.engine import SyncEngine
from tests.central.helpers import LiveService, kiosk_config
from tests.central.thief_kit import (
    beyond_the_audit,
    checkin,
    headers_for,
    host_id,
    member_id,
    mode,
    pin,
    push,
    refusals,
    set_pin,
    visitor,
)
from tests.stores import NOON


def _entities(service: LiveService, kiosk_id: str) -> list[str]:
    return sorted(r["entity"] for r in refusals(service, kiosk_id))


def _audit(action: str, actor: str | None, **detail: Any) -> dict[str, Any]:
    return {
        "id": str(new_id()), "at": NOON.isoformat(), "actor_id": actor, "kiosk_id": "lobby-1",
        "action": action, "detail": detail,
    }  # fmt: skip


def test_a_check_in_dated_ahead_cannot_fix_who_is_inside(
    tmp_path: Path, service: LiveService
) -> None:
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    member = member_id(service)
    before = beyond_the_audit(service)
    # Out "next year": the latest row for a year, so no tap would bring her back on the
    # evacuation list. A direction or method the kiosk never writes hides her just as well.
    next_year = (NOON + timedelta(days=365)).isoformat()
    gone = {**checkin("lobby-1", "badge"), "person_id": member, "direction": "out", "at": next_year}
    upwards = {**checkin("lobby-1", "badge"), "person_id": member, "direction": "up"}
    teleport = {**checkin("lobby-1", "teleport"), "person_id": member}
    call = {"id": str(new_id()), "kiosk_id": "lobby-1", "at": next_year, "updated_at": next_year}
    ancient = {**checkin("lobby-1", "badge"), "person_id": member, "at": "2019-12-31T10:00:00Z"}
    answer = push(
        service,
        lobby,
        ("checkins", gone),
        ("checkins", upwards),
        ("checkins", teleport),
        ("host_calls", call),
        ("checkins", ancient),
    )
    assert answer["acknowledged"] == []
    assert "checkins.at: in the future" in answer["rejected"]["1"]
    assert "checkins.direction: not one of in, out" in answer["rejected"]["2"]
    assert "checkins.method: not one of" in answer["rejected"]["3"]
    assert "host_calls.at: in the future" in answer["rejected"]["4"]
    assert "checkins.at: time out of range" in answer["rejected"]["5"]
    assert beyond_the_audit(service) == before
    assert _entities(service, "lobby-1") == ["checkins"] * 4 + ["host_calls"]
    # A kiosk whose clock runs a few minutes fast is still heard: she is inside.
    soon = (NOON + timedelta(minutes=5)).isoformat()
    inside = {**checkin("lobby-1", "badge"), "person_id": member, "at": soon}
    assert push(service, lobby, ("checkins", inside))["acknowledged"] == [1]
    with service.store.engine.connect() as conn:
        assert [p.name for p in who_is_in(conn)] == ["Aino Virtanen"]


def test_an_old_host_session_cannot_be_used_again_days_later(
    tmp_path: Path, service: LiveService
) -> None:
    door = headers_for(tmp_path, service, "door-aurora", "door", "aurora")
    set_pin(service, "135790")
    assert pin(service, door, "135790")["result"] == "ok"  # a host signs in at the door at noon
    host = host_id(service)
    switched = NOON + timedelta(minutes=5)
    honest = mode("door-aurora", host, switched, room="aurora")
    entry = {**_audit("host.mode_set", host, mode="closed"), "kiosk_id": "door-aurora"}
    # The link dropped after the switch and came back 50 minutes later: still accepted.
    service.clock.advance(timedelta(minutes=50))
    assert push(service, door, ("room_modes", honest), ("audit_log", entry))["acknowledged"] == [
        1,
        2,
    ]
    # Three days later the door is stolen; its disk remembers that the host signed in at noon.
    service.clock.advance(timedelta(days=3))
    before = beyond_the_audit(service)
    replayed = mode("door-aurora", host, switched + timedelta(minutes=1))  # the whole Lab
    again = {**entry, "id": str(new_id()), "at": (switched + timedelta(minutes=1)).isoformat()}
    answer = push(service, door, ("room_modes", replayed), ("audit_log", again))
    assert answer["acknowledged"] == []
    assert all("PIN was not checked" in reason for reason in answer["rejected"].values())
    assert beyond_the_audit(service) == before
    assert _entities(service, "door-aurora") == ["audit_log", "room_modes"]
    with service.store.engine.connect() as conn:
        assert active_mode(conn, "borealis", service.clock.now()) is None  # other rooms: open
        aurora = active_mode(conn, "aurora", service.clock.now())
    assert aurora is not None and str(aurora.id) == honest["id"]


def test_a_kiosk_writes_no_audit_entry_but_its_hosts(tmp_path: Path, service: LiveService) -> None:
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    host = host_id(service)
    before = beyond_the_audit(service)
    ids = {"mode_id": str(new_id()), "booking_id": str(new_id())}
    answer = push(
        service,
        lobby,
        # `kiosk admin mode notify` skips an organiser this entry says was told already.
        ("audit_log", _audit("mode.organiser_notified", None, **ids)),
        ("audit_log", _audit("door.end", host, room_id="borealis")),
        ("audit_log", _audit("host.mode_set", host, mode="closed")),  # no PIN session
        ("audit_log", _audit("host.mode_set", None, mode="normal")),  # in no one's name
    )
    assert answer["acknowledged"] == [4]
    assert "central service's to write" in answer["rejected"]["1"]
    assert "central service's to write" in answer["rejected"]["2"]
    assert "PIN was not checked" in answer["rejected"]["3"]
    assert beyond_the_audit(service) == before
    with service.store.engine.connect() as conn:
        actions = conn.execute(
            select(AuditEntry.action, func.count())
            .where(AuditEntry.kiosk_id == "lobby-1")
            .group_by(AuditEntry.action)
        ).all()
    assert sorted(map(tuple, actions)) == [("host.mode_set", 1), ("sync.refused", 3)]


def test_a_value_too_long_for_its_column_is_refused_and_the_outbox_moves_on(
    tmp_path: Path, service: LiveService
) -> None:
    """PostgreSQL refuses such a value only at the insert, and a store error is retried: one
    visitor's long name used to hold the lobby's outbox for ever."""
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    feedback = {
        "id": str(new_id()), "at": NOON.isoformat(), "kiosk_id": "lobby-1", "score": 2**40,
        "comment": None, "context": "home", "event_id": None, "person_id": None,
        "updated_at": NOON.isoformat(),
    }  # fmt: skip
    answer = push(
        service, lobby, ("visitors", visitor("V" * 201)), ("feedback", feedback),
        ("visitors", visitor("Ada Lovelace")),
    )  # fmt: skip
    assert answer["acknowledged"] == [3]
    assert "visitors.name: longer than 200 characters" in answer["rejected"]["1"]
    assert "feedback.score: number out of range" in answer["rejected"]["2"]
    # The lobby's own worker: the long name is marked rejected, the name behind it goes on.
    cfg = load_config(kiosk_config(tmp_path, service, "lobby-2", "lobby"))
    local = open_local_store(cfg.local_store_path)
    with local.session() as s:
        for name in ("W" * 250, "Grace Hopper"):
            row = Visitor(name=name, organisation=None, host_id=None, updated_at=NOON)
            s.add(row)
            outbox.enqueue(s, "visitors", row, NOON)
    engine = SyncEngine.for_kiosk(cfg, local, service.clock)
    try:
        assert engine.push() == (1, 1)
    finally:
        engine.close()
    with local.engine.connect() as conn:
        left = conn.execute(select(OutboxRow.rejected_at, OutboxRow.last_error)).one()
    local.dispose()
    assert left.rejected_at is not None and "longer than 200" in left.last_error
    with service.store.engine.connect() as conn:
        names = conn.execute(select(Visitor.name).order_by(Visitor.name)).scalars().all()
    assert names == ["Ada Lovelace", "Grace Hopper"]


def test_a_door_books_its_room_for_an_hour_and_only_its_own_bookings(
    tmp_path: Path, service: LiveService
) -> None:
    door = headers_for(tmp_path, service, "door-aurora", "door", "aurora")
    theirs = {
        "id": new_id(), "room_id": "borealis", "title": "Board", "private": False,
        "organiser_id": None, "starts_at": NOON, "ends_at": NOON + timedelta(hours=2),
        "status": "confirmed", "source": "admin", "external_uid": None, "checked_in_at": None,
        "created_by": None, "updated_at": NOON,
    }  # fmt: skip
    with service.store.engine.begin() as conn:
        central.write(conn, "bookings", theirs, NOON)
    before = beyond_the_audit(service)

    def action(kind: str, starts: Any = None, ends: Any = None, booking: Any = None) -> Any:
        return {
            "id": str(new_id()), "booking_id": str(booking or new_id()), "room_id": "aurora",
            "kind": kind, "starts_at": starts and starts.isoformat(),
            "ends_at": ends and ends.isoformat(), "title": None, "actor_id": None,
            "kiosk_id": "door-aurora", "at": NOON.isoformat(), "outcome": None, "reason": None,
        }  # fmt: skip

    two_years = action("book", NOON, NOON + timedelta(days=730))
    tomorrow = action("book", NOON + timedelta(days=1), NOON + timedelta(days=1, minutes=30))
    answer = push(service, door, ("booking_actions", two_years), ("booking_actions", tomorrow))
    assert answer["acknowledged"] == []
    assert all("60 minutes at most" in reason for reason in answer["rejected"].values())
    assert beyond_the_audit(service) == before
    assert _entities(service, "door-aurora") == ["booking_actions", "booking_actions"]
    # Borealis's booking, named by its id as if it were the door's own room's: not found there.
    end_it = action("end", ends=NOON, booking=theirs["id"])
    hour = action("book", NOON, NOON + timedelta(hours=1))
    assert push(service, door, ("booking_actions", end_it), ("booking_actions", hour))[
        "acknowledged"
    ] == [1, 2]
    with service.store.engine.connect() as conn:
        rows = conn.execute(select(Booking.room_id, Booking.status, Booking.ends_at)).all()
        outcome = conn.execute(
            select(BookingAction.outcome).where(BookingAction.id == uuid.UUID(end_it["id"]))
        ).scalar_one()
    assert outcome == "refused"  # and audited as the door's `door.end`, refused
    assert sorted((r.room_id, r.status, r.ends_at) for r in rows) == [
        ("aurora", "confirmed", NOON + timedelta(hours=1)),
        ("borealis", "confirmed", NOON + timedelta(hours=2)),
    ]


def test_a_lobby_says_who_is_on_the_board_and_not_what_it_says_of_them(
    tmp_path: Path, service: LiveService
) -> None:
    lobby = headers_for(tmp_path, service, "lobby-1", "lobby", None)
    member = member_id(service)

    def consent(visible: bool, interests: list[str]) -> dict[str, Any]:
        return {
            "id": str(new_id()), "person_id": member, "visible": visible, "interests": interests,
            "show_organisation": False, "at": NOON.isoformat(), "kiosk_id": "lobby-1",
            "updated_at": NOON.isoformat(),
        }  # fmt: skip

    words = ["Buy now at evil.example " + "!" * 3_000] * 3
    assert push(service, lobby, ("board_consents", consent(True, words)))["acknowledged"] == [1]
    with service.store.engine.begin() as conn:
        shown = consent_of(conn, uuid.UUID(member))
        opt_in(conn, uuid.UUID(member), ["AI"], NOON + timedelta(minutes=1))  # the admin's words
    assert shown is not None and shown.visible
    assert (shown.interests, shown.show_organisation) == ((), True)  # as before: none, shown
    later = {**consent(False, words), "at": (NOON + timedelta(minutes=2)).isoformat()}
    assert push(service, lobby, ("board_consents", later))["acknowledged"] == [1]
    with service.store.engine.connect() as conn:
        now = consent_of(conn, uuid.UUID(member))
    assert now is not None and (now.visible, now.interests, now.show_organisation) == (
        False,
        ("AI",),
        True,
    )
