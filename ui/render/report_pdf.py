"""The usage report as an A4 PDF: the core's document drawn with QPdfWriter and QSvgRenderer.

The charts are the same SVG as in the HTML file, rendered as vectors, so the two files show
the same pictures. Sections never split across pages; a chart that does not fit the rest of a
page starts the next one. Handed to the core's ``kiosk admin report`` by ``ui.shell.commands``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtSvg import QSvgRenderer

from kiosk.base.errors import KioskError
from kiosk.report.data import Report
from kiosk.report.document import Document, Section, build_document

INK, MUTED, EDGE = QColor("#1a1a1a"), QColor("#555555"), QColor("#767676")
DPI = 300


def write_report_pdf(report: Report, lang: str, path: Path) -> int:
    """Write the report to ``path`` and return the number of pages."""
    from ui.common.fonts import font_families
    from ui.runtime.application import qt_app

    qt_app(offscreen=True)  # fonts and painting need an application; no window is shown
    doc = build_document(report, lang, font=font_families()[0])
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(f"{doc.title} {doc.subtitle}")
    writer.setCreator(doc.title.split(":")[0])
    painter = QPainter(writer)
    if not painter.isActive():
        raise KioskError(f"{path}: cannot write a PDF here")
    try:
        return _Pages(painter, writer, doc).draw()
    finally:
        painter.end()


def _pt(points: float) -> int:
    return round(points * DPI / 72)


class _Pages:
    """Lays the document out top to bottom, page by page."""

    def __init__(self, painter: QPainter, writer: QPdfWriter, doc: Document) -> None:
        from ui.common.fonts import ui_font

        self.p, self.writer, self.doc = painter, writer, doc
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.width, self.height = float(rect.width()), float(rect.height())
        self.footer_h = float(_pt(14))
        self.y = 0.0
        self.pages = 1
        self.font = ui_font

    def draw(self) -> int:
        self._heading()
        self._figures()
        for section in self.doc.sections:
            self._section(section)
        self._method()
        self._footer()
        return self.pages

    # -- text ------------------------------------------------------------------------------

    def _text(
        self,
        text: str,
        points: float,
        *,
        bold: bool = False,
        colour: QColor = INK,
        gap: float = 0.3,
    ) -> None:
        """A wrapped paragraph at the current position."""
        weight = QFont.Weight.Bold if bold else QFont.Weight.Normal
        self.p.setFont(self.font(_pt(points), weight))
        self.p.setPen(QPen(colour))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        box = self.p.boundingRect(QRectF(0, 0, self.width, self.height), flags, text)
        self._room_for(box.height())
        self.p.drawText(QRectF(0, self.y, self.width, box.height()), flags, text)
        self.y += box.height() + _pt(points * gap)

    def _text_height(self, text: str, points: float, bold: bool = False) -> float:
        weight = QFont.Weight.Bold if bold else QFont.Weight.Normal
        self.p.setFont(self.font(_pt(points), weight))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        return self.p.boundingRect(QRectF(0, 0, self.width, self.height), flags, text).height()

    def _room_for(self, needed: float) -> None:
        if self.y > 0 and self.y + needed > self.height - self.footer_h:
            self._new_page()

    def _new_page(self) -> None:
        self._footer()
        self.writer.newPage()
        self.pages += 1
        self.y = 0.0

    def _footer(self) -> None:
        self.p.setFont(self.font(_pt(8)))
        self.p.setPen(QPen(MUTED))
        text = f"{self.doc.title} · {self.doc.subtitle} · {self.pages}"
        self.p.drawText(
            QRectF(0, self.height - self.footer_h + _pt(4), self.width, self.footer_h - _pt(4)),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
            text,
        )

    # -- blocks ----------------------------------------------------------------------------

    def _heading(self) -> None:
        self._text(self.doc.title, 20, bold=True, gap=0.15)
        self._text(self.doc.subtitle, 14, gap=0.3)
        self._text(self.doc.generated, 9, colour=MUTED, gap=0.8)

    def _figures(self) -> None:
        columns, gap = 3, float(_pt(6))
        box_w = (self.width - gap * (columns - 1)) / columns
        box_h = float(_pt(40))
        rows = -(-len(self.doc.figures) // columns)
        for i, (value, label) in enumerate(self.doc.figures):
            x = (i % columns) * (box_w + gap)
            y = self.y + (i // columns) * (box_h + gap)
            self.p.setPen(QPen(EDGE, _pt(0.75)))
            self.p.setBrush(Qt.BrushStyle.NoBrush)
            self.p.drawRoundedRect(QRectF(x, y, box_w, box_h), _pt(4), _pt(4))
            inner = QRectF(x + _pt(7), y + _pt(4), box_w - _pt(14), box_h - _pt(8))
            self.p.setPen(QPen(INK))
            self.p.setFont(self.font(_pt(17), QFont.Weight.Bold))
            self.p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, value)
            self.p.setFont(self.font(_pt(9)))
            self.p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, label)
        self.y += rows * (box_h + gap) + _pt(6)

    def _section(self, section: Section) -> None:
        intro = section.chart.desc if section.chart else section.note
        head = _pt(14) + self._text_height(section.title, 13, True) + self._text_height(intro, 9)
        chart_w, chart_h = self.width, 0.0
        if section.chart is not None:
            chart_h = self.width * section.chart.height / section.chart.width
            page_room = self.height - self.footer_h - head
            if chart_h > page_room:  # taller than a page (many rooms): shrink, keep its shape
                chart_w, chart_h = chart_w * page_room / chart_h, page_room
        self._room_for(head + chart_h)
        self.y += _pt(10)
        self._text(section.title, 13, bold=True, gap=0.2)
        self._text(intro, 9, colour=MUTED, gap=0.5)
        if section.chart is None:
            return
        renderer = QSvgRenderer(QByteArray(section.chart.svg.encode("utf-8")))
        if not renderer.isValid():
            raise KioskError(f"chart {section.title!r} could not be drawn")
        renderer.render(self.p, QRectF(0, self.y, chart_w, chart_h))
        self.y += chart_h

    def _method(self) -> None:
        self._room_for(self._text_height(self.doc.method_title, 13, True) + _pt(60))
        self.y += _pt(12)
        self._text(self.doc.method_title, 13, bold=True, gap=0.4)
        for definition in self.doc.definitions:
            self._text(f"•  {definition}", 9, gap=0.5)
