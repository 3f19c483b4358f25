"""EM4100 ids: checksums against datasheet vectors and the numbers printed on cards."""

from __future__ import annotations

import pytest

from devices import em4100
from devices.frames import FrameError, Read

# RDM630 datasheet (Seeed): card 62 E3 08 6C ED, checksum 62^E3^08^6C^ED = 08.
DATASHEET_UID = bytes([0x62, 0xE3, 0x08, 0x6C, 0xED])


def test_datasheet_checksum() -> None:
    assert em4100.checksum(DATASHEET_UID) == 0x08
    assert em4100.encode_ascii(DATASHEET_UID) == b"62E3086CED08"


def test_decode_datasheet_payload() -> None:
    read = em4100.decode_ascii(b"62E3086CED08")
    assert isinstance(read, Read)
    assert read.kind == "badge"
    assert read.value == "62E3086CED"
    # 0xE3086CED = 3808980205; byte 2 = 0x08, last two bytes 0x6CED = 27885
    assert read.extra == {"number": "3808980205", "facility": "008,27885"}


def test_lower_case_hex_is_canonicalised() -> None:
    read = em4100.decode_ascii(b"62e3086ced08")
    assert isinstance(read, Read)
    assert read.value == "62E3086CED"


def test_printed_card_numbers() -> None:
    # A typical EM card print: "0012345678 188,24910" = 00 00 BC 61 4E
    assert em4100.extra_for(bytes.fromhex("0000BC614E")) == {
        "number": "0012345678",
        "facility": "188,24910",
    }


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"62E3086CED09", "checksum mismatch"),
        (b"62E3086CED0", "not 12 hex digits"),
        (b"62E3086CEDZZ", "not 12 hex digits"),
        (b"62E3086CED08\r\n", "not 12 hex digits"),
    ],
)
def test_bad_payloads(payload: bytes, reason: str) -> None:
    assert em4100.decode_ascii(payload) == FrameError(reason)


@pytest.mark.parametrize(
    ("typed", "uid"),
    [
        ("62E3086CED", "62E3086CED"),
        ("0x0012345678", "0012345678"),  # forced hex
        ("0012345678", "0000BC614E"),  # decimal card number, first byte 00
        ("4294967295", "00FFFFFFFF"),
        ("9999999999", "9999999999"),  # too big for a decimal serial: hex
        ("188,24910", "0000BC614E"),
        ("0a1b2c3d4e", "0A1B2C3D4E"),
    ],
)
def test_parse_card(typed: str, uid: str) -> None:
    assert em4100.parse_card(typed).hex().upper() == uid


@pytest.mark.parametrize("typed", ["", "12345678901", "0A1B2C3D4", "256,1", "zz1b2c3d4e"])
def test_parse_card_rejects(typed: str) -> None:
    with pytest.raises(ValueError, match=r"expected|must"):
        em4100.parse_card(typed)
