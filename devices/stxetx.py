"""STX ... ETX framing, shared by the EM4100 readers and scanners that wrap payloads.

Readers such as the RDM6300 and ID-12LA start each frame with STX (0x02) and end it with ETX
(0x03). Framing on those bytes rather than on line breaks lets the reader resynchronise after
noise: everything up to the next STX is dropped, a frame that grows past the protocol's longest
payload is abandoned, and the buffer can never hold more than one maximum payload.
"""

from __future__ import annotations

from devices.frames import FrameError

STX = 0x02
ETX = 0x03


class StxEtxFramer:
    """Splits a byte stream into the payloads between STX and ETX.

    ``feed`` returns payloads (without STX/ETX) and :class:`FrameError` values for a frame cut
    short by a new STX, a frame longer than ``max_payload``, and each run of bytes outside a
    frame (one error per run, so a wrong baud rate is visible without flooding the counter).
    """

    def __init__(self, max_payload: int) -> None:
        self._max = max_payload
        self._buf: bytearray | None = None  # None: outside a frame
        self._in_noise = False

    @property
    def buffered(self) -> int:
        return 0 if self._buf is None else len(self._buf)

    def reset(self) -> None:
        """Forget a partial frame (the line went quiet or the port was reopened)."""
        self._buf = None

    def feed(self, data: bytes) -> list[bytes | FrameError]:
        out: list[bytes | FrameError] = []
        pos = 0
        end = len(data)
        while pos < end:
            if self._buf is None:
                start = data.find(STX, pos)
                if start != pos:
                    self._noise(out)
                if start < 0:
                    break
                self._buf = bytearray()
                self._in_noise = False
                pos = start + 1
                continue
            etx = data.find(ETX, pos)
            stx = data.find(STX, pos)
            stop = min(i for i in (etx, stx, end) if i >= 0)
            if len(self._buf) + (stop - pos) > self._max:
                out.append(FrameError("frame too long"))
                self._buf = None
                self._in_noise = True  # the rest up to the next STX is part of the same junk
                continue
            self._buf += data[pos:stop]
            if stop == end:
                break
            if stop == stx:
                out.append(FrameError("frame cut short"))
                self._buf = None
                pos = stop
                continue
            out.append(bytes(self._buf))
            self._buf = None
            pos = stop + 1
        return out

    def _noise(self, out: list[bytes | FrameError]) -> None:
        if not self._in_noise:
            out.append(FrameError("bytes outside a frame"))
            self._in_noise = True
