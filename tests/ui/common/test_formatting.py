"""Times and dates in the site zone, the way Finnish, Swedish and English readers expect."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale

from ui.common.formatting import (
    format_date,
    format_moment,
    format_range,
    format_time,
    language_code,
    minutes_left,
)
from ui.common.i18n import locale_for

TZ = ZoneInfo("Europe/Helsinki")
WINTER = datetime(2026, 11, 26, 12, 30, tzinfo=UTC)  # 14.30 in Helsinki (UTC+2)
SUMMER = datetime(2026, 6, 4, 7, 5, tzinfo=UTC)  # 10.05 in Helsinki (UTC+3)


@pytest.mark.parametrize(
    ("code", "winter", "summer"),
    [("fi", "14.30", "10.05"), ("sv", "14.30", "10.05"), ("en", "14:30", "10:05")],
)
def test_times_use_the_site_zone_and_the_language_separator(
    code: str, winter: str, summer: str
) -> None:
    locale = locale_for(code)
    assert format_time(WINTER, TZ, locale) == winter
    assert format_time(SUMMER, TZ, locale) == summer


def test_finnish_and_finland_swedish_hours_have_no_leading_zero_english_do() -> None:
    early = datetime(2026, 11, 26, 7, 14, tzinfo=UTC)  # 9.14 local
    assert format_time(early, TZ, locale_for("fi")) == "9.14"
    assert format_time(early, TZ, locale_for("sv")) == "9.14"  # kl. 9.14, as sv_FI writes it
    assert format_time(early, TZ, locale_for("en")) == "09:14"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("fi", "torstai 26.11."), ("sv", "torsdag 26.11."), ("en", "Thursday 26 November")],
)
def test_dates(code: str, expected: str) -> None:
    assert format_date(WINTER, TZ, locale_for(code)) == expected


def test_date_follows_the_local_day_not_the_utc_day() -> None:
    late = datetime(2026, 11, 26, 22, 30, tzinfo=UTC)  # already Friday 0.30 in Helsinki
    assert format_date(late, TZ, locale_for("fi")) == "perjantai 27.11."


def test_moment_adds_the_date_only_on_another_day() -> None:
    fi = locale_for("fi")
    assert format_moment(WINTER, WINTER, TZ, fi) == "14.30"
    assert format_moment(WINTER + timedelta(days=1), WINTER, TZ, fi) == "pe 27.11. 14.30"


def test_range_uses_an_en_dash() -> None:
    assert format_range(WINTER, WINTER + timedelta(hours=1), TZ, locale_for("fi")) == "14.30–15.30"


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        format_time(datetime(2026, 11, 26, 12, 30), TZ)  # noqa: DTZ001


def test_minutes_left_rounds_up() -> None:
    assert minutes_left(WINTER, WINTER + timedelta(minutes=35)) == 35
    assert minutes_left(WINTER, WINTER + timedelta(minutes=34, seconds=1)) == 35
    assert minutes_left(WINTER, WINTER + timedelta(seconds=5)) == 1
    assert minutes_left(WINTER, WINTER - timedelta(minutes=5)) == 0


def test_language_code_of_locales() -> None:
    assert language_code(QLocale(QLocale.Language.Finnish)) == "fi"
    assert language_code(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)) == "sv"
    assert language_code(QLocale(QLocale.Language.German)) == "en"
