"""Importing real-server series into the central store: every occurrence its own booking, and
an event that breaks in the calendar keeps the bookings it had."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.rooms.ics import parse_feed
from kiosk.rooms.ics_import import ImportResult, import_occurrences
from kiosk.security.directory import add_room
from kiosk.store.engine import Store, open_store
from kiosk.store.models import Booking, table_of

SERVERS = Path(__file__).parent / "fixtures" / "servers"
HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 10, 26, 12, 0, tzinfo=UTC)
START = datetime(2026, 11, 1, tzinfo=HELSINKI)
END = datetime(2027, 1, 1, tzinfo=HELSINKI)
bookings_t = table_of(Booking)


@pytest.fixture
def store(central_url: str) -> Iterator[Store]:
    store = open_store(central_url)
    with store.engine.begin() as conn:
        add_room(conn, "aurora", "Aurora", 10, NOW)
    yield store
    store.dispose()


def run_import(store: Store, data: bytes) -> ImportResult:
    feed = parse_feed(data, start=START, end=END, tz=HELSINKI)
    with store.engine.begin() as conn:
        return import_occurrences(
            conn,
            "aurora",
            feed.occurrences,
            window_start=START,
            window_end=END,
            now=NOW,
            skipped_events=feed.skipped,
        )


def active(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(bookings_t)
            .where(bookings_t.c.status == "confirmed")
            .order_by(bookings_t.c.starts_at)
        ).all()
    return [(r.title, f"{r.starts_at.astimezone(HELSINKI):%m-%d %H:%M}") for r in rows]


def test_a_this_and_future_override_books_all_sixty_and_reimports_unchanged(
    store: Store,
) -> None:
    # The all-day renovation would overlap four of the meetings: mark it free for this test.
    data = (SERVERS / "nextcloud.ics").read_bytes()
    data = data.replace(b"SUMMARY:Remontti", b"SUMMARY:Remontti\r\nTRANSP:TRANSPARENT")
    result = run_import(store, data)
    assert (result.added, result.skipped, result.skipped_events) == (60, [], [])
    assert len(active(store)) == 60
    again = run_import(store, data)
    assert (again.added, again.updated, again.unchanged, again.cancelled) == (0, 0, 60, 0)


def test_a_series_that_breaks_in_the_calendar_keeps_its_bookings(store: Store) -> None:
    good = (SERVERS / "exchange.ics").read_bytes()
    assert run_import(store, good).added == 4  # the window starts on 1 November
    before = active(store)
    # Someone types an end before the start into the weekly meeting.
    broken = good.replace(
        b"DTEND;TZID=FLE Standard Time:20261020T110000",
        b"DTEND;TZID=FLE Standard Time:20261020T090000",
    )
    result = run_import(store, broken)
    assert result.cancelled == 0 and result.added == 0
    assert [(e.line, e.reason) for e in result.skipped_events] == [(29, "DTEND is before DTSTART")]
    assert (
        result.summary() == "0 added, 0 updated, 0 cancelled, 2 unchanged, 1 broken event skipped"
    )
    assert active(store) == before
    # Fixed again: nothing to do.
    assert run_import(store, good).unchanged == 4


def test_a_broken_occurrence_keeps_its_booking_and_blocks_its_time(store: Store) -> None:
    lines = [
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "UID:s-1",
        "DTSTART;TZID=Europe/Helsinki:20261102T100000",
        "DTEND;TZID=Europe/Helsinki:20261102T110000",
        "RRULE:FREQ=WEEKLY;COUNT=3",
        "SUMMARY:Sarja",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:s-1",
        "RECURRENCE-ID;TZID=Europe/Helsinki:20261109T100000",
        "DTSTART;TZID=Europe/Helsinki:20261109T100000",
        "DTEND;TZID=Europe/Helsinki:20261109T090000",
        "SUMMARY:Sarja",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:o-1",
        "DTSTART;TZID=Europe/Helsinki:20261109T103000",
        "DTEND;TZID=Europe/Helsinki:20261109T113000",
        "SUMMARY:Toinen",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    plain = "\r\n".join(lines[:8] + lines[15:]).encode()
    # The other meeting overlaps 9 November's occurrence, so it is skipped in both imports.
    first = run_import(store, plain)
    assert first.added == 3 and len(first.skipped) == 1
    result = run_import(store, "\r\n".join(lines).encode())
    assert [(e.uid, e.line, e.key) for e in result.skipped_events] == [
        ("s-1", 13, "s-1/20261109T080000Z")
    ]
    assert result.cancelled == 0 and len(result.skipped) == 1  # still blocked by the held one
    assert active(store) == [
        ("Sarja", "11-02 10:00"),
        ("Sarja", "11-09 10:00"),
        ("Sarja", "11-16 10:00"),
    ]


def test_a_broken_event_holds_no_other_event_whose_uid_starts_like_it(store: Store) -> None:
    """CalDAV UIDs often hold "/": a broken one-off "a" must not keep the moved-away "a/b"."""

    def calendar(a_end: str, with_b: bool) -> bytes:
        lines = [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:a",
            "DTSTART;TZID=Europe/Helsinki:20261102T100000",
            f"DTEND;TZID=Europe/Helsinki:{a_end}",
            "SUMMARY:Yksi",
            "END:VEVENT",
        ]
        if with_b:
            lines += [
                "BEGIN:VEVENT",
                "UID:a/b",
                "DTSTART;TZID=Europe/Helsinki:20261103T100000",
                "DTEND;TZID=Europe/Helsinki:20261103T110000",
                "SUMMARY:Toinen",
                "END:VEVENT",
            ]
        return "\r\n".join([*lines, "END:VCALENDAR"]).encode()

    assert run_import(store, calendar("20261102T110000", with_b=True)).added == 2
    # "a" breaks (ends before it starts) and "a/b" is deleted from the calendar.
    result = run_import(store, calendar("20261102T090000", with_b=False))
    assert [e.key for e in result.skipped_events] == ["a"]
    assert result.cancelled == 1
    assert active(store) == [("Yksi", "11-02 10:00")]  # "a" held, "a/b" cancelled
