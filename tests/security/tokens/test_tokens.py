"""The token: round trip, tamper evidence, foreign codes, the validity window with skew."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.security.tokens import (
    DEFAULT_SKEW,
    PREFIX,
    TEXT_LENGTH,
    TokenError,
    TokenKind,
    TokenReason,
    key_id_for,
    public_key_bytes,
    sign,
    verify,
)

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
PUBLIC = public_key_bytes(KEY)
KEYS = {key_id_for(PUBLIC): PUBLIC}
START = datetime(2026, 11, 26, 22, 0, tzinfo=UTC)
END = START + timedelta(days=1)
NOW = START + timedelta(hours=10)
BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def token(kind: TokenKind = TokenKind.VISITOR, invitation_id: uuid.UUID | None = None) -> str:
    return sign(
        KEY,
        invitation_id=invitation_id or uuid.UUID(int=42),
        kind=kind,
        valid_from=START,
        valid_to=END,
    )


def reason(text: str, now: datetime = NOW) -> TokenReason:
    with pytest.raises(TokenError) as info:
        verify(text, KEYS, now)
    return info.value.reason


def test_the_text_is_short_and_qr_alphanumeric() -> None:
    text = token()
    assert len(text) == TEXT_LENGTH == 145
    assert text.startswith(PREFIX)
    assert set(text) <= set(BASE45)


@settings(max_examples=50, deadline=None)
@given(
    invitation=st.uuids(),
    kind=st.sampled_from(TokenKind),
    start=st.integers(0, 2**32 - 3),
    length=st.integers(1, 10**7),
)
def test_round_trip(invitation: uuid.UUID, kind: TokenKind, start: int, length: int) -> None:
    end = min(start + length, 2**32 - 1)
    valid_from, valid_to = datetime.fromtimestamp(start, UTC), datetime.fromtimestamp(end, UTC)
    text = sign(KEY, invitation_id=invitation, kind=kind, valid_from=valid_from, valid_to=valid_to)
    got = verify(text, KEYS, valid_from)
    assert (got.invitation_id, got.kind, got.key_id) == (invitation, kind, key_id_for(PUBLIC))
    assert (got.valid_from, got.valid_to, got.version) == (valid_from, valid_to, 1)


@settings(max_examples=300, deadline=None)
@given(position=st.integers(0, TEXT_LENGTH - 1), char=st.sampled_from(BASE45 + "abc\x00é"))
def test_any_single_character_change_is_rejected(position: int, char: str) -> None:
    text = token()
    changed = text[:position] + char + text[position + 1 :]
    if changed == text:
        return
    with pytest.raises(TokenError):
        verify(changed, KEYS, NOW)


def test_a_changed_character_in_the_signed_part_is_a_bad_signature() -> None:
    text = token()
    position = len(PREFIX) + 40  # inside the invitation id
    changed = text[:position] + ("A" if text[position] != "A" else "B") + text[position + 1 :]
    assert reason(changed) is TokenReason.BAD_SIGNATURE


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/invite?id=123",
        "WIFI:T:WPA;S:Lab;P:secret;;",
        "hello world",
        "",
        "X" * 2048,
        "LK1:" + "0" * 2044,
        "LK1:" + "~" * (TEXT_LENGTH - 4),
        "LK1:" + ":" * (TEXT_LENGTH - 4),  # base45 digits above 0xFFFF
        "lk1:" + "0" * (TEXT_LENGTH - 4),
    ],
)
def test_foreign_codes_are_not_lab_codes(text: str) -> None:
    assert reason(text) is TokenReason.NOT_A_LAB_CODE


def test_a_huge_payload_is_refused_in_bounded_time() -> None:
    huge = "LK1:" + "A" * 2_000_000
    started = time.perf_counter()
    for _ in range(1000):
        assert reason(huge) is TokenReason.NOT_A_LAB_CODE
    assert time.perf_counter() - started < 1.0


def test_a_scanner_line_ending_is_tolerated() -> None:
    assert verify(token() + "\r\n", KEYS, NOW).invitation_id == uuid.UUID(int=42)


def test_unknown_and_retired_keys() -> None:
    other = Ed25519PrivateKey.generate()
    text = sign(
        other,
        invitation_id=uuid.UUID(int=1),
        kind=TokenKind.VISITOR,
        valid_from=START,
        valid_to=END,
    )
    assert reason(text) is TokenReason.UNKNOWN_KEY
    with pytest.raises(TokenError) as info:  # a retired key is simply not offered
        verify(token(), {}, NOW)
    assert info.value.reason is TokenReason.UNKNOWN_KEY


def test_a_key_id_pointing_at_another_key_is_a_bad_signature() -> None:
    other = public_key_bytes(Ed25519PrivateKey.generate())
    with pytest.raises(TokenError) as info:
        verify(token(), {key_id_for(PUBLIC): other}, NOW)
    assert info.value.reason is TokenReason.BAD_SIGNATURE


def test_the_window_and_its_skew() -> None:
    text = token()
    assert verify(text, KEYS, START - DEFAULT_SKEW).valid_from == START
    assert reason(text, START - DEFAULT_SKEW - timedelta(seconds=1)) is TokenReason.NOT_YET_VALID
    assert verify(text, KEYS, END + DEFAULT_SKEW - timedelta(seconds=1)).valid_to == END
    assert reason(text, END + DEFAULT_SKEW) is TokenReason.EXPIRED
    assert verify(text, KEYS, START, skew=timedelta(0)).kind is TokenKind.VISITOR
    with pytest.raises(TokenError):
        verify(text, KEYS, START - timedelta(seconds=1), skew=timedelta(0))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (START, START),
        (END, START),
        (START.replace(tzinfo=None), END),
        (START + timedelta(microseconds=5), END),
        (datetime(1969, 12, 31, tzinfo=UTC), END),
        (START, datetime(2107, 1, 1, tzinfo=UTC)),
    ],
)
def test_sign_refuses_a_window_the_format_cannot_carry(start: datetime, end: datetime) -> None:
    with pytest.raises(ValueError, match="valid_"):
        sign(
            KEY,
            invitation_id=uuid.UUID(int=1),
            kind=TokenKind.VISITOR,
            valid_from=start,
            valid_to=end,
        )


def test_the_byte_layout_is_as_documented() -> None:
    import base45

    record = base45.b45decode(token(TokenKind.EVENT_TICKET)[len(PREFIX) :])
    assert len(record) == 94
    assert record[0] == 1  # version
    assert record[1] == 2  # kind: event ticket
    assert record[2:6].hex() == key_id_for(PUBLIC)
    assert record[6:22] == uuid.UUID(int=42).bytes
    assert int.from_bytes(record[22:26], "big") == int(START.timestamp())
    assert int.from_bytes(record[26:30], "big") == int(END.timestamp())
    public = Ed25519PrivateKey.from_private_bytes(bytes(range(32))).public_key()
    public.verify(record[30:], b"LK1:" + record[:30])  # raises if the layout were different


def test_every_single_character_change_is_rejected_exhaustively() -> None:
    text = token()
    for position in range(len(text)):
        for char in BASE45:
            if char == text[position]:
                continue
            with pytest.raises(TokenError):
                verify(text[:position] + char + text[position + 1 :], KEYS, NOW)
