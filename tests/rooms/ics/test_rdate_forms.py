"""Every form RDATE and EXDATE take, on one timed series in Helsinki."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.rooms.ics import parse_feed

HELSINKI = ZoneInfo("Europe/Helsinki")

FORMS = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "UID:forms-1",
        "DTSTART;TZID=Europe/Helsinki:20261201T100000",
        "DTEND;TZID=Europe/Helsinki:20261201T110000",
        "RRULE:FREQ=DAILY;COUNT=8",
        "RDATE:20261220T120000Z",  # UTC
        "RDATE:20261221T100000,20261222T100000",  # floating: the series' own zone
        "RDATE;VALUE=DATE:20261223",  # a day: at the series' time of day
        "RDATE;VALUE=PERIOD:20261224T080000Z/PT2H",  # a period with a duration
        "EXDATE:20261202T080000Z",  # UTC
        "EXDATE:20261203T100000",  # floating
        "EXDATE;VALUE=DATE:20261204",  # the whole day
        "EXDATE;TZID=Europe/Helsinki:20261205T100000,20261206T100000",  # two values
        "SUMMARY:Muodot",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
).encode()


def test_rdate_and_exdate_forms() -> None:
    parsed = parse_feed(
        FORMS,
        start=datetime(2026, 12, 1, tzinfo=HELSINKI),
        end=datetime(2027, 1, 1, tzinfo=HELSINKI),
        tz=HELSINKI,
    )
    assert parsed.skipped == []
    assert [
        (
            o.starts_at.astimezone(HELSINKI).isoformat(timespec="minutes"),
            o.ends_at.astimezone(HELSINKI).isoformat(timespec="minutes"),
        )
        for o in parsed.occurrences
    ] == [
        ("2026-12-01T10:00+02:00", "2026-12-01T11:00+02:00"),
        ("2026-12-07T10:00+02:00", "2026-12-07T11:00+02:00"),
        ("2026-12-08T10:00+02:00", "2026-12-08T11:00+02:00"),
        ("2026-12-20T14:00+02:00", "2026-12-20T15:00+02:00"),
        ("2026-12-21T10:00+02:00", "2026-12-21T11:00+02:00"),
        ("2026-12-22T10:00+02:00", "2026-12-22T11:00+02:00"),
        ("2026-12-23T10:00+02:00", "2026-12-23T11:00+02:00"),
        ("2026-12-24T10:00+02:00", "2026-12-24T12:00+02:00"),
    ]
    assert parsed.occurrences[-2].key == "forms-1/20261223T080000Z"


def test_range_this_and_prior_moves_the_earlier_occurrences() -> None:
    data = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:prior-1",
            "DTSTART;TZID=Europe/Helsinki:20261201T100000",
            "DTEND;TZID=Europe/Helsinki:20261201T110000",
            "RRULE:FREQ=DAILY;COUNT=4",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:prior-1",
            "RECURRENCE-ID;RANGE=THISANDPRIOR;TZID=Europe/Helsinki:20261202T100000",
            "DTSTART;TZID=Europe/Helsinki:20261202T080000",
            "DTEND;TZID=Europe/Helsinki:20261202T083000",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    ).encode()
    parsed = parse_feed(
        data,
        start=datetime(2026, 12, 1, tzinfo=HELSINKI),
        end=datetime(2027, 1, 1, tzinfo=HELSINKI),
        tz=HELSINKI,
    )
    assert [
        (o.key, o.starts_at.astimezone(HELSINKI).strftime("%d %H:%M-"), o.ends_at.minute)
        for o in parsed.occurrences
    ] == [
        ("prior-1/20261201T080000Z", "01 08:00-", 30),
        ("prior-1/20261202T080000Z", "02 08:00-", 30),
        ("prior-1/20261203T080000Z", "03 10:00-", 0),
        ("prior-1/20261204T080000Z", "04 10:00-", 0),
    ]


def test_an_override_moved_by_decades_still_stands_for_itself() -> None:
    data = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:far-1",
            "DTSTART:19900101T080000Z",
            "DTEND:19900101T090000Z",
            "RRULE:FREQ=DAILY",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:far-1",
            "RECURRENCE-ID:19900101T080000Z",
            "DTSTART:20261201T060000Z",
            "DTEND:20261201T063000Z",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    ).encode()
    parsed = parse_feed(
        data,
        start=datetime(2026, 12, 1, tzinfo=HELSINKI),
        end=datetime(2026, 12, 1, 12, tzinfo=HELSINKI),
        tz=HELSINKI,
    )
    found = [
        (o.key, o.starts_at.astimezone(HELSINKI).strftime("%H:%M")) for o in parsed.occurrences
    ]
    assert found == [
        ("far-1/19900101T080000Z", "08:00"),  # the moved one, under its own original start
        ("far-1/20261201T080000Z", "10:00"),
    ]
