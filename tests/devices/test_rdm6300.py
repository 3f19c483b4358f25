"""RDM6300: datasheet frames through the parser, and end to end over a pseudo-terminal."""

from __future__ import annotations

from typing import Any

from devices.frames import FrameError, Read
from devices.rdm6300 import Rdm6300Parser, encode

# RDM630 datasheet example, as the module sends it: STX "62E3086CED" "08" ETX
DATASHEET_FRAME = b"\x02" + b"62E3086CED08" + b"\x03"


def test_datasheet_frame() -> None:
    assert Rdm6300Parser().feed(DATASHEET_FRAME) == [
        Read("badge", "62E3086CED", {"number": "3808980205", "facility": "008,27885"})
    ]


def test_encode_matches_the_datasheet() -> None:
    assert encode("62E3086CED") == DATASHEET_FRAME
    assert encode("0012345678") == b"\x020000BC614E" + b"%02X" % (0xBC ^ 0x61 ^ 0x4E) + b"\x03"


def test_byte_by_byte() -> None:
    parser = Rdm6300Parser()
    out = [r for b in DATASHEET_FRAME * 2 for r in parser.feed(bytes([b]))]
    assert [r.value for r in out if isinstance(r, Read)] == ["62E3086CED"] * 2
    assert parser.buffered == 0


def test_errors_and_resync() -> None:
    parser = Rdm6300Parser()
    out = parser.feed(
        b"\x0262E30"  # cut short by the next STX (card left the field mid-frame)
        + b"\x0262E3086CED09\x03"  # bad checksum
        + b"\xff\xfe"  # line noise
        + b"\x0262E3086CED0812\x03"  # too long
        + DATASHEET_FRAME
    )
    assert out == [
        FrameError("frame cut short"),
        FrameError("checksum mismatch"),
        FrameError("bytes outside a frame"),
        FrameError("frame too long"),
        Read("badge", "62E3086CED", {"number": "3808980205", "facility": "008,27885"}),
    ]


def test_over_a_pty(simulator: Any, reader: Any) -> None:
    sim = simulator("rdm6300")
    _, rec = reader(sim.path, "rdm6300")
    sim.send_raw(DATASHEET_FRAME[:5])
    sim.send_raw(DATASHEET_FRAME[5:] + b"\x02\x41")  # a frame split over two writes, then junk
    sim.present("0012345678")
    events = rec.wait_events(2)
    assert [(e.value, e.extra["number"]) for e in events] == [
        ("62E3086CED", "3808980205"),
        ("0000BC614E", "0012345678"),
    ]
    assert events[1].extra["facility"] == "188,24910"
