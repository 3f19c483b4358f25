"""Pretend to be a reader on a pseudo-terminal, for tests, demos and installers.

The simulator owns the master side of a pty; the kiosk opens the slave path with pyserial just
as it would open ``/dev/ttyUSB0``, so everything between the wire and the ReadEvent (termios
setup, exclusive locking, timeouts, framing, the PN532 command exchange) is exercised for real.
The slave is set raw (no echo, no line editing) and the simulator keeps its own slave
descriptor open, so the master never sees a hang-up when the reader closes and reopens the port.
"""

from __future__ import annotations

import logging
import os
import select
import threading
import time
import tty
from collections.abc import Callable

from devices import id12, pn532, rdm6300, scanner, wiegand
from devices.pn532_sim import Pn532Emulator, card_uid
from devices.registry import get_protocol

log = logging.getLogger(__name__)

_ENCODERS: dict[str, Callable[[str], bytes]] = {
    rdm6300.NAME: rdm6300.encode,
    id12.NAME: id12.encode,
    scanner.NAME: scanner.encode,
    wiegand.NAME: wiegand.encode,
}


class PtySimulator:
    """A pseudo-terminal that behaves like a reader of the given protocol.

    ``present`` shows the reader a card or code: a card id in hex, or the decimal number printed
    on an EM4100 card, or "facility,card"; text for scanners; a 4/7/10-byte hex UID for the
    PN532. For output-only readers ``repeats`` sends the frame that many times, ``interval``
    seconds apart, like a card held in the field; the PN532 simulator instead answers the host's
    polls and reports the card to the next ``repeats`` polls.
    """

    def __init__(self, protocol: str) -> None:
        get_protocol(protocol)  # KeyError for an unknown protocol
        self.protocol = protocol
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.path: str = os.ttyname(self._slave)
        self._write_lock = threading.Lock()
        self._closed = False
        self._emulator: Pn532Emulator | None = None
        self._thread: threading.Thread | None = None
        if protocol == pn532.NAME:
            self._emulator = Pn532Emulator()
            self._wake_r, self._wake_w = os.pipe()
            self._thread = threading.Thread(
                target=self._answer_host, name=f"pty-sim-{protocol}", daemon=True
            )
            self._thread.start()

    def __enter__(self) -> PtySimulator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def emulator(self) -> Pn532Emulator | None:
        """The PN532 emulator behind a ``pn532`` simulator (to inspect the commands it got)."""
        return self._emulator

    def frame(self, value: str) -> bytes:
        """The bytes one presentation of ``value`` produces, for output-only readers."""
        if self.protocol not in _ENCODERS:
            raise ValueError(f"{self.protocol} readers do not send frames unasked")
        return _ENCODERS[self.protocol](value)

    def present(self, value: str, repeats: int = 1, *, interval: float = 0.0) -> None:
        """Show ``value`` to the reader (see the class docstring)."""
        if self._emulator is not None:
            self._emulator.present(card_uid(value), repeats)
            return
        data = self.frame(value)
        for i in range(max(1, repeats)):
            if i and interval > 0:
                time.sleep(interval)
            self.send_raw(data)

    def send_raw(self, data: bytes) -> None:
        """Write bytes as if the reader sent them (noise, partial frames, captures)."""
        with self._write_lock:
            if self._closed:
                raise ValueError("simulator is closed")
            view = memoryview(data)
            while view:
                written = os.write(self._master, view)
                view = view[written:]

    def close(self) -> None:
        """Close both ends: a reader on the slave sees the device disappear."""
        with self._write_lock:
            if self._closed:
                return
            self._closed = True
        if self._thread is not None:
            os.write(self._wake_w, b"x")
            self._thread.join()
            os.close(self._wake_r)
            os.close(self._wake_w)
        os.close(self._master)
        os.close(self._slave)

    def _answer_host(self) -> None:
        assert self._emulator is not None
        while True:
            ready, _, _ = select.select([self._master, self._wake_r], [], [])
            if self._wake_r in ready:
                return
            try:
                data = os.read(self._master, 4096)
            except OSError:
                log.debug("simulator master read failed", exc_info=True)
                return
            answer = self._emulator.handle(data)
            if answer:
                with self._write_lock:
                    if self._closed:
                        return
                    os.write(self._master, answer)
