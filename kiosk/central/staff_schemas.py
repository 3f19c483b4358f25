"""The staff endpoints' request bodies, with their bounds: published in /openapi.json.

Answers are :mod:`kiosk.console.models` values as JSON (:mod:`kiosk.console.wire`); requests
are checked here first, before any rule runs: lengths, no control characters, no invisible or
bidi characters in what people read (:mod:`kiosk.base.text`), aware times.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from kiosk.base.text import check_text
from kiosk.central.staff_csv import MAX_CSV

# One line of text: no control characters at all (a NUL cannot reach the store).
_LINE = r"^[^\x00-\x1f\x7f]*$"
# Several lines (a description, a CSV): tabs and line breaks only.
_LINES = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
ROOM_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"

_SHOWN = AfterValidator(check_text)
_SHOWN_NAME = AfterValidator(lambda text: check_text(text, name=True))
_SHOWN_LINES = AfterValidator(lambda text: check_text(text, lines=True))

# Every date a staff member gives: far wider than any rule needs (the rules bound it closer,
# with their own reasons), narrow enough that no time arithmetic or token overflows.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def in_window(value: date) -> bool:
    """Whether ``value`` (a date or a time) is within the staff window's years."""
    return FIRST_YEAR <= value.year <= LAST_YEAR


def _bounded(value: datetime) -> datetime:
    # The year alone: comparing 9999-12-31T23:59-05:00 with anything overflows in UTC.
    if not in_window(value):
        raise ValueError(f"a time from the years {FIRST_YEAR} to {LAST_YEAR} only")
    return value


When = Annotated[AwareDatetime, AfterValidator(_bounded)]
Line = Annotated[str, Field(max_length=300, pattern=_LINE), _SHOWN]
Name = Annotated[str, Field(min_length=1, max_length=200, pattern=_LINE), _SHOWN_NAME]
Lines = Annotated[str, Field(max_length=4000, pattern=_LINES), _SHOWN_LINES]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class InviteIn(_Strict):
    name: Name
    host_id: uuid.UUID
    valid_from: When
    valid_to: When
    company: Annotated[str, Field(max_length=200, pattern=_LINE), _SHOWN] | None = None
    email: Annotated[str, Field(max_length=254, pattern=_LINE)] | None = None
    lang: Literal["fi", "sv", "en"] | None = None
    single_use: bool = False


class CsvIn(_Strict):
    csv: Annotated[str, Field(max_length=MAX_CSV, pattern=_LINES)]


class TitleIn(_Strict):
    fi: Annotated[str, Field(max_length=300, pattern=_LINE), _SHOWN_NAME]
    sv: Line = ""
    en: Line = ""


class DescriptionIn(_Strict):
    fi: Lines = ""
    sv: Lines = ""
    en: Lines = ""


class EventIn(_Strict):
    title: TitleIn
    starts_at: When
    ends_at: When
    description: DescriptionIn = Field(default_factory=DescriptionIn)
    room_id: Annotated[str, Field(pattern=ROOM_PATTERN)] | None = None
    capacity: Annotated[int, Field(ge=1, le=100_000)] | None = None
    allow_walkins: bool = False
    online_url: Annotated[str, Field(max_length=1000, pattern=_LINE)] | None = None
    id: uuid.UUID | None = None


class ModeIn(_Strict):
    room_id: Annotated[str, Field(pattern=ROOM_PATTERN)] | None = Field(
        description="the room, or null for the whole Lab"
    )
    mode: Literal["event", "closed", "normal"]
    until: When
    title: Line | None = None
