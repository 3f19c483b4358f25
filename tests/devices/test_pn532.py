"""PN532 over HSU: frame vectors from the user manual, the polling driver, and a simulated chip
answering over a pseudo-terminal."""

from __future__ import annotations

from typing import Any

import pytest

from devices import pn532
from devices.frames import FrameError, Read
from devices.pn532 import Pn532Session, parse_targets
from devices.pn532_frames import (
    ACK,
    ERROR_FRAME,
    NACK,
    Ack,
    ApplicationError,
    Frame,
    FrameDecoder,
    Nack,
    command,
    encode,
    response,
)
from devices.pn532_sim import Pn532Emulator, card_uid
from tests.devices.conftest import WAIT
from tests.helpers import wait_for

# Frames as printed in the PN532 user manual / seen on the wire (checksums verified below by
# hand: LEN + LCS = 0x100, TFI + data + DCS = 0x100 modulo 256).
GET_FIRMWARE_VERSION = bytes.fromhex("0000FF02FED4022A00")  # D4+02 = D6, DCS 2A
FIRMWARE_RESPONSE = bytes.fromhex("0000FF06FAD50332010607E800")  # 118 -> DCS E8
SAM_CONFIGURATION = bytes.fromhex("0000FF05FBD414011401 0200".replace(" ", ""))  # FE -> 02
IN_LIST_PASSIVE_TARGET = bytes.fromhex("0000FF04FCD44A0100E100")  # 11F -> E1
# A MIFARE Classic 1K (ATQA 00 04, SAK 08) with UID DE AD BE EF:
# LEN 0C (D5 4B 01 01 00 04 08 04 + 4), LCS F4; sum = D5+4B+01+01+00+04+08+04+DE+AD+BE+EF
CLASSIC_RESPONSE = bytes.fromhex("0000FF0CF4D54B0101000408 04DEADBEEF 9600".replace(" ", ""))


class FakePort:
    """Implements the Driver's Port interface: records what the driver writes."""

    def __init__(self) -> None:
        self.written: list[bytes] = []

    def write(self, data: bytes, /) -> int:
        self.written.append(bytes(data))
        return len(data)


def test_manual_vectors() -> None:
    assert command(0x02) == GET_FIRMWARE_VERSION
    assert command(0x14, bytes([0x01, 0x14, 0x01])) == SAM_CONFIGURATION
    assert command(0x4A, bytes([0x01, 0x00])) == IN_LIST_PASSIVE_TARGET
    assert response(0x03, bytes([0x32, 0x01, 0x06, 0x07])) == FIRMWARE_RESPONSE
    assert (0xD5 + 0x4B + 1 + 1 + 0 + 4 + 8 + 4 + 0xDE + 0xAD + 0xBE + 0xEF + 0x96) % 256 == 0
    assert response(0x4B, bytes.fromhex("0101000408 04DEADBEEF".replace(" ", ""))) == (
        CLASSIC_RESPONSE
    )
    assert list(ACK) == [0, 0, 0xFF, 0, 0xFF, 0]
    assert list(NACK) == [0, 0, 0xFF, 0xFF, 0, 0]
    assert list(ERROR_FRAME) == [0, 0, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0]


def test_decoder_frame_kinds() -> None:
    out = FrameDecoder().feed(ACK + NACK + ERROR_FRAME + FIRMWARE_RESPONSE)
    assert out == [Ack(), Nack(), ApplicationError(), Frame(0xD5, bytes.fromhex("0332010607"))]


def test_extended_frame_round_trip() -> None:
    data = bytes(range(256)) + bytes(7)
    frame = encode(0xD5, data)
    assert frame[:5] == bytes([0, 0, 0xFF, 0xFF, 0xFF])
    assert FrameDecoder().feed(frame) == [Frame(0xD5, data)]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda f: f[:4] + bytes([f[4] ^ 1]) + f[5:], "length checksum mismatch"),
        (lambda f: f[:-2] + bytes([f[-2] ^ 1]) + f[-1:], "data checksum mismatch"),
        (lambda f: f[:3] + b"\x00\x00" + f[5:], None),  # LEN 0 / LCS 0: skipped as noise
    ],
)
def test_decoder_rejects_and_resyncs(damage: Any, reason: str | None) -> None:
    out = FrameDecoder().feed(damage(FIRMWARE_RESPONSE) + FIRMWARE_RESPONSE)
    assert out[-1] == Frame(0xD5, bytes.fromhex("0332010607"))
    if reason:
        assert FrameError(reason) in out


def test_decoder_keeps_a_half_start_code() -> None:
    decoder = FrameDecoder()
    assert decoder.feed(b"\x12\x34\x00") == [FrameError("bytes outside a frame")]
    assert decoder.buffered == 1
    assert decoder.feed(b"\xff\x00\xff\x00") == [Ack()]


@pytest.mark.parametrize(
    ("params", "uid"),
    [
        ("01 01 0004 08 04 DEADBEEF", "DEADBEEF"),  # MIFARE Classic 1K
        ("01 01 0044 00 07 04A1B2C3D4E5F6", "04A1B2C3D4E5F6"),  # Ultralight / NTAG
        ("01 01 0084 00 0A 0102030405060708090A", "0102030405060708090A"),  # triple size
        # DESFire EV1: SAK 20 (ISO 14443-4), so an ATS follows the UID and is skipped
        ("01 01 0344 20 07 04112233445566 06757781028002", "04112233445566"),
    ],
)
def test_targets(params: str, uid: str) -> None:
    (read,) = parse_targets(bytes.fromhex(params.replace(" ", "")))
    assert isinstance(read, Read)
    assert read.value == uid
    assert read.extra["uid_length"] == str(len(uid) // 2)


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ("01 01 0004 08 05 DEADBEEF00", "unexpected UID length"),
        ("01 01 0004 08 04 DEAD", "target data cut short"),
        ("01 01 00", "target data cut short"),
        ("", "empty target list"),
    ],
)
def test_bad_targets(params: str, reason: str) -> None:
    assert parse_targets(bytes.fromhex(params.replace(" ", ""))) == [FrameError(reason)]


