"""The catalogues follow docs/glossary.md: one word for one thing, the Lab's time conventions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tools import update_translations

# Words docs/glossary.md replaced, per language: each would put a second word on one idea.
RETIRED = {
    "fi": [
        r"\bhost",  # English inside Finnish: Host-paneeli, Host-kutsut, hostia
        r"emän|isän",  # the staff is henkilökunta
        r"kutsuja",  # the person visited is the vastaanottaja
        r"Kirjauduttu",
        r"\bkasvoja\b",
        r"\bHuono\b|Välttävä|Erinomainen",  # the feedback scale is tyytymätön … tyytyväinen
        r"Vapautumassa",  # the door's ending-soon word is Pian vapaa: readable from afar
    ],
    "sv": [
        r"värdpanel",
        r"[Ee]vakuering",
        r"\brör skärmen",
        r"\b[Hh]ela Lab\b",
        r"[Kk]alla på en värd",
        r"passerkort för läsaren",
        r"\bvärdar\b",  # the staff is personalen
    ],
}


def translations(code: str) -> dict[tuple[str, str], str]:
    root = ET.parse(update_translations.TRANSLATIONS_DIR / f"kiosk_{code}.ts").getroot()
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            assert node is not None
            text = " ".join(f.text or "" for f in node.findall("numerusform")) or node.text or ""
            found[(name, message.findtext("source") or "")] = text
    return found


@pytest.mark.parametrize("code", ["fi", "sv"])
def test_no_retired_word_is_left(code: str) -> None:
    offending = [
        (source, text)
        for (_context, source), text in translations(code).items()
        for pattern in RETIRED[code]
        if re.search(pattern, re.sub(r"\{[a-z_]+\}", "", text))  # not the placeholders
    ]
    assert offending == []


def test_a_time_has_its_clock_word_in_both_finnish_and_swedish() -> None:
    """Where Finnish writes "klo {time}", Finland-Swedish writes "kl. {time}", and back."""
    finnish, swedish = translations("fi"), translations("sv")
    clock = re.compile(r"\{(time|made|span)\}|%[123]")
    uneven = []
    for key, fi in finnish.items():
        sv = swedish[key]
        for placeholder in {m.group(0) for m in clock.finditer(key[1])}:
            in_fi = f"klo {placeholder}" in fi.lower()
            in_sv = f"kl. {placeholder}" in sv.lower()
            if in_fi != in_sv:
                uneven.append((key[1], fi, sv))
    assert uneven == []
