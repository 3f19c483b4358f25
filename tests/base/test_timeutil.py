"""Times of day as the Lab's languages write them (docs/glossary.md, "Times and dates")."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.base.timeutil import wall_clock


@pytest.mark.parametrize(
    ("hour", "minute", "lang", "text"),
    [
        (9, 5, "fi", "9.05"),
        (9, 5, "sv", "9.05"),  # Finland-Swedish: kl. 9.05, never 09:05
        (9, 5, "en", "09:05"),
        (23, 40, "fi", "23.40"),
        (0, 0, "sv", "0.00"),
        (0, 0, "en", "00:00"),
    ],
)
def test_a_time_of_day_is_written_as_each_language_does(
    hour: int, minute: int, lang: str, text: str
) -> None:
    assert (
        wall_clock(datetime(2026, 12, 3, hour, minute, tzinfo=ZoneInfo("Europe/Helsinki")), lang)
        == text
    )