def test_no_target_is_no_read() -> None:
    assert parse_targets(b"\x00") == []


def drive_to_polling(session: Pn532Session, port: FakePort) -> float:
    """Run the setup exchange; returns the time reached."""
    session.on_open(port, 0.0)
    assert port.written[0].startswith(pn532.WAKE_UP)
    assert port.written[0].endswith(SAM_CONFIGURATION)
    assert session.feed(ACK + response(0x15)) == []
    session.poll(port, 0.01)
    assert port.written[1] == command(0x32, pn532.RF_MAX_RETRIES)
    assert session.feed(ACK) + session.feed(response(0x33)) == []
    session.poll(port, 0.02)
    assert port.written[2] == IN_LIST_PASSIVE_TARGET
    assert session.polling
    return 0.02


def test_driver_setup_and_polling() -> None:
    session, port = Pn532Session(poll_interval=0.1), FakePort()
    now = drive_to_polling(session, port)
    assert session.feed(ACK + CLASSIC_RESPONSE) == [Read("badge", "DEADBEEF", {"uid_length": "4"})]
    session.poll(port, now + 0.01)
    assert len(port.written) == 3  # waits the poll interval before asking again
    session.poll(port, now + 0.12)
    assert port.written[3] == IN_LIST_PASSIVE_TARGET


@pytest.mark.parametrize("cut", range(len(ACK + CLASSIC_RESPONSE) + 1))
def test_ack_and_response_split_anywhere(cut: int) -> None:
    session, port = Pn532Session(), FakePort()
    drive_to_polling(session, port)
    data = ACK + CLASSIC_RESPONSE
    out = session.feed(data[:cut]) + session.feed(data[cut:])
    assert out == [Read("badge", "DEADBEEF", {"uid_length": "4"})]


def test_silent_chip_is_woken_again() -> None:
    session, port = Pn532Session(answer_timeout=1.0), FakePort()
    session.on_open(port, 0.0)
    assert session.poll(port, 0.5) == []
    assert session.poll(port, 1.1) == [FrameError("no answer from the PN532")]
    assert port.written[-1].startswith(pn532.WAKE_UP)


def test_nack_resends_and_error_frame_restarts() -> None:
    session, port = Pn532Session(), FakePort()
    now = drive_to_polling(session, port)
    assert session.feed(NACK) == []
    session.poll(port, now)
    assert port.written[-1] == IN_LIST_PASSIVE_TARGET
    assert session.feed(ACK + ERROR_FRAME) == [FrameError("PN532 reported an error")]
    assert not session.polling
    session.poll(port, now)
    assert port.written[-1].startswith(pn532.WAKE_UP)


def test_unexpected_response_is_a_bad_frame() -> None:
    session, port = Pn532Session(), FakePort()
    drive_to_polling(session, port)
    assert session.feed(FIRMWARE_RESPONSE) == [FrameError("unexpected response")]


def test_emulator_answers_like_the_chip() -> None:
    emulator = Pn532Emulator()
    assert emulator.handle(pn532.WAKE_UP + GET_FIRMWARE_VERSION) == ACK + FIRMWARE_RESPONSE
    assert emulator.handle(IN_LIST_PASSIVE_TARGET) == ACK + response(0x4B, b"\x00")
    emulator.present(card_uid("DE:AD:BE:EF"), polls=2)
    assert emulator.handle(IN_LIST_PASSIVE_TARGET) == ACK + CLASSIC_RESPONSE
    assert emulator.handle(NACK) == CLASSIC_RESPONSE  # "say that again"
    assert emulator.handle(IN_LIST_PASSIVE_TARGET) == ACK + CLASSIC_RESPONSE
    assert not emulator.card_in_field
    assert emulator.handle(command(0x60)) == ACK + ERROR_FRAME
    with pytest.raises(ValueError, match="4, 7 or 10"):
        card_uid("0102030405")


def test_over_a_pty(simulator: Any, reader: Any) -> None:
    sim = simulator("pn532")
    _, rec = reader(sim.path, "pn532")
    sim.present("04A1B2C3D4E5F6", repeats=10)  # on the reader for ten polls: one presentation
    wait_for(
        lambda: not sim.emulator.card_in_field, WAIT, "the first card to leave", interval=0.005
    )
    sim.present("DEADBEEF", repeats=3)
    events = rec.wait_events(2)
    assert [(e.value, e.protocol) for e in events] == [
        ("04A1B2C3D4E5F6", "pn532"),
        ("DEADBEEF", "pn532"),
    ]
    assert sim.emulator.commands[:3] == [0x14, 0x32, 0x4A]
    assert rec.errors == []


def test_replugged_pn532_is_configured_again(simulator: Any, reader: Any, tmp_path: Any) -> None:
    link = tmp_path / "ttyNFC"
    first = simulator("pn532")
    link.symlink_to(first.path)
    _, rec = reader(str(link), "pn532")
    first.present("DEADBEEF", repeats=2)
    rec.wait_events(1)
    link.unlink()
    first.close()
    rec.wait_state("reconnecting")
    second = simulator("pn532")
    link.symlink_to(second.path)
    rec.wait_state("connected", occurrence=2)
    second.present("0102030405060708090A")
    assert [e.value for e in rec.wait_events(2)] == ["DEADBEEF", "0102030405060708090A"]
    assert second.emulator.commands[:2] == [0x14, 0x32]
