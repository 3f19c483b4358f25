"""NXP PN532 13.56 MHz NFC reader over HSU (UART, 115200 8N1), polling ISO 14443A cards.

Unlike the 125 kHz modules the PN532 says nothing until asked, so this protocol is also a
:class:`~devices.frames.Driver`: after each (re)open it wakes the chip (HSU wake-up preamble),
sends SAMConfiguration (normal mode) and RFConfiguration (few passive-activation retries, so an
empty field answers at once instead of blocking), then polls with InListPassiveTarget. Each
command is acknowledged (ACK) before its response; both may arrive in one read or split
anywhere, which the frame decoder handles. A chip that stops answering is woken and configured
again. A card left on the reader is reported by every poll; the reader's hold-off (longer than
the poll interval) folds that into one presentation.
"""

from __future__ import annotations

from devices.events import BADGE
from devices.frames import FrameError, Port, Read, Result
from devices.pn532_frames import Ack, ApplicationError, Frame, FrameDecoder, Nack, command

NAME = "pn532"
BAUD = 115200
HOLD_OFF = 0.5
POLL_INTERVAL = 0.1
ANSWER_TIMEOUT = 1.0
MAX_NACKS = 3
UID_LENGTHS = (4, 7, 10)

#: HSU wake-up: 0x55 0x55 and enough zeros to let the chip leave power-down (user manual 7.2.11).
WAKE_UP = b"\x55\x55" + bytes(14)

SAM_CONFIGURATION = 0x14
RF_CONFIGURATION = 0x32
IN_LIST_PASSIVE_TARGET = 0x4A
GET_FIRMWARE_VERSION = 0x02

#: SAMConfiguration: normal mode, virtual-card timeout 50 ms * 0x14, use the IRQ pin.
SAM_NORMAL = bytes([0x01, 0x14, 0x01])
#: RFConfiguration item 5 (MaxRetries): MxRtyATR=FF, MxRtyPSL=01, MxRtyPassiveActivation=02.
RF_MAX_RETRIES = bytes([0x05, 0xFF, 0x01, 0x02])
#: InListPassiveTarget: at most one target, 106 kbps type A (ISO 14443A / MIFARE).
LIST_ONE_TYPE_A = bytes([0x01, 0x00])

_SETUP = (
    (SAM_CONFIGURATION, SAM_NORMAL),
    (RF_CONFIGURATION, RF_MAX_RETRIES),
)


def parse_targets(params: bytes) -> list[Result]:
    """InListPassiveTarget response parameters (after D5 4B) for 106 kbps type A targets.

    Layout per target: Tg, SENS_RES (2), SEL_RES, NFCIDLength, NFCID1, then ATS (its first
    byte is its length) when SEL_RES says the card is ISO 14443-4 compliant.
    """
    if not params:
        return [FrameError("empty target list")]
    count, pos, out = params[0], 1, list[Result]()
    for _ in range(count):
        if len(params) < pos + 5:
            return [*out, FrameError("target data cut short")]
        sel_res, uid_len = params[pos + 3], params[pos + 4]
        pos += 5
        if uid_len not in UID_LENGTHS:
            return [*out, FrameError("unexpected UID length")]
        if len(params) < pos + uid_len:
            return [*out, FrameError("target data cut short")]
        uid = params[pos : pos + uid_len]
        pos += uid_len
        if sel_res & 0x20 and len(params) > pos:
            pos += params[pos]  # skip the ATS
        out.append(Read(BADGE, uid.hex().upper(), {"uid_length": str(uid_len)}))
    return out


class Pn532Session:
    """Parser and driver for one open PN532 port (a fresh one per connection)."""

    idle_gap: float | None = None

    def __init__(
        self, *, poll_interval: float = POLL_INTERVAL, answer_timeout: float = ANSWER_TIMEOUT
    ) -> None:
        self._decoder = FrameDecoder()
        self._poll_interval = poll_interval
        self._answer_timeout = answer_timeout
        self._step = 0  # index into _SETUP; len(_SETUP) means polling
        self._pending: bytes | None = None  # the frame awaiting its response
        self._pending_code = 0
        self._sent_at = 0.0
        self._due: float | None = None  # when to send the next command
        self._answered = 0  # the command code whose response just arrived
        self._nacks = 0
        self._resend = False
        self._woken = False

    @property
    def buffered(self) -> int:
        return self._decoder.buffered

    @property
    def polling(self) -> bool:
        """True once the chip is configured and being polled for cards."""
        return self._step >= len(_SETUP)

    def feed(self, data: bytes) -> list[Result]:
        out: list[Result] = []
        for item in self._decoder.feed(data):
            if isinstance(item, FrameError):
                out.append(item)
            elif isinstance(item, Ack):
                pass  # the response follows; the answer timeout covers both
            elif isinstance(item, Nack):
                self._nacks += 1
                if self._nacks > MAX_NACKS:
                    out.append(FrameError("PN532 keeps rejecting commands"))
                    self._restart()
                else:
                    self._resend = True
            elif isinstance(item, ApplicationError):
                out.append(FrameError("PN532 reported an error"))
                self._restart()
            else:
                out.extend(self._on_frame(item))
        return out

    def flush_idle(self) -> list[Result]:
        return []

    def on_open(self, port: Port, now: float) -> None:
        self._restart()
        self._send_next(port, now)

    def poll(self, port: Port, now: float) -> list[Result]:
        """Send what is due and notice a chip that stopped answering."""
        out: list[Result] = []
        if self._pending is not None and self._resend:
            self._resend = False
            port.write(self._pending)
            self._sent_at = now
        if self._answered:
            # Setup commands follow each other at once; polls are spaced by the interval.
            was_poll = self._answered == IN_LIST_PASSIVE_TARGET
            self._answered = 0
            self._due = now + (self._poll_interval if was_poll else 0.0)
        if self._pending is not None:
            if now - self._sent_at > self._answer_timeout:
                out.append(FrameError("no answer from the PN532"))
                self._restart()
                self._send_next(port, now)
            return out
        if self._due is None or now >= self._due:
            self._send_next(port, now)
        return out

    # -- internals ------------------------------------------------------------------------------

    def _on_frame(self, frame: Frame) -> list[Result]:
        if frame.tfi != 0xD5 or not frame.data:
            return [FrameError("frame not from a PN532")]
        if self._pending is None or frame.data[0] != self._pending_code + 1:
            return [FrameError("unexpected response")]
        self._pending = None
        self._nacks = 0
        self._answered = self._pending_code
        if not self.polling:
            self._step += 1
            return []
        return parse_targets(frame.data[1:])

    def _restart(self) -> None:
        """Start over: wake the chip and configure it again."""
        self._step = 0
        self._pending = None
        self._woken = False
        self._due = 0.0
        self._nacks = 0
        self._resend = False

    def _send_next(self, port: Port, now: float) -> None:
        if self.polling:
            code, params = IN_LIST_PASSIVE_TARGET, LIST_ONE_TYPE_A
        else:
            code, params = _SETUP[self._step]
        frame = command(code, params)
        port.write(frame if self._woken else WAKE_UP + frame)
        self._woken = True
        self._pending, self._pending_code, self._sent_at = frame, code, now
        self._due = None
