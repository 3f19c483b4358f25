"""The report's period and the Lab's opening hours, both read in the site's time zone.

A period is a run of whole local days; its bounds are local midnights turned into UTC, so a
day that has 23 or 25 hours (the DST switches in March and October) is still one day.
Opening hours are what room utilisation is measured against; the store does not hold them,
so the command takes them as options with the Lab's usual weekday hours as the default.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.base.errors import UsageError
from kiosk.config.schema import parse_clock_time

MAX_DAYS = 366
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Period:
    """Local days ``first`` to ``last``, both included."""

    first: date
    last: date
    tz: ZoneInfo

    @property
    def start(self) -> datetime:
        """The first day's local midnight, in UTC."""
        return local_midnight(self.first, self.tz)

    @property
    def end(self) -> datetime:
        """The local midnight after the last day, in UTC (exclusive)."""
        return local_midnight(self.last + timedelta(days=1), self.tz)

    def days(self) -> Iterator[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)

    def day_of(self, at: datetime) -> date:
        return at.astimezone(self.tz).date()


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), tz).astimezone(UTC)


def parse_period(first: str, last: str, tz: ZoneInfo) -> Period:
    """``--from`` and ``--to`` (ISO dates, both included) as a period; UsageError otherwise."""
    start, end = _date(first, "--from"), _date(last, "--to")
    if end < start:
        raise UsageError(f"--to {end.isoformat()} is before --from {start.isoformat()}")
    if (end - start).days + 1 > MAX_DAYS:
        raise UsageError(f"the period is longer than {MAX_DAYS} days; make one report per year")
    return Period(start, end, tz)


def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{what}: {text!r} is not a date like 2026-10-01") from None


@dataclass(frozen=True)
class OpeningHours:
    """The same hours on each open weekday (0 = Monday)."""

    opens: time = time(8, 0)
    closes: time = time(18, 0)
    weekdays: frozenset[int] = frozenset(range(5))

    def window(self, day: date, tz: ZoneInfo) -> tuple[datetime, datetime] | None:
        """The open hours of ``day`` in UTC, or None when the Lab is closed all day."""
        if day.weekday() not in self.weekdays:
            return None
        start = datetime.combine(day, self.opens, tz).astimezone(UTC)
        end = datetime.combine(day, self.closes, tz).astimezone(UTC)
        return start, end

    def describe(self) -> str:
        """Like ``mon-fri 08:00-18:00``: the form the options take, for the JSON output."""
        return f"{days_text(self.weekdays)} {self.opens:%H:%M}-{self.closes:%H:%M}"


def days_text(weekdays: frozenset[int]) -> str:
    ordered = sorted(weekdays)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 1:
        return f"{WEEKDAYS[ordered[0]]}-{WEEKDAYS[ordered[-1]]}"
    return ",".join(WEEKDAYS[d] for d in ordered)


def parse_opening_hours(hours: str, days: str) -> OpeningHours:
    """``--open-hours 08:00-18:00`` and ``--open-days mon-fri`` (or ``mon,wed,fri``)."""
    opens_text, sep, closes_text = hours.strip().partition("-")
    try:
        if not sep:
            raise ValueError(hours)
        opens, closes = parse_clock_time(opens_text.strip()), parse_clock_time(closes_text.strip())
    except ValueError:
        raise UsageError(f"--open-hours: {hours!r} is not like 08:00-18:00") from None
    if closes <= opens:
        raise UsageError("--open-hours: the Lab must close after it opens")
    return OpeningHours(opens, closes, _weekdays(days))


def _weekdays(text: str) -> frozenset[int]:
    chosen: set[int] = set()
    try:
        for part in text.lower().replace(" ", "").split(","):
            first, sep, last = part.partition("-")
            a = WEEKDAYS.index(first)
            b = WEEKDAYS.index(last) if sep else a
            if b < a:
                raise ValueError(part)
            chosen.update(range(a, b + 1))
    except ValueError:
        raise UsageError(
            f"--open-days: {text!r} is not like mon-fri or mon,wed,fri "
            f"(days: {', '.join(WEEKDAYS)})"
        ) from None
    return frozenset(chosen)
