"""The line structure of an ICS file, checked before any parser sees it.

``icalendar`` reports a broken file with its own exception text, which can quote the file's
bytes (names, e-mail addresses) or be plain Python ("'NoneType' object has no attribute ...").
Neither is fit for an admin's terminal or a log. This scan finds the same mistakes first and
names the line: a line that is no property, a component that is never closed or closed by the
wrong END, a property outside the calendar. It also remembers where each event and each of
its properties starts, so later checks can say "line 14: DTEND ..." instead of quoting data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kiosk.base.errors import KioskError


class FeedError(KioskError):
    """The feed cannot be read as a calendar; nothing was changed."""


NOT_ICS = "not an iCalendar file"
_NAME = re.compile(r"[\w.-]{1,64}\Z")
# NAME *(";" param) ":" value, with quoted parameter values that may hold ":" and ";".
# The same characters icalendar's own parser accepts in names, so a feed it reads is not
# refused here.
_PARAM_VALUE = r'(?:"[^"]*"|[^";:,]*)'
_CONTENT_LINE = re.compile(
    rf"[\w.-]+(?:;[\w.-]+={_PARAM_VALUE}(?:,{_PARAM_VALUE})*)*:",
)


@dataclass
class EventLines:
    """Where one VEVENT is in the file: its BEGIN line and each property's lines."""

    begin: int
    properties: dict[str, list[int]] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        lines = self.properties.get(name.upper())
        return lines[0] if lines else self.begin


@dataclass
class Layout:
    text: str  # the decoded file, as handed to the parser
    events: list[EventLines]  # in file order, which is the order ``walk("VEVENT")`` returns
    lines: list[tuple[int, str]] = field(default_factory=list)  # (first line number, unfolded)

    def first_unreadable(self) -> str:
        """Where the parser's trouble is, when it refused a file that passed the scan: the
        first property whose value its own type cannot read, as "line N: NAME"."""
        from icalendar.cal.component import Component
        from icalendar.parser import Contentline

        for number, line in self.lines:
            if not line.strip():
                continue
            try:
                parser: Any = Contentline
                name, params, value = parser(line).parts()
                if name.upper() in ("BEGIN", "END"):
                    continue
                kind: Any = Component.types_factory.for_property(name, params.get("VALUE"))
                kind.from_ical(value)
            except (ValueError, IndexError, KeyError, TypeError, AttributeError):
                return f"line {number}: {_shown(_split(line)[0])}"
        return "a value in it"


def scan(data: bytes) -> Layout:
    """Decode and check the structure of ``data``; :class:`FeedError` names the first bad line."""
    text = _decode(data)
    if not text.strip():
        raise FeedError(f"{NOT_ICS}: it is empty")
    stack: list[tuple[str, int]] = []
    events: list[EventLines] = []
    open_events: list[tuple[int, EventLines]] = []  # (stack depth, event), innermost last
    calendars = 0
    lines = _logical_lines(text)
    for number, line in lines:
        if not line.strip():
            continue
        if not _CONTENT_LINE.match(line):
            if number == 1:
                raise FeedError(f"{NOT_ICS}: line 1 is not BEGIN:VCALENDAR")
            raise FeedError(f"{NOT_ICS}: line {number} is not a property (NAME:value)")
        name, _, value = _split(line)
        if name in ("BEGIN", "END"):
            component = _shown(value.strip().upper())
            if not _NAME.match(value.strip()):
                raise FeedError(f"{NOT_ICS}: line {number}: {name} without a component name")
            if name == "BEGIN":
                if not stack:
                    if component != "VCALENDAR":
                        raise FeedError(f"{NOT_ICS}: line {number} is not BEGIN:VCALENDAR")
                    calendars += 1
                    if calendars > 1:
                        raise FeedError(
                            f"{NOT_ICS}: line {number} starts a second calendar in one file"
                        )
                stack.append((component, number))
                if component == "VEVENT":
                    events.append(EventLines(number))
                    open_events.append((len(stack), events[-1]))
                continue
            if not stack:
                raise FeedError(f"{NOT_ICS}: line {number}: END:{component} without a BEGIN")
            opened, opened_at = stack[-1]
            if opened != component:
                raise FeedError(
                    f"{NOT_ICS}: line {number}: END:{component} does not close "
                    f"BEGIN:{opened} of line {opened_at}"
                )
            if open_events and open_events[-1][0] == len(stack):
                open_events.pop()
            stack.pop()
            continue
        if not stack:
            if number == 1:
                raise FeedError(f"{NOT_ICS}: line 1 is not BEGIN:VCALENDAR")
            raise FeedError(f"{NOT_ICS}: line {number}: a property outside BEGIN:VCALENDAR")
        if open_events and open_events[-1][0] == len(stack):  # not a VALARM's property
            open_events[-1][1].properties.setdefault(name, []).append(number)
    if stack:
        component, opened_at = stack[-1]
        raise FeedError(
            f"{NOT_ICS}: BEGIN:{component} of line {opened_at} is never closed "
            "(the file may be cut short)"
        )
    if not calendars:
        raise FeedError(f"{NOT_ICS}: no BEGIN:VCALENDAR in it")
    return Layout(text, events, lines)


def _shown(name: str) -> str:
    """A component or property name as a message may repeat it: short, so a mangled line
    cannot smuggle its content into a log."""
    return name if len(name) <= 24 else name[:21] + "..."


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Old Outlook and Notes exports are Windows-1252; a name with "ä" is still a name.
        return data.decode("cp1252", errors="replace")


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfold continuation lines (RFC 5545 3.1), keeping the number of each line's first line."""
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t") and lines:
            first, so_far = lines[-1]
            lines[-1] = (first, so_far + raw[1:])
        else:
            lines.append((number, raw))
    return lines


def _split(line: str) -> tuple[str, str, str]:
    """(NAME, parameters, value) of a content line that matched ``_CONTENT_LINE``."""
    match = _CONTENT_LINE.match(line)
    assert match is not None
    head, value = line[: match.end() - 1], line[match.end() :]
    name, _, params = head.partition(";")
    return name.upper(), params, value
