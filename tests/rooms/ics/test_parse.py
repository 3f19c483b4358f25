"""ICS feeds -> occurrences: one realistic fixture per case the door has to get right."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.base.errors import KioskError
from kiosk.rooms.ics import PRIVATE_TITLE, Occurrence, parse_ics

FIXTURES = Path(__file__).parent / "fixtures"
HELSINKI = ZoneInfo("Europe/Helsinki")


def parse(name: str, start: str = "2026-06-01", end: str = "2027-01-01") -> list[Occurrence]:
    return parse_ics(
        (FIXTURES / name).read_bytes(),
        start=datetime.fromisoformat(start).replace(tzinfo=HELSINKI),
        end=datetime.fromisoformat(end).replace(tzinfo=HELSINKI),
        tz=HELSINKI,
    )


def local(occurrences: list[Occurrence]) -> list[tuple[str, str]]:
    return [
        (o.starts_at.astimezone(HELSINKI).isoformat(), o.ends_at.astimezone(HELSINKI).isoformat())
        for o in occurrences
    ]


def test_outlook_export_with_windows_zone_crlf_and_folded_lines() -> None:
    raw = (FIXTURES / "outlook_fle.ics").read_bytes()
    assert b"\r\n " in raw and b"X-MS-OLK-" in raw and b"TZID:FLE Standard Time" in raw
    found = parse("outlook_fle.ics")
    series = [o for o in found if not o.private]
    assert len(series) == 6  # COUNT=6; the TRANSP:TRANSPARENT ("free") item is no booking
    assert series[0].title == "Digitalisaation ja julkisen hallinnon yhteinen tiimipalaveri"
    # 10.00 in Helsinki on both sides of the clock change on Sunday 25 October 2026.
    assert {o.starts_at.astimezone(HELSINKI).strftime("%H:%M") for o in series} == {"10:00"}
    assert series[1].starts_at.isoformat() == "2026-10-22T07:00:00+00:00"
    assert series[2].starts_at.isoformat() == "2026-10-29T08:00:00+00:00"
    assert len({o.key for o in series}) == 6
    (private,) = (o for o in found if o.private)
    assert private.title == PRIVATE_TITLE
    assert local([private]) == [("2026-11-03T13:30:00+02:00", "2026-11-03T15:00:00+02:00")]


def test_weekly_meeting_keeps_its_local_time_across_the_october_dst_change() -> None:
    assert local(parse("dst_weekly.ics")) == [
        ("2026-10-12T10:00:00+03:00", "2026-10-12T11:30:00+03:00"),
        ("2026-10-19T10:00:00+03:00", "2026-10-19T11:30:00+03:00"),
        ("2026-10-26T10:00:00+02:00", "2026-10-26T11:30:00+02:00"),
        ("2026-11-02T10:00:00+02:00", "2026-11-02T11:30:00+02:00"),
    ]


def test_windows_zone_names_without_vtimezone() -> None:
    found = {o.key: o for o in parse("windows_zones.ics")}
    assert found["w-europe-1"].starts_at.isoformat() == "2026-12-01T08:00:00+00:00"
    assert found["gmt-1"].starts_at.isoformat() == "2026-12-01T09:00:00+00:00"
    assert found["fle-1"].starts_at.isoformat() == "2026-12-01T12:00:00+00:00"
    assert found["utc-1"].starts_at.isoformat() == "2026-12-01T15:00:00+00:00"


def test_an_excluded_date_is_not_booked() -> None:
    days = [o.starts_at.astimezone(HELSINKI).day for o in parse("exdate.ics")]
    assert days == [30, 1, 3, 4]


def test_a_moved_occurrence_is_shown_once_at_its_new_time() -> None:
    found = parse("moved.ics")
    assert local(found) == [
        ("2026-12-01T13:00:00+02:00", "2026-12-01T14:00:00+02:00"),
        ("2026-12-09T15:00:00+02:00", "2026-12-09T16:00:00+02:00"),
        ("2026-12-15T13:00:00+02:00", "2026-12-15T14:00:00+02:00"),
    ]
    # The moved occurrence keeps the key of the slot it was moved from, so a re-import that
    # moves it updates the same booking.
    assert found[1].key == "moved-series-1/20261208T110000Z"
    assert found[1].title == "Ohjausryhmä (siirretty)"


def test_cancelled_occurrences_and_events_are_not_booked() -> None:
    found = parse("cancelled.ics")
    assert [o.starts_at.astimezone(HELSINKI).day for o in found] == [1, 15]
    assert all(o.key.startswith("cancel-series-1/") for o in found)


def test_all_day_events_take_whole_local_days() -> None:
    assert local(parse("allday.ics")) == [
        ("2026-12-03T00:00:00+02:00", "2026-12-04T00:00:00+02:00"),
        ("2026-12-07T00:00:00+02:00", "2026-12-09T00:00:00+02:00"),
        ("2026-12-10T00:00:00+02:00", "2026-12-11T00:00:00+02:00"),  # no DTEND: one day
    ]


def test_floating_times_are_read_in_the_site_zone_summer_and_winter() -> None:
    assert local(parse("floating.ics")) == [
        ("2026-06-01T09:00:00+03:00", "2026-06-01T10:00:00+03:00"),
        ("2026-12-01T09:00:00+02:00", "2026-12-01T10:30:00+02:00"),
    ]


def test_private_and_confidential_events_become_private_bookings_without_titles() -> None:
    found = parse("private.ics")
    assert [(o.key, o.private, o.title) for o in found] == [
        ("private-1", True, PRIVATE_TITLE),
        ("confidential-1", True, PRIVATE_TITLE),
        ("public-1", False, "Avoin info"),
    ]


def test_only_occurrences_in_the_window_are_returned() -> None:
    found = parse("dst_weekly.ics", start="2026-10-19", end="2026-10-27")
    assert [o.starts_at.astimezone(HELSINKI).day for o in found] == [19, 26]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not_a_calendar.ics", "not an iCalendar file: line 1 is not BEGIN:VCALENDAR"),
        ("truncated.ics", "not an iCalendar file: BEGIN:VEVENT of line 3 is never closed"),
        ("bad_dtstart.ics", "line 7: DTSTART cannot be read as a date or time"),
        ("unknown_zone.ics", "line 7: unknown time zone 'Mars/Olympus_Mons' in DTSTART"),
        ("every_minute.ics", "RRULE repeats MINUTELY"),
    ],
)
def test_a_malformed_feed_is_refused_with_a_clear_message(name: str, message: str) -> None:
    with pytest.raises(KioskError) as caught:
        parse(name)
    assert message in str(caught.value)


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(KioskError, match="not an iCalendar file"):
        parse_ics(
            b"",
            start=datetime(2026, 12, 1, tzinfo=HELSINKI),
            end=datetime(2026, 12, 2, tzinfo=HELSINKI),
            tz=HELSINKI,
        )


def test_a_rule_that_expands_to_every_second_of_the_day_is_refused_before_expanding() -> None:
    """FREQ=DAILY with BYHOUR, BYMINUTE and BYSECOND lists: 86,400 a day for a whole window
    would fill memory long before any cap on the result could count them."""
    every = ",".join(str(n) for n in range(60))
    data = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:flood-1",
            "DTSTART:20261201T000000Z",
            "DTEND:20261201T000001Z",
            f"RRULE:FREQ=DAILY;BYHOUR={','.join(str(h) for h in range(24))};"
            f"BYMINUTE={every};BYSECOND={every}",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
    ).encode()
    with pytest.raises(KioskError) as caught:
        parse_ics(
            data,
            start=datetime(2026, 12, 1, tzinfo=HELSINKI),
            end=datetime(2027, 12, 1, tzinfo=HELSINKI),
            tz=HELSINKI,
        )
    assert str(caught.value).endswith(
        "line 6: RRULE makes 86400 occurrences per DAILY: not a room booking"
    )
