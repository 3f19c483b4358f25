"""The "Here today" board: nobody without opting in, opt-out at once, visitors never."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.base.errors import UsageError
from kiosk.lab.here_today import HereTodayService, clean_interests, opt_in, parse_interests
from kiosk.lobby.walkin import WalkinService
from kiosk.store.models import BoardConsent, OutboxRow
from tests.lab.helpers import LINNEA_UID, MIKKO_UID, TZ, Site
from tests.stores import AINO_UID, row_counts


def board(site: Site) -> HereTodayService:
    return HereTodayService(site.lobby, site.clock, "lobby-1", TZ)


def names(site: Site) -> list[str]:
    return [e.name for e in board(site).board()]


def test_nobody_is_on_the_board_without_opting_in(site: Site) -> None:
    taps = site.taps()
    for uid in (AINO_UID, LINNEA_UID, MIKKO_UID):
        taps.badge_tap(uid)
    WalkinService(site.lobby, site.clock, "lobby-1").register(
        "Vera Vierailija", "Kela", site.ids["mikko"], privacy_accepted=True
    )
    assert names(site) == []
    board(site).set_visible(site.ids["aino"], True)
    assert names(site) == ["Aino Virtanen"]  # the others are in, but never said yes


def test_opting_out_removes_a_person_at_once(site: Site) -> None:
    site.taps().badge_tap(AINO_UID)
    svc = board(site)
    svc.set_visible(site.ids["aino"], True)
    assert names(site) == ["Aino Virtanen"]
    site.clock.advance(timedelta(seconds=1))
    svc.set_visible(site.ids["aino"], False)
    assert names(site) == []
    with site.lobby.session() as s:  # both choices are logged and queued for the central store
        assert [c.visible for c in s.scalars(select(BoardConsent).order_by(BoardConsent.at))] == [
            True,
            False,
        ]
        assert (
            len(s.scalars(select(OutboxRow).where(OutboxRow.entity == "board_consents")).all()) == 2
        )


def test_only_people_in_today_and_still_in_are_shown(site: Site) -> None:
    svc = board(site)
    for person in ("aino", "linnea"):
        svc.set_visible(site.ids[person], True)
    assert names(site) == []  # opted in, not here
    site.clock.advance(timedelta(days=-1))
    site.taps().badge_tap(AINO_UID)  # in yesterday, never out
    site.clock.advance(timedelta(days=1))
    site.taps().badge_tap(LINNEA_UID)
    assert names(site) == ["Linnea Lindqvist"]
    site.clock.advance(timedelta(minutes=5))
    site.taps().badge_tap(LINNEA_UID)  # out
    assert names(site) == []


def test_the_board_shows_organisation_and_interests_as_chosen(site: Site) -> None:
    with site.central.engine.begin() as conn:
        opt_in(conn, site.ids["aino"], ["tekoäly", " palvelumuotoilu "], site.clock.now())
        opt_in(
            conn,
            site.ids["linnea"],
            ["Open data"],
            site.clock.now(),
            show_organisation=False,
        )
    site.sync()
    site.taps().badge_tap(AINO_UID)
    site.taps().badge_tap(LINNEA_UID)
    entries = {e.name: e for e in board(site).board()}
    assert entries["Aino Virtanen"].organisation == "VM"
    assert entries["Aino Virtanen"].interests == ("tekoäly", "palvelumuotoilu")
    assert entries["Linnea Lindqvist"].organisation is None
    # An opt-out at the kiosk keeps the interests for a later opt-in.
    site.clock.advance(timedelta(seconds=1))
    board(site).set_visible(site.ids["aino"], False)
    site.clock.advance(timedelta(seconds=1))
    again = board(site).set_visible(site.ids["aino"], True)
    assert again.interests == ("tekoäly", "palvelumuotoilu")


def test_the_latest_consent_wins_wherever_it_was_made(site: Site) -> None:
    site.taps().badge_tap(AINO_UID)
    board(site).set_visible(site.ids["aino"], True)  # at the lobby, at noon
    with site.central.engine.begin() as conn:  # an older CLI opt-out arrives later by sync
        from kiosk.lab.here_today import opt_out

        opt_out(conn, site.ids["aino"], site.clock.now() - timedelta(hours=1))
    site.sync()
    assert names(site) == ["Aino Virtanen"]
    with site.central.engine.begin() as conn:
        opt_out(conn, site.ids["aino"], site.clock.now() + timedelta(minutes=1))
    site.sync()
    assert names(site) == []


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["a", "b", "c", "d"], "at most 3"),
        (["x" * 41], "longer than 40"),
        (["ok", "tab\x07"], "not text"),
    ],
)
def test_bad_interests_are_refused(items: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        clean_interests(items)


def test_interests_are_trimmed_and_deduplicated() -> None:
    assert parse_interests(" AI ,  service   design,,ai ") == ["AI", "service design"]
    assert parse_interests("") == []
    assert clean_interests(["x" * 40]) == ["x" * 40]


def test_a_bad_opt_in_changes_nothing(site: Site) -> None:
    from kiosk.base.ids import new_id

    before = row_counts(site.lobby)
    with pytest.raises(UsageError, match="only people in the directory"):
        board(site).set_visible(new_id(), True)  # e.g. a visitor's id: not a person
    assert row_counts(site.lobby) == before
