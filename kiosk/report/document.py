"""The report as a document: heading, key figures, one section per chart, the definitions.

Both writers (the HTML file here in the core, the PDF in ``ui/render/report_pdf.py``) draw this same
document, so the two files always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.report.charts import (
    Chart,
    events_chart,
    feedback_chart,
    heatmap_chart,
    rooms_chart,
    visits_chart,
)
from kiosk.report.data import Report, week_start
from kiosk.report.texts import Texts

MAX_FEEDBACK_WEEKS = 20  # more weeks than this are drawn per month, to fit one page


@dataclass(frozen=True)
class Section:
    title: str
    chart: Chart | None  # None: nothing to draw, ``note`` says why
    note: str = ""


@dataclass(frozen=True)
class Document:
    lang: str
    title: str
    subtitle: str
    generated: str
    figures: list[tuple[str, str]]  # (value, what it counts)
    sections: list[Section] = field(default_factory=list)
    method_title: str = ""
    definitions: list[str] = field(default_factory=list)


def build_document(report: Report, lang: str, font: str = "sans-serif") -> Document:
    t = Texts(lang)
    period, tz = report.period, report.period.tz
    rooms_open = sum(r.open_hours for r in report.rooms)
    booked = sum(r.booked_hours for r in report.rooms)
    figures = [
        (t.number(report.total_visits), t("kf_visits")),
        (t.number(sum(d.members for d in report.visits)), t("kf_members")),
        (t.number(sum(d.visitors for d in report.visits)), t("kf_visitors")),
        (t.percent(booked / rooms_open if rooms_open else 0.0), t("kf_booked")),
        (t.number(len(report.events)), t("kf_events")),
        (t.number(report.feedback_total), t("kf_feedback")),
    ]
    visits = visits_chart(report, t, font)
    sections = [
        Section(visits.title, visits),
        Section(t("heat_title"), heatmap_chart(report, t, font)),
        Section(
            t("rooms_title"),
            rooms_chart(report.rooms, t, font) if report.rooms else None,
            "" if report.rooms else t("no_rooms"),
        ),
        Section(
            t("events_title"),
            events_chart(report.events, t, font, tz.key) if report.events else None,
            "" if report.events else t("no_events"),
        ),
    ]
    if report.feedback_total:
        by_month = len(report.feedback_weeks) > MAX_FEEDBACK_WEEKS
        if by_month:
            rows = report.feedback_months
            labels = [t.month(int(m.label[:4]), int(m.label[5:])) for m in rows]
        else:
            rows = report.feedback_weeks
            labels = [_week_label(w.label, t) for w in rows]
        title = t("feedback_month_title" if by_month else "feedback_title")
        contexts = [
            t(f"ctx_{c.label}") if c.label in ("home", "checkout", "event") else c.label
            for c in report.feedback_contexts
        ]
        sections.append(
            Section(title, feedback_chart(rows, labels, title, t, font, "feedback-time"))
        )
        sections.append(
            Section(
                t("feedback_ctx_title"),
                feedback_chart(
                    report.feedback_contexts,
                    contexts,
                    t("feedback_ctx_title"),
                    t,
                    font,
                    "feedback-contexts",
                ),
            )
        )
    else:
        sections.append(Section(t("feedback_title"), None, t("no_feedback")))
    definitions = [
        t("def_visit", tz=tz.key),
        t("def_hours"),
        t("def_rooms", opening=_opening_text(report, t)),
        t("def_events"),
        t("def_feedback"),
        t("def_json"),
    ]
    return Document(
        lang=lang,
        title=f"{t('lab')}: {t('title')}",
        subtitle=t("period", first=t.date(period.first), last=t.date(period.last)),
        generated=t("generated", when=t.datetime(report.generated_at, tz)),
        figures=figures,
        sections=sections,
        method_title=t("method_title"),
        definitions=definitions,
    )


def _opening_text(report: Report, t: Texts) -> str:
    o = report.opening
    days = sorted(o.weekdays)
    if days == list(range(days[0], days[-1] + 1)) and len(days) > 1:
        span = f"{t.weekday(days[0])}–{t.weekday(days[-1])}"
    else:
        span = ", ".join(t.weekday(d) for d in days)
    sep = "." if t.lang == "fi" else ":"
    return (
        f"{span} {o.opens.hour:02d}{sep}{o.opens.minute:02d}–"
        f"{o.closes.hour:02d}{sep}{o.closes.minute:02d}"
    )


def _week_label(label: str, t: Texts) -> str:
    """``2026-W44`` as "vko 44 (26.10.)": the week number and its Monday."""
    monday = week_start(label)
    return f"{t('week', week=monday.isocalendar()[1])} ({t.date(monday, year=False)})"
