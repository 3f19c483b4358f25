"""The evacuation list as an A4 PDF (QPdfWriter), to print or send at an alarm.

Drawn with QPainter rather than by rendering the widget, so the paper copy is black on white,
paginated and readable whatever the screen looked like. Same words as the screen, in the
language the screen shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from kiosk.views.lobby import Presence
from ui.common.fonts import ui_font
from ui.common.formatting import format_date
from ui.lobby.evacuation import column_titles, heading, presence_cells

LAB_NAME = "Työ 2.0 Lab"
_COLUMNS = (0.46, 0.14, 0.26, 0.14)  # shares of the text width


def write_evacuation_pdf(
    path: Path, people: Sequence[Presence], now: datetime, tz: ZoneInfo
) -> Path:
    """Write the list to ``path`` (A4 portrait, 300 dpi) and return it."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    title, summary = heading(len(people), now, tz)
    writer.setTitle(f"{LAB_NAME}: {title}")
    writer.setCreator(LAB_NAME)
    painter = QPainter(writer)
    try:
        _draw(painter, writer, people, now, tz, title, summary)
    finally:
        painter.end()
    return path


def _draw(
    painter: QPainter,
    writer: QPdfWriter,
    people: Sequence[Presence],
    now: datetime,
    tz: ZoneInfo,
    title: str,
    summary: str,
) -> None:
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = float(page.width()), float(page.height())
    dpi = writer.resolution()

    def pt(points: float) -> int:  # font sizes in points, as pixels at the writer's dpi
        return round(points * dpi / 72)

    body, bold = ui_font(pt(10)), ui_font(pt(10), QFont.Weight.Bold)
    line = pt(16)
    painter.setPen(QPen(QColor("#000000")))
    y = 0.0

    def header() -> float:
        top = 0.0
        painter.setFont(ui_font(pt(18), QFont.Weight.Bold))
        painter.drawText(QRectF(0, top, width, pt(26)), Qt.AlignmentFlag.AlignLeft, title)
        top += pt(28)
        painter.setFont(body)
        painter.drawText(
            QRectF(0, top, width, line),
            Qt.AlignmentFlag.AlignLeft,
            f"{LAB_NAME} · {format_date(now, tz)} · {summary}",
        )
        top += line * 1.6
        painter.setFont(bold)
        _row(painter, top, width, line, column_titles())
        top += line
        painter.drawLine(0, round(top), round(width), round(top))
        return top + pt(4)

    y = header()
    painter.setFont(body)
    for person in people:
        if y + line > height:
            writer.newPage()
            y = header()
            painter.setFont(body)
        _row(painter, y, width, line, presence_cells(person, now, tz))
        y += line


def _row(painter: QPainter, y: float, width: float, height: float, cells: Sequence[str]) -> None:
    x = 0.0
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    for share, text in zip(_COLUMNS, cells, strict=True):
        cell = QRectF(x, y, width * share - 8, height)
        painter.drawText(
            cell,
            flags,
            painter.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, round(cell.width())
            ),
        )
        x += width * share
