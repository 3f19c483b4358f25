"""Wiegand converters: parity of 26- and 34-bit frames, line formats, end to end."""

from __future__ import annotations

from typing import Any

import pytest

from devices.frames import FrameError, Read
from devices.wiegand import WiegandParser, check_frame, decode_line, encode, make_frame

# 26-bit H10301, facility 1, card 1, written out bit by bit:
#   P | 0000 0001 | 0000 0000 0000 0001 | P
#   even parity over the first 12 data bits (one 1) -> 1; odd over the last 12 (one 1) -> 0
BITS_26 = "1" + "00000001" + "0000000000000001" + "0"
# 34-bit, data 0x00BC614E (EM serial 0012345678):
#   first 16 data bits 0000 0000 1011 1100 (five 1s) -> even parity 1
#   last 16 data bits 0110 0001 0100 1110 (seven 1s) -> odd parity 0
BITS_34 = "1" + "0000000010111100" + "0110000101001110" + "0"


def test_26_bit_reference_frame() -> None:
    raw = int(BITS_26, 2)
    assert raw == 0x2020002
    assert make_frame(0x010001, 26) == raw
    assert check_frame(raw, 26) == Read(
        "badge", "010001", {"bits": "26", "facility": "001,00001", "number": "00001"}
    )


def test_34_bit_reference_frame() -> None:
    raw = int(BITS_34, 2)
    assert make_frame(0x00BC614E, 34) == raw
    read = check_frame(raw, 34)
    assert isinstance(read, Read)
    assert read.value == "00BC614E"
    assert read.extra["number"] == "0012345678"
    assert read.extra["facility"] == "188,24910"


@pytest.mark.parametrize("bit", range(26))
def test_any_single_bit_error_in_26_bits_is_caught(bit: int) -> None:
    raw = int(BITS_26, 2) ^ (1 << bit)
    assert isinstance(check_frame(raw, 26), FrameError)


@pytest.mark.parametrize("bit", range(34))
def test_any_single_bit_error_in_34_bits_is_caught(bit: int) -> None:
    assert isinstance(check_frame(int(BITS_34, 2) ^ (1 << bit), 34), FrameError)


@pytest.mark.parametrize(
    "line",
    [
        "2020002",  # 7 hex digits: 26 bits
        "W26:2020002",
        "w26: 0x2020002",
        "26,2020002h",
        "Wiegand26=33685506",  # decimal with a tag
        "33685506",  # 8 decimal digits: 26 bits
        "0x2020002",
    ],
)
def test_26_bit_line_formats(line: str) -> None:
    read = decode_line(line)
    assert isinstance(read, Read)
    assert read.value == "010001"


@pytest.mark.parametrize("line", ["W34:20178C29C", "20178C29C", "08614625948", "34 8614625948"])
def test_34_bit_line_formats(line: str) -> None:
    # 0x20178C29C is BITS_34 in hex, 8614625948 the same in decimal (11 digits when padded)
    assert int(BITS_34, 2) == 0x20178C29C == 8614625948
    read = decode_line(line)
    assert isinstance(read, Read)
    assert read.value == "00BC614E"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("W26:2020003", "odd parity mismatch"),
        ("W26:4020002", "value too large for 26 bits"),
        ("W26:0020002", "even parity mismatch"),
        ("card 12", "not a Wiegand line"),
        ("W37:1", "not a Wiegand line"),
    ],
)
def test_bad_lines(line: str, reason: str) -> None:
    assert decode_line(line) == FrameError(reason)


def test_parser_lines_and_limits() -> None:
    parser = WiegandParser()
    out = parser.feed(b"\r\nW26:20") + parser.feed(b"20002\r\n" + b"9" * 100 + b"\n\xff\xfe\n")
    assert out == [
        Read("badge", "010001", {"bits": "26", "facility": "001,00001", "number": "00001"}),
        FrameError("line too long"),
        FrameError("not a Wiegand line"),
    ]
    assert parser.buffered == 0


def test_forced_bit_count() -> None:
    # an unpadded decimal that would look like 26 bits, from a converter set to 34-bit mode
    raw = make_frame(0x0000BEEF, 34)
    assert raw < 1 << 26
    assert WiegandParser(bits=34).feed(b"%d\n" % raw)[0] == check_frame(raw, 34)
    with pytest.raises(ValueError, match="26 or 34"):
        WiegandParser(bits=37)


def test_encode_for_the_simulator() -> None:
    assert encode("1,1") == b"2020002\r\n"
    assert encode("010001") == b"2020002\r\n"
    assert encode("0012345678") == b"20178C29C\r\n"


def test_over_a_pty(simulator: Any, reader: Any) -> None:
    sim = simulator("wiegand")
    _, rec = reader(sim.path, "wiegand")
    sim.present("188,24910", repeats=3)
    sim.send_raw(b"W26:2020003\r\n")  # parity error: dropped
    sim.present("0012345678")
    events = rec.wait_events(2)
    assert [e.value for e in events] == ["BC614E", "00BC614E"]
    assert rec.errors == [FrameError("odd parity mismatch")]
