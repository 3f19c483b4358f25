"""The report's numbers, counted from a known store, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import time
from zoneinfo import ZoneInfo

import pytest

from kiosk.report.data import Report, collect
from kiosk.report.period import OpeningHours, parse_opening_hours, parse_period
from kiosk.store.engine import open_store
from tests.report.seed import EVENT_TITLE, FIRST, LAST, NOW, seed

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def report(central_url: str) -> Report:
    seed(central_url)
    store = open_store(central_url)
    try:
        with store.engine.connect() as conn:
            return collect(conn, parse_period(FIRST, LAST, HELSINKI), OpeningHours(), NOW)
    finally:
        store.dispose()


def test_visits_are_people_per_local_day_across_the_dst_switch(report: Report) -> None:
    days = [(d.day.isoformat(), d.members, d.visitors) for d in report.visits]
    assert days == [
        ("2026-10-24", 1, 0),  # Aino at 00.30 local (23rd in UTC), again at 09.00
        ("2026-10-25", 2, 0),  # Aino 01.30 (+03), Linnea 03.30 (+02); the host never counts
        ("2026-10-26", 0, 1),  # Eeva by invitation, then by visitor record: one person
        ("2026-10-27", 1, 2),  # Linnea, ticket t1 (twice), an anonymous walk-in
    ]
    assert report.total_visits == 7


def test_busiest_hours_count_first_arrivals_in_local_time(report: Report) -> None:
    cells = {
        (day, hour): n for day, row in enumerate(report.heatmap) for hour, n in enumerate(row) if n
    }
    assert cells == {
        (5, 0): 1,  # Sat 00.30
        (6, 1): 1,  # Sun 01.30 summer time
        (6, 3): 1,  # Sun 03.30 winter time (04.30 if the offset were not followed)
        (0, 10): 1,  # Mon 10.15
        (1, 17): 1,  # Tue 17.50
        (1, 18): 2,  # Tue 18.00 and 18.05
    }
    assert sum(map(sum, report.heatmap)) == report.total_visits


def test_room_use_is_clipped_to_opening_hours(report: Report) -> None:
    rooms = {r.room_id: r for r in report.rooms}
    aurora, tori = rooms["aurora"], rooms["tori"]
    assert aurora.open_hours == pytest.approx(20.0)  # Mon and Tue, 08-18
    assert aurora.booked_hours == pytest.approx(4.0)  # 1 + 2 (no-show) + 1; Sat is closed
    assert aurora.used_hours == pytest.approx(2.0)
    assert (aurora.bookings, aurora.checked_in) == (4, 2)  # the cancelled one never counts
    assert aurora.share(aurora.booked_hours) == pytest.approx(0.2)
    assert (tori.booked_hours, tori.used_hours, tori.bookings) == (0.0, 0.0, 0)


def test_events_count_tickets_and_distinct_attendees(report: Report) -> None:
    assert [(e.title, e.capacity, e.tickets, e.checkins) for e in report.events] == [
        ("Avoin lauantai", None, 0, 0),
        (EVENT_TITLE, 40, 2, 3),  # t1, t3 (t2 withdrawn); t1 twice, Linnea, a walk-in
    ]


def test_feedback_per_local_iso_week_and_context(report: Report) -> None:
    weeks = [(w.label, w.counts, w.comments) for w in report.feedback_weeks]
    assert weeks == [("2026-W43", (1, 0, 0, 0), 0), ("2026-W44", (0, 0, 1, 2), 2)]
    contexts = [(c.label, c.counts, c.comments) for c in report.feedback_contexts]
    assert contexts == [
        ("home", (0, 0, 0, 1), 1),
        ("checkout", (1, 0, 0, 1), 1),
        ("event", (0, 0, 1, 0), 0),
    ]
    assert (report.feedback_total, report.comments) == (4, 2)


def test_json_holds_every_number_and_no_names(report: Report) -> None:
    data = report.as_json()
    assert data["visits"]["total"] == 7
    assert data["visits"]["per_day"][3] == {
        "date": "2026-10-27",
        "members": 1,
        "visitors": 2,
        "total": 3,
    }
    assert data["arrivals_by_weekday_hour"]["sun"][3] == 1
    assert data["rooms"][0]["booked_share"] == 0.2
    assert data["opening_hours"] == "mon-fri 08:00-18:00"
    text = repr(data)
    for name in ("Aino", "Linnea", "Mikko", "Eeva", "Kiitos"):
        assert name not in text


def test_opening_hours_options() -> None:
    hours = parse_opening_hours("07:30-16:00", "mon,wed-thu")
    assert (hours.opens, hours.closes, sorted(hours.weekdays)) == (time(7, 30), time(16), [0, 2, 3])
    assert hours.describe() == "mon,wed,thu 07:30-16:00"
