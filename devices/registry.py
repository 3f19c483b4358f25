"""The protocols a reader can be configured with, by the name used in ``kiosk.toml``.

A fixed table rather than a plug-in registry: the set of supported readers is part of the
kiosk's public configuration, so adding one is a deliberate change reviewed with its tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from devices import id12, pn532, rdm6300, scanner, wiegand
from devices.events import BADGE, TEXT
from devices.frames import Parser


@dataclass(frozen=True)
class ProtocolSpec:
    """How to talk to one kind of reader.

    ``make_parser`` returns a fresh parser for each connection (a reopened port starts with no
    partial frame). A parser that also implements :class:`devices.frames.Driver` is given the
    port to write to, for readers that must be asked before they answer.
    """

    name: str
    default_baud: int
    default_hold_off: float
    kind: str
    make_parser: Callable[[], Parser]
    description: str


_SPECS: dict[str, ProtocolSpec] = {
    spec.name: spec
    for spec in (
        ProtocolSpec(
            name=rdm6300.NAME,
            default_baud=rdm6300.BAUD,
            default_hold_off=rdm6300.HOLD_OFF,
            kind=BADGE,
            make_parser=rdm6300.Rdm6300Parser,
            description="RDM6300/RDM630 125 kHz EM4100 module",
        ),
        ProtocolSpec(
            name=id12.NAME,
            default_baud=id12.BAUD,
            default_hold_off=id12.HOLD_OFF,
            kind=BADGE,
            make_parser=id12.Id12Parser,
            description="ID-12LA/ID-20LA and SparkFun RFID USB reader (ASCII)",
        ),
        ProtocolSpec(
            name=scanner.NAME,
            default_baud=scanner.BAUD,
            default_hold_off=scanner.HOLD_OFF,
            kind=TEXT,
            make_parser=scanner.ScannerParser,
            description="serial barcode/QR scanner or any line-per-read device",
        ),
        ProtocolSpec(
            name=wiegand.NAME,
            default_baud=wiegand.BAUD,
            default_hold_off=wiegand.HOLD_OFF,
            kind=BADGE,
            make_parser=wiegand.WiegandParser,
            description="Wiegand-to-serial converter, 26/34-bit frames as hex or decimal lines",
        ),
        ProtocolSpec(
            name=pn532.NAME,
            default_baud=pn532.BAUD,
            default_hold_off=pn532.HOLD_OFF,
            kind=BADGE,
            make_parser=pn532.Pn532Session,
            description="NXP PN532 NFC reader over HSU (ISO 14443A UIDs)",
        ),
    )
}


def protocol_names() -> list[str]:
    """Configured names of every supported protocol, sorted."""
    return sorted(_SPECS)


def get_protocol(name: str) -> ProtocolSpec:
    """The spec for ``name``; raises ``KeyError`` for an unknown protocol."""
    try:
        return _SPECS[name]
    except KeyError:
        raise KeyError(
            f"unknown reader protocol {name!r} (known: {', '.join(protocol_names())})"
        ) from None
