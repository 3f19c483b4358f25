"""The simulator is a fake the rest of the project relies on, so it is tested itself."""

from __future__ import annotations

import os
import select
import termios

import pytest
import serial

from devices import pn532
from devices.pn532_frames import ACK, command, response
from devices.simulate import PtySimulator


def test_slave_is_a_raw_tty_that_pyserial_opens() -> None:
    with PtySimulator("rdm6300") as sim:
        assert os.path.exists(sim.path)
        with serial.Serial(sim.path, 9600, timeout=1, exclusive=True) as port:
            sim.present("62E3086CED", repeats=2)
            assert port.read(28) == b"\x0262E3086CED08\x03" * 2
            lflag = termios.tcgetattr(port.fileno())[3]
            assert not lflag & termios.ECHO


def test_reader_closing_does_not_hang_up_the_master() -> None:
    with PtySimulator("scanner") as sim:
        serial.Serial(sim.path, 9600, timeout=0.1).close()
        sim.send_raw(b"still writable\r")  # no EIO: the simulator holds the slave open
        with serial.Serial(sim.path, 9600, timeout=1) as port:
            sim.present("again")
            assert port.read(6) == b"again\r"


def test_close_makes_the_device_disappear() -> None:
    sim = PtySimulator("rdm6300")
    port = serial.Serial(sim.path, 9600, timeout=1)
    try:
        sim.close()
        sim.close()  # idempotent
        with pytest.raises(serial.SerialException):
            port.read(1)
        with pytest.raises(ValueError, match="closed"):
            sim.send_raw(b"x")
    finally:
        port.close()


def test_unknown_protocol_and_bad_values() -> None:
    with pytest.raises(KeyError):
        PtySimulator("em9999")
    with PtySimulator("rdm6300") as sim, pytest.raises(ValueError, match="hex digits"):
        sim.present("not a card")
    with PtySimulator("pn532") as sim:
        with pytest.raises(ValueError, match="4, 7 or 10"):
            sim.present("123")
        with pytest.raises(ValueError, match="unasked"):
            sim.frame("DEADBEEF")


def test_pn532_simulator_answers_the_host() -> None:
    with PtySimulator("pn532") as sim, serial.Serial(sim.path, 115200, timeout=1) as port:
        port.write(pn532.WAKE_UP + command(0x02))
        expected = ACK + response(0x03, bytes([0x32, 0x01, 0x06, 0x07]))
        got = b""
        while len(got) < len(expected) and select.select([port], [], [], 2)[0]:
            got += port.read(port.in_waiting or 1)
        assert got == expected
