"""Properties every parser must have: valid frames survive noise and arbitrary splits, and a
megabyte of junk never grows a buffer past one frame."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices import em4100, id12, pn532_frames, rdm6300, scanner, wiegand
from devices.frames import FrameError, Read
from devices.pn532 import Pn532Session
from devices.pn532_frames import Ack, Frame, FrameDecoder

# Per test, not a global profile: other packages' property tests keep their own settings.
PROPERTY = settings(max_examples=150, deadline=None)


def feed_split(parser: object, data: bytes, cuts: list[int]) -> list[object]:
    """Feed ``data`` cut at ``cuts`` (positions, any order, duplicates allowed)."""
    out: list[object] = []
    prev = 0
    for cut in sorted({c % (len(data) + 1) for c in cuts}):
        out += parser.feed(data[prev:cut])  # type: ignore[attr-defined]
        prev = cut
    out += parser.feed(data[prev:])  # type: ignore[attr-defined]
    return out


def reads(results: list[object]) -> list[str]:
    return [r.value for r in results if isinstance(r, Read)]


def interleave(frames: list[bytes], noise: list[bytes]) -> bytes:
    data = b""
    for i, frame in enumerate(frames):
        data += noise[i % len(noise)] if noise else b""
        data += frame
    return data + (noise[-1] if noise else b"")


cuts = st.lists(st.integers(min_value=0, max_value=10_000), max_size=12)
uids5 = st.binary(min_size=5, max_size=5)
# Noise without ETX can never complete a frame, so it can only cost frames, not invent them.
stx_noise = st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\x03", b"")), max_size=6)


@PROPERTY
@given(st.lists(uids5, min_size=1, max_size=8), stx_noise, cuts)
def test_rdm6300_frames_through_noise(uids: list[bytes], noise: list[bytes], at: list[int]) -> None:
    frames = [b"\x02" + em4100.encode_ascii(uid) + b"\x03" for uid in uids]
    got = feed_split(rdm6300.Rdm6300Parser(), interleave(frames, noise), at)
    assert reads(got) == [uid.hex().upper() for uid in uids]


@PROPERTY
@given(st.lists(uids5, min_size=1, max_size=8), stx_noise, cuts)
def test_id12_frames_through_noise(uids: list[bytes], noise: list[bytes], at: list[int]) -> None:
    frames = [b"\x02" + em4100.encode_ascii(uid) + b"\r\n\x03" for uid in uids]
    got = feed_split(id12.Id12Parser(), interleave(frames, noise), at)
    assert reads(got) == [uid.hex().upper() for uid in uids]


wiegand_cards = st.one_of(
    st.tuples(st.integers(0, 2**24 - 1), st.just(26)),
    st.tuples(st.integers(0, 2**32 - 1), st.just(34)),
)
# A noise line starts with "?" so it can never parse as a frame; it is always terminated.
wiegand_noise = st.lists(
    st.one_of(
        st.binary(max_size=80).map(lambda b: b"?" + b.replace(b"\r", b"").replace(b"\n", b"")),
        st.just(b""),
    ).flatmap(lambda line: st.sampled_from([line + b"\r\n", line + b"\n", line + b"\r"])),
    max_size=6,
)


@PROPERTY
@given(st.lists(wiegand_cards, min_size=1, max_size=8), wiegand_noise, cuts)
def test_wiegand_lines_through_noise(
    cards: list[tuple[int, int]], noise: list[bytes], at: list[int]
) -> None:
    frames = [
        f"{wiegand.make_frame(data, bits):0{7 if bits == 26 else 9}X}\r\n".encode()
        for data, bits in cards
    ]
    got = feed_split(wiegand.WiegandParser(), interleave(frames, noise), at)
    expected = [f"{data:0{6 if bits == 26 else 8}X}" for data, bits in cards]
    assert reads(got) == expected


scan_text = st.text(min_size=1, max_size=60).filter(
    lambda t: not any(c in t for c in "\r\n\t\x02\x03")
)
multi_line_text = st.text(min_size=1, max_size=60).filter(
    lambda t: "\x02" not in t and "\x03" not in t
)
scanner_noise = st.lists(st.sampled_from([b"\r", b"\n", b"\r\n", b"\t", b"\n\n"]), max_size=6)


@PROPERTY
@given(st.lists(st.one_of(scan_text, multi_line_text), min_size=1, max_size=8), scanner_noise, cuts)
def test_scanner_texts_through_noise(texts: list[str], noise: list[bytes], at: list[int]) -> None:
    frames = [scanner.encode(text) for text in texts]
    got = feed_split(scanner.ScannerParser(), interleave(frames, noise), at)
    # Multi-line texts travel in STX/ETX; a single line with only blanks would still be kept.
    assert reads(got) == texts


pn532_uids = st.integers(0, 2).flatmap(
    lambda i: st.binary(min_size=(4, 7, 10)[i], max_size=(4, 7, 10)[i])
)
# Without 0xFF, noise cannot contain a start code (00 FF) and so cannot form a frame.
pn532_noise = st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\xff", b"")), max_size=6)


def target_response(uid: bytes) -> bytes:
    return pn532_frames.response(0x4B, b"\x01\x01\x00\x04\x08" + bytes([len(uid)]) + uid)


@PROPERTY
@given(st.lists(pn532_uids, min_size=1, max_size=6), pn532_noise, cuts)
def test_pn532_frames_through_noise(uids: list[bytes], noise: list[bytes], at: list[int]) -> None:
    frames = []
    for uid in uids:
        frames += [pn532_frames.ACK, target_response(uid)]
    got = feed_split(FrameDecoder(), interleave(frames, noise), at)
    decoded = [g for g in got if not isinstance(g, FrameError)]
    expected: list[object] = []
    for uid in uids:
        expected += [Ack(), Frame(0xD5, b"\x4b\x01\x01\x00\x04\x08" + bytes([len(uid)]) + uid)]
    assert decoded == expected


@dataclass
class JunkCase:
    name: str
    make: Callable[[], object]
    bound: int
    frame: bytes
    value: str
    settle: bytes = b""  # what ends the junk: a line break for line protocols, STX is enough else


JUNK_CASES = [
    JunkCase("rdm6300", rdm6300.Rdm6300Parser, 12, rdm6300.encode("62E3086CED"), "62E3086CED"),
    JunkCase("id12", id12.Id12Parser, 14, id12.encode("62E3086CED"), "62E3086CED"),
    JunkCase("wiegand", wiegand.WiegandParser, 64, wiegand.encode("188,24910"), "BC614E", b"\r\n"),
    JunkCase("scanner", scanner.ScannerParser, 8192, scanner.encode("hello"), "hello"),
]

JUNKS = {
    "random": random.Random(1234).randbytes(1 << 20),
    # the worst case for STX/ETX framing: frame starts that never end
    "open-frames": (b"\x02" + b"A" * 1000) * 1024,
    "no-terminator": b"A" * (1 << 20),
}


@pytest.mark.parametrize("case", JUNK_CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("junk", list(JUNKS), ids=str)
def test_megabyte_of_junk_keeps_buffers_bounded(case: JunkCase, junk: str) -> None:
    parser = case.make()
    data = JUNKS[junk]
    for pos in range(0, len(data), 4096):
        parser.feed(data[pos : pos + 4096])  # type: ignore[attr-defined]
        assert parser.buffered <= case.bound  # type: ignore[attr-defined]
    # ...and it still reads the next real frame once the junk has ended (the line goes quiet).
    parser.flush_idle()  # type: ignore[attr-defined]
    tail = parser.feed(case.settle + case.frame)  # type: ignore[attr-defined]
    assert case.value in reads(tail)


@pytest.mark.parametrize("junk", list(JUNKS), ids=str)
def test_pn532_megabyte_of_junk(junk: str) -> None:
    session = Pn532Session()
    data = JUNKS[junk] + b"\x00\x00\xff\xff\xff\x01" + b"\x00" * 1000  # plus an unfinished start
    for pos in range(0, len(data), 4096):
        session.feed(data[pos : pos + 4096])
        assert session.buffered <= 7 + pn532_frames.MAX_DATA + 1
    decoder = FrameDecoder()
    for pos in range(0, len(data), 4096):
        decoder.feed(data[pos : pos + 4096])
        assert decoder.buffered <= 7 + pn532_frames.MAX_DATA + 1
    assert Ack() in decoder.feed(pn532_frames.ACK)
