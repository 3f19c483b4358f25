"""EM4100 (125 kHz) card ids as the ASCII-hex readers send them, and the numbers people see.

An EM4100 id is 5 bytes: a version/customer byte and a 32-bit serial. Readers send the 10 hex
digits followed by 2 hex digits of the XOR of the 5 bytes. Cards are usually printed with the
serial as a 10-digit decimal ("0012345678") and as "facility,card" (the second byte and the last
16 bits, as a Wiegand-26 controller would see them); ``extra`` carries both so a host can match a
badge to the number on it without ever logging the raw id.
"""

from __future__ import annotations

import re
from functools import reduce

from devices.events import BADGE
from devices.frames import FrameError, Read

_HEX = re.compile(rb"[0-9A-Fa-f]{12}")


def checksum(uid: bytes) -> int:
    """XOR of the id bytes, as the reader appends it."""
    return reduce(lambda acc, b: acc ^ b, uid, 0)


def extra_for(uid: bytes) -> dict[str, str]:
    """The printed forms of an id: decimal serial and "facility,card"."""
    number = int.from_bytes(uid[1:5], "big")
    facility = uid[2]
    card = int.from_bytes(uid[3:5], "big")
    return {"number": f"{number:010d}", "facility": f"{facility:03d},{card:05d}"}


def decode_ascii(payload: bytes) -> Read | FrameError:
    """Check 10 hex digits of id + 2 of checksum and return the read."""
    if len(payload) != 12 or not _HEX.fullmatch(payload):
        return FrameError("not 12 hex digits")
    raw = bytes.fromhex(payload.decode("ascii"))
    uid, check = raw[:5], raw[5]
    if checksum(uid) != check:
        return FrameError("checksum mismatch")
    return Read(BADGE, uid.hex().upper(), extra_for(uid))


def encode_ascii(uid: bytes) -> bytes:
    """The 12 ASCII hex digits a reader sends for ``uid`` (id then checksum), upper case."""
    if len(uid) != 5:
        raise ValueError("an EM4100 id is 5 bytes")
    return (uid.hex() + f"{checksum(uid):02x}").upper().encode("ascii")


def parse_card(value: str) -> bytes:
    """Read an id the way a person would type it, for simulators and the command line.

    Accepts 10 hex digits ("0A1B2C3D4E", "0x..." forces hex), a decimal serial as printed on the
    card ("0012345678", at most 4294967295; the first byte is then 00) and "facility,card"
    ("188,24910").
    """
    text = value.strip()
    if "," in text:
        facility, _, card = text.partition(",")
        fac, num = int(facility), int(card)
        if not (0 <= fac <= 0xFF and 0 <= num <= 0xFFFF):
            raise ValueError("facility must be 0-255 and card 0-65535")
        return bytes([0, 0, fac]) + num.to_bytes(2, "big")
    if text.lower().startswith("0x"):
        text = text[2:]
    elif text.isdigit() and int(text) <= 0xFFFFFFFF:
        return b"\x00" + int(text).to_bytes(4, "big")
    if len(text) != 10:
        raise ValueError("expected 10 hex digits or a decimal card number")
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise ValueError("expected 10 hex digits or a decimal card number") from None
