"""A reader spewing noise must not stall the GUI or delay other readers; real reads get through."""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from devices import flood
from devices.events import ReaderStatus, ReadEvent
from devices.reader import NOISY_ERROR, SerialReader
from devices.simulate import PtySimulator
from kiosk.views.screens import ReaderState
from ui.runtime.bridge import ThreadBridge
from ui.runtime.status import StatusModel


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
        qtbot.waitUntil(lambda: "connected" in states, timeout=15_000)
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


CARD = "62E3086CED"


def test_junk_on_a_scanner_neither_floods_the_kiosk_nor_delays_a_badge(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    """2 MB of random bytes on a scanner while a badge is tapped on another reader.

    The bound: fewer than ``flood.LIMIT`` junk reads reach the GUI per noisy episode (each would
    be one refused scan and one log line in a kiosk), the reader itself logs two lines per
    episode, and a valid scan is read once the junk stops.
    """
    bridge = ThreadBridge()
    reads: list[ReadEvent] = []
    states: list[tuple[str, str]] = []
    bridge.read.connect(reads.append)
    bridge.reader_status.connect(lambda s: states.append((s.reader, s.state)))
    model = StatusModel(["qr", "badge"])  # what the status strip and the heartbeat read
    heartbeats: list[dict[str, str | None]] = []
    bridge.reader_status.connect(
        lambda s: heartbeats.append(model.apply_reader(s) and model.heartbeat()["readers"]["qr"])
    )
    junk = random.Random(17).randbytes(2 << 20)
    half = threading.Event()
    tapped = threading.Event()

    def write_junk(sim: PtySimulator) -> None:
        sim.send_raw(junk[: len(junk) // 2])
        half.set()
        tapped.wait(10)  # the tap is sent while the rest of the junk is still to come
        sim.send_raw(junk[len(junk) // 2 :])

    with PtySimulator("scanner") as scan_sim, PtySimulator("rdm6300") as badge_sim:
        readers = [
            SerialReader(
                name,
                sim.path,
                sim.protocol,
                on_event=bridge.on_read,
                on_status=bridge.on_reader_status,
            )
            for name, sim in (("qr", scan_sim), ("badge", badge_sim))
        ]
        for r in readers:
            r.start()
        try:
            qtbot.waitUntil(lambda: len(set(states)) == 2, timeout=15_000)  # both connected
            caplog.set_level(logging.DEBUG)
            caplog.clear()
            writer = threading.Thread(target=write_junk, args=(scan_sim,), name="junk-writer")
            writer.start()
            qtbot.waitUntil(half.is_set, timeout=20_000)
            badge_sim.present(CARD)
            tapped.set()
            qtbot.waitUntil(lambda: any(r.reader == "badge" for r in reads), timeout=10_000)
            writer.join(20)
            assert not writer.is_alive()
            qtbot.waitUntil(lambda: states[-1] == ("qr", "connected"), timeout=20_000)
            scan_sim.present("LAB-AFTER-THE-FLOOD")
            qtbot.waitUntil(lambda: reads[-1].value == "LAB-AFTER-THE-FLOOD", timeout=10_000)
            logged = [r for r in caplog.records if "reader qr" in r.getMessage()]
        finally:
            for r in readers:
                r.stop()

    assert [r.value for r in reads if r.reader == "badge"] == [CARD]
    qr = [state for reader, state in states if reader == "qr"]
    episodes = [s for i, s in enumerate(qr) if s == "noisy" and qr[i - 1 : i] != ["noisy"]]
    assert len(episodes) == 1, states
    assert {"state": "noisy", "error": NOISY_ERROR} in heartbeats
    assert model.current.readers[0] == ReaderState("qr", "connected")
    junk_reads = [r for r in reads if r.reader == "qr"][:-1]
    assert len(junk_reads) < flood.LIMIT
    said = [(r.levelname, r.getMessage()) for r in logged if r.levelno >= logging.INFO]
    assert [level for level, _ in said] == ["WARNING", "INFO"]
    assert "reader qr noisy" in said[0][1]
    assert "reader qr calm again" in said[1][1]
    assert len(logged) <= 2 + flood.LIMIT  # and a debug line per read that got through
