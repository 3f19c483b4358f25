"""A reader spewing noise must not stall the GUI, and real reads still get through."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from devices.events import ReaderStatus, ReadEvent
from devices.reader import SerialReader
from devices.simulate import PtySimulator
from ui.runtime.bridge import ThreadBridge


@pytest.fixture
def simulator() -> Iterator[PtySimulator]:
    sim = PtySimulator("rdm6300")
    yield sim
    sim.close()


def test_a_flooding_reader_does_not_stall_the_gui(qtbot: QtBot, simulator: PtySimulator) -> None:
    bridge = ThreadBridge()
    reads: list[ReadEvent] = []
    states: list[str] = []
    bridge.read.connect(reads.append)
    bridge.reader_status.connect(lambda s: states.append(s.state))

    def on_status(status: ReaderStatus) -> None:
        bridge.on_reader_status(status)

    reader = SerialReader(
        "badge",
        simulator.path,
        "rdm6300",
        hold_off=0.0,
        on_event=bridge.on_read,
        on_status=on_status,
    )
    reader.start()
    try:
        qtbot.waitUntil(lambda: "connected" in states, timeout=5_000)
        gaps: list[float] = []
        last = [time.monotonic()]

        def tick() -> None:
            now = time.monotonic()
            gaps.append(now - last[0])
            last[0] = now

        probe = QTimer()
        probe.timeout.connect(tick)
        probe.start(5)
        started = time.monotonic()
        junk = os.urandom(256 * 1024).replace(b"\x02", b"\x00")
        uids = [f"{0xA200000000 + i:010X}" for i in range(50)]  # hex letters: not read as decimal

        def flood() -> None:
            for i, uid in enumerate(uids):
                chunk = junk[i * 4096 : (i + 1) * 4096]
                simulator.send_raw(chunk + b"\x03" + simulator.frame(uid))

        writer = threading.Thread(target=flood, name="flood-writer")
        writer.start()
        qtbot.waitUntil(lambda: len(reads) == len(uids), timeout=20_000)
        writer.join(10)
        probe.stop()
        elapsed = time.monotonic() - started
    finally:
        reader.stop()
    assert [r.value for r in reads] == uids
    # Functional, not a speed figure: the GUI thread kept running its timers throughout (a
    # quick flood may end before the timer ticks at all; then it cannot have stalled longer).
    worst = max(gaps, default=elapsed)
    assert worst < 0.5, f"GUI stalled for {worst * 1000:.0f} ms"
