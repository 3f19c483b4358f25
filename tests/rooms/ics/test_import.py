"""Importing a room's feed into the central store: idempotent, updating, cancelling, safe."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.base.errors import NotFound
from kiosk.rooms.bookings import add_booking
from kiosk.rooms.ics import parse_ics
from kiosk.rooms.ics_import import ImportResult, import_occurrences
from kiosk.security.directory import add_room
from kiosk.store.engine import Store, open_store
from kiosk.store.models import Booking, table_of
from tests.stores import dump

FIXTURES = Path(__file__).parent / "fixtures"
HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
START = datetime(2026, 12, 1, tzinfo=HELSINKI)
END = datetime(2026, 12, 8, tzinfo=HELSINKI)
bookings_t = table_of(Booking)


@pytest.fixture
def store(central_url: str) -> Iterator[Store]:
    store = open_store(central_url)
    with store.engine.begin() as conn:
        add_room(conn, "aurora", "Aurora", 10, NOW)
        add_room(conn, "sauna", "Sauna", 4, NOW)
    yield store
    store.dispose()


def run_import(
    store: Store,
    data: bytes,
    room: str = "aurora",
    start: datetime = START,
    end: datetime = END,
) -> ImportResult:
    occurrences = parse_ics(data, start=start, end=end, tz=HELSINKI)
    with store.engine.begin() as conn:
        return import_occurrences(
            conn, room, occurrences, window_start=start, window_end=end, now=NOW
        )


def feed(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def bookings(store: Store) -> dict[str, Any]:
    """Feed bookings by title and local start, with their id and status."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(bookings_t).order_by(bookings_t.c.starts_at)).all()
    return {
        f"{r.title} {r.starts_at.astimezone(HELSINKI):%d %H:%M}": (r.id, r.status, r.private)
        for r in rows
    }


def test_import_then_reimport_of_the_same_feed_changes_nothing(store: Store) -> None:
    result = run_import(store, feed("feed_v1.ics"))
    assert (result.added, result.updated, result.cancelled, result.skipped) == (6, 0, 0, [])
    before = dump(store)
    again = run_import(store, feed("feed_v1.ics"))
    assert (again.added, again.updated, again.unchanged, again.cancelled) == (0, 0, 6, 0)
    assert dump(store) == before  # no duplicates, and nothing new in the change feed
    with store.engine.connect() as conn:
        sources = conn.execute(select(bookings_t.c.source, bookings_t.c.external_uid)).all()
    assert {s for s, _ in sources} == {"ics"}
    assert len({uid for _, uid in sources}) == 6


def test_reimport_updates_moves_adds_and_cancels(store: Store) -> None:
    run_import(store, feed("feed_v1.ics"))
    first = bookings(store)
    result = run_import(store, feed("feed_v2.ics"))
    assert (result.added, result.updated, result.cancelled, result.unchanged) == (1, 2, 1, 3)
    now = bookings(store)
    # The workshop moved from 10.00 to 13.00: the same booking, not a second one.
    assert now["Työpaja 02 13:00"][0] == first["Työpaja 02 10:00"][0]
    assert "Työpaja 02 10:00" not in now
    # One occurrence of the series moved earlier under RECURRENCE-ID: same booking, shown once.
    assert now["Aamupalaveri (aikaisemmin) 02 08:30"][0] == first["Aamupalaveri 02 09:00"][0]
    assert "Aamupalaveri 02 09:00" not in now
    # Removed from the feed: cancelled, not deleted.
    assert now["Poistuva 03 13:00"][1] == "cancelled"
    assert now["Uusi 04 10:00"][1] == "confirmed"
    assert now["— 03 15:00"] == (first["— 03 15:00"][0], "confirmed", True)

    back = run_import(store, feed("feed_v1.ics"))
    assert back.cancelled == 1  # "Uusi" went away again
    restored = bookings(store)
    assert restored["Poistuva 03 13:00"] == (first["Poistuva 03 13:00"][0], "confirmed", False)


def test_bookings_outside_the_window_are_left_alone(store: Store) -> None:
    run_import(store, feed("feed_v1.ics"))
    # An import of only 1 December does not cancel what the feed has later.
    run_import(store, feed("feed_v2.ics"), end=datetime(2026, 12, 2, tzinfo=HELSINKI))
    assert bookings(store)["Poistuva 03 13:00"][1] == "confirmed"


