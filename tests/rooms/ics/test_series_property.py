"""Generated series with random overrides: the bookings equal an independent count.

The expectation is computed here from first principles (wall-clock steps in Helsinki, the
overrides applied by hand), not by any calendar library.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.rooms.ics import parse_feed

HELSINKI = ZoneInfo("Europe/Helsinki")
HOUR = timedelta(hours=1)


def stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


@st.composite
def series(draw: st.DrawFn) -> dict[str, object]:
    count = draw(st.integers(1, 25))
    indexes = st.integers(0, count - 1)
    exdates = draw(st.sets(indexes, max_size=count // 3))
    singles = draw(
        st.dictionaries(
            indexes.filter(lambda i: i not in exdates),
            st.tuples(st.integers(-3, 3), st.booleans()),  # (hours moved, cancelled)
            max_size=4,
        )
    )
    future = draw(
        st.none()
        | st.tuples(
            indexes.filter(lambda i: i not in exdates and i not in singles),
            st.integers(-3, 3).filter(bool),
            st.integers(1, 3),  # new length in half hours
        )
    )
    return {
        "first": draw(st.dates(date(2026, 1, 1), date(2027, 12, 31))),
        "hour": draw(st.integers(8, 15)),
        "days": draw(st.sampled_from([1, 7])),
        "count": count,
        "exdates": exdates,
        "singles": singles,
        "future": future,
    }


def build(s: dict[str, object]) -> tuple[bytes, list[tuple[str, datetime, datetime]]]:
    first, hour, days, count = s["first"], s["hour"], s["days"], s["count"]
    assert isinstance(first, date) and isinstance(hour, int) and isinstance(days, int)
    assert isinstance(count, int)
    exdates: set[int] = s["exdates"]  # type: ignore[assignment]
    singles: dict[int, tuple[int, bool]] = s["singles"]  # type: ignore[assignment]
    future: tuple[int, int, int] | None = s["future"]  # type: ignore[assignment]
    start = datetime(first.year, first.month, first.day, hour, tzinfo=HELSINKI)
    originals = [start + timedelta(days=i * days) for i in range(count)]  # wall-clock steps
    tz = "TZID=Europe/Helsinki"
    lines = [
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "UID:gen-1",
        f"DTSTART;{tz}:{local(start)}",
        f"DTEND;{tz}:{local(start + HOUR)}",
        f"RRULE:FREQ={'DAILY' if days == 1 else 'WEEKLY'};COUNT={count}",
        *(f"EXDATE;{tz}:{local(originals[i])}" for i in sorted(exdates)),
        "SUMMARY:Sarja",
        "END:VEVENT",
    ]
    expected: list[tuple[str, datetime, datetime]] = []
    for i, original in enumerate(originals):
        if i in exdates:
            continue
        if i in singles:
            moved, cancelled = singles[i]
            begins = original + timedelta(hours=moved)
            lines += [
                "BEGIN:VEVENT",
                "UID:gen-1",
                f"RECURRENCE-ID;{tz}:{local(original)}",
                f"DTSTART;{tz}:{local(begins)}",
                f"DTEND;{tz}:{local(begins + HOUR)}",
                *(["STATUS:CANCELLED"] if cancelled else []),
                "END:VEVENT",
            ]
            if not cancelled:
                expected.append((f"gen-1/{stamp(original)}", begins, begins + HOUR))
        elif future is not None and i >= future[0]:
            begins = original + timedelta(hours=future[1])
            expected.append((f"gen-1/{stamp(original)}", begins, begins + future[2] * HOUR / 2))
        else:
            expected.append((f"gen-1/{stamp(original)}", original, original + HOUR))
    if future is not None:
        index, moved, halves = future
        begins = originals[index] + timedelta(hours=moved)
        lines += [
            "BEGIN:VEVENT",
            "UID:gen-1",
            f"RECURRENCE-ID;RANGE=THISANDFUTURE;{tz}:{local(originals[index])}",
            f"DTSTART;{tz}:{local(begins)}",
            f"DTEND;{tz}:{local(begins + halves * HOUR / 2)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines).encode(), expected


@settings(max_examples=60, deadline=None)
@given(series())
def test_bookings_match_an_independent_count(s: dict[str, object]) -> None:
    data, expected = build(s)
    first = s["first"]
    assert isinstance(first, date)
    window_start = datetime(first.year, first.month, first.day, tzinfo=HELSINKI) - timedelta(days=2)
    parsed = parse_feed(
        data, start=window_start, end=window_start + timedelta(days=200), tz=HELSINKI
    )
    assert parsed.skipped == []
    got = [(o.key, o.starts_at, o.ends_at) for o in parsed.occurrences]
    want = sorted(
        ((key, a.astimezone(UTC), b.astimezone(UTC)) for key, a, b in expected),
        key=lambda t: (t[1], t[0]),
    )
    assert len(got) == len(want)
    assert got == want
