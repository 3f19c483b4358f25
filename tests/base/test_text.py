"""The one check for characters that hide or reorder what a person reads."""

from __future__ import annotations

import pytest

from kiosk.base.errors import UsageError
from kiosk.base.text import HiddenText, check_text, clean_line, hidden_in, is_blank

HIDDEN = [
    "\u202eevil\u202c Visitor",  # bidi override
    "x\u0085y\u009bz",  # C1 controls
    "a\u2028b\u2029c",  # line and paragraph separators
    "\u200b",  # zero width space
    "A\u2066da\u2069",  # bidi isolates
    "Ada\u00ad",  # soft hyphen (Cf)
    "Ada\ufeff",  # byte order mark inside text
    "Eve\x00",  # C0, as before
]


@pytest.mark.parametrize("text", HIDDEN)
def test_hidden_characters_are_refused(text: str) -> None:
    assert hidden_in(text) is not None
    with pytest.raises(ValueError, match="invisible or control character"):
        check_text(text)


def test_real_names_pass_with_their_joiners() -> None:
    for name in (
        "Ada Lovelace",
        "Åsa Öberg",
        "Renée O'Hara",
        "می\u200cخواهم",
        "क्\u200dष",
        "李小龍",
    ):
        assert check_text(name, name=True) == name
    assert hidden_in("line one\nline two\ttab", lines=True) is None
    assert hidden_in("line one\nline two") == "U+000A"


def test_a_name_of_joiners_only_shows_nothing() -> None:
    assert is_blank("\u200d \u200c") and not is_blank("a\u200d")
    with pytest.raises(ValueError, match="only joiners"):
        check_text("\u200d\u200c", name=True)
    assert check_text("   ", name=True) == "   "  # left to the caller's own "empty" rule


def test_outside_text_is_cleaned_not_refused() -> None:
    assert clean_line("\u202eevil\u202c  Visitor\u2028x") == "evil Visitor x"
    assert clean_line("می\u200cخواهم") == "می\u200cخواهم"


def test_a_refusal_is_a_usage_error_naming_the_field_not_the_text() -> None:
    with pytest.raises(HiddenText) as refused:
        check_text("\u202eevil", what="--name")
    assert str(refused.value) == "--name contains an invisible or control character (U+202E)"
    assert isinstance(refused.value, UsageError) and refused.value.exit_code == 2
    assert isinstance(refused.value, ValueError)  # a schema validator's own error