def test_door_and_admin_bookings_win_over_the_feed(store: Store) -> None:
    with store.engine.begin() as conn:
        add_booking(
            conn,
            room_id="aurora",
            title="Varattu ovelta",
            starts_at=datetime(2026, 12, 2, 11, 0, tzinfo=HELSINKI),
            ends_at=datetime(2026, 12, 2, 11, 30, tzinfo=HELSINKI),
            now=NOW,
            source="kiosk",
        )
    result = run_import(store, feed("feed_v1.ics"))
    assert result.added == 5
    assert len(result.skipped) == 1 and "Työpaja" in result.skipped[0]
    assert "Työpaja 02 10:00" not in bookings(store)


def test_meetings_that_move_into_each_others_slots(store: Store) -> None:
    """PostgreSQL checks the no-overlap constraint row by row: the writes must be ordered."""

    def two(a: str, b: str) -> bytes:
        events = "".join(
            f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261120T100000Z\r\n"
            f"DTSTART;TZID=Europe/Helsinki:20261201T{start}00\r\n"
            f"DTEND;TZID=Europe/Helsinki:20261201T{int(start[:2]) + 1:02d}{start[2:]}00\r\n"
            f"SUMMARY:{uid}\r\nEND:VEVENT\r\n"
            for uid, start in (("a", a), ("b", b))
        )
        head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        return f"{head}{events}END:VCALENDAR\r\n".encode()

    run_import(store, two("0900", "1000"))
    result = run_import(store, two("1000", "1100"))  # both an hour later: b must move first
    assert (result.updated, result.skipped) == (2, [])
    assert set(bookings(store)) == {"a 01 10:00", "b 01 11:00"}


def test_private_events_are_private_bookings_without_their_title(store: Store) -> None:
    run_import(store, feed("feed_v1.ics"))
    assert "Salainen" not in repr(dump(store))
    assert bookings(store)["— 03 15:00"][2] is True


def test_unknown_room_is_refused(store: Store) -> None:
    before = dump(store)
    with pytest.raises(NotFound, match="no room 'nowhere'"):
        run_import(store, feed("feed_v1.ics"), room="nowhere")
    assert dump(store) == before


def test_each_room_has_its_own_feed_bookings(store: Store) -> None:
    run_import(store, feed("feed_v1.ics"))
    result = run_import(store, feed("feed_v1.ics"), room="sauna")
    assert result.added == 6
    assert len(bookings(store)) == 6  # same titles and times, so the keys collapse here
    with store.engine.connect() as conn:
        assert len(conn.execute(select(bookings_t.c.id)).all()) == 12


def test_a_meeting_moved_from_before_the_window_into_it_is_moved_not_doubled(
    store: Store,
) -> None:
    run_import(store, feed("feed_v1.ics"))
    first = bookings(store)["Työpaja 02 10:00"][0]
    moved = feed("feed_v1.ics").replace(b"20261202T100000", b"20261205T100000")
    moved = moved.replace(b"20261202T120000", b"20261205T120000")
    result = run_import(store, moved, start=datetime(2026, 12, 4, tzinfo=HELSINKI))
    assert result.added == 0 and result.updated == 1
    assert bookings(store)["Työpaja 05 10:00"][0] == first
    assert "Työpaja 02 10:00" not in bookings(store)


def test_a_released_no_show_stays_released_until_the_meeting_moves(store: Store) -> None:
    from kiosk.sync import central

    run_import(store, feed("feed_v1.ics"))
    booking_id = bookings(store)["Työpaja 02 10:00"][0]
    with store.engine.begin() as conn:
        row = conn.execute(select(bookings_t).where(bookings_t.c.id == booking_id)).one()
        central.write(conn, "bookings", {**row._asdict(), "status": "released"}, NOW)
    assert run_import(store, feed("feed_v1.ics")).unchanged == 6
    assert bookings(store)["Työpaja 02 10:00"][1] == "released"
    run_import(store, feed("feed_v2.ics"))
    assert bookings(store)["Työpaja 02 13:00"] == (booking_id, "confirmed", False)
