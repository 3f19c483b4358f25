"""The signed token an invitation QR code carries: small, offline-verifiable, no personal data.

A kiosk holds public keys only, so a stolen kiosk cannot mint invitations. The token names the
invitation by id; the visitor's name stays in the store. The text is ``LK1:`` followed by the
base45 (RFC 9285) encoding of a fixed 94-byte record, so the whole text fits QR alphanumeric
mode and a low QR version. The byte layout is documented in ``docs/tokens.md``.

Verification refuses foreign codes (URLs, Wi-Fi codes, long payloads) after a length and prefix
check, before any decoding or cryptography, so a hostile scan costs almost nothing.
"""

from __future__ import annotations

import enum
import hashlib
import struct
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import base45
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "LK1:"
VERSION = 1
# version, kind, key id, invitation id, valid from, valid to (unix seconds), all big-endian
_HEADER = struct.Struct(">BB4s16sII")
SIGNATURE_BYTES = 64
RECORD_BYTES = _HEADER.size + SIGNATURE_BYTES  # 94
TEXT_LENGTH = len(PREFIX) + RECORD_BYTES // 2 * 3  # 145 characters
DEFAULT_SKEW = timedelta(minutes=5)
KEY_ID_BYTES = 4
_MAX_SECONDS = 2**32 - 1


class TokenKind(enum.Enum):
    VISITOR = "visitor"
    EVENT_TICKET = "event-ticket"


_KIND_CODES = {TokenKind.VISITOR: 1, TokenKind.EVENT_TICKET: 2}
_KINDS_BY_CODE = {code: kind for kind, code in _KIND_CODES.items()}


class TokenReason(enum.Enum):
    """Why a scanned text was refused; screens turn each into a sentence in three languages."""

    NOT_A_LAB_CODE = "not_a_lab_code"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"


class TokenError(Exception):
    """A refused token. ``reason`` is for code; the message is for logs (never personal data)."""

    def __init__(self, reason: TokenReason, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class VerifiedToken:
    version: int
    key_id: str
    invitation_id: uuid.UUID
    kind: TokenKind
    valid_from: datetime
    valid_to: datetime


def key_id_for(public_key: bytes) -> str:
    """The id of a public key: the first 4 bytes of its SHA-256, as 8 hex digits.

    Derived rather than counted, so two admin machines can never hand out the same id for
    different keys without noticing (a collision is checked when a key is stored).
    """
    return hashlib.sha256(public_key).digest()[:KEY_ID_BYTES].hex()


def public_key_bytes(private_key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _seconds(value: datetime, what: str) -> int:
    if value.tzinfo is None:
        raise ValueError(f"{what} must be timezone-aware")
    seconds = int(value.timestamp())
    if not 0 <= seconds <= _MAX_SECONDS or seconds != value.timestamp():
        raise ValueError(f"{what} must be a whole second between 1970 and 2106")
    return seconds


def _signed_part(header: bytes) -> bytes:
    # The prefix is signed too, so a record cannot be replayed under another format name.
    return PREFIX.encode("ascii") + header


def sign(
    private_key: Ed25519PrivateKey,
    *,
    invitation_id: uuid.UUID,
    kind: TokenKind,
    valid_from: datetime,
    valid_to: datetime,
) -> str:
    """The token text for one invitation, signed with ``private_key`` (whole seconds only)."""
    start, end = _seconds(valid_from, "valid_from"), _seconds(valid_to, "valid_to")
    if end <= start:
        raise ValueError("valid_to must be after valid_from")
    key_id = bytes.fromhex(key_id_for(public_key_bytes(private_key)))
    header = _HEADER.pack(VERSION, _KIND_CODES[kind], key_id, invitation_id.bytes, start, end)
    record = header + private_key.sign(_signed_part(header))
    text: str = PREFIX + base45.b45encode(record).decode("ascii")
    assert len(text) == TEXT_LENGTH
    return text


def _record(text: str) -> bytes:
    """The raw record of a text that looks like a Lab token, or NOT_A_LAB_CODE; bounded work."""
    if not isinstance(text, str) or len(text) != TEXT_LENGTH or not text.startswith(PREFIX):
        raise TokenError(TokenReason.NOT_A_LAB_CODE, "not a Lab invitation code")
    try:
        record: bytes = base45.b45decode(text[len(PREFIX) :])
    except ValueError:
        raise TokenError(TokenReason.NOT_A_LAB_CODE, "not valid base45") from None
    if len(record) != RECORD_BYTES or record[0] != VERSION:
        raise TokenError(TokenReason.NOT_A_LAB_CODE, "unknown token layout")
    return record


def claimed_kind(text: str) -> TokenKind | None:
    """The kind a text says it is, unverified: only to send a scan to the service that checks it.

    None for anything that is not laid out as a Lab token. Never a reason to accept a code.
    """
    try:
        record = _record(text.rstrip("\r\n") if isinstance(text, str) else text)
    except TokenError:
        return None
    return _KINDS_BY_CODE.get(record[1])


def verify(
    text: str,
    public_keys: Mapping[str, bytes],
    now: datetime,
    skew: timedelta = DEFAULT_SKEW,
) -> VerifiedToken:
    """Check a scanned text and return what it says, or raise :class:`TokenError`.

    ``public_keys`` maps key id (8 hex digits) to a raw 32-byte Ed25519 public key and should
    hold only keys that are not retired. The validity window is widened by ``skew`` on both
    sides, because a kiosk's clock may drift while it is offline.
    """
    if isinstance(text, str) and text.endswith("\n"):  # scanners may end a code with CR LF
        text = text.rstrip("\r\n")
    record = _record(text)
    header, signature = record[: _HEADER.size], record[_HEADER.size :]
    version, kind_code, raw_key_id, raw_id, start, end = _HEADER.unpack(header)
    key_id = raw_key_id.hex()
    public_key = public_keys.get(key_id)
    if public_key is None:
        raise TokenError(TokenReason.UNKNOWN_KEY, f"signed with unknown key {key_id}")
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, _signed_part(header))
    except (InvalidSignature, ValueError):
        raise TokenError(TokenReason.BAD_SIGNATURE, "signature does not match") from None
    kind = _KINDS_BY_CODE.get(kind_code)
    if kind is None or end <= start:  # signed but meaningless: a newer or broken signer
        raise TokenError(TokenReason.NOT_A_LAB_CODE, "unknown token contents")
    token = VerifiedToken(
        version=version,
        key_id=key_id,
        invitation_id=uuid.UUID(bytes=raw_id),
        kind=kind,
        valid_from=datetime.fromtimestamp(start, UTC),
        valid_to=datetime.fromtimestamp(end, UTC),
    )
    if now + skew < token.valid_from:
        raise TokenError(TokenReason.NOT_YET_VALID, "not valid yet")
    if now - skew >= token.valid_to:
        raise TokenError(TokenReason.EXPIRED, "expired")
    return token
