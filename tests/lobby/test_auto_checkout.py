"""Automatic sign-out at the configured hour."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.lobby.auto_checkout import DailyAt, check_out_everyone
from kiosk.lobby.checkin import CheckinService
from kiosk.lobby.presence import who_is_in_store
from kiosk.security.badges import load_site_key
from kiosk.store.models import Checkin, OutboxRow
from tests.lobby.visitor_helpers import Lab, make_lab
from tests.stores import AINO_UID

TZ = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    lab = make_lab(tmp_path)
    yield lab
    lab.close()


def test_everyone_this_lobby_checked_in_is_checked_out_once(lab: Lab) -> None:
    CheckinService(
        lab.lobby, lab.clock, load_site_key(lab.tmp_path / "site.key"), "lobby-1"
    ).badge_tap(AINO_UID)
    _id, token = lab.invite()
    lab.sync()
    lab.service.scan(token)
    assert len(who_is_in_store(lab.lobby)) == 2
    lab.clock.advance(timedelta(hours=10))
    assert check_out_everyone(lab.lobby, lab.clock, "lobby-1") == 2
    assert who_is_in_store(lab.lobby) == []
    with lab.lobby.session() as s:
        autos = s.scalars(select(Checkin).where(Checkin.method == "auto")).all()
        assert {(c.direction, c.at) for c in autos} == {("out", lab.clock.now())}
        # the badge tap was pushed by the sync; the scan and the two check-outs wait
        assert len(s.scalars(select(OutboxRow)).all()) == 3
    assert check_out_everyone(lab.lobby, lab.clock, "lobby-1") == 0
    assert check_out_everyone(lab.lobby, lab.clock, "lobby-2") == 0


def test_daily_at_is_due_once_a_day_after_the_hour() -> None:
    schedule = DailyAt(time(22, 0), TZ)
    evening = datetime(2026, 11, 26, 22, 0, tzinfo=TZ)
    assert not schedule.due(evening - timedelta(minutes=1))
    assert schedule.due(evening)
    schedule.mark_done(evening)
    assert not schedule.due(evening + timedelta(hours=1))
    assert not schedule.due(evening + timedelta(hours=10))  # next morning, before 22.00
    assert schedule.due(evening + timedelta(days=1))
