"""Serial barcode and QR scanners, and any reader that sends one line of text per read.

Scanners differ in how a read ends: a CR, LF, CRLF or TAB suffix, nothing at all (data "as is",
ended only by silence), or STX/ETX around payloads that contain line breaks themselves. Many
also add a configured prefix or suffix. The bytes of a read are kept until it is complete and
decoded only then, so a UTF-8 character split across two serial reads is never mangled; bytes
that are not UTF-8 are read as Latin-1, which scanners in "keyboard country" modes often send.
"""

from __future__ import annotations

import re

from devices.events import TEXT
from devices.frames import FrameError, Read, Result
from devices.stxetx import ETX, STX

NAME = "scanner"
BAUD = 9600
HOLD_OFF = 1.0
DEFAULT_GAP = 0.05
MAX_LENGTH = 8192  # a version 40 QR code holds at most 7089 digits or 2953 bytes

_TERMINATORS: dict[str, re.Pattern[bytes] | None] = {
    "any": re.compile(rb"\r\n|[\r\n\t]"),
    "cr": re.compile(rb"\r"),
    "lf": re.compile(rb"\n"),
    "crlf": re.compile(rb"\r\n"),
    "tab": re.compile(rb"\t"),
    "none": None,
}
TERMINATOR_MODES = tuple(_TERMINATORS)


class ScannerParser:
    """Bytes from a scanner to text reads.

    ``terminator`` is one of ``"any"`` (CR, LF, CRLF or TAB), ``"cr"``, ``"lf"``, ``"crlf"``,
    ``"tab"`` or ``"none"``. ``gap`` seconds of silence also end a read (``None`` turns that
    off); with ``terminator="none"`` it is the only thing that does. With ``stx_etx`` a payload
    that starts with STX runs to ETX, line breaks included. ``prefix`` and ``suffix`` are
    removed when present. Empty reads (a lone line break) are ignored.
    """

    def __init__(
        self,
        terminator: str = "any",
        *,
        gap: float | None = DEFAULT_GAP,
        prefix: bytes | str = b"",
        suffix: bytes | str = b"",
        stx_etx: bool = True,
        max_length: int = MAX_LENGTH,
    ) -> None:
        if terminator not in _TERMINATORS:
            raise ValueError(
                f"unknown terminator {terminator!r}; use one of {', '.join(TERMINATOR_MODES)}"
            )
        if gap is not None and gap <= 0:
            raise ValueError("gap must be positive or None")
        if terminator == "none" and gap is None and not stx_etx:
            raise ValueError("with terminator 'none' a gap or STX/ETX framing must end a read")
        self._sep = _TERMINATORS[terminator]
        self._gap = gap
        self._prefix = prefix.encode() if isinstance(prefix, str) else prefix
        self._suffix = suffix.encode() if isinstance(suffix, str) else suffix
        self._stx_etx = stx_etx
        self._max = max_length
        self._buf = bytearray()
        self._framed = False  # inside STX ... ETX
        self._discarding = False  # the current read overflowed: drop it up to its end

    @property
    def idle_gap(self) -> float | None:
        return self._gap

    @property
    def buffered(self) -> int:
        return len(self._buf)

    def feed(self, data: bytes) -> list[Result]:
        out: list[Result] = []
        pos, end = 0, len(data)
        while pos < end:
            if self._framed:
                etx = data.find(ETX, pos)
                if etx < 0:
                    self._append(data[pos:], out)
                    break
                self._append(data[pos:etx], out)
                self._framed = False
                self._finish(out)
                pos = etx + 1
                continue
            stx = data.find(STX, pos) if self._stx_etx else -1
            limit = stx if stx >= 0 else end
            match = self._sep.search(data, pos, limit) if self._sep is not None else None
            if match is not None:
                self._append(data[pos : match.start()], out)
                self._finish(out)
                pos = match.end()
            elif stx >= 0:
                self._append(data[pos:stx], out)
                self._finish(out)  # text before an STX was a read of its own
                self._framed = True
                pos = stx + 1
            else:
                self._append(data[pos:], out)
                break
        return out

    def flush_idle(self) -> list[Result]:
        out: list[Result] = []
        if self._framed:
            self._framed = False
            if not self._discarding:
                out.append(FrameError("frame cut short"))
            self._buf.clear()
            self._discarding = False
        else:
            self._finish(out)
        return out

    def _append(self, chunk: bytes, out: list[Result]) -> None:
        if self._discarding or not chunk:
            return
        if len(self._buf) + len(chunk) > self._max:
            out.append(FrameError("scan too long"))
            self._buf.clear()
            self._discarding = True
            return
        self._buf += chunk

    def _finish(self, out: list[Result]) -> None:
        payload = bytes(self._buf)
        self._buf.clear()
        if self._discarding:
            self._discarding = False
            return
        if self._prefix and payload.startswith(self._prefix):
            payload = payload[len(self._prefix) :]
        if self._suffix and payload.endswith(self._suffix):
            payload = payload[: -len(self._suffix)]
        if not payload:
            return
        try:
            out.append(Read(TEXT, payload.decode("utf-8")))
        except UnicodeDecodeError:
            out.append(Read(TEXT, payload.decode("latin-1"), {"encoding": "latin-1"}))


def encode(value: str) -> bytes:
    """What a scanner in its common setup sends: the text and CR, or STX/ETX around it when the
    text itself has line breaks."""
    data = value.encode("utf-8")
    if any(c in value for c in "\r\n\t"):
        return bytes([STX]) + data + bytes([ETX])
    return data + b"\r"
