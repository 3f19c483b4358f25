"""PN532 host-interface frames (HSU/UART), both directions, as in the NXP PN532 user manual.

Normal frame:   00 00 FF LEN LCS TFI PD0..PDn DCS 00      LEN+LCS = 0, TFI+PD0+..+PDn+DCS = 0
Extended frame: 00 00 FF FF FF LENM LENL LCS TFI ... DCS 00   LENM+LENL+LCS = 0
ACK:            00 00 FF 00 FF 00        NACK: 00 00 FF FF 00 00
Error frame:    00 00 FF 01 FF 7F 81 00  (the PN532 could not process the command)

TFI is D4 from host to PN532 and D5 back. The decoder searches for the 00 FF start code, checks
both checksums, and on any mismatch skips past that start code and searches again, so noise or a
frame cut in half costs at most that frame and nothing after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.frames import FrameError

HOST_TO_PN532 = 0xD4
PN532_TO_HOST = 0xD5
ACK = bytes.fromhex("0000FF00FF00")
NACK = bytes.fromhex("0000FFFF0000")
ERROR_FRAME = bytes.fromhex("0000FF01FF7F8100")
MAX_DATA = 264  # the longest extended frame the PN532 produces (TFI + 263 bytes)
_START = b"\x00\xff"


@dataclass(frozen=True)
class Ack:
    """The PN532 accepted a command (a response follows)."""


@dataclass(frozen=True)
class Nack:
    """The other side asks for the last frame again."""


@dataclass(frozen=True)
class ApplicationError:
    """The PN532 answered a command with the syndrome error frame."""


@dataclass(frozen=True)
class Frame:
    """An information frame with a verified length and data checksum."""

    tfi: int
    data: bytes  # PD0..PDn: command or response code and its parameters


Decoded = Ack | Nack | ApplicationError | Frame | FrameError


def encode(tfi: int, data: bytes) -> bytes:
    """An information frame (normal, or extended when it needs more than 254 data bytes)."""
    body = bytes([tfi]) + data
    if len(body) > MAX_DATA:
        raise ValueError("frame too long")
    dcs = (-sum(body)) & 0xFF
    if len(body) < 0xFF:
        header = bytes([0x00, 0x00, 0xFF, len(body), (-len(body)) & 0xFF])
    else:
        hi, lo = len(body) >> 8, len(body) & 0xFF
        header = bytes([0x00, 0x00, 0xFF, 0xFF, 0xFF, hi, lo, (-(hi + lo)) & 0xFF])
    return header + body + bytes([dcs, 0x00])


def command(code: int, params: bytes = b"") -> bytes:
    """A host command frame (TFI D4)."""
    return encode(HOST_TO_PN532, bytes([code]) + params)


def response(code: int, params: bytes = b"") -> bytes:
    """A PN532 response frame (TFI D5); ``code`` is the command code + 1."""
    return encode(PN532_TO_HOST, bytes([code]) + params)


class FrameDecoder:
    """Stream of bytes to decoded frames. Holds at most one maximal frame."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._in_noise = False

    @property
    def buffered(self) -> int:
        return len(self._buf)

    def feed(self, data: bytes) -> list[Decoded]:
        out: list[Decoded] = []
        self._buf += data
        buf = self._buf
        while True:
            start = buf.find(_START)
            if start < 0:
                # Keep a trailing 00: it may be the first half of a start code.
                keep = 1 if buf.endswith(b"\x00") else 0
                self._skip(len(buf) - keep, out)
                break
            self._skip(start, out)
            if len(buf) < 4:
                break
            length, lcs = buf[2], buf[3]
            if (length, lcs) == (0x00, 0xFF):
                out.append(Ack())
                del buf[:4]
                continue
            if (length, lcs) == (0xFF, 0x00):
                out.append(Nack())
                del buf[:4]
                continue
            if (length, lcs) == (0xFF, 0xFF):
                if len(buf) < 7:
                    break
                if (buf[4] + buf[5] + buf[6]) & 0xFF:
                    self._reject("length checksum mismatch", out)
                    continue
                size, header = (buf[4] << 8) | buf[5], 7
            else:
                if (length + lcs) & 0xFF:
                    self._reject("length checksum mismatch", out)
                    continue
                size, header = length, 4
            if not 1 <= size <= MAX_DATA:
                self._reject("bad frame length", out)
                continue
            if len(buf) < header + size + 1:
                break
            body = bytes(buf[header : header + size])
            if (sum(body) + buf[header + size]) & 0xFF:
                self._reject("data checksum mismatch", out)
                continue
            del buf[: header + size + 1]
            self._in_noise = False
            if body == b"\x7f":
                out.append(ApplicationError())
            else:
                out.append(Frame(body[0], body[1:]))
        return out

    def _skip(self, count: int, out: list[Decoded]) -> None:
        """Drop ``count`` bytes before a start code; report a run of non-zero noise once."""
        if count <= 0:
            return
        junk = self._buf[:count]
        del self._buf[:count]
        if junk.strip(b"\x00"):  # preamble and postamble zeros are not noise
            if not self._in_noise:
                out.append(FrameError("bytes outside a frame"))
                self._in_noise = True
        else:
            self._in_noise = False

    def _reject(self, reason: str, out: list[Decoded]) -> None:
        out.append(FrameError(reason))
        del self._buf[:2]  # skip this start code only: a real frame may start inside
        self._in_noise = False
