"""The visitor check-in keeps the public keys in memory between scans, never trusting them alone.

A valid code then costs one local transaction (the scan-to-welcome goal). These tests prove the
memory is only a first guess: a key retired or added by a sync is honoured at the next scan,
and a text that is no Lab code at all never touches the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from kiosk.security.signing_keys import current_signing_key, list_keys, new_key, retire_key
from kiosk.security.tokens import TokenKind, claimed_kind, sign
from kiosk.views.screens import ScanResult
from tests.lobby.visitor_helpers import Lab, make_lab
from tests.stores import NOON, dump


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    lab = make_lab(tmp_path)
    yield lab
    lab.close()


def _connections(lab: Lab) -> list[object]:
    """Every connection the lobby's store opens from now on (the store pools none)."""
    opened: list[object] = []

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        opened.append(dbapi_connection)

    event.listen(lab.lobby.engine, "connect", on_connect)
    return opened


def test_a_valid_code_after_the_first_costs_one_connection(lab: Lab) -> None:
    _first_id, first = lab.invite("Eeva Ek")
    _second_id, second = lab.invite("Kalle Koski")
    lab.sync()
    assert lab.service.scan(first).result is ScanResult.WELCOME  # reads the keys once
    opened = _connections(lab)
    assert lab.service.scan(second).result is ScanResult.WELCOME
    assert len(opened) == 1  # one transaction: key check, look-ups, check-in, outbox


def test_a_key_retired_since_the_last_scan_is_refused_at_once(lab: Lab) -> None:
    _id, warm = lab.invite("Eeva Ek")
    _id2, token = lab.invite("Kalle Koski")
    lab.sync()
    assert lab.service.scan(warm).result is ScanResult.WELCOME  # the key is now in memory
    with lab.central.engine.begin() as conn:
        retire_key(conn, list_keys(conn)[0].key_id, lab.clock.now())
    lab.sync()
    before = dump(lab.lobby)
    assert lab.service.scan(token).result is ScanResult.UNKNOWN_KEY
    assert dump(lab.lobby) == before


def test_an_expired_code_of_a_retired_key_says_unknown_key_not_expired(lab: Lab) -> None:
    """Refusals answer from the replica too, not from the keys in memory."""
    _id, warm = lab.invite("Eeva Ek", valid_to=NOON + timedelta(days=3))
    _old_id, old = lab.invite("Kalle Koski", valid_from=NOON, valid_to=NOON + timedelta(hours=2))
    lab.sync()
    lab.clock.advance(timedelta(days=1))
    assert lab.service.scan(warm).result is ScanResult.WELCOME
    assert lab.service.scan(old).result is ScanResult.EXPIRED
    with lab.central.engine.begin() as conn:
        retire_key(conn, list_keys(conn)[0].key_id, lab.clock.now())
    lab.sync()
    assert lab.service.scan(old).result is ScanResult.UNKNOWN_KEY


def test_a_key_added_since_the_last_scan_is_accepted(lab: Lab) -> None:
    _id, warm = lab.invite("Eeva Ek")
    lab.sync()
    assert lab.service.scan(warm).result is ScanResult.WELCOME
    with lab.central.engine.begin() as conn:
        retire_key(conn, list_keys(conn)[0].key_id, lab.clock.now())
        new_key(conn, lab.tmp_path / "admin", lab.clock.now())
    with lab.central.engine.connect() as conn:
        _key_id, lab.key = current_signing_key(conn, lab.tmp_path / "admin")
    _id2, token = lab.invite("Kalle Koski")
    lab.sync()
    assert lab.service.scan(token).result is ScanResult.WELCOME


@pytest.mark.parametrize(
    "text", ["https://example.com/", "WIFI:S:lab;T:WPA;P:secret;;", "x" * 2048, "LK1:" + "A" * 141]
)
def test_a_foreign_code_never_touches_the_store(lab: Lab, text: str) -> None:
    _id, warm = lab.invite("Eeva Ek")
    lab.sync()
    assert lab.service.scan(warm).result is ScanResult.WELCOME
    opened = _connections(lab)
    assert lab.service.scan(text).result is ScanResult.NOT_A_LAB_CODE
    assert opened == []


def test_an_event_ticket_is_not_a_visitor_invitation(lab: Lab) -> None:
    """The lobby hands tickets to the event check-in; this service never admits one."""
    invitation_id, _token = lab.invite("Eeva Ek")
    lab.sync()
    ticket = sign(
        lab.key,
        invitation_id=invitation_id,
        kind=TokenKind.EVENT_TICKET,
        valid_from=NOON - timedelta(hours=1),
        valid_to=NOON + timedelta(hours=1),
    )
    before = dump(lab.lobby)
    assert lab.service.scan(ticket).result is ScanResult.NOT_A_LAB_CODE
    assert dump(lab.lobby) == before


def test_claimed_kind_reads_the_kind_without_trusting_it(lab: Lab) -> None:
    invitation_id, token = lab.invite("Eeva Ek")
    assert claimed_kind(token) is TokenKind.VISITOR
    assert claimed_kind(token + "\r\n") is TokenKind.VISITOR
    ticket = sign(
        lab.key,
        invitation_id=invitation_id,
        kind=TokenKind.EVENT_TICKET,
        valid_from=NOON,
        valid_to=NOON + timedelta(hours=1),
    )
    assert claimed_kind(ticket) is TokenKind.EVENT_TICKET
    for text in ("", "hello", "LK1:" + "A" * 141, "x" * 2048):
        assert claimed_kind(text) is None
