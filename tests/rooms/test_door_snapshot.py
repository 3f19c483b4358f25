"""The first-frame reader (``kiosk.rooms.door_snapshot``, sqlite3 only) against the SQLAlchemy one.

A door paints its first screen from ``read_door_view`` and then keeps it current with
``kiosk.rooms.door_view.door_view``. Both must answer the same for any store content: random
bookings, room and Lab-wide switches (some with events) and lost bookings are written into one
real local store, and the two views compared at random moments. ``pick_mode`` (the rule in
Python) is compared with ``kiosk.rooms.modes.active_mode`` (the rule as one SQL query) the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, update

from kiosk.base.ids import new_id
from kiosk.rooms.door_snapshot import read_door_rows, read_door_view, stored_time
from kiosk.rooms.door_state import pick_mode
from kiosk.rooms.door_view import door_view, mode_rows
from kiosk.rooms.modes import active_mode
from kiosk.store.engine import Store, open_local_store
from kiosk.store.models import Booking, BookingAction, Event, Room, RoomMode, table_of

TZ = ZoneInfo("Europe/Helsinki")
DAY = datetime(2026, 11, 26, tzinfo=TZ)
KIOSK = "door-aurora"
#: One store for all examples (each example empties and refills it).
REUSED_STORE = [HealthCheck.function_scoped_fixture]

minutes = st.integers(min_value=-24 * 60, max_value=48 * 60).map(lambda m: m - m % 5)
lengths = st.sampled_from([5, 15, 30, 60, 120, 600])


def moment(offset: int) -> datetime:
    return DAY + timedelta(minutes=offset)


bookings = st.lists(
    st.tuples(
        minutes,
        lengths,
        st.sampled_from(["confirmed", "provisional", "rejected", "cancelled"]),
        st.sampled_from(["admin", "kiosk", "ics"]),
        st.booleans(),  # checked in
        st.sampled_from([None, KIOSK, "door-other"]),  # who booked it (a booking_actions row)
    ),
    max_size=7,
)
modes = st.lists(
    st.tuples(
        st.sampled_from(["aurora", None, "boreal"]),
        st.sampled_from(["normal", "event", "closed"]),
        st.integers(min_value=1, max_value=6),  # version: ties are broken by id
        minutes,
        st.one_of(st.none(), lengths),  # None: never expires
        st.sampled_from([None, "here"]),  # its event
    ),
    max_size=6,
)
changes = st.lists(  # door changes to the bookings above, made around "now"
    st.tuples(
        st.integers(min_value=0, max_value=3),  # which booking (if there are that many)
        st.sampled_from(["extend", "end", "checkin", "release"]),
        st.sampled_from(["refused", "refused", "applied", "pending"]),
        st.sampled_from([KIOSK, KIOSK, "door-other"]),
        st.integers(min_value=-5, max_value=25),  # made this many minutes before now
        lengths,  # extend, end: the end asked for, after the booking's start
    ),
    max_size=4,
)
rooms = st.fixed_dictionaries(
    {
        "release_after_minutes": st.sampled_from([None, 10]),
        "calendar_error": st.sampled_from([None, "timeout"]),
        "calendar_synced_at": st.sampled_from([None, moment(-60)]),
        "anonymous_actions": st.booleans(),
    }
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = open_local_store(tmp_path_factory.mktemp("snapshot") / "kiosk.db")
    stamp = moment(0)
    with s.engine.begin() as conn:
        for room_id in ("aurora", "boreal"):
            conn.execute(
                insert(table_of(Room)).values(id=room_id, name=room_id.title(), updated_at=stamp)
            )
    yield s
    s.dispose()


def _fill(
    store: Store,
    room: dict[str, Any],
    booked: list[Any],
    switched: list[Any],
    changed: list[Any] = (),  # type: ignore[assignment]
    now: datetime = DAY,
) -> None:
    stamp = moment(0)
    ids: list[tuple[Any, datetime]] = []
    event_here = new_id()
    with store.engine.begin() as conn:
        for model in (BookingAction, Booking, RoomMode, Event):
            conn.execute(delete(table_of(model)))
        if room:
            rooms_t = table_of(Room)
            conn.execute(update(rooms_t).where(rooms_t.c.id == "aurora").values(room))
        conn.execute(
            insert(table_of(Event)).values(
                id=event_here,
                title="Demo Day",
                description="  A long   day of demos. " * 20,
                starts_at=moment(600),
                ends_at=moment(900),
                online_url=" https://example.org/live ",
                updated_at=stamp,
            )
        )
        for i, (start, length, status, source, checked_in, booked_by) in enumerate(booked):
            booking_id = new_id()
            conn.execute(
                insert(table_of(Booking)).values(
                    id=booking_id,
                    room_id="aurora",
                    title=f"Meeting {i}",
                    private=i % 3 == 0,
                    starts_at=moment(start),
                    ends_at=moment(start + length),
                    status=status,
                    source=source,
                    checked_in_at=moment(start) if checked_in else None,
                    updated_at=stamp + timedelta(seconds=i),
                )
            )
            ids.append((booking_id, moment(start)))
            if booked_by is not None:
                conn.execute(
                    insert(table_of(BookingAction)).values(
                        id=new_id(),
                        booking_id=booking_id,
                        room_id="aurora",
                        kind="book",
                        kiosk_id=booked_by,
                        at=stamp,
                        updated_at=stamp,
                    )
                )
        for i, kind, outcome, kiosk, before, length in changed:
            if i >= len(ids):
                continue
            booking_id, start = ids[i]
            conn.execute(
                insert(table_of(BookingAction)).values(
                    id=new_id(),
                    booking_id=booking_id,
                    room_id="aurora",
                    kind=kind,
                    ends_at=start + timedelta(minutes=length) if kind != "checkin" else None,
                    kiosk_id=kiosk,
                    at=now - timedelta(minutes=before),
                    outcome=outcome,
                    reason="booking conflict" if outcome == "refused" else None,
                    updated_at=stamp,
                )
            )
        for room_id, mode, version, start, length, event in switched:
            conn.execute(
                insert(table_of(RoomMode)).values(
                    id=new_id(),
                    room_id=room_id,
                    mode=mode,
                    version=version,
                    title=None if event else f"Switch {version}",
                    event_id=event_here if event else None,
                    starts_at=moment(start),
                    expires_at=None if length is None else moment(start + length),
                    updated_at=stamp,
                )
            )


@settings(max_examples=150, deadline=None, suppress_health_check=REUSED_STORE)
@given(
    room=rooms,
    booked=bookings,
    switched=modes,
    changed=changes,
    now=st.integers(min_value=0, max_value=24 * 60 * 60 - 1),
)
def test_the_snapshot_reader_shows_what_the_store_reader_shows(
    store: Store,
    room: dict[str, Any],
    booked: list[Any],
    switched: list[Any],
    changed: list[Any],
    now: int,
) -> None:
    at = DAY + timedelta(seconds=now)
    _fill(store, room, booked, switched, changed, at)
    path = Path(str(store.engine.url.database))
    with store.engine.connect() as conn:
        expected = door_view(conn, "aurora", at, TZ, kiosk_id=KIOSK)
    assert read_door_view(path, "aurora", at, TZ, kiosk_id=KIOSK) == expected


@settings(max_examples=100, deadline=None, suppress_health_check=REUSED_STORE)
@given(
    switched=modes,
    now=minutes,
    keep=st.one_of(st.none(), st.integers(min_value=1, max_value=6)),
)
def test_pick_mode_is_the_active_mode_query(
    store: Store, switched: list[Any], now: int, keep: int | None
) -> None:
    _fill(store, {}, [], switched)
    at = moment(now) + timedelta(seconds=30)
    with store.engine.connect() as conn:
        expected = active_mode(conn, "aurora", at, keep_version=keep)
        picked = pick_mode(mode_rows(conn, "aurora", at), at, keep_version=keep)
    assert (picked.id if picked is not None else None) == (
        expected.id if expected is not None else None
    )


def test_a_room_not_synced_yet_gives_no_view(store: Store) -> None:
    path = Path(str(store.engine.url.database))
    assert read_door_view(path, "nowhere", moment(600), TZ) is None


def test_no_file_or_a_store_behind_the_schema_gives_no_view(tmp_path: Path) -> None:
    assert read_door_view(tmp_path / "missing.db", "aurora", moment(600), TZ) is None
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    conn.close()
    assert read_door_view(old, "aurora", moment(600), TZ) is None
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert read_door_view(junk, "aurora", moment(600), TZ) is None


def test_the_reader_never_writes(store: Store) -> None:
    """Read-only: a first frame can never change (or lock) the store the kiosk then opens."""
    path = Path(str(store.engine.url.database))
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = read_door_rows(conn, "aurora", moment(600), TZ)
        assert rows is not None
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM rooms")
    finally:
        conn.close()


def test_times_are_compared_as_sqlalchemy_stores_them(store: Store) -> None:
    _fill(store, {}, [], [])
    with store.engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT starts_at FROM events").scalar()
    assert raw == stored_time(moment(600))
