"""RDM6300 / RDM630 125 kHz EM4100 module (9600 8N1, output only).

Frame: STX, 10 ASCII hex digits of id, 2 ASCII hex digits of XOR checksum, ETX (14 bytes).
The module repeats the frame for as long as the card stays in the field, so the reader's
hold-off folds a held card into one event.
"""

from __future__ import annotations

from devices import em4100
from devices.frames import FrameError, Result
from devices.stxetx import ETX, STX, StxEtxFramer

NAME = "rdm6300"
BAUD = 9600
HOLD_OFF = 1.0
PAYLOAD = 12


class Rdm6300Parser:
    """Bytes from an RDM6300 to checked EM4100 reads."""

    idle_gap: float | None = None

    def __init__(self) -> None:
        self._framer = StxEtxFramer(max_payload=PAYLOAD)

    @property
    def buffered(self) -> int:
        return self._framer.buffered

    def feed(self, data: bytes) -> list[Result]:
        out: list[Result] = []
        for item in self._framer.feed(data):
            out.append(item if isinstance(item, FrameError) else em4100.decode_ascii(item))
        return out

    def flush_idle(self) -> list[Result]:
        return []


def encode(value: str) -> bytes:
    """The frame the module sends for a card (see :func:`devices.em4100.parse_card`)."""
    return bytes([STX]) + em4100.encode_ascii(em4100.parse_card(value)) + bytes([ETX])
