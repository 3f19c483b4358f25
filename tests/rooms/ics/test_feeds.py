"""Scheduled calendar feeds: refresh, keep the last good bookings on failure, mark stale."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.config.settings import load_config
from kiosk.rooms.door_view import door_view
from kiosk.rooms.feeds import FETCH_FAILED, PARSE_FAILED
from kiosk.store.engine import open_store
from kiosk.store.models import Booking, Change, Room
from tests.rooms.ics.conftest import FIXTURES
from tests.rooms.ics.test_cli import admin, central_dump


def rows(config: Path) -> tuple[dict[str, object], int, str]:
    store = open_store(load_config(config).central_url, migrate=False)
    try:
        with store.engine.connect() as conn:
            room = conn.execute(select(Room.__table__).where(Room.id == "aurora")).one()._asdict()
            bookings = len(
                conn.execute(select(Booking.id).where(Booking.status == "confirmed")).all()
            )
            feed_text = json.dumps([r.payload for r in conn.execute(select(Change.payload))])
    finally:
        store.dispose()
    return room, bookings, feed_text


def test_a_feed_is_refreshed_and_a_failure_keeps_the_last_good_bookings(
    config: Path,
    feed_server: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = f"{feed_server}/feed.ics?token=s3cret"
    assert admin(config, "bookings", "feed", "set", "aurora", good) == 0
    assert admin(config, "bookings", "refresh-feeds") == 0
    room, bookings, _ = rows(config)
    assert bookings > 0
    assert room["calendar_error"] is None
    synced = room["calendar_synced_at"]
    assert synced is not None

    # The calendar server now answers 404: nothing of the room's bookings changes.
    assert (
        admin(config, "bookings", "feed", "set", "aurora", f"{feed_server}/gone.ics?token=s3") == 0
    )
    capsys.readouterr()
    assert admin(config, "bookings", "refresh-feeds", "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report[0]["ok"] is False and "404" in report[0]["detail"]
    room, after, feed_text = rows(config)
    assert after == bookings
    assert room["calendar_error"] == FETCH_FAILED
    assert room["calendar_synced_at"] == synced  # the last good read, for "not updated since"
    assert "s3cret" not in feed_text and "token=" not in feed_text  # never replicated

    store = open_store(load_config(config).central_url, migrate=False)
    with store.engine.connect() as conn:
        view = door_view(conn, "aurora", datetime.now(UTC), load_config(config).tz)
    store.dispose()
    assert view is not None
    assert view.calendar_stale
    assert view.calendar_synced_at == synced


def test_a_broken_feed_is_reported_as_unreadable(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = (FIXTURES / "not_a_calendar.ics").as_uri()
    assert admin(config, "bookings", "feed", "set", "aurora", bad) == 0
    assert admin(config, "bookings", "refresh-feeds") == 1
    room, bookings, _ = rows(config)
    assert room["calendar_error"] == PARSE_FAILED
    assert room["calendar_synced_at"] is None
    assert bookings == 0
    capsys.readouterr()
    assert admin(config, "bookings", "feed", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(f["room"], f["error"], f["synced_at"]) for f in listed] == [
        ("aurora", PARSE_FAILED, None)
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["feed", "set", "nowhere", "https://cal.example/x.ics"], 3, "no room"),
        (["feed", "set", "aurora", "ftp://cal.example/x.ics"], 2, "must start with"),
        (["feed", "remove", "aurora"], 3, "has no calendar feed"),
    ],
)
def test_bad_feed_commands_change_nothing(
    config: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    message: str,
) -> None:
    before = central_dump(config)
    capsys.readouterr()
    assert admin(config, "bookings", *args) == code
    assert message in capsys.readouterr().err
    assert central_dump(config) == before
