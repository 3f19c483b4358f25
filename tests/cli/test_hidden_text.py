"""Admin commands refuse names and titles with invisible or bidi characters (kiosk.base.text):
one line on stderr that names the option and the character, never the text, exit 2, and no
change to the central store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_admin_cli import admin, central_dump

HOST = "mikko@lab.example"
FUTURE = ("--starts", "2030-03-12T10:00", "--ends", "2030-03-12T12:00")


@pytest.fixture
def keyed(config: Path) -> Path:
    """The admin config with a room, a host and a signing key."""
    assert admin(config, "room", "add", "aurora", "--name", "Aurora") == 0
    person = ("person", "add", "--name", "Mikko Korhonen", "--email", HOST, "--role", "host")
    assert admin(config, *person) == 0
    assert admin(config, "keys", "create") == 0
    return config


def _person(name: str, *more: str) -> list[str]:
    return ["person", "add", "--name", name, "--email", "new@x.fi", "--role", "member", *more]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (_person("\u202eevil\u202c Visitor"),
         "name contains an invisible or control character (U+202E)"),
        (_person("A\u200bda"), "(U+200B)"),
        (_person("Ada\ufeff Lovelace"), "(U+FEFF)"),  # a BOM inside a value is no BOM
        (_person("Ada\u2066 L\u2069"), "(U+2066)"),
        (_person("Ada\u0085"), "(U+0085)"),
        (_person("Ada\u2028Lovelace"), "(U+2028)"),  # not quietly made a space
        (_person("\u200d"), "name must show something, not only joiners"),
        (_person("Ada", "--organisation", "VM\u200f"), "organisation contains an invisible"),
        (["room", "add", "borealis", "--name", "Bo\u202areal"], "room name contains an invisible"),
        (["invite", "create", "--name", "Ee\u200eva", "--host", HOST], "--name contains an"),
        (["invite", "create", "--name", "Eeva", "--host", HOST, "--organisation", "\u2067OKM"],
         "--organisation contains an invisible or control character (U+2067)"),
        (["event", "create", "--title", "Juhla\u00ad", *FUTURE], "--title contains an invisible"),
        (["event", "create", "--title", "Juhla", "--description", "a\u202eb", *FUTURE],
         "--description contains an invisible"),
        (["bookings", "add", "--room", "aurora", "--title", "Sprint\u200b", "--start",
          "2030-03-12T10:00", "--end", "2030-03-12T11:00"], "--title contains an invisible"),
        (["mode", "set", "aurora", "event", "--title", "Työ\u202epaja"],
         "the title contains an invisible or control character (U+202E)"),
    ],
)  # fmt: skip
def test_hidden_characters_are_one_line_exit_2_and_change_nothing(
    keyed: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = central_dump(keyed)
    capsys.readouterr()
    assert admin(keyed, *args) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.err.startswith("kiosk: ") and captured.err.count("\n") == 1, captured.err
    assert not any(ord(c) > 0x7F for c in captured.err)  # the code point, never the text
    assert central_dump(keyed) == before


def test_real_names_with_joiners_and_accents_are_kept(keyed: Path) -> None:
    assert admin(keyed, *_person("می\u200cخواهم Öberg", "--organisation", "Valtiokonttori")) == 0
    people = central_dump(keyed)["people"]
    assert any("می\u200cخواهم Öberg" in row for row in people)
