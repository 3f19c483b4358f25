"""ID-12LA / ID-20LA: STX, 10+2 hex, CR LF, ETX; framed by STX/ETX, not by lines."""

from __future__ import annotations

from typing import Any

from devices.frames import FrameError, Read
from devices.id12 import Id12Parser, encode

FRAME = b"\x02" + b"62E3086CED08" + b"\r\n" + b"\x03"


def test_frame() -> None:
    assert encode("62E3086CED") == FRAME
    assert Id12Parser().feed(FRAME) == [
        Read("badge", "62E3086CED", {"number": "3808980205", "facility": "008,27885"})
    ]


def test_line_breaks_do_not_frame() -> None:
    parser = Id12Parser()
    # The CR LF inside the frame is part of it; a bare line without STX/ETX is noise.
    out = parser.feed(b"62E3086CED08\r\n" + FRAME[:8]) + parser.feed(FRAME[8:])
    assert out == [
        FrameError("bytes outside a frame"),
        Read("badge", "62E3086CED", {"number": "3808980205", "facility": "008,27885"}),
    ]


def test_missing_crlf_and_bad_checksum() -> None:
    assert Id12Parser().feed(b"\x0262E3086CED08\x03") == [FrameError("missing CR LF")]
    assert Id12Parser().feed(b"\x0262E3086CED00\r\n\x03") == [FrameError("checksum mismatch")]


def test_over_a_pty(simulator: Any, reader: Any) -> None:
    sim = simulator("id12")
    _, rec = reader(sim.path, "id12")
    sim.present("62E3086CED", repeats=5)
    sim.present("188,24910")
    events = rec.wait_events(2)
    assert [e.value for e in events] == ["62E3086CED", "0000BC614E"]
    assert {e.protocol for e in events} == {"id12"}
