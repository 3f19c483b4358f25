"""Benchmark: last byte written on a pty -> read event delivered on the GUI thread.

Runs the real path of a tap: PtySimulator (rdm6300) -> SerialReader thread (pyserial, parser,
hold-off) -> ThreadBridge signal queued onto the GUI thread, while a widget repaints at 60 Hz.
Prints p50 / p95 / max over N reads and the worst GUI timer gap during a noise flood.
Goal (issue 3): p95 under 5 ms; a 14-byte frame alone takes 14.6 ms on the wire at 9600 baud.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.reader_latency [--reads 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

from devices.events import ReadEvent
from devices.reader import SerialReader
from devices.simulate import PtySimulator
from ui.runtime.bridge import ThreadBridge


class Busy(QWidget):
    """Repaints every frame so the GUI thread has real work, as a kiosk screen does."""

    def __init__(self) -> None:
        super().__init__()
        self.frames = 0
        self.resize(800, 480)

    def paintEvent(self, _event: object) -> None:
        self.frames += 1
        painter = QPainter(self)
        for i in range(40):
            painter.drawText(10 + (i * 17 + self.frames) % 700, 20 + i * 11, "Varattu 14.30")
        painter.end()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser()
    parser.add_argument("--reads", type=int, default=1000)
    parser.add_argument("--gap", type=float, default=0.02, help="seconds between reads")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    busy = Busy()
    busy.show()
    repaint = QTimer()
    repaint.timeout.connect(busy.update)
    repaint.start(16)

    bridge = ThreadBridge()
    written: dict[str, float] = {}
    arrived: dict[str, float] = {}
    done = threading.Event()

    def delivered(event: ReadEvent) -> None:
        # Paired up after the run: an event may arrive before the writer noted its time.
        arrived[event.value] = time.monotonic()
        if len(arrived) >= args.reads:
            done.set()

    bridge.read.connect(delivered)
    sim = PtySimulator("rdm6300")
    connected = threading.Event()
    reader = SerialReader(
        "bench",
        sim.path,
        "rdm6300",
        hold_off=0.0,
        on_event=bridge.on_read,
        on_status=lambda s: connected.set() if s.state == "connected" else None,
    )
    reader.start()
    connected.wait(5)

    def write_loop() -> None:
        for i in range(args.reads):
            if done.is_set():
                return
            uid = f"{0x0100000000 + i:010X}"
            frame = sim.frame(uid)
            sim.send_raw(frame)
            written[uid] = time.monotonic()  # after the write returned: the last byte is out
            time.sleep(args.gap)

    writer = threading.Thread(target=write_loop, daemon=True)
    writer.start()
    deadline = time.monotonic() + args.reads * args.gap + 30
    finish = QTimer()
    finish.timeout.connect(
        lambda: app.quit() if done.is_set() or time.monotonic() > deadline else None
    )
    finish.start(50)
    app.exec()
    finish.stop()
    writer.join(5)
    latencies = [max(0.0, arrived[uid] - written[uid]) * 1000 for uid in arrived if uid in written]

    # Flood: 1 MB of noise while the GUI timer runs; report the worst gap between ticks.
    gaps: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    probe = QTimer()
    probe.timeout.connect(tick)
    probe.start(1)
    noise = os.urandom(1 << 20).replace(b"\x02", b"\x00")

    flooded = threading.Event()

    def flood() -> None:
        for start in range(0, len(noise), 4096):
            sim.send_raw(noise[start : start + 4096])
        flooded.set()

    threading.Thread(target=flood, daemon=True).start()
    # Quit from the GUI thread once the flood is written (QTimer polls the event).
    watch = QTimer()
    watch.timeout.connect(lambda: app.quit() if flooded.is_set() else None)
    watch.start(50)
    app.exec()
    watch.stop()
    probe.stop()
    repaint.stop()
    reader.stop()
    sim.close()

    print(f"reads delivered: {len(arrived)} / {args.reads} (gap {args.gap * 1000:.0f} ms)")
    if latencies:
        print(
            f"pty last byte -> GUI thread: p50 {statistics.median(latencies):.2f} ms, "
            f"p95 {percentile(latencies, 95):.2f} ms, max {max(latencies):.2f} ms"
        )
    print(f"GUI repaints meanwhile: {busy.frames}")
    if gaps:
        print(
            f"1 MB noise flood: worst 1 ms-timer gap {max(gaps):.1f} ms "
            f"(p95 {percentile(gaps, 95):.1f} ms over {len(gaps)} ticks)"
        )


if __name__ == "__main__":
    main()
