"""The protocol table other code (config validation, the CLI) depends on."""

from __future__ import annotations

import pytest

from devices.frames import Driver
from devices.registry import get_protocol, protocol_names


def test_names() -> None:
    assert protocol_names() == ["id12", "pn532", "rdm6300", "scanner", "wiegand"]


@pytest.mark.parametrize(
    ("name", "baud", "kind"),
    [
        ("rdm6300", 9600, "badge"),
        ("id12", 9600, "badge"),
        ("scanner", 9600, "text"),
        ("wiegand", 9600, "badge"),
        ("pn532", 115200, "badge"),
    ],
)
def test_specs(name: str, baud: int, kind: str) -> None:
    spec = get_protocol(name)
    assert (spec.name, spec.default_baud, spec.kind) == (name, baud, kind)
    assert spec.default_hold_off > 0
    parser = spec.make_parser()
    assert parser is not spec.make_parser()  # a fresh parser per connection
    assert parser.feed(b"") == []
    assert parser.buffered == 0
    assert isinstance(parser, Driver) == (name == "pn532")


def test_pn532_hold_off_outlasts_its_poll_interval() -> None:
    from devices import pn532

    assert get_protocol("pn532").default_hold_off > 3 * pn532.POLL_INTERVAL


def test_unknown() -> None:
    with pytest.raises(KeyError, match="unknown reader protocol 'em9999'"):
        get_protocol("em9999")
