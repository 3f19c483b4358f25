"""Barcode/QR scanners: every terminator mode, idle gaps, prefixes, encodings, STX/ETX."""

from __future__ import annotations

from typing import Any

import pytest

from devices.frames import FrameError, Read
from devices.scanner import ScannerParser, encode


def texts(results: list[Any]) -> list[str]:
    return [r.value for r in results if isinstance(r, Read)]


@pytest.mark.parametrize(
    ("terminator", "data", "expected"),
    [
        ("any", b"one\rtwo\nthree\r\nfour\tfive", ["one", "two", "three", "four"]),
        ("cr", b"a b\rc\nd\r", ["a b", "c\nd"]),
        ("lf", b"a\r\nb\n", ["a\r", "b"]),
        ("crlf", b"a\rb\r\nc\r\n", ["a\rb", "c"]),
        ("tab", b"a\nb\tc\t", ["a\nb", "c"]),
        ("none", b"abc\r\n", []),  # only silence ends a read
    ],
)
def test_terminators(terminator: str, data: bytes, expected: list[str]) -> None:
    assert texts(ScannerParser(terminator).feed(data)) == expected


def test_crlf_split_across_reads_is_one_terminator() -> None:
    parser = ScannerParser()
    assert texts(parser.feed(b"abc\r") + parser.feed(b"\ndef\r")) == ["abc", "def"]


def test_idle_gap_ends_data_sent_as_is() -> None:
    parser = ScannerParser("none", gap=0.05)
    assert parser.idle_gap == 0.05
    assert parser.feed(b"https://lab.example/i/") == []
    assert parser.feed(b"abc") == []
    assert texts(parser.flush_idle()) == ["https://lab.example/i/abc"]
    assert parser.buffered == 0
    assert parser.flush_idle() == []


def test_prefix_and_suffix_are_stripped_when_present() -> None:
    parser = ScannerParser(prefix="]Q1", suffix=b"#")
    assert texts(parser.feed(b"]Q1TOKEN#\rPLAIN\r")) == ["TOKEN", "PLAIN"]


def test_utf8_split_inside_a_character() -> None:
    data = "Työ 2.0 Lab – välkommen\r".encode()
    parser = ScannerParser()
    cut = data.index("ö".encode()) + 1
    assert texts(parser.feed(data[:cut]) + parser.feed(data[cut:])) == ["Työ 2.0 Lab – välkommen"]


def test_latin1_fallback() -> None:
    (read,) = ScannerParser().feed("Työ\r".encode("latin-1"))
    assert read == Read("text", "Työ", {"encoding": "latin-1"})


def test_stx_etx_payload_keeps_line_breaks() -> None:
    payload = "BEGIN:VCARD\r\nFN:Testi\r\nEND:VCARD"
    assert encode(payload) == b"\x02" + payload.encode() + b"\x03"
    assert texts(ScannerParser().feed(b"before\x02" + payload.encode() + b"\x03")) == [
        "before",
        payload,
    ]


def test_stx_frame_cut_by_silence_is_an_error() -> None:
    parser = ScannerParser()
    parser.feed(b"\x02half a pay")
    assert parser.flush_idle() == [FrameError("frame cut short")]
    assert texts(parser.feed(b"next\r")) == ["next"]


def test_too_long_is_dropped_up_to_its_end() -> None:
    parser = ScannerParser(max_length=10)
    out = parser.feed(b"0123456789A") + parser.feed(b"BCDEF\rok\r")
    assert out == [FrameError("scan too long"), Read("text", "ok")]
    assert parser.buffered == 0


def test_bad_options() -> None:
    with pytest.raises(ValueError, match="unknown terminator"):
        ScannerParser("semicolon")
    with pytest.raises(ValueError, match="gap"):
        ScannerParser(gap=0)
    with pytest.raises(ValueError, match="must end a read"):
        ScannerParser("none", gap=None, stx_etx=False)


def test_over_a_pty(simulator: Any, reader: Any) -> None:
    sim = simulator("scanner")
    _, rec = reader(sim.path, "scanner")
    sim.present("KIOSK1.eyJpZCI6MX0.sig")
    sim.send_raw("Päivää".encode())  # a scanner sending data as is: the gap ends it
    events = rec.wait_events(2)
    assert [(e.kind, e.value) for e in events] == [
        ("text", "KIOSK1.eyJpZCI6MX0.sig"),
        ("text", "Päivää"),
    ]


def test_repeated_scan_in_presentation_mode_is_one_event(simulator: Any, reader: Any) -> None:
    sim = simulator("scanner")
    _, rec = reader(sim.path, "scanner")
    sim.present("TICKET-1", repeats=10, interval=0.02)
    sim.present("TICKET-2")
    assert [e.value for e in rec.wait_events(2)] == ["TICKET-1", "TICKET-2"]
