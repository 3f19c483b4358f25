"""ID Innovations ID-12LA / ID-20LA and the SparkFun RFID USB reader (ASCII output, 9600 8N1).

Frame: STX, 10 ASCII hex digits of id, 2 of XOR checksum, CR, LF, ETX (16 bytes). Framing is
by STX/ETX and not by lines, so a frame cut short by a card leaving the field never glues onto
the next one. The payload is checked as EM4100 (see :mod:`devices.em4100`).
"""

from __future__ import annotations

from devices import em4100
from devices.frames import FrameError, Result
from devices.stxetx import ETX, STX, StxEtxFramer

NAME = "id12"
BAUD = 9600
HOLD_OFF = 1.0
PAYLOAD = 14  # 12 hex digits + CR LF


class Id12Parser:
    """Bytes from an ID-12LA / ID-20LA to checked EM4100 reads."""

    idle_gap: float | None = None

    def __init__(self) -> None:
        self._framer = StxEtxFramer(max_payload=PAYLOAD)

    @property
    def buffered(self) -> int:
        return self._framer.buffered

    def feed(self, data: bytes) -> list[Result]:
        out: list[Result] = []
        for item in self._framer.feed(data):
            if isinstance(item, FrameError):
                out.append(item)
            elif not item.endswith(b"\r\n"):
                out.append(FrameError("missing CR LF"))
            else:
                out.append(em4100.decode_ascii(item[:-2]))
        return out

    def flush_idle(self) -> list[Result]:
        return []


def encode(value: str) -> bytes:
    """The frame the reader sends for a card (see :func:`devices.em4100.parse_card`)."""
    return bytes([STX]) + em4100.encode_ascii(em4100.parse_card(value)) + b"\r\n" + bytes([ETX])
