"""Wiegand-to-serial converters: one line per card with the raw 26- or 34-bit frame.

Wiegand readers (common on door controllers) are attached through small converters that print
each frame as a line of hex or decimal. The frame still carries its two parity bits, which are
the only check Wiegand has, so they are verified here. Accepted lines (case-insensitive, ended
by CR, LF or CRLF):

* ``W26:1A2B3C4`` / ``26,0x1A2B3C4`` / ``W34 12345678901`` - the bit count, then the raw frame;
* ``1A2B3C4`` (7 hex digits, 26 bits), ``12345678A`` (9 hex digits, 34 bits);
* ``0x...`` or ``...h`` hex, or decimal: 8 digits for 26 bits, 11 digits for 34 bits.

A value made only of digits is hex when it is exactly as wide as zero-padded hex output (7
digits for 26 bits, 9 for 34) and decimal otherwise. Without a bit count, the zero-padded width
tells the size, else the value's bit length does (a converter that prints unpadded numbers may
need ``bits=`` set explicitly).
The read is the card data without parity as upper-case hex (6 digits for 26-bit, 8 for 34-bit),
with "facility,card" and the card number in ``extra`` as printed on cards.
"""

from __future__ import annotations

import re

from devices.events import BADGE
from devices.frames import FrameError, Read, Result

NAME = "wiegand"
BAUD = 9600
HOLD_OFF = 1.0
MAX_LINE = 64
SIZES = (26, 34)
_HEX_WIDTH = {26: 7, 34: 9}

_LINE = re.compile(
    r"""^(?:(?:W(?:IEGAND)?[-_ ]?)?(?P<bits>26|34)\s*[:,=\s]\s*)?
        (?:(?P<hex0x>0x[0-9A-F]+)|(?P<hexh>[0-9A-F]+)h|(?P<plain>[0-9A-F]+))$""",
    re.IGNORECASE | re.VERBOSE,
)
_SEP = re.compile(rb"\r\n|[\r\n]")


def _ones(value: int) -> int:
    return bin(value).count("1")


def check_frame(raw: int, bits: int) -> Read | FrameError:
    """Verify the leading even and trailing odd parity of a raw frame and return its data."""
    if bits not in SIZES:
        return FrameError("only 26- and 34-bit frames are supported")
    if raw >> bits:
        return FrameError(f"value too large for {bits} bits")
    half = (bits - 2) // 2
    first = raw >> (bits - 1)
    leading = (raw >> (half + 1)) & ((1 << half) - 1)
    trailing = (raw >> 1) & ((1 << half) - 1)
    last = raw & 1
    if (first + _ones(leading)) % 2 != 0:
        return FrameError("even parity mismatch")
    if (last + _ones(trailing)) % 2 != 1:
        return FrameError("odd parity mismatch")
    data = (raw >> 1) & ((1 << (bits - 2)) - 1)
    facility, card = (data >> 16) & 0xFF, data & 0xFFFF
    extra = {"bits": str(bits), "facility": f"{facility:03d},{card:05d}"}
    extra["number"] = f"{card:05d}" if bits == 26 else f"{data:010d}"
    return Read(BADGE, f"{data:0{(bits - 2) // 4}X}", extra)


def make_frame(data: int, bits: int) -> int:
    """The raw frame (data with both parity bits) a reader sends for ``data``."""
    if bits not in SIZES or data >> (bits - 2):
        raise ValueError(f"card data does not fit {bits}-bit Wiegand")
    half = (bits - 2) // 2
    leading = data >> half
    trailing = data & ((1 << half) - 1)
    first = _ones(leading) % 2
    last = 1 - _ones(trailing) % 2
    return (first << (bits - 1)) | (data << 1) | last


def decode_line(line: str, *, bits: int | None = None) -> Read | FrameError:
    """Parse one converter line (see the module docstring)."""
    match = _LINE.match(line.strip())
    if match is None:
        return FrameError("not a Wiegand line")
    size = int(match["bits"]) if match["bits"] else bits
    if match["hex0x"]:
        raw, digits, base = int(match["hex0x"], 16), None, 16
    elif match["hexh"]:
        raw, digits, base = int(match["hexh"], 16), None, 16
    else:
        text = match["plain"]
        hex_widths = (7, 9) if size is None else (_HEX_WIDTH[size],)
        base = 16 if not text.isdigit() or len(text) in hex_widths else 10
        raw, digits = int(text, base), len(text)
    if size is None:
        by_digits = {16: {7: 26, 9: 34}, 10: {8: 26, 11: 34}}[base]
        size = by_digits.get(digits or 0)
    if size is None:
        size = 26 if raw.bit_length() <= 26 else 34
    return check_frame(raw, size)


class WiegandParser:
    """Lines from a Wiegand converter to checked badge reads."""

    idle_gap: float | None = None

    def __init__(self, *, bits: int | None = None) -> None:
        if bits is not None and bits not in SIZES:
            raise ValueError("bits must be 26 or 34")
        self._bits = bits
        self._buf = bytearray()
        self._discarding = False

    @property
    def buffered(self) -> int:
        return len(self._buf)

    def feed(self, data: bytes) -> list[Result]:
        out: list[Result] = []
        pos = 0
        for match in _SEP.finditer(data):
            self._append(data[pos : match.start()], out)
            self._finish(out)
            pos = match.end()
        self._append(data[pos:], out)
        return out

    def flush_idle(self) -> list[Result]:
        return []

    def _append(self, chunk: bytes, out: list[Result]) -> None:
        if self._discarding or not chunk:
            return
        if len(self._buf) + len(chunk) > MAX_LINE:
            out.append(FrameError("line too long"))
            self._buf.clear()
            self._discarding = True
            return
        self._buf += chunk

    def _finish(self, out: list[Result]) -> None:
        line = bytes(self._buf)
        self._buf.clear()
        if self._discarding:
            self._discarding = False
            return
        if not line.strip():
            return
        try:
            text = line.decode("ascii")
        except UnicodeDecodeError:
            out.append(FrameError("not a Wiegand line"))
            return
        out.append(decode_line(text, bits=self._bits))


def encode(value: str) -> bytes:
    """The line a converter prints for a card, for the simulator.

    ``value`` is "facility,card" (26-bit), 6 hex digits (26-bit), 8 hex digits (34-bit) or a
    decimal card number up to 4294967295 (34-bit, the EM4100 serial a 34-bit reader sends).
    """
    text = value.strip()
    if "," in text:
        facility, _, card = text.partition(",")
        fac, num = int(facility), int(card)
        if not (0 <= fac <= 0xFF and 0 <= num <= 0xFFFF):
            raise ValueError("facility must be 0-255 and card 0-65535")
        data, bits = (fac << 16) | num, 26
    elif text.isdigit() and len(text) not in (6, 8):
        data, bits = int(text), 34
    elif len(text) in (6, 8):
        data, bits = int(text, 16), 26 if len(text) == 6 else 34
    else:
        raise ValueError("expected facility,card, 6 or 8 hex digits, or a card number")
    raw = make_frame(data, bits)
    return f"{raw:0{7 if bits == 26 else 9}X}\r\n".encode("ascii")
