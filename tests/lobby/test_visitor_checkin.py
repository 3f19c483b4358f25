"""QR check-in at the lobby, verified offline against the lobby's own replica."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.lobby.presence import who_is_in
from kiosk.store.models import Checkin, OutboxRow
from kiosk.views.screens import ScanResult
from tests.lobby.visitor_helpers import Lab, make_lab
from tests.stores import NOON, dump


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    lab = make_lab(tmp_path)
    yield lab
    lab.close()


def checkins(lab: Lab) -> list[tuple[str, uuid.UUID | None, uuid.UUID | None]]:
    with lab.lobby.session() as s:
        rows = s.execute(
            select(Checkin.direction, Checkin.invitation_id, Checkin.visitor_id).order_by(
                Checkin.at
            )
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_a_valid_code_welcomes_the_visitor_with_host_and_stores_one_check_in(lab: Lab) -> None:
    invitation_id, token = lab.invite("Eeva Ek")
    lab.sync()
    outcome = lab.service.scan(token)
    assert outcome.result is ScanResult.WELCOME
    assert (outcome.name, outcome.host) == ("Eeva Ek", "Mikko Korhonen")
    assert outcome.stored
    [(direction, inv, visitor)] = checkins(lab)
    assert (direction, inv) == ("in", invitation_id) and visitor is not None
    with lab.lobby.session() as s:
        assert s.scalars(select(OutboxRow.entity)).all() == ["checkins"]
    with lab.lobby.engine.connect() as conn:
        [present] = who_is_in(conn)
    assert (present.name, present.kind, present.host) == ("Eeva Ek", "visitor", "Mikko Korhonen")


def test_scanner_line_endings_are_tolerated(lab: Lab) -> None:
    _id, token = lab.invite()
    lab.sync()
    assert lab.service.scan(token + "\r\n").result is ScanResult.WELCOME


def test_scanning_again_right_away_repeats_the_greeting_and_later_checks_out(lab: Lab) -> None:
    _id, token = lab.invite()
    lab.sync()
    lab.service.scan(token)
    lab.clock.advance(timedelta(seconds=20))
    again = lab.service.scan(token)
    assert again.result is ScanResult.ALREADY_CHECKED_IN and again.since == NOON
    assert len(checkins(lab)) == 1
    lab.clock.advance(timedelta(hours=3))
    out = lab.service.scan(token)
    assert out.result is ScanResult.CHECKED_OUT and out.name == "Eeva Ek"
    assert [d for d, _i, _v in checkins(lab)] == ["in", "out"]
    with lab.lobby.engine.connect() as conn:
        assert who_is_in(conn) == []
    # A reusable invitation lets the visitor in again another time.
    lab.clock.advance(timedelta(hours=1))
    assert lab.service.scan(token).result is ScanResult.WELCOME


def test_a_code_not_synced_yet_is_honoured_and_named_when_the_data_arrives(lab: Lab) -> None:
    invitation_id, token = lab.invite("Eeva Ek")  # no sync: the lobby has not heard of it
    outcome = lab.service.scan(token)
    assert outcome.result is ScanResult.WELCOME and outcome.name is None
    [(direction, inv, visitor)] = checkins(lab)
    assert (direction, inv, visitor) == ("in", invitation_id, None)
    with lab.lobby.engine.connect() as conn:
        [unnamed] = who_is_in(conn)
    assert unnamed.kind == "visitor" and unnamed.name == ""

    lab.sync()  # pushes the check-in (the central store takes it) and pulls the invitation
    assert lab.service.describe(invitation_id) == ("Eeva Ek", "Mikko Korhonen")
    with lab.lobby.engine.connect() as conn:
        [named] = who_is_in(conn)
    assert named.name == "Eeva Ek"
    with lab.central.engine.connect() as conn:
        assert len(conn.execute(select(Checkin)).all()) == 1
    lab.clock.advance(timedelta(hours=2))
    assert lab.service.scan(token).result is ScanResult.CHECKED_OUT
    with lab.lobby.engine.connect() as conn:
        assert who_is_in(conn) == []


def test_a_spent_single_use_code_says_when_it_was_used_and_stores_nothing(lab: Lab) -> None:
    _id, token = lab.invite(single_use=True)
    lab.sync()
    assert lab.service.scan(token).result is ScanResult.WELCOME
    lab.clock.advance(timedelta(hours=2))
    assert lab.service.scan(token).result is ScanResult.CHECKED_OUT
    lab.clock.advance(timedelta(minutes=30))
    before = dump(lab.lobby)
    replay = lab.service.scan(token)
    assert replay.result is ScanResult.ALREADY_CHECKED_IN
    assert replay.since == NOON
    assert dump(lab.lobby) == before


def _one_char_changed(token: str) -> str:
    i = len(token) - 10
    return token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1 :]


@pytest.mark.parametrize(
    ("make_text", "expected"),
    [
        pytest.param(lambda lab: _one_char_changed(lab.invite()[1]), ScanResult.NOT_A_LAB_CODE),
        pytest.param(lambda lab: "https://example.com/?q=1", ScanResult.NOT_A_LAB_CODE),
        pytest.param(lambda lab: "WIFI:T:WPA;S:Lab;P:secret;;", ScanResult.NOT_A_LAB_CODE),
        pytest.param(lambda lab: "x" * 2048, ScanResult.NOT_A_LAB_CODE),
        pytest.param(lambda lab: "", ScanResult.NOT_A_LAB_CODE),
    ],
    ids=["forged", "url", "wifi", "2kb", "empty"],
)
def test_foreign_and_forged_codes_are_refused_and_store_nothing(
    lab: Lab, make_text, expected: ScanResult
) -> None:  # type: ignore[no-untyped-def]
    text = make_text(lab)
    lab.sync()
    before = dump(lab.lobby)
    outcome = lab.service.scan(text)
    assert outcome.result is expected and not outcome.stored
    assert outcome.name is None
    assert dump(lab.lobby) == before


def test_an_expired_code_says_until_when_and_stores_nothing(lab: Lab) -> None:
    end = NOON - timedelta(hours=1)
    invitation_id = lab.invite(valid_from=NOON - timedelta(days=2), valid_to=NOON + timedelta(1))[0]
    token = lab.token(invitation_id, NOON - timedelta(days=2), end)
    lab.sync()
    before = dump(lab.lobby)
    outcome = lab.service.scan(token)
    assert outcome.result is ScanResult.EXPIRED and outcome.valid_to == end
    assert dump(lab.lobby) == before


def test_a_code_for_a_later_day_says_which_day_and_stores_nothing(lab: Lab) -> None:
    start = NOON + timedelta(days=7)
    _id, token = lab.invite(valid_from=start, valid_to=start + timedelta(hours=8))
    lab.sync()
    before = dump(lab.lobby)
    outcome = lab.service.scan(token)
    assert outcome.result is ScanResult.NOT_YET_VALID and outcome.valid_from == start
    assert dump(lab.lobby) == before


def test_clock_skew_of_a_few_minutes_is_tolerated(lab: Lab) -> None:
    start = NOON + timedelta(minutes=3)
    _id, token = lab.invite(valid_from=start, valid_to=start + timedelta(hours=8))
    lab.sync()
    assert lab.service.scan(token).result is ScanResult.WELCOME


def test_a_withdrawn_invitation_is_refused_and_stores_nothing(lab: Lab) -> None:
    invitation_id, token = lab.invite()
    lab.revoke(invitation_id)
    lab.sync()
    before = dump(lab.lobby)
    assert lab.service.scan(token).result is ScanResult.WITHDRAWN
    assert dump(lab.lobby) == before


def test_a_code_signed_by_a_retired_key_is_not_accepted(lab: Lab) -> None:
    from kiosk.security.signing_keys import list_keys, retire_key

    _id, token = lab.invite()
    with lab.central.engine.begin() as conn:
        retire_key(conn, list_keys(conn)[0].key_id, lab.clock.now())
    lab.sync()
    before = dump(lab.lobby)
    assert lab.service.scan(token).result is ScanResult.UNKNOWN_KEY
    assert dump(lab.lobby) == before


def test_a_rejected_scan_does_not_block_the_next(lab: Lab) -> None:
    _id, token = lab.invite()
    lab.sync()
    assert lab.service.scan("not a code").result is ScanResult.NOT_A_LAB_CODE
    assert lab.service.scan(token).result is ScanResult.WELCOME


def test_logs_carry_no_token_name_or_invitation_id(
    lab: Lab, caplog: pytest.LogCaptureFixture
) -> None:
    invitation_id, token = lab.invite("Eeva Ek")
    lab.sync()
    with caplog.at_level("DEBUG"):
        lab.service.scan(token)
        lab.service.scan(_one_char_changed(token))
    logged = caplog.text
    assert logged  # the outcomes are logged...
    for secret in (token[4:40], "Eeva", str(invitation_id)):
        assert secret not in logged  # ...but nothing that identifies the visitor
