"""Camera frames to QR texts: real QR images through zxing-cpp, without a camera or QtMultimedia.

Time is a settable fake clock, so rate limits and hold-offs are counted, never timed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

import pytest
import qrcode
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from ui.camera.decode import DecodeWorker

pytest.importorskip("zxingcpp")

TOKEN = "LK1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEXX+4RT0WNPG1"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def qr_image(text: str) -> QImage:
    """The bare QR code, 8-bit gray, one module = 4 pixels."""
    pil = qrcode.make(text, box_size=4, border=4).get_image().convert("L")
    data = pil.tobytes()
    return QImage(data, pil.width, pil.height, pil.width, QImage.Format.Format_Grayscale8).copy()


def camera_frame(code: QImage, *, angle: float = 0.0, scale: float = 1.0) -> QImage:
    """A 640x480 "camera picture": a grey room with the code somewhere, turned and scaled."""
    frame = QImage(640, 480, QImage.Format.Format_RGB32)
    frame.fill(QColor(120, 125, 130))
    painter = QPainter(frame)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.translate(QPointF(300, 250))
    painter.rotate(angle)
    painter.scale(scale, scale)
    painter.drawImage(QPointF(-code.width() / 2, -code.height() / 2), code)
    painter.end()
    return frame


def noise_frame(seed: int) -> QImage:
    rnd = random.Random(seed)
    data = bytes(rnd.getrandbits(8) for _ in range(320 * 240))
    return QImage(data, 320, 240, 320, QImage.Format.Format_Grayscale8).copy()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def worker(clock: FakeClock) -> Iterator[DecodeWorker]:
    w = DecodeWorker(clock=clock)
    yield w
    w.stop()


def collect(worker: DecodeWorker) -> list[str]:
    seen: list[str] = []
    worker.decoded.connect(seen.append)
    return seen


def settle(qtbot: QtBot, worker: DecodeWorker) -> None:
    """Wait for the running attempt, then deliver its queued ``decoded`` signals."""
    qtbot.waitUntil(lambda: not worker.busy, timeout=15_000)
    QCoreApplication.processEvents()


def offer_and_settle(
    qtbot: QtBot, worker: DecodeWorker, clock: FakeClock, frames: Sequence[QImage], step: float
) -> None:
    for frame in frames:
        worker.offer(frame)
        settle(qtbot, worker)
        clock.now += step


@pytest.mark.parametrize(
    ("angle", "scale"), [(0.0, 1.0), (27.0, 1.0), (90.0, 0.8), (-15.0, 1.6)], ids=str
)
def test_a_qr_code_in_a_camera_frame_is_one_scan(
    qtbot: QtBot, worker: DecodeWorker, angle: float, scale: float
) -> None:
    seen = collect(worker)
    assert worker.offer(camera_frame(qr_image(TOKEN), angle=angle, scale=scale))
    settle(qtbot, worker)
    assert seen == [TOKEN]


def test_raw_grayscale_bytes_are_decoded_too(qtbot: QtBot, worker: DecodeWorker) -> None:
    seen = collect(worker)
    gray = camera_frame(qr_image(TOKEN)).convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())  # type: ignore[arg-type]
    assert worker.offer_gray(data, gray.width(), gray.height(), gray.bytesPerLine())
    settle(qtbot, worker)
    assert seen == [TOKEN]


def test_a_code_held_in_front_of_the_camera_is_one_scan_until_it_leaves(
    qtbot: QtBot, worker: DecodeWorker, clock: FakeClock
) -> None:
    seen = collect(worker)
    held = camera_frame(qr_image(TOKEN), angle=5.0)
    offer_and_settle(qtbot, worker, clock, [held] * 40, step=0.1)  # 4 s in view
    assert worker.attempts == 40
    assert seen == [TOKEN]

    empty = camera_frame(qr_image(TOKEN), scale=0.0)
    offer_and_settle(qtbot, worker, clock, [empty] * 40, step=0.1)  # 4 s away (> hold-off)
    offer_and_settle(qtbot, worker, clock, [held] * 5, step=0.1)
    assert seen == [TOKEN, TOKEN]


def test_a_second_code_is_reported_while_the_first_is_held(
    qtbot: QtBot, worker: DecodeWorker, clock: FakeClock
) -> None:
    seen = collect(worker)
    offer_and_settle(qtbot, worker, clock, [camera_frame(qr_image(TOKEN))] * 3, step=0.2)
    offer_and_settle(qtbot, worker, clock, [camera_frame(qr_image("LK1:OTHER"))] * 3, step=0.2)
    assert seen == [TOKEN, "LK1:OTHER"]


def test_garbage_frames_give_nothing(qtbot: QtBot, worker: DecodeWorker, clock: FakeClock) -> None:
    seen = collect(worker)
    frames = [noise_frame(seed) for seed in range(6)]
    blank = QImage(320, 240, QImage.Format.Format_Grayscale8)
    blank.fill(Qt.GlobalColor.white)
    offer_and_settle(qtbot, worker, clock, [*frames, blank], step=0.2)
    assert worker.attempts == 7
    assert not worker.offer(QImage())  # a null frame is not an attempt
    assert seen == []


@pytest.mark.parametrize("fps", [30, 60, 120])
def test_attempts_are_limited_to_the_configured_rate(
    qtbot: QtBot, clock: FakeClock, fps: int
) -> None:
    decoded: list[int] = []

    def fake(data: bytes, width: int, height: int, stride: int) -> list[str]:
        decoded.append(width)
        return []

    worker = DecodeWorker(attempts_per_second=12, decoder=fake, clock=clock)
    try:
        frame = noise_frame(1)
        offer_and_settle(qtbot, worker, clock, [frame] * (fps * 5), step=1 / fps)  # 5 s
    finally:
        worker.stop()
    assert len(decoded) == worker.attempts
    # 12 a second: never more, and at least 10 at any ordinary camera rate.
    assert 50 <= worker.attempts <= 12 * 5 + 1


def test_frames_offered_while_busy_are_dropped_not_queued(qtbot: QtBot, clock: FakeClock) -> None:
    import threading

    release = threading.Event()
    calls: list[int] = []

    def slow(data: bytes, width: int, height: int, stride: int) -> list[str]:
        calls.append(width)
        release.wait(5)
        return []

    worker = DecodeWorker(decoder=slow, clock=clock)
    try:
        frame = noise_frame(2)
        assert worker.offer(frame)
        taken = []
        for _ in range(20):
            clock.now += 1.0  # long past the rate limit: only "busy" can refuse
            taken.append(worker.offer(frame))
        assert not any(taken)
        assert not worker.wants_frame()
        release.set()
        settle(qtbot, worker)
        assert worker.wants_frame()
    finally:
        release.set()
        worker.stop()
    assert worker.attempts == 1 and calls == [320]


def test_a_stopped_worker_takes_no_frames(clock: FakeClock) -> None:
    worker = DecodeWorker(clock=clock)
    worker.stop()
    worker.stop()  # twice is harmless
    assert not worker.offer(noise_frame(3))
    assert not worker.wants_frame()
    assert worker.attempts == 0
