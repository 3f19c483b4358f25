"""The printable card: readable QR for any name, and a font that has å, ä and ö."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.lobby.invite_card import Card, _font, date_text, render_card
from kiosk.security.tokens import TokenKind, sign
from tests.security.tokens.helpers import read_qr_codes

HELSINKI = ZoneInfo("Europe/Helsinki")
START = datetime(2026, 11, 26, 22, 0, tzinfo=UTC)  # 27.11. 00.00 in Helsinki


def card(name: str, days: int = 1) -> Card:
    end = START + timedelta(days=days)
    token = sign(
        Ed25519PrivateKey.generate(),
        invitation_id=uuid.uuid4(),
        kind=TokenKind.VISITOR,
        valid_from=START,
        valid_to=end,
    )
    return Card(token, name, START, end, HELSINKI)


@pytest.mark.parametrize("name", ["Åsa Öberg", "Anna-Kaisa Hämäläinen-Åkerström " * 4, "X"])
def test_the_card_decodes_to_exactly_the_token(name: str) -> None:
    c = card(name)
    found = read_qr_codes(render_card(c))
    assert [b.text for b in found] == [c.token]


def test_the_date_is_written_the_finnish_way() -> None:
    assert date_text(card("A")) == "27.11.2026"
    assert date_text(card("A", days=3)) == "27.11.2026–29.11.2026"


def test_the_font_has_nordic_letters() -> None:
    font = _font(20, True)
    assert "DejaVu" in str(getattr(font, "path", "")), "DejaVu Sans is expected on every image"
