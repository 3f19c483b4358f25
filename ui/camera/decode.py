"""QR decoding of camera frames with zxing-cpp, off the GUI thread.

A camera delivers 25-60 frames a second; decoding one takes 5-40 ms on a tablet. So frames are
offered, not queued: a frame that arrives while the decoder is busy, or sooner than
``1 / attempts_per_second`` after the last attempt began, is dropped on the spot. The newest
frame is the only interesting one, and a backlog would only add latency (and memory).

A code held in front of the camera decodes in every attempt; it is reported once, and again
only after it has been out of sight for ``hold_off`` seconds (the window slides while the code
stays visible), so one presentation is one scan, like a serial scanner's hold-off.

This module does not import QtMultimedia: it takes a ``QImage`` (or grayscale bytes), so it is
tested with generated QR images and runs wherever zxing-cpp is installed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

# Decodes one grayscale frame (bytes, width, height, bytes per line) into the texts it shows.
Decoder = Callable[[bytes, int, int, int], Sequence[str]]


def zxing_decoder() -> Decoder:
    """The real decoder; ``ImportError`` when zxing-cpp is missing (the ``camera`` extra)."""
    import zxingcpp

    formats = zxingcpp.BarcodeFormat.QRCode

    def decode(data: bytes, width: int, height: int, stride: int) -> list[str]:
        view = zxingcpp.ImageView(data, width, height, zxingcpp.ImageFormat.Lum, stride)
        # A single format converts to the flag set implicitly (in zxing-cpp 2.x and 3.x).
        found = zxingcpp.read_barcodes(view, formats=formats)  # type: ignore[arg-type]
        return [b.text for b in found if b.valid]

    return decode


class DecodeWorker(QObject):
    """Decodes offered frames on one thread of its own; ``decoded(text)`` per new code.

    ``offer*`` and ``wants_frame`` are called on the GUI thread; ``decoded`` is emitted from the
    decode thread and reaches GUI-thread receivers queued. Call ``stop`` before dropping it.
    """

    decoded = Signal(str)

    def __init__(
        self,
        *,
        attempts_per_second: float = 12.0,
        hold_off: float = 3.0,
        decoder: Decoder | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if attempts_per_second <= 0:
            raise ValueError("attempts_per_second must be positive")
        self._interval = 1.0 / attempts_per_second
        self._hold_off = hold_off
        self._decode = decoder if decoder is not None else zxing_decoder()
        self._clock = clock
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="camera-decode"
        )
        self._lock = threading.Lock()
        self._busy = False
        self._next_at = float("-inf")
        self.attempts = 0  # decode attempts started; for tests and the log
        # Decode-thread only: the codes in sight and when each was last seen.
        self._last_seen: dict[str, float] = {}

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._busy

    def wants_frame(self) -> bool:
        """True when a frame offered now would be decoded: lets the caller skip converting
        a video frame to an image that would only be dropped."""
        with self._lock:
            return self._executor is not None and not self._busy and self._clock() >= self._next_at

    def offer(self, image: QImage) -> bool:
        """Decode ``image`` unless busy or too soon; True when it was taken.

        The grayscale conversion happens on the decode thread (QImage is implicitly shared and
        safe to hand over), so the GUI thread pays nothing but this call.
        """
        if image.isNull():
            return False
        return self._start(lambda: _gray(image))

    def offer_gray(self, data: bytes, width: int, height: int, stride: int = 0) -> bool:
        """Like ``offer`` for raw 8-bit grayscale pixels (``stride`` 0: ``width``)."""
        return self._start(lambda: (data, width, height, stride or width))

    def stop(self) -> None:
        """Let a running attempt finish and end the thread; later offers are dropped."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _start(self, frame: Callable[[], tuple[bytes, int, int, int]]) -> bool:
        with self._lock:
            now = self._clock()
            if self._executor is None or self._busy or now < self._next_at:
                return False
            self._busy = True
            # Paced from the previous slot, not from now: frames come at the camera's rate,
            # and "now + interval" would round 12/s down to every third frame at 30 fps.
            # Catching up is capped at half an interval, so an idle spell is no burst.
            self._next_at = max(self._next_at, now - self._interval / 2) + self._interval
            self.attempts += 1
            self._executor.submit(self._run, frame)
        return True

    def _run(self, frame: Callable[[], tuple[bytes, int, int, int]]) -> None:
        try:
            texts = self._decode(*frame())
        except Exception:  # a bad frame must never stop the camera
            log.exception("camera frame could not be decoded")
            texts = []
        try:
            self._report(texts)
        finally:  # after the report: whoever sees "not busy" also sees its signal posted
            with self._lock:
                self._busy = False

    def _report(self, texts: Sequence[str]) -> None:
        now = self._clock()
        seen = self._last_seen
        for text in dict.fromkeys(t for t in texts if t):
            last = seen.get(text)
            seen[text] = now
            if last is None or now - last > self._hold_off:
                self.decoded.emit(text)
        for text, at in list(seen.items()):
            if now - at > self._hold_off:
                del seen[text]


def _gray(image: QImage) -> tuple[bytes, int, int, int]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())
    return data, gray.width(), gray.height(), gray.bytesPerLine()
