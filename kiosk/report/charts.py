"""The report's charts as SVG: visits, busiest hours, room utilisation, events, feedback.

Each value is written next to its mark, so no chart relies on colour alone, and two series
are told apart by lightness and position as well as by hue. Text sizes assume the chart is
shown about 180 mm wide (A4 with margins), where 13 units come out near 9 points.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kiosk.report.data import DayVisits, EventAttendance, FeedbackCounts, Report, RoomUse
from kiosk.report.svg import (
    BLUE,
    FACES,
    INK,
    MUTED,
    ORANGE,
    TRACK,
    TRACK_EDGE,
    Svg,
    elide,
    nice_max,
    text_on,
    text_width,
)
from kiosk.report.texts import Texts

WIDTH = 760.0
MAX_DAY_BARS = 62  # longer periods are drawn per week
MAX_EVENTS = 20  # more are counted in the JSON; the chart stays one page


@dataclass(frozen=True)
class Chart:
    title: str
    svg: str
    width: float
    height: float
    desc: str


def _chart(svg: Svg) -> Chart:
    return Chart(svg.title, svg.render(), svg.width, svg.height, svg.desc)


def _legend(
    svg: Svg, x: float, y: float, items: Sequence[tuple[str, str]], framed: int = -1
) -> None:
    """Swatches with their words; item ``framed`` gets the track's frame (a "100 %" swatch)."""
    for i, (colour, label) in enumerate(items):
        svg.rect(x, y - 11, 14, 14, colour, TRACK_EDGE if i == framed else None)
        svg.text(x + 20, y, label, size=13)
        x += 20 + text_width(label, 13) + 24


def _weekly(days: Sequence[DayVisits]) -> list[tuple[date, int, int]]:
    weeks: dict[tuple[int, int], list[int]] = {}
    starts: dict[tuple[int, int], date] = {}
    for d in days:
        iso = d.day.isocalendar()
        key = (iso[0], iso[1])
        acc = weeks.setdefault(key, [0, 0])
        starts.setdefault(key, d.day)
        acc[0] += d.members
        acc[1] += d.visitors
    return [(starts[k], v[0], v[1]) for k, v in weeks.items()]


def visits_chart(report: Report, t: Texts, font: str) -> Chart:
    """Stacked bars per day (per week for long periods): members below, visitors above."""
    by_week = len(report.visits) > MAX_DAY_BARS
    if by_week:
        bars = _weekly(report.visits)
        labels = [t("week", week=d.isocalendar()[1]) for d, _m, _v in bars]
    else:
        bars = [(d.day, d.members, d.visitors) for d in report.visits]
        # the day of the month under each bar; the month where it starts
        labels = [
            t.date(d, year=False) if i == 0 or d.day == 1 else t.day_number(d)
            for i, (d, _m, _v) in enumerate(bars)
        ]
    members = sum(m for _d, m, _v in bars)
    visitors = sum(v for _d, _m, v in bars)
    desc = t(
        "visits_desc",
        total=t.number(members + visitors),
        members=t.number(members),
        visitors=t.number(visitors),
    )
    if members + visitors and not by_week:
        best = max(bars, key=lambda b: b[1] + b[2])
        desc += t("visits_busiest", day=t.date(best[0]), count=t.number(best[1] + best[2]))
    title = t("visits_title_weeks" if by_week else "visits_title")
    height = 300.0
    svg = Svg(WIDTH, height, title, desc, font, "visits")
    left, right, top, bottom = 44.0, 10.0, 40.0, height - 46
    _legend(svg, left, 18, [(BLUE, t("members")), (ORANGE, t("visitors"))])
    top_value, step = nice_max(max((m + v for _d, m, v in bars), default=0))
    scale = (bottom - top) / top_value
    tick = 0.0
    while tick <= top_value + 1e-9:
        y = bottom - tick * scale
        svg.line(left, y, WIDTH - right, y)
        svg.text(left - 6, y + 4, t.number(tick), size=11, anchor="end", fill=MUTED)
        tick += step
    slot = (WIDTH - left - right) / max(len(bars), 1)
    bar = max(min(slot * 0.72, 40), 1.5)
    widest = max((text_width(label, 11) for label in labels[1:]), default=0.0) + 3
    every = max(1, math.ceil(widest / slot))  # only as many labels as fit side by side
    for i, (day, m, v) in enumerate(bars):
        x = left + i * slot + (slot - bar) / 2
        tip = f"{labels[i]}: {t('members')} {m}, {t('visitors')} {v}"
        svg.rect(x, bottom - m * scale, bar, m * scale, BLUE, tip=tip)
        gap = 1.5 if m and v else 0  # a white seam between the two parts
        svg.rect(x, bottom - (m + v) * scale, bar, v * scale - gap, ORANGE, tip=tip)
        for count, base in ((m, bottom), (v, bottom - m * scale)):  # each part's own number
            if m and v and count and bar >= 14 and count * scale >= 14:
                svg.text(
                    x + bar / 2,
                    base - count * scale / 2 + 4,
                    str(count),
                    size=10,
                    anchor="middle",
                    fill="#ffffff",
                )
        if m + v and slot >= 16:
            svg.text(
                x + bar / 2, bottom - (m + v) * scale - 4, str(m + v), size=11, anchor="middle"
            )
        if i % every == 0:
            svg.text(x + bar / 2, bottom + 16, labels[i], size=11, anchor="middle", fill=MUTED)
            if not by_week:
                svg.text(
                    x + bar / 2,
                    bottom + 30,
                    t.weekday(day.weekday()),
                    size=10,
                    anchor="middle",
                    fill=MUTED,
                )
    svg.line(left, bottom, WIDTH - right, bottom, INK)
    return _chart(svg)


