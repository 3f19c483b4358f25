"""Text a person will read: the one check for characters that hide or reorder what is shown.

A name or a title is shown on a lobby screen, a badge, a door and in e-mail. Characters that do
not show themselves can make it read as something else: a bidi override (U+202E) turns
"evil Visitor" around, C1 controls (U+0080-U+009F) and line/paragraph separators
(U+2028/U+2029) break lines or terminals, zero-width and other format characters (Unicode
category Cf) make "Ada" and "A\u200bda" two people, and a name of only "\u200b" is no name.

ZWNJ (U+200C) and ZWJ (U+200D) are kept: Persian, Arabic and the Indic scripts need them inside
real names (and emoji sequences use ZWJ). They are harmless to reading order, but they do not
count as a name on their own.

The staff service (:mod:`kiosk.central.staff_schemas`), the kiosk push edge
(:mod:`kiosk.central.edge`), the rules every admin command and CSV import runs (names,
organisations, titles: :mod:`kiosk.lobby.invitations`, :mod:`kiosk.security.directory`,
:mod:`kiosk.events.manage`, :mod:`kiosk.rooms.modes`) and every cell of an imported CSV row
(:mod:`kiosk.lobby.invite_import`) refuse such text with :class:`HiddenText`; a calendar
attendee's name, read from outside the Lab, is cleaned instead (:func:`clean_line`). A byte
order mark at the very start of a file is not text: the CSV reader drops it first
(:mod:`kiosk.base.csvfiles`), so only one inside a value is refused.
"""

from __future__ import annotations

import unicodedata

from kiosk.base.errors import UsageError

#: Joiners real names need (see the module's doc).
JOINERS = frozenset("\u200c\u200d")
#: Control characters allowed in text of several lines (a description, a feedback comment).
LINE_BREAKS = frozenset("\t\n\r")


class HiddenText(UsageError, ValueError):
    """Text :func:`check_text` refuses: a person's input, so a :class:`UsageError` (exit 2 at
    the command line, 422 at the staff service, a refused row in an import), and a ValueError
    too, so a schema's validator (pydantic) reports it as the field's own error."""


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


def check_text(text: str, *, lines: bool = False, name: bool = False, what: str = "") -> str:
    """``text`` unchanged, or :class:`HiddenText` naming the problem (and ``what``, the field).

    ``name``: it must show something. Only spaces are left to the caller's own rule, which
    has its own message (``--name must not be empty``); joiners alone are refused here.
    The message names the character by its code point, never the text itself: a bidi
    override would turn a terminal's line or a log line around.
    """
    subject = f"{what} " if what else ""
    found = hidden_in(text, lines=lines)
    if found is not None:
        raise HiddenText(f"{subject}contains an invisible or control character ({found})")
    if name and text.strip() and is_blank(text):
        raise HiddenText(f"{subject}must show something, not only joiners")
    return text


def clean_line(text: str) -> str:
    """One line with hidden characters as spaces and runs of spaces as one (outside input)."""
    shown = "".join(
        " " if is_hidden(c) or not (c.isprintable() or c in JOINERS) else c for c in text
    )
    return " ".join(shown.split())
