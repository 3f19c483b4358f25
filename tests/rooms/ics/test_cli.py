"""``kiosk admin bookings ...``: what each command does, and that bad input changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.config.settings import load_config
from kiosk.store.engine import open_store
from tests.stores import dump

FIXTURES = Path(__file__).parent / "fixtures"
FEED = str(FIXTURES / "feed_v1.ics")
FROM = ("--from", "2026-12-01", "--days", "7")


def admin(config: Path, *args: str) -> int:
    return main(["admin", "--config", str(config), *args])


def central_dump(config: Path) -> dict[str, list[tuple[object, ...]]]:
    store = open_store(load_config(config).central_url, migrate=False)
    try:
        return dump(store)
    finally:
        store.dispose()


def listed(config: Path, capsys: pytest.CaptureFixture[str], day: str) -> list[dict[str, object]]:
    capsys.readouterr()
    assert admin(config, "bookings", "list", "--room", "aurora", "--date", day, "--json") == 0
    data: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return data


def test_import_file_then_list_as_json(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert admin(config, "bookings", "import-ics", "aurora", FEED, *FROM) == 0
    assert capsys.readouterr().out.strip() == "aurora: 6 added, 0 updated, 0 cancelled, 0 unchanged"
    day = listed(config, capsys, "2026-12-02")
    assert [(b["title"], b["start"], b["end"], b["source"]) for b in day] == [
        ("Aamupalaveri", "2026-12-02T09:00:00+02:00", "2026-12-02T10:00:00+02:00", "ics"),
        ("Työpaja", "2026-12-02T10:00:00+02:00", "2026-12-02T12:00:00+02:00", "ics"),
    ]
    assert {b["status"] for b in day} == {"confirmed"}
    assert all(b["private"] is False and b["id"] for b in day)
    assert admin(config, "bookings", "import-ics", "aurora", FEED, *FROM) == 0
    assert "0 added, 0 updated, 0 cancelled, 6 unchanged" in capsys.readouterr().out


def test_import_from_a_url(
    config: Path, capsys: pytest.CaptureFixture[str], feed_server: str
) -> None:
    url = f"{feed_server}/feed.ics"
    assert admin(config, "bookings", "import-ics", "aurora", url, *FROM, "--json") == 0
    assert json.loads(capsys.readouterr().out)["added"] == 6


def test_a_failed_fetch_or_bad_feed_keeps_the_last_good_bookings(
    config: Path, capsys: pytest.CaptureFixture[str], feed_server: str
) -> None:
    assert admin(config, "bookings", "import-ics", "aurora", FEED, *FROM) == 0
    before = central_dump(config)
    for source in (
        f"{feed_server}/gone.ics",
        str(FIXTURES / "bad_dtstart.ics"),
        str(FIXTURES / "not_a_calendar.ics"),
        str(FIXTURES / "unknown_zone.ics"),
    ):
        capsys.readouterr()
        assert admin(config, "bookings", "import-ics", "aurora", source, *FROM) == 1
        err = capsys.readouterr().err
        assert "the bookings of 'aurora' are unchanged" in err
        assert "Traceback" not in err
        assert central_dump(config) == before
    assert len(listed(config, capsys, "2026-12-02")) == 2


def test_add_list_and_cancel(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    args = ["--room", "aurora", "--title", "Sprintti", "--private"]
    times = ["--start", "2026-12-02T14:00:00+02:00", "--end", "2026-12-02T15:00:00+02:00"]
    assert admin(config, "bookings", "add", *args, *times) == 0
    booking_id = capsys.readouterr().out.strip()
    (b,) = listed(config, capsys, "2026-12-02")
    assert b == {
        "id": booking_id,
        "room": "aurora",
        "title": "Sprintti",
        "private": True,
        "start": "2026-12-02T14:00:00+02:00",
        "end": "2026-12-02T15:00:00+02:00",
        "status": "confirmed",
        "source": "admin",
    }
    assert admin(config, "bookings", "cancel", booking_id) == 0
    assert listed(config, capsys, "2026-12-02")[0]["status"] == "cancelled"
    before = central_dump(config)
    assert admin(config, "bookings", "cancel", booking_id) == 0
    assert "already cancelled" in capsys.readouterr().out
    assert central_dump(config) == before
    # The slot is free again.
    assert admin(config, "bookings", "add", *args, *times) == 0


@pytest.mark.parametrize(
    "start",
    ["2026-12-02T14:00", "2026-12-02 14:00", "2026-12-02T14:00:00+02:00", "2026-12-02T12:00Z"],
)
def test_a_local_time_means_the_sites_zone_as_for_invitations(
    config: Path, capsys: pytest.CaptureFixture[str], start: str
) -> None:
    """``bookings add`` reads a moment as ``invite create`` and ``event create`` do."""
    capsys.readouterr()
    args = ["--room", "aurora", "--title", "Sprintti", "--start", start]
    assert admin(config, "bookings", "add", *args, "--end", "2026-12-02T15:00") == 0
    (b,) = listed(config, capsys, "2026-12-02")
    assert (b["start"], b["end"]) == ("2026-12-02T14:00:00+02:00", "2026-12-02T15:00:00+02:00")


def test_list_in_text(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    admin(config, "bookings", "import-ics", "aurora", FEED, *FROM)
    capsys.readouterr()
    assert admin(config, "bookings", "list", "--room", "aurora", "--date", "2026-12-03") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2026-12-03 09:00–10:00  confirmed  ics    Aamupalaveri")
    assert "(private)" in lines[-1]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["import-ics", "nowhere", FEED, *FROM], 3, "no room 'nowhere'"),
        (["import-ics", "aurora", "/no/such/file.ics", *FROM], 1, "cannot read"),
        (["import-ics", "aurora", FEED, "--days", "0"], 2, "--days"),
        (["import-ics", "aurora", FEED, "--from", "1.12.2026"], 2, "--from"),
        (["import-ics", "aurora", "http://127.0.0.1:9/feed.ics", *FROM], 1, "cannot fetch"),
        (["list", "--room", "nowhere"], 3, "no room"),
        (["list", "--room", "aurora", "--date", "tomorrow"], 2, "--date"),
        (
            [
                "add",
                "--room",
                "aurora",
                "--title",
                "X",
                "--start",
                "2.12.2026 10:00",
                "--end",
                "2026-12-02T11:00+02:00",
            ],
            2,
            "--start: '2.12.2026 10:00' is not an ISO date or date-time",
        ),
        (
            [
                "add",
                "--room",
                "aurora",
                "--title",
                "X",
                "--start",
                "2026-12-02T11:00+02:00",
                "--end",
                "2026-12-02T10:00+02:00",
            ],
            2,
            "end after it starts",
        ),
        (
            [
                "add",
                "--room",
                "aurora",
                "--title",
                "X",
                "--start",
                "2026-12-02T11:00+02:00",
                "--end",
                "2026-12-02T12:30+02:00",
            ],
            4,
            "already booked",
        ),
        (
            [
                "add",
                "--room",
                "nowhere",
                "--title",
                "X",
                "--start",
                "2026-12-02T18:00+02:00",
                "--end",
                "2026-12-02T19:00+02:00",
            ],
            3,
            "no room",
        ),
        (
            [
                "add",
                "--room",
                "aurora",
                "--title",
                "  ",
                "--start",
                "2026-12-02T18:00+02:00",
                "--end",
                "2026-12-02T19:00+02:00",
            ],
            2,
            "--title",
        ),
        (["cancel", "not-a-uuid"], 2, "not a booking id"),
        (["cancel", "0190f1c2-0000-7000-8000-000000000000"], 3, "no booking"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    config: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    assert admin(config, "bookings", "import-ics", "aurora", FEED, *FROM) == 0
    before = central_dump(config)
    capsys.readouterr()
    assert admin(config, "bookings", *args) == code
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert central_dump(config) == before