def _heat_colour(share: float) -> str:
    """White to the report's blue; the number in the cell carries the value."""
    mix = 0.08 + 0.92 * share if share > 0 else 0.0
    channels = (round(255 + (end - 255) * mix) for end in (0x1F, 0x4E, 0x8C))
    return "#" + "".join(f"{c:02x}" for c in channels)


def heatmap_chart(report: Report, t: Texts, font: str) -> Chart:
    grid = report.heatmap
    opening = report.opening
    busy = [h for h in range(24) if any(grid[d][h] for d in range(7))]
    first = min([opening.opens.hour, *busy])
    last = max([opening.closes.hour - (0 if opening.closes.minute else 1), *busy])
    hours = list(range(first, last + 1))
    total = sum(map(sum, grid))
    desc = t("heat_desc", total=t.number(total))
    if total:
        peak = max(((d, h) for d in range(7) for h in range(24)), key=lambda k: grid[k[0]][k[1]])
        desc += t(
            "heat_peak",
            day=t.weekday_long(peak[0]),
            hour=t.hour(peak[1]),
            count=grid[peak[0]][peak[1]],
        )
    left, top = 44.0, 30.0
    cell_w = (WIDTH - left - 6) / len(hours)
    cell_h = 30.0
    height = top + 7 * cell_h + 30
    svg = Svg(WIDTH, height, t("heat_title"), desc, font, "hours")
    most = max((grid[d][h] for d in range(7) for h in hours), default=0) or 1
    for j, hour in enumerate(hours):
        svg.text(
            left + j * cell_w + cell_w / 2,
            top - 8,
            t.hour(hour) if cell_w > 40 else f"{hour:02d}",
            size=11,
            anchor="middle",
            fill=MUTED,
        )
    for d in range(7):
        y = top + d * cell_h
        svg.text(left - 8, y + cell_h / 2 + 4, t.weekday(d), size=12, anchor="end")
        for j, hour in enumerate(hours):
            value = grid[d][hour]
            share = value / most
            x = left + j * cell_w
            fill = _heat_colour(share)
            svg.rect(
                x, y, cell_w - 2, cell_h - 2, fill, tip=f"{t.weekday(d)} {t.hour(hour)}: {value}"
            )
            if value:
                ink = text_on(fill)
                svg.text(
                    x + (cell_w - 2) / 2,
                    y + cell_h / 2 + 3,
                    str(value),
                    size=11,
                    anchor="middle",
                    fill=ink,
                    bold=ink != INK,
                )
    svg.text(left, height - 8, t("heat_note"), size=11, fill=MUTED)
    return _chart(svg)


def _hbar(
    svg: Svg, x: float, y: float, w: float, h: float, share: float, colour: str, tip: str
) -> None:
    """A bar over a framed track that stands for 100 %."""
    svg.rect(x, y, w, h, TRACK, TRACK_EDGE)
    svg.rect(x, y, w * min(max(share, 0.0), 1.0), h, colour, tip=tip)


def rooms_chart(rooms: Sequence[RoomUse], t: Texts, font: str) -> Chart:
    open_hours = rooms[0].open_hours if rooms else 0.0
    desc = t("rooms_desc", hours=t.number(open_hours, 1))
    row_h, top = 54.0, 34.0
    height = top + row_h * len(rooms) + 6
    svg = Svg(WIDTH, height, t("rooms_title"), desc, font, "rooms")
    label_w, value_w = 190.0, 130.0
    track_x, track_w = label_w, WIDTH - label_w - value_w
    _legend(svg, label_w, 18, [(BLUE, t("booked")), (ORANGE, t("used"))])
    for i, room in enumerate(rooms):
        y = top + i * row_h
        svg.text(0, y + 22, elide(room.name, 13, label_w - 10), size=13, bold=True)
        for k, (hours, colour, key) in enumerate(
            ((room.booked_hours, BLUE, "booked"), (room.used_hours, ORANGE, "used"))
        ):
            by = y + 6 + k * 21
            share = room.share(hours)
            value = t("rooms_row", share=t.percent(share), hours=t.number(hours, 1))
            _hbar(svg, track_x, by, track_w, 17, share, colour, f"{room.name}, {t(key)}: {value}")
            svg.text(track_x + track_w + 8, by + 13, value, size=12)
    return _chart(svg)


