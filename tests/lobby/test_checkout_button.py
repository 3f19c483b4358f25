"""Checking out with a button: short names on the list, one check-out row per choice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.base.errors import Conflict
from kiosk.lobby.checkout import CheckoutService, short_name
from kiosk.lobby.presence import who_is_in_store
from kiosk.lobby.walkin import WalkinService
from kiosk.views.screens import ScanResult
from tests.lobby.visitor_helpers import Lab, make_lab
from tests.stores import dump


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    lab = make_lab(tmp_path)
    yield lab
    lab.close()


def test_short_names_say_little() -> None:
    assert short_name("Sofia Maria Laine") == "Sofia L."
    assert short_name("Cher") == "Cher"
    assert short_name("  ") == ""


def test_walk_ins_and_invited_visitors_check_out_by_button(lab: Lab) -> None:
    walkins = WalkinService(lab.lobby, lab.clock, "lobby-1")
    host = walkins.search_hosts("mikko")[0].id
    walkins.register("Sofia Laine", "Kela", host, privacy_accepted=True)
    _id, token = lab.invite("Eeva Ek")
    lab.sync()
    lab.clock.advance(timedelta(minutes=5))
    lab.service.scan(token)
    checkouts = CheckoutService(lab.lobby, lab.clock, "lobby-1")
    inside = checkouts.inside()
    assert [v.short_name for v in inside] == ["Sofia L.", "Eeva E."]

    lab.clock.advance(timedelta(hours=1))
    outcome = checkouts.check_out(inside[1].checkin_id)
    assert outcome.result is ScanResult.CHECKED_OUT
    assert (outcome.name, outcome.host) == ("Eeva Ek", "Mikko Korhonen")
    assert [p.name for p in who_is_in_store(lab.lobby)] == ["Sofia Laine"]
    assert [v.short_name for v in checkouts.inside()] == ["Sofia L."]

    before = dump(lab.lobby)
    with pytest.raises(Conflict):
        checkouts.check_out(inside[1].checkin_id)  # twice: nothing more is stored
    assert dump(lab.lobby) == before
    # Scanning the code later starts a new visit rather than a second check-out.
    lab.clock.advance(timedelta(hours=1))
    assert lab.service.scan(token).result is ScanResult.WELCOME
