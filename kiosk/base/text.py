"""Text a person will read: the one check for characters that hide or reorder what is shown.

A name or a title is shown on a lobby screen, a badge, a door and in e-mail. Characters that do
not show themselves can make it read as something else: a bidi override (U+202E) turns
"evil Visitor" around, C1 controls (U+0080-U+009F) and line/paragraph separators
(U+2028/U+2029) break lines or terminals, zero-width and other format characters (Unicode
category Cf) make "Ada" and "A\u200bda" two people, and a name of only "\u200b" is no name.

ZWNJ (U+200C) and ZWJ (U+200D) are kept: Persian, Arabic and the Indic scripts need them inside
real names (and emoji sequences use ZWJ). They are harmless to reading order, but they do not
count as a name on their own.

Both the staff service (:mod:`kiosk.central.staff_schemas`) and the kiosk push edge
(:mod:`kiosk.central.edge`) refuse such text; a calendar attendee's name, read from outside the
Lab, is cleaned instead (:func:`clean_line`).
"""

from __future__ import annotations

import unicodedata

#: Joiners real names need (see the module's doc).
JOINERS = frozenset("\u200c\u200d")
#: Control characters allowed in text of several lines (a description, a feedback comment).
LINE_BREAKS = frozenset("\t\n\r")


def is_hidden(char: str, *, lines: bool = False) -> bool:
    """Whether ``char`` hides, reorders or breaks text (``lines``: tab and line breaks are fine)."""
    if lines and char in LINE_BREAKS:
        return False
    if char in JOINERS:
        return False
    # Cc: C0 and C1 controls and DEL; Cf: bidi controls, zero-width and other format characters;
    # Zl/Zp: U+2028/U+2029; Cs: lone surrogates, which no store or mail can encode.
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs")


def hidden_in(text: str, *, lines: bool = False) -> str | None:
    """The first hidden character in ``text`` as ``U+XXXX``, or None when there is none."""
    for char in text:
        if is_hidden(char, lines=lines):
            return f"U+{ord(char):04X}"
    return None


def is_blank(text: str) -> bool:
    """Nothing visible: only spaces, hidden characters and joiners."""
    return all(c.isspace() or c in JOINERS or is_hidden(c) for c in text)


def check_text(text: str, *, lines: bool = False, name: bool = False) -> str:
    """``text`` unchanged, or ValueError naming the problem.

    ``name``: it must show something. Only spaces are left to the caller's own rule, which
    has its own message (``--name must not be empty``); joiners alone are refused here.
    """
    found = hidden_in(text, lines=lines)
    if found is not None:
        raise ValueError(f"contains an invisible or control character ({found})")
    if name and text.strip() and is_blank(text):
        raise ValueError("must show something, not only joiners")
    return text


def clean_line(text: str) -> str:
    """One line with hidden characters as spaces and runs of spaces as one (outside input)."""
    shown = "".join(
        " " if is_hidden(c) or not (c.isprintable() or c in JOINERS) else c for c in text
    )
    return " ".join(shown.split())