def events_chart(events: Sequence[EventAttendance], t: Texts, font: str, tz_key: str) -> Chart:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(tz_key)
    shown = list(events[:MAX_EVENTS])
    checkins = sum(e.checkins for e in events)
    desc = t("events_desc", count=t.number(len(events)), checkins=t.number(checkins))
    row_h, top = 46.0, 34.0
    extra = 22.0 if len(events) > len(shown) else 0.0
    height = top + row_h * len(shown) + extra + 4
    svg = Svg(WIDTH, height, t("events_title"), desc, font, "events")
    label_w, value_w = 260.0, 200.0
    track_x, track_w = label_w, WIDTH - label_w - value_w
    _legend(svg, label_w, 18, [(BLUE, t("checked_in")), (TRACK, t("capacity"))], framed=1)
    most = max((max(e.capacity or 0, e.checkins, e.tickets) for e in shown), default=1) or 1
    for i, e in enumerate(shown):
        y = top + i * row_h
        svg.text(0, y + 15, elide(e.title, 13, label_w - 12), size=13, bold=True)
        svg.text(0, y + 32, t.datetime(e.starts_at, tz), size=11, fill=MUTED)
        if e.capacity:
            svg.rect(track_x, y + 8, track_w * e.capacity / most, 20, TRACK, TRACK_EDGE)
        tickets = t("events_tickets", tickets=t.number(e.tickets))
        if e.capacity:
            value = t("events_row", checkins=e.checkins, capacity=e.capacity)
        else:
            value = t("events_row_nocap", checkins=e.checkins)
            tickets = f"{tickets} · {t('events_no_capacity')}"
        tip = f"{e.title}: {value}, {tickets}"
        svg.rect(track_x, y + 8, track_w * e.checkins / most, 20, BLUE, tip=tip)
        svg.text(track_x + track_w + 8, y + 17, elide(value, 12, value_w - 10), size=12)
        svg.text(
            track_x + track_w + 8, y + 32, elide(tickets, 11, value_w - 10), size=11, fill=MUTED
        )
    if extra:
        svg.text(
            0, height - 10, t("more_events", count=len(events) - len(shown)), size=12, fill=MUTED
        )
    return _chart(svg)


def face(svg: Svg, cx: float, cy: float, score: int, r: float = 9) -> None:
    """One of the four faces, its mouth from deep frown (1) to broad smile (4)."""
    svg.circle(cx, cy, r, FACES[score - 1])
    svg.circle(cx - r * 0.35, cy - r * 0.25, r * 0.12, "#ffffff")
    svg.circle(cx + r * 0.35, cy - r * 0.25, r * 0.12, "#ffffff")
    bend = (-0.45, -0.2, 0.2, 0.45)[score - 1] * r
    mouth_y = cy + r * 0.35 - bend / 2
    svg.path(
        f"M {cx - r * 0.45:.1f} {mouth_y:.1f} Q {cx:.1f} {mouth_y + bend:.1f} "
        f"{cx + r * 0.45:.1f} {mouth_y:.1f}",
        "#ffffff",
        max(r * 0.14, 1),
    )


def feedback_chart(
    rows: Sequence[FeedbackCounts],
    labels: Sequence[str],
    title: str,
    t: Texts,
    font: str,
    ident: str,
) -> Chart:
    """100 % bars, faces 1..4 left to right, the count written in each part."""
    total = sum(r.total for r in rows)
    comments = sum(r.comments for r in rows)
    desc = t("feedback_desc", total=t.number(total), comments=t.number(comments))
    row_h, top = 34.0, 40.0
    height = top + row_h * len(rows) + 4
    svg = Svg(WIDTH, height, title, desc, font, ident)
    x = 0.0
    for score in (1, 2, 3, 4):
        face(svg, x + 9, 16, score)
        label = t(f"face_{score}")
        svg.text(x + 24, 21, label, size=12)
        x += 24 + text_width(label, 12) + 22
    label_w, value_w = 150.0, 90.0
    track_x, track_w = label_w, WIDTH - label_w - value_w
    for i, (row, label) in enumerate(zip(rows, labels, strict=True)):
        y = top + i * row_h
        svg.text(0, y + 18, label, size=13)
        if not row.total:
            svg.rect(track_x, y + 2, track_w, 22, TRACK, TRACK_EDGE)
            svg.text(track_x + 8, y + 18, t("feedback_none"), size=12, fill=MUTED)
            continue
        x = track_x
        for score, count in zip((1, 2, 3, 4), row.counts, strict=True):
            w = track_w * count / row.total
            if not count:
                continue
            svg.rect(
                x, y + 2, w - 1, 22, FACES[score - 1], tip=f"{label}: {t(f'face_{score}')}: {count}"
            )
            if w >= text_width(str(count), 12) + 6:
                svg.text(
                    x + w / 2,
                    y + 18,
                    str(count),
                    size=12,
                    anchor="middle",
                    fill="#ffffff",
                    bold=True,
                )
            x += w
        svg.text(track_x + track_w + 8, y + 18, t("feedback_n", n=row.total), size=12)
    return _chart(svg)
