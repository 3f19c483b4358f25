"""A PN532 as seen from its host, for the simulator: answers commands, reports presented cards.

It answers the commands the kiosk's driver sends (and GetFirmwareVersion, which other tools use
to probe) the way the chip does: ACK first, then the response frame; anything it does not know
gets the error frame. A presented card is reported by the next ``polls`` InListPassiveTarget
commands, then it is gone, like a card held on the reader for a while and taken away.
"""

from __future__ import annotations

import threading

from devices import pn532
from devices.pn532_frames import ACK, ERROR_FRAME, Frame, FrameDecoder, Nack, response

#: SENS_RES (ATQA) and SEL_RES (SAK) typical of a MIFARE Classic 1K, an Ultralight/NTAG (7-byte
#: UID) and a triple-size UID, so the host sees realistic target data.
_CARD_TYPE = {4: (b"\x00\x04", 0x08), 7: (b"\x00\x44", 0x00), 10: (b"\x00\x84", 0x00)}
FIRMWARE = bytes([0x32, 0x01, 0x06, 0x07])  # IC PN532, version 1.6, supports ISO A/B and 18092


def card_uid(value: str) -> bytes:
    """A UID typed as hex (separators allowed) of 4, 7 or 10 bytes."""
    text = "".join(ch for ch in value if ch not in " :-")
    try:
        uid = bytes.fromhex(text)
    except ValueError:
        raise ValueError("expected a hex UID of 4, 7 or 10 bytes") from None
    if len(uid) not in pn532.UID_LENGTHS:
        raise ValueError("expected a hex UID of 4, 7 or 10 bytes")
    return uid


class Pn532Emulator:
    """Turns host bytes into the PN532's answers. Thread-safe: the simulator's thread feeds it
    while a test presents cards."""

    def __init__(self) -> None:
        self._decoder = FrameDecoder()
        self._lock = threading.Lock()
        self._uid: bytes | None = None
        self._polls_left = 0
        self._last_answer = b""
        self.commands: list[int] = []

    def present(self, uid: bytes, polls: int) -> None:
        with self._lock:
            self._uid, self._polls_left = uid, max(1, polls)

    @property
    def card_in_field(self) -> bool:
        with self._lock:
            return self._uid is not None

    def handle(self, data: bytes) -> bytes:
        """Everything the chip sends back for ``data`` from the host."""
        answer = bytearray()
        for item in self._decoder.feed(data):
            if isinstance(item, Nack):
                answer += self._last_answer
            elif isinstance(item, Frame) and item.tfi == 0xD4 and item.data:
                self._last_answer = self._answer(item.data[0], item.data[1:])
                answer += ACK + self._last_answer
        return bytes(answer)

    def _answer(self, code: int, params: bytes) -> bytes:
        self.commands.append(code)
        if code in (pn532.SAM_CONFIGURATION, pn532.RF_CONFIGURATION):
            return response(code + 1)
        if code == pn532.GET_FIRMWARE_VERSION:
            return response(code + 1, FIRMWARE)
        if code == pn532.IN_LIST_PASSIVE_TARGET and params[1:2] == b"\x00":
            return response(code + 1, self._target())
        return ERROR_FRAME

    def _target(self) -> bytes:
        with self._lock:
            uid = self._uid
            if uid is None:
                return b"\x00"
            self._polls_left -= 1
            if self._polls_left <= 0:
                self._uid = None
        sens_res, sel_res = _CARD_TYPE[len(uid)]
        return b"\x01\x01" + sens_res + bytes([sel_res, len(uid)]) + uid
