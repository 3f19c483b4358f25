"""The words and times of invitation e-mails follow docs/glossary.md in each language."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from kiosk.lobby.invite_mail import Visit, compose_invitation, compose_revocation, when_text

TZ = ZoneInfo("Europe/Helsinki")
MORNING = datetime(2026, 12, 4, 7, 5, tzinfo=UTC)  # Friday 9.05 in Helsinki
NOON_ISH = datetime(2026, 12, 4, 10, 30, tzinfo=UTC)  # 12.30
WHOLE_FROM = datetime(2026, 12, 3, 22, 0, tzinfo=UTC)  # Friday 0.00
WHOLE_TO = datetime(2026, 12, 5, 22, 0, tzinfo=UTC)  # Sunday 0.00: Friday and Saturday


def visit(lang: str, start: datetime = MORNING, end: datetime = NOON_ISH) -> Visit:
    return Visit(uuid.uuid4(), "Eeva Ek", "Mikko Korhonen", start, end, lang, TZ)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "pe 4.12.2026 klo 9.05–12.30"),
        ("sv", "fre 4.12.2026 kl. 9.05–12.30"),
        ("en", "Fri 4 Dec 2026 09:05–12:30"),
    ],
)
def test_hours_are_written_as_the_glossary_says(lang: str, expected: str) -> None:
    assert when_text(visit(lang)) == expected


def test_whole_days_are_written_as_days() -> None:
    assert when_text(visit("fi", WHOLE_FROM, WHOLE_TO)) == "pe 4.12.2026–la 5.12.2026"
    assert when_text(visit("sv", WHOLE_FROM, WHOLE_TO)) == "fre 4.12.2026–lör 5.12.2026"
    one_day = datetime(2026, 12, 4, 22, 0, tzinfo=UTC)
    assert when_text(visit("en", WHOLE_FROM, one_day)) == "Fri 4 Dec 2026"
    message = compose_invitation(
        visit("en", WHOLE_FROM, WHOLE_TO),
        "T",
        sender="a@b.fi",
        to="c@d.fi",
        message_id=uuid.uuid4(),
    )
    (ics_part,) = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    ics = Calendar.from_ical(ics_part.get_content())
    event = ics.walk("VEVENT")[0]
    assert str(event.decoded("dtstart")) == "2026-12-04"
    assert str(event.decoded("dtend")) == "2026-12-06"


RETIRED = {"fi": r"\bhost|kutsuja|emän|isän", "sv": r"\bvärdar\b", "en": r"$^"}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_no_retired_word_and_one_language_per_e_mail(lang: str) -> None:
    v = visit(lang)
    for message in (
        compose_invitation(v, "T", sender="a@b.fi", to="c@d.fi", message_id=uuid.uuid4()),
        compose_revocation(v, sender="a@b.fi", to="c@d.fi", message_id=uuid.uuid4()),
    ):
        body = message.get_body(("plain",))
        assert body is not None
        text = str(body.get_content()).replace("Mikko Korhonen", "")
        assert not re.search(RETIRED[lang], text), text
        others = {"fi": "Hei ", "sv": "Hej ", "en": "Hello "}
        assert [g for g in others.values() if g in text] == [others[lang]]
        assert message["Content-Language"] == lang


def test_who_sends_follows_the_delivery_key() -> None:
    from kiosk.config.settings import InvitationsConfig

    assert InvitationsConfig().sends_here("sqlite:////var/lib/lab-kiosk/central.db")
    assert not InvitationsConfig().sends_here("postgresql+psycopg://db/kiosk")
    assert InvitationsConfig("command").sends_here("postgresql+psycopg://db/kiosk")
    assert not InvitationsConfig("service").sends_here("sqlite:////tmp/c.db")
    assert not InvitationsConfig("command").sends_here("https://central.lab.example:8443")


def test_the_invitations_keys_are_checked_like_the_others() -> None:
    from kiosk.base.errors import ConfigError
    from kiosk.config.settings import parse_config

    with pytest.raises(ConfigError, match=r"invitations\.delivery: must be one of"):
        parse_config({"kiosk": {"id": "a"}, "invitations": {"delivery": "pigeon"}})
    with pytest.raises(ConfigError, match=r"invitations\.max_attempts: must be greater"):
        parse_config({"kiosk": {"id": "a"}, "invitations": {"max_attempts": 0}})
    cfg = parse_config({"kiosk": {"id": "a"}, "invitations": {"address_fi": "Mariankatu 9"}})
    assert cfg.invitations.address == {
        "fi": "Mariankatu 9",
        "sv": "Mariankatu 9",
        "en": "Mariankatu 9",
    }
