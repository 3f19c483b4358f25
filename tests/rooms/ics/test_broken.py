"""Broken calendars: an event that contradicts itself is skipped and reported, the rest
imports; a feed that cannot be read is refused with the line, never the file's own bytes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.rooms.ics import FeedError, parse_feed

HELSINKI = ZoneInfo("Europe/Helsinki")


def ics(*lines: str) -> bytes:
    return "\r\n".join(lines).encode() + b"\r\n"


def parse(data: bytes):  # type: ignore[no-untyped-def]
    return parse_feed(
        data,
        start=datetime(2026, 12, 1, tzinfo=HELSINKI),
        end=datetime(2027, 1, 1, tzinfo=HELSINKI),
        tz=HELSINKI,
    )


BROKEN = ics(
    "BEGIN:VCALENDAR",  # 1
    "VERSION:2.0",
    "PRODID:-//Lab//handwritten//EN",
    "BEGIN:VEVENT",  # 4
    "UID:good-1",
    "DTSTART:20261201T080000Z",
    "DTEND:20261201T090000Z",
    "SUMMARY:Hyvä",
    "END:VEVENT",
    "BEGIN:VEVENT",  # 10
    "UID:backwards-1",
    "DTSTART:20261202T100000Z",
    "DTEND:20261202T080000Z",  # 13: before its start
    "SUMMARY:Matti Meikäläinen kahdenkesken",
    "END:VEVENT",
    "BEGIN:VEVENT",  # 16
    "UID:negative-1",
    "DTSTART:20261203T100000Z",
    "DURATION:-PT1H",  # 19
    "END:VEVENT",
    "BEGIN:VEVENT",  # 21
    "UID:series-1",
    "DTSTART;TZID=Europe/Helsinki:20261207T120000",
    "DTEND;TZID=Europe/Helsinki:20261207T130000",
    "RRULE:FREQ=WEEKLY;COUNT=3",
    "RDATE;VALUE=PERIOD:20261209T100000Z/20261209T090000Z,20261210T100000Z/PT1H",  # 26
    "SUMMARY:Sarja",
    "END:VEVENT",
    "BEGIN:VEVENT",  # 29
    "UID:series-1",
    "RECURRENCE-ID;TZID=Europe/Helsinki:20261214T120000",
    "DTSTART;TZID=Europe/Helsinki:20261214T150000",
    "DTEND;TZID=Europe/Helsinki:20261214T140000",  # 33: before its start
    "SUMMARY:Sarja (siirretty)",
    "END:VEVENT",
    "END:VCALENDAR",
)


def test_an_event_ending_before_it_starts_is_skipped_and_the_rest_imports() -> None:
    parsed = parse(BROKEN)
    assert [
        (o.key, o.starts_at.astimezone(HELSINKI).isoformat(timespec="minutes"))
        for o in parsed.occurrences
    ] == [
        ("good-1", "2026-12-01T10:00+02:00"),
        ("series-1/20261207T100000Z", "2026-12-07T12:00+02:00"),
        ("series-1/20261210T100000Z", "2026-12-10T12:00+02:00"),
        ("series-1/20261221T100000Z", "2026-12-21T12:00+02:00"),
    ]
    assert [(s.uid, s.line, s.reason, s.key) for s in parsed.skipped] == [
        ("backwards-1", 13, "DTEND is before DTSTART", "backwards-1"),
        ("negative-1", 19, "DURATION is negative", "negative-1"),
        ("series-1", 26, "an RDATE period ends before it starts", "series-1/20261209T100000Z"),
        ("series-1", 33, "DTEND is before DTSTART", "series-1/20261214T100000Z"),
    ]
    assert str(parsed.skipped[0]) == "event 'backwards-1' (line 13): DTEND is before DTSTART"


def test_a_broken_series_is_skipped_whole_with_its_overrides() -> None:
    data = BROKEN.replace(
        b"DTEND;TZID=Europe/Helsinki:20261207T130000", b"DTEND;TZID=Europe/Helsinki:20261207T110000"
    )
    parsed = parse(data)
    assert [o.key for o in parsed.occurrences] == ["good-1"]
    assert ("series-1", 24, "DTEND is before DTSTART", "series-1") in [
        (s.uid, s.line, s.reason, s.key) for s in parsed.skipped
    ]


PERSONAL = "Matti Meikäläinen"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            ics(
                "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:x", PERSONAL, "END:VEVENT", "END:VCALENDAR"
            ),
            "not an iCalendar file: line 4 is not a property (NAME:value)",
        ),
        (
            ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", f"SUMMARY:{PERSONAL}", "END:VTODO"),
            "not an iCalendar file: line 4: END:VTODO does not close BEGIN:VEVENT of line 2",
        ),
        (
            ics("BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VCALENDAR", f"X-NAME:{PERSONAL}"),
            "not an iCalendar file: line 3 starts a second calendar in one file",
        ),
        (
            ics("BEGIN:VCALENDAR", f"X-WR-CALNAME:{PERSONAL}", "END:VCALENDAR", f"X:{PERSONAL}"),
            "not an iCalendar file: line 4: a property outside BEGIN:VCALENDAR",
        ),
        (bytes(range(256)) * 4, "not an iCalendar file: line 1 is not BEGIN:VCALENDAR"),
        (
            f"{PERSONAL}\nBEGIN:VCALENDAR\n".encode(),
            "not an iCalendar file: line 1 is not BEGIN:VCALENDAR",
        ),
        (
            ics(
                "BEGIN:VCALENDAR",
                "BEGIN:VEVENT",
                "UID:x",
                "DTSTART:20261201T100000Z",
                "DTSTART:20261202T100000Z",
                f"SUMMARY:{PERSONAL}",
                "END:VEVENT",
                "END:VCALENDAR",
            ),
            "line 5: DTSTART is given twice in one event",
        ),
        (
            ics(
                "BEGIN:VCALENDAR",
                "BEGIN:VEVENT",
                "UID:x",
                "UID:y",
                "DTSTART:20261201T100000Z",
                "SEQUENCE:1",
                "SEQUENCE:Matti",
                "END:VEVENT",
                "END:VCALENDAR",
            ),
            "line 4: UID is given twice in one event",
        ),
        (
            ics(
                "BEGIN:VCALENDAR",
                "BEGIN:VEVENT",
                "UID:x",
                "DTSTART:20261201T100000Z",
                f"RRULE:FREQ=WEEKLY;UNTIL={PERSONAL}",
                "END:VEVENT",
                "END:VCALENDAR",
            ),
            "line 5: RRULE cannot be read as a recurrence rule",
        ),
        (
            ics(
                "BEGIN:VCALENDAR",
                "BEGIN:VEVENT",
                "UID:x",
                f"DTSTART:{PERSONAL}",
                "END:VEVENT",
                "END:VCALENDAR",
            ),
            "line 4: DTSTART cannot be read as a date or time",
        ),
        (
            ics(
                "BEGIN:VCALENDAR",
                "BEGIN:VEVENT",
                f"SUMMARY:{PERSONAL}",
                "END:VEVENT",
                "END:VCALENDAR",
            ),
            "line 2: an event without DTSTART",
        ),
    ],
)
def test_a_malformed_feed_names_the_line_and_never_quotes_the_file(
    data: bytes, message: str
) -> None:
    with pytest.raises(FeedError) as caught:
        parse(data)
    assert str(caught.value) == message
    assert "Matti" not in str(caught.value)


def test_quoted_parameters_may_hold_colons_and_semicolons() -> None:
    parsed = parse(
        ics(
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:q-1",
            'ORGANIZER;CN="Virtanen: Liisa; Valtio":mailto:liisa@example.invalid',
            "ORGANIZER;CN=CN=Liisa Virtanen/O=Valtio:mailto:liisa@example.invalid",
            "DTSTART:20261201T100000Z",
            "DTEND:20261201T110000Z",
            "END:VEVENT",
            "END:VCALENDAR",
        )
    )
    assert [o.key for o in parsed.occurrences] == ["q-1"]
