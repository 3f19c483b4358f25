"""Calendars in the shapes real servers export, each with the exact bookings it must make.

The files in fixtures/servers/ are written for these tests in the style of each exporter:
Exchange/Outlook (Windows zone names with their VTIMEZONE, X-MICROSOFT-CDO-*, folded UIDs),
Google (UTC times, X-WR-TIMEZONE, RRULE with UNTIL, EXDATE, RECURRENCE-ID overrides),
Nextcloud/SabreDAV (a RANGE=THISANDFUTURE override), Apple (X-WR-TIMEZONE, X-APPLE-*, a
floating time, an alarm with its own UID) and Lotus Notes (RDATE lists instead of a rule, a
custom VTIMEZONE without TZNAME, quoted TZIDs, ORGANIZER with slashes in its CN, an override
without its master carrying RDATE periods).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.rooms.ics import PRIVATE_TITLE, Feed, parse_feed

SERVERS = Path(__file__).parent / "fixtures" / "servers"
HELSINKI = ZoneInfo("Europe/Helsinki")


def feed(name: str) -> Feed:
    return parse_feed(
        (SERVERS / name).read_bytes(),
        start=datetime(2026, 10, 1, tzinfo=HELSINKI),
        end=datetime(2027, 1, 1, tzinfo=HELSINKI),
        tz=HELSINKI,
    )


def bookings(name: str) -> list[tuple[str, str, str]]:
    """(start, end, title) in Helsinki time, in order; and the feed had nothing to skip."""
    parsed = feed(name)
    assert parsed.skipped == []
    keys = [o.key for o in parsed.occurrences]
    assert len(set(keys)) == len(keys)
    return [
        (
            o.starts_at.astimezone(HELSINKI).isoformat(timespec="minutes"),
            o.ends_at.astimezone(HELSINKI).isoformat(timespec="minutes"),
            o.title,
        )
        for o in parsed.occurrences
    ]


def test_exchange_outlook() -> None:
    raw = (SERVERS / "exchange.ics").read_bytes()
    assert b"\r\n " in raw and b"X-MICROSOFT-CDO-BUSYSTATUS" in raw
    assert bookings("exchange.ics") == [
        ("2026-10-20T10:00+03:00", "2026-10-20T11:00+03:00", "Viikkopalaveri"),
        # Moved to the afternoon, after the clocks went back on 25 October.
        ("2026-10-27T14:00+02:00", "2026-10-27T15:30+02:00", "Viikkopalaveri (siirretty)"),
        # 3 November is an EXDATE; 17 November is the UNTIL instant itself (08:00Z).
        ("2026-11-10T10:00+02:00", "2026-11-10T11:00+02:00", "Viikkopalaveri"),
        ("2026-11-17T10:00+02:00", "2026-11-17T11:00+02:00", "Viikkopalaveri"),
        ("2026-11-24T00:00+02:00", "2026-11-25T00:00+02:00", "Koulutuspäivä"),
        ("2026-11-26T13:00+02:00", "2026-11-26T14:30+02:00", PRIVATE_TITLE),
    ]  # and the TRANSP:TRANSPARENT ("free") reminder is no booking
    moved = feed("exchange.ics").occurrences[1]
    assert moved.key.endswith("F9/20261027T080000Z")  # the slot it was moved from


def test_google() -> None:
    assert bookings("google.ics") == [
        ("2026-12-01T09:00+02:00", "2026-12-01T10:00+02:00", "Aamukahvit"),
        ("2026-12-08T11:00+02:00", "2026-12-08T12:00+02:00", "Aamukahvit (myöhemmin)"),
        ("2026-12-10T13:00+02:00", "2026-12-10T16:00+02:00", "Työpaja: palvelumuotoilu"),
    ]  # 15 December is an EXDATE, 22 December a cancelled override


def test_nextcloud_this_and_future_override_moves_every_later_occurrence() -> None:
    found = bookings("nextcloud.ics")
    daily = [b for b in found if b[2].startswith("Päivittäinen")]
    assert len(daily) == 60  # COUNT=60: none lost to the override
    assert daily[0] == ("2026-11-02T09:00+02:00", "2026-11-02T09:30+02:00", daily[0][2])
    assert daily[8] == ("2026-11-10T09:00+02:00", "2026-11-10T09:30+02:00", daily[8][2])
    later = "Päivittäinen tilannekatsaus (uusi aika)"
    assert daily[9] == ("2026-11-11T10:00+02:00", "2026-11-11T10:45+02:00", later)
    # A single override after the RANGE override still wins for its own day.
    assert daily[18] == (
        "2026-11-20T13:00+02:00",
        "2026-11-20T13:30+02:00",
        "Päivittäinen tilannekatsaus (iltapäivällä)",
    )
    assert daily[-1] == ("2026-12-31T10:00+02:00", "2026-12-31T10:45+02:00", later)
    assert sum(1 for b in daily if b[2] == later) == 50
    # Each occurrence is keyed by its own original start, 09:00 local (07:00Z) every day.
    keys = [o.key for o in feed("nextcloud.ics").occurrences if "5e7c1f2a" in o.key]
    assert keys[9].endswith("/20261111T070000Z") and keys[-1].endswith("/20261231T070000Z")
    # An all-day weekly series with an EXDATE;VALUE=DATE.
    assert [b for b in found if b[2] == "Remontti"] == [
        ("2026-11-05T00:00+02:00", "2026-11-07T00:00+02:00", "Remontti"),
        ("2026-11-19T00:00+02:00", "2026-11-21T00:00+02:00", "Remontti"),
    ]


def test_apple() -> None:
    assert bookings("apple.ics") == [
        ("2026-10-30T10:00+02:00", "2026-10-30T12:00+02:00", "Kuukausikokous"),
        ("2026-11-27T10:00+02:00", "2026-11-27T12:00+02:00", "Kuukausikokous"),
        ("2026-12-03T08:00+02:00", "2026-12-03T09:00+02:00", "Aamiainen (kelluva aika)"),
        ("2026-12-05T00:00+02:00", "2026-12-06T00:00+02:00", "Itsenäisyyspäivän aatto"),
        ("2026-12-25T10:00+02:00", "2026-12-25T12:00+02:00", "Kuukausikokous"),
    ]


def test_apple_floating_times_follow_x_wr_timezone() -> None:
    text = (SERVERS / "apple.ics").read_text(encoding="utf-8")
    stockholm = text.replace("X-WR-TIMEZONE:Europe/Helsinki", "X-WR-TIMEZONE:Europe/Stockholm")
    parsed = parse_feed(
        stockholm.encode(),
        start=datetime(2026, 12, 3, tzinfo=HELSINKI),
        end=datetime(2026, 12, 4, tzinfo=HELSINKI),
        tz=HELSINKI,
    )
    # 08:00 floating in Stockholm is 09:00 in Helsinki.
    assert [o.starts_at.astimezone(HELSINKI).hour for o in parsed.occurrences] == [9]


def test_lotus_notes() -> None:
    assert bookings("lotus_notes.ics") == [
        # RDATE lists over two lines, one value repeating DTSTART, one EXDATE'd (9 Nov).
        ("2026-11-02T13:00+02:00", "2026-11-02T14:00+02:00", "Projektiryhmä"),
        ("2026-11-16T13:00+02:00", "2026-11-16T14:00+02:00", "Projektiryhmä"),
        ("2026-11-30T15:00+02:00", "2026-11-30T16:00+02:00", "Projektiryhmä"),
        # An override without its master: its own slot plus its three RDATE periods
        # (an end, a duration, and UTC).
        ("2026-12-03T09:00+02:00", "2026-12-03T10:00+02:00", "Ohjausryhmä"),
        ("2026-12-07T00:00+02:00", "2026-12-08T00:00+02:00", "Tilat varattu siivoukseen"),
        ("2026-12-10T09:00+02:00", "2026-12-10T11:00+02:00", "Ohjausryhmä"),
        ("2026-12-14T00:00+02:00", "2026-12-15T00:00+02:00", "Tilat varattu siivoukseen"),
        ("2026-12-17T09:00+02:00", "2026-12-17T10:30+02:00", "Ohjausryhmä"),
        ("2026-12-21T09:00+02:00", "2026-12-21T10:00+02:00", "Ohjausryhmä"),
        ("2026-12-28T00:00+02:00", "2026-12-29T00:00+02:00", "Tilat varattu siivoukseen"),
    ]


def test_a_window_that_starts_inside_a_moved_series() -> None:
    parsed = parse_feed(
        (SERVERS / "nextcloud.ics").read_bytes(),
        start=datetime(2026, 12, 30, tzinfo=HELSINKI),
        end=datetime(2027, 1, 5, tzinfo=HELSINKI),
        tz=HELSINKI,
    )
    assert [o.starts_at.astimezone(HELSINKI).isoformat() for o in parsed.occurrences] == [
        "2026-12-30T10:00:00+02:00",
        "2026-12-31T10:00:00+02:00",
    ]
