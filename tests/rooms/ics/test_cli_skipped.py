"""What the admin sees of a feed's broken events and lines, and what the log keeps of them."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.rooms.ics.test_cli import FROM, admin, central_dump


def backwards_feed(day: datetime) -> bytes:
    """One good meeting and one whose end is before its start, on ``day`` (UTC)."""
    d = day.strftime("%Y%m%d")
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Lab//handwritten//EN",
            "BEGIN:VEVENT",
            "UID:good-1",
            f"DTSTART:{d}T080000Z",
            f"DTEND:{d}T090000Z",
            "SUMMARY:Aamupalaveri",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:backwards-1@example.invalid",
            f"DTSTART:{d}T120000Z",
            f"DTEND:{d}T110000Z",
            "SUMMARY:Matti Meikäläinen kahdenkesken",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    ).encode()


def test_import_reports_a_skipped_event_in_text_and_json(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "backwards.ics"
    path.write_bytes(backwards_feed(datetime(2026, 12, 2, tzinfo=UTC)))
    capsys.readouterr()
    assert admin(config, "bookings", "import-ics", "aurora", str(path), *FROM) == 0
    assert capsys.readouterr().out.splitlines() == [
        "aurora: 1 added, 0 updated, 0 cancelled, 0 unchanged, 1 broken event skipped",
        "  skipped event 'backwards-1@example.invalid' (line 13): DTEND is before DTSTART;"
        " its earlier bookings are kept",
    ]
    assert admin(config, "bookings", "import-ics", "aurora", str(path), *FROM, "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["unchanged"] == 1
    assert report["skipped_events"] == [
        {"uid": "backwards-1@example.invalid", "line": 13, "reason": "DTEND is before DTSTART"}
    ]


def test_a_malformed_file_is_refused_naming_the_line_and_nothing_else(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nMatti Meikalainen 040 123 4567\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    before = central_dump(config)
    capsys.readouterr()
    assert admin(config, "bookings", "import-ics", "aurora", str(path), *FROM) == 1
    err = capsys.readouterr().err
    assert err == (
        "kiosk: not an iCalendar file: line 4 is not a property (NAME:value); "
        "the bookings of 'aurora' are unchanged\n"
    )
    assert central_dump(config) == before


def test_refresh_feeds_reports_skipped_events_and_logs_no_uid_or_title(
    config: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = tmp_path / "feed.ics"
    path.write_bytes(backwards_feed(datetime.now(UTC) + timedelta(days=2)))
    assert admin(config, "bookings", "feed", "set", "aurora", path.as_uri()) == 0
    capsys.readouterr()
    with caplog.at_level(logging.INFO):
        assert admin(config, "bookings", "refresh-feeds", "--json") == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert report["detail"].endswith("1 broken event skipped")
    assert report["skipped_events"] == [
        {"uid": "backwards-1@example.invalid", "line": 13, "reason": "DTEND is before DTSTART"}
    ]
    logged = [r.getMessage() for r in caplog.records if r.name == "kiosk.rooms.feeds"]
    assert logged == [
        "calendar feed of room aurora: 1 event(s) skipped: line 13: DTEND is before DTSTART"
    ]
    assert admin(config, "bookings", "refresh-feeds") == 0
    out = capsys.readouterr().out
    assert "skipped event 'backwards-1@example.invalid' (line 13)" in out
    everything = caplog.text + "\n".join(logged)
    assert "backwards-1" not in everything and "Matti" not in everything
