"""Dates and times as the Lab's visitors read them, in the current language.

Views carry UTC-aware datetimes; here they become site-local wall-clock text. Times follow the
locale's short time format: Finnish and Finland-Swedish write "14.30" and "9.05" (fi_FI and
sv_FI), British English "14:30" and "09:05". Dates: "torstai 26.11.", "torsdag 26.11.",
"Thursday 26 November". Day and month names come from QLocale too. The tests pin each
language's output, so a Qt release whose locale data differ fails them instead of changing a
door sign's look unnoticed.

The language is Qt's default locale, which ``ui.common.i18n.LanguageManager`` sets together with the
translator, so formatting and translated words always agree.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QTime

_EN_DASH = "\u2013"


def language_code(locale: QLocale | None = None) -> str:
    """``"fi"``, ``"sv"`` or ``"en"`` for a locale (default: Qt's default locale)."""
    language = (locale or QLocale()).language()
    if language == QLocale.Language.Finnish:
        return "fi"
    if language == QLocale.Language.Swedish:
        return "sv"
    return "en"


def _local(moment: datetime, tz: ZoneInfo) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to the UI; views must carry aware datetimes")
    return moment.astimezone(tz)


def format_time(moment: datetime, tz: ZoneInfo, locale: QLocale | None = None) -> str:
    """Wall-clock time: ``14.30`` / ``9.05`` in Finnish and Swedish, ``14:30`` / ``09:05`` in
    English (the locale's short format)."""
    loc = locale or QLocale()
    local = _local(moment, tz)
    return loc.toString(
        QTime(local.hour, local.minute), loc.timeFormat(QLocale.FormatType.ShortFormat)
    )


def format_date(moment: datetime, tz: ZoneInfo, locale: QLocale | None = None) -> str:
    """Weekday and date: ``torstai 26.11.``, ``torsdag 26.11.``, ``Thursday 26 November``."""
    loc = locale or QLocale()
    local = _local(moment, tz)
    weekday = loc.standaloneDayName(local.isoweekday(), QLocale.FormatType.LongFormat)
    if language_code(loc) == "en":
        month = loc.standaloneMonthName(local.month, QLocale.FormatType.LongFormat)
        return f"{weekday} {local.day} {month}"
    return f"{weekday} {local.day}.{local.month}."


def format_short_date(moment: datetime, tz: ZoneInfo, locale: QLocale | None = None) -> str:
    """Abbreviated weekday and date for times on another day: ``pe 27.11.``, ``Fri 27 Nov``."""
    loc = locale or QLocale()
    local = _local(moment, tz)
    weekday = loc.standaloneDayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
    if language_code(loc) == "en":
        month = loc.standaloneMonthName(local.month, QLocale.FormatType.ShortFormat)
        return f"{weekday} {local.day} {month}"
    return f"{weekday} {local.day}.{local.month}."


def format_moment(
    moment: datetime, now: datetime, tz: ZoneInfo, locale: QLocale | None = None
) -> str:
    """A time, prefixed with the date when it is not on the same local day as ``now``."""
    text = format_time(moment, tz, locale)
    if _local(moment, tz).date() != _local(now, tz).date():
        return f"{format_short_date(moment, tz, locale)} {text}"
    return text


def format_when(
    moment: datetime, now: datetime, tz: ZoneInfo, locale: QLocale | None = None
) -> str:
    """:func:`format_moment` with the clock word Finnish and Swedish write before a time.

    ``klo 9.00`` / ``pe 27.11. klo 9.00``; ``kl. 9.00`` / ``fre 27.11. kl. 9.00``; English has
    none (``09:00`` / ``Fri 27 Nov 09:00``). Sentences that take it carry no clock word of their
    own, so the word always sits between the date and the time.
    """
    code = language_code(locale)
    word = {"fi": "klo ", "sv": "kl. "}.get(code, "")
    text = f"{word}{format_time(moment, tz, locale)}"
    if _local(moment, tz).date() != _local(now, tz).date():
        return f"{format_short_date(moment, tz, locale)} {text}"
    return text


def format_range(
    start: datetime, end: datetime, tz: ZoneInfo, locale: QLocale | None = None
) -> str:
    """A time span with an en dash and no spaces: ``13.00–14.30``."""
    return f"{format_time(start, tz, locale)}{_EN_DASH}{format_time(end, tz, locale)}"


def minutes_left(now: datetime, until: datetime) -> int:
    """Whole minutes until ``until``, rounded up so a running meeting never shows 0."""
    seconds = (until - now) / timedelta(seconds=1)
    return max(0, math.ceil(seconds / 60))
