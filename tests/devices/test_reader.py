"""SerialReader on real pseudo-terminals: reads, hold-off, bad frames, hot-plug, stopping."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import serial

from devices.events import ReaderStatus, ReadEvent
from devices.reader import SerialReader
from tests.devices.conftest import Recorder

CARD = "62E3086CED"
OTHER = "0000BC614E"


def ignore(_: object) -> None:
    pass


def test_read_event_carries_the_card_and_its_numbers(simulator: Any, reader: Any) -> None:
    sim = simulator("rdm6300")
    _, rec = reader(sim.path, "rdm6300", name="door-1")
    before = time.monotonic()
    sim.present(CARD)
    (event,) = rec.wait_events(1)
    assert event.kind == "badge"
    assert event.value == CARD
    assert event.reader == "door-1"
    assert event.protocol == "rdm6300"
    assert event.extra == {"number": "3808980205", "facility": "008,27885"}
    assert before <= event.at <= time.monotonic()


def test_held_card_is_one_event(simulator: Any, reader: Any) -> None:
    sim = simulator("rdm6300")
    _, rec = reader(sim.path, "rdm6300")  # default hold-off 1.0 s
    sim.present(CARD, repeats=20, interval=0.05)  # ~1 s in the field, like the module repeats
    sim.present(OTHER)  # a different card is reported at once, and marks the end of the stream
    rec.wait_events(2)
    assert [e.value for e in rec.events] == [CARD, OTHER]


def test_card_held_longer_than_hold_off_is_still_one_event(simulator: Any, reader: Any) -> None:
    sim = simulator("rdm6300")
    _, rec = reader(sim.path, "rdm6300", hold_off=0.2)  # the window slides with each repeat
    sim.present(CARD, repeats=12, interval=0.05)  # 0.55 s, well past the 0.2 s hold-off
    sim.present(OTHER)
    rec.wait_events(2)
    assert [e.value for e in rec.events] == [CARD, OTHER]


def test_two_taps_further_apart_than_hold_off_are_two_events(simulator: Any, reader: Any) -> None:
    sim = simulator("rdm6300")
    _, rec = reader(sim.path, "rdm6300", hold_off=0.2)
    sim.present(CARD, repeats=3, interval=0.02)
    first = rec.wait_events(1)[0]
    time.sleep(0.3)  # the card is away for longer than the hold-off (the scenario, not a wait)
    sim.present(CARD, repeats=3, interval=0.02)
    events = rec.wait_events(2)
    assert [e.value for e in events] == [CARD, CARD]
    assert events[1].at - first.at > 0.2


def test_bad_frames_are_dropped_and_counted(simulator: Any, reader: Any) -> None:
    sim = simulator("rdm6300")
    r, rec = reader(sim.path, "rdm6300", status_interval=0.0)
    sim.send_raw(b"\x0262E3086CED09\x03")  # wrong checksum
    sim.present(CARD)
    rec.wait_events(1)
    assert [e.reason for e in rec.errors] == ["checksum mismatch"]
    assert r.status.bad_frames == 1
    rec.wait_for(lambda: rec.statuses[-1].bad_frames == 1)
    assert rec.statuses[-1].error == "bad frame: checksum mismatch"
    assert CARD not in str(rec.statuses)


def test_callbacks_that_raise_do_not_kill_the_thread(simulator: Any) -> None:
    sim = simulator("rdm6300")
    seen: list[ReadEvent] = []
    done = threading.Event()
    connected = threading.Event()

    def on_event(event: ReadEvent) -> None:
        seen.append(event)
        if len(seen) == 2:
            done.set()
        raise RuntimeError("bug in a consumer")

    def on_status(status: ReaderStatus) -> None:
        if status.state == "connected":
            connected.set()
        raise RuntimeError("another bug")

    r = SerialReader("t", sim.path, "rdm6300", on_event=on_event, on_status=on_status)
    r.start()
    try:
        assert connected.wait(5)
        sim.present(CARD)
        sim.present(OTHER)
        assert done.wait(5)
    finally:
        r.stop()
    assert r.status.state == "stopped"


def test_missing_port_is_reconnecting_until_it_appears(
    simulator: Any, reader: Any, tmp_path: Path
) -> None:
    link = tmp_path / "ttyRFID"
    _, rec = reader(str(link), "rdm6300", wait_connected=False)
    rec.wait_state("reconnecting")
    assert "No such file" in (rec.statuses[0].error or "")
    sim = simulator("rdm6300")
    link.symlink_to(sim.path)
    rec.wait_state("connected")
    sim.present(CARD)
    assert rec.wait_events(1)[0].value == CARD


def test_unplug_and_replug(simulator: Any, reader: Any, tmp_path: Path) -> None:
    link = tmp_path / "ttyRFID"
    first = simulator("rdm6300")
    link.symlink_to(first.path)
    _, rec = reader(str(link), "rdm6300")
    first.present(CARD)
    rec.wait_events(1)

    link.unlink()  # unplug: the device node goes away and the reader's port dies
    first.close()
    rec.wait_state("reconnecting")

    second = simulator("rdm6300")  # replug, possibly under another pty number
    link.symlink_to(second.path)
    rec.wait_state("connected", occurrence=2)
    second.present(OTHER)
    assert [e.value for e in rec.wait_events(2)] == [CARD, OTHER]
    states = rec.states()
    first_reconnect = states.index("reconnecting")
    assert states[0] == "connected"
    assert "connected" in states[first_reconnect:]


def test_port_is_opened_exclusively(simulator: Any, reader: Any) -> None:
    sim = simulator("rdm6300")
    opened: list[dict[str, Any]] = []

    def factory(**kwargs: Any) -> serial.Serial:
        opened.append(kwargs)
        return serial.Serial(**kwargs)

    reader(sim.path, "rdm6300", serial_factory=factory)
    assert opened[0]["exclusive"] is True
    assert opened[0]["baudrate"] == 9600
    assert opened[0]["timeout"] <= 0.1

    # A second reader (another kiosk process, say) cannot steal the port: it needs a person.
    _, rec2 = reader(sim.path, "rdm6300", wait_connected=False, name="intruder")
    rec2.wait_state("failed")
    assert "lock" in (rec2.statuses[0].error or "")


def test_stop_is_prompt_and_reports_stopped(simulator: Any) -> None:
    sim = simulator("rdm6300")
    rec = Recorder()
    r = SerialReader("t", sim.path, "rdm6300", on_event=rec.on_event, on_status=rec.on_status)
    r.start()
    rec.wait_state("connected")
    started = time.monotonic()
    r.stop()
    assert time.monotonic() - started < 0.5
    assert r.status.state == "stopped"
    assert rec.states()[-1] == "stopped"


def test_stop_interrupts_the_backoff(tmp_path: Path) -> None:
    rec = Recorder()
    r = SerialReader(
        "t",
        str(tmp_path / "absent"),
        "rdm6300",
        on_event=rec.on_event,
        on_status=rec.on_status,
        backoff_initial=5.0,
    )
    r.start()
    rec.wait_state("reconnecting")
    started = time.monotonic()
    r.stop()
    assert time.monotonic() - started < 0.5


def test_unknown_protocol_fails_at_construction() -> None:
    with pytest.raises(KeyError, match="unknown reader protocol"):
        SerialReader("t", "/dev/null", "nope", on_event=ignore, on_status=ignore)


def test_start_twice_is_an_error(tmp_path: Path) -> None:
    r = SerialReader("t", str(tmp_path / "x"), "rdm6300", on_event=ignore, on_status=ignore)
    r.start()
    try:
        with pytest.raises(RuntimeError, match="already started"):
            r.start()
    finally:
        r.stop()


def test_stop_before_start() -> None:
    r = SerialReader("t", "/dev/null", "rdm6300", on_event=ignore, on_status=ignore)
    r.stop()
    assert r.status.state == "stopped"


def test_log_never_contains_the_card(simulator: Any, reader: Any, caplog: Any) -> None:
    caplog.set_level("DEBUG", logger="devices")
    sim = simulator("rdm6300")
    _, rec = reader(sim.path, "rdm6300")
    sim.present(CARD)
    sim.send_raw(b"\x0262E3086CED09\x03")
    rec.wait_events(1)
    rec.wait_for(lambda: len(rec.errors) == 1)
    assert CARD not in caplog.text
    assert "3808980205" not in caplog.text


def test_read_is_delivered_promptly(simulator: Any, reader: Any) -> None:
    """A benchmark-style figure rather than a timing assertion: prints the latency."""
    sim = simulator("rdm6300")
    _, rec = reader(sim.path, "rdm6300")
    sent = time.monotonic()
    sim.present(CARD)
    event = rec.wait_events(1)[0]
    print(f"read latency {1000 * (event.at - sent):.2f} ms")


def test_parser_factory_carries_protocol_options(simulator: Any, reader: Any) -> None:
    from devices.scanner import ScannerParser

    sim = simulator("scanner")
    _, rec = reader(
        sim.path, "scanner", parser_factory=lambda: ScannerParser("tab", prefix="]Q1", gap=None)
    )
    sim.send_raw(b"]Q1first\tsecond\r\nline\t")
    assert [e.value for e in rec.wait_events(2)] == ["first", "second\r\nline"]


def test_invalid_setting_is_failed_not_reconnecting(simulator: Any, reader: Any) -> None:
    sim = simulator("rdm6300")
    _, rec = reader(sim.path, "rdm6300", baud=-5, wait_connected=False)
    rec.wait_state("failed")


def test_stop_from_a_callback_does_not_deadlock(simulator: Any) -> None:
    sim = simulator("rdm6300")
    rec = Recorder()
    holder: list[SerialReader] = []

    def on_event(event: ReadEvent) -> None:
        rec.on_event(event)
        holder[0].stop()

    r = SerialReader("t", sim.path, "rdm6300", on_event=on_event, on_status=rec.on_status)
    holder.append(r)
    r.start()
    try:
        rec.wait_state("connected")
        sim.present(CARD)
        rec.wait_state("stopped")
    finally:
        r.stop()


def test_a_noisy_badge_line_is_reported_once_and_its_checked_frames_still_pass(
    simulator: Any, reader: Any
) -> None:
    sim = simulator("rdm6300")
    r, rec = reader(sim.path, "rdm6300", flood_limit=5, flood_window=30.0)
    for _ in range(200):  # two hundred runs of noise, each ended by a checked frame
        sim.send_raw(b"\x02" + b"\xff" * 20 + b"\x03")  # too long: one bad frame each
    sim.present(CARD)
    rec.wait_events(1)
    rec.wait_for(lambda: r.status.bad_frames == 200)
    assert rec.entered("noisy") == 1
    assert len(rec.errors) == 4  # the callback sees frames up to the one that made it noisy
    assert r.status.error == "noise on the line: text reads dropped until it stops"
    assert [e.value for e in rec.events] == [CARD]


def test_a_noisy_scanner_drops_text_until_it_calms_down(simulator: Any, reader: Any) -> None:
    sim = simulator("scanner")
    _, rec = reader(sim.path, "scanner", flood_limit=5, flood_window=1.0)
    sim.send_raw(b"".join(f"junk {i}\r".encode() for i in range(500)))
    rec.wait_state("noisy")
    rec.wait_state("connected", occurrence=2)  # quiet for the window: calm again
    sim.present("AFTER")
    rec.wait_for(lambda: bool(rec.events) and rec.events[-1].value == "AFTER")
    assert [e.value for e in rec.events] == [f"junk {i}" for i in range(4)] + ["AFTER"]
    assert rec.entered("noisy") == 1


def test_flood_settings_are_checked_when_the_reader_is_made() -> None:
    with pytest.raises(ValueError, match="flood guard"):
        SerialReader("x", "/dev/null", "scanner", on_event=ignore, on_status=ignore, flood_limit=1)


def test_many_checked_badge_reads_do_not_make_a_reader_noisy(simulator: Any, reader: Any) -> None:
    sim = simulator("rdm6300")
    _, rec = reader(sim.path, "rdm6300", flood_limit=5, flood_window=30.0)
    cards = [f"{0xA200000000 + i:010X}" for i in range(20)]
    sim.send_raw(b"".join(sim.frame(card) for card in cards))
    rec.wait_events(20)
    sim.send_raw(b"\x02" + b"\xff" * 20 + b"\x03")  # one bad frame: seen, not yet noisy
    rec.wait_for(lambda: len(rec.errors) == 1)
    assert [e.value for e in rec.events] == cards
    assert "noisy" not in rec.states()


def test_a_noisy_reader_unplugged_says_so(
    simulator: Any, reader: Any, caplog: pytest.LogCaptureFixture
) -> None:
    sim = simulator("scanner")
    _, rec = reader(sim.path, "scanner", flood_limit=5, flood_window=30.0, name="qr")
    caplog.set_level(logging.INFO, logger="devices.reader")
    sim.send_raw(b"".join(f"junk {i}\r".encode() for i in range(50)))
    rec.wait_state("noisy")
    sim.close()
    rec.wait_state("reconnecting")
    said = [r.getMessage() for r in caplog.records]
    assert said[0].startswith("reader qr noisy: 5 text reads or bad frames within 30.0 s")
    assert said[1].startswith("reader qr reconnecting: ")
