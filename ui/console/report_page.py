"""Feedback and report: the feedback faces counted per week, and the usage report made to a file.

One period (From, To) for both. The feedback is counted per face with the comments listed
(newest first); the report is made by the service (PDF or HTML, in the chosen language), saved
by the worker to the file the staff member chose, or a temporary one, and opened with the
desktop's viewer.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.client import StaffClient
from kiosk.console.models import FeedbackItem
from ui.common.formatting import format_when, language_code
from ui.common.i18n import LANGUAGES
from ui.console.calls import ConsoleCalls
from ui.console.form import FormRows
from ui.console.invite_form import to_date, to_qdate
from ui.console.page import ConsolePage, SiteTime
from ui.console.tables import fill, read_only_table, set_headers


def save_report(data: bytes, name: str, chosen: Path | None) -> Path:
    """The report's bytes in ``chosen``, else in a new temporary folder; runs on the worker."""
    path = chosen or Path(tempfile.mkdtemp(prefix="lab-report-")) / name
    path.write_bytes(data)
    return path


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReportPage(ConsolePage):
    def __init__(
        self,
        client: StaffClient,
        calls: ConsoleCalls,
        site: SiteTime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(client, calls, site, parent)
        self.items: tuple[FeedbackItem, ...] | None = None
        # Opens a written report; a test records the path instead of starting a viewer.
        self.opener: Callable[[Path], bool] = open_file
        self.last_written: Path | None = None

        self.feedback_label = QLabel(self)
        self.feedback_label.setProperty("role", "heading")
        self.faces = QLabel(self)
        self.faces.setObjectName("feedbackFaces")
        self.faces.setWordWrap(True)
        self.feedback = read_only_table("feedbackTable", self)
        self.feedback_label.setBuddy(self.feedback)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("feedbackShow")
        self.show_button.clicked.connect(self.load_feedback)

        self.period_box = QGroupBox(self)
        self.first = QDateEdit(self.period_box)
        self.first.setObjectName("reportFirst")
        self.last = QDateEdit(self.period_box)
        self.last.setObjectName("reportLast")
        today = to_qdate(site.today())
        self.first.setDate(today.addDays(-28))
        self.last.setDate(today)
        for field in (self.first, self.last):
            field.setCalendarPopup(True)
        self.report_box = QGroupBox(self)
        self.language = QComboBox(self.report_box)
        self.language.setObjectName("reportLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        # The report's language follows the console's until the staff member picks one.
        self._language_picked = False
        self.language.activated.connect(lambda _i: setattr(self, "_language_picked", True))
        self.kind = QComboBox(self.report_box)
        self.kind.setObjectName("reportKind")
        self.kind.addItem("PDF", "pdf")
        self.kind.addItem("HTML", "html")
        self.make_button = QPushButton(self.report_box)
        self.make_button.setObjectName("reportMake")
        self.make_button.setProperty("kind", "primary")
        self.make_button.clicked.connect(lambda: self.make(ask_where=False))
        self.save_button = QPushButton(self.report_box)
        self.save_button.setObjectName("reportSaveAs")
        self.save_button.clicked.connect(lambda: self.make(ask_where=True))
        self.status = QLabel(self.report_box)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        self.rows = FormRows(form)
        period_form = QFormLayout(self.period_box)
        self.period_rows = FormRows(period_form)
        self.period_rows.add(self.first, lambda: self.tr("&From"))
        self.period_rows.add(self.last, lambda: self.tr("&To"))
        period_form.addRow(self.show_button)
        self.rows.add(self.language, lambda: self.tr("&Language"))
        self.rows.add(self.kind, lambda: self.tr("&Format"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.report_box)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.status)

        left = QVBoxLayout()
        left.addWidget(self.feedback_label)
        left.addWidget(self.faces)
        left.addWidget(self.feedback, 1)
        right = QVBoxLayout()
        right.addWidget(self.period_box)
        right.addWidget(self.report_box)
        right.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        # Tab as the eye reads: the period first (it drives both sides), then the rest.
        order = (
            *(self.first, self.last, self.show_button, self.feedback),
            *(self.language, self.kind, self.make_button, self.save_button),
        )
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Feedback and report")

    def shown(self) -> None:
        self.load_feedback()

    def period(self) -> tuple[date, date] | None:
        first, last = to_date(self.first.date()), to_date(self.last.date())
        if last < first:
            self.status.setText(self.tr("The last day is before the first."))
            return None
        return first, last

    def load_feedback(self) -> None:
        period = self.period()
        if period is None:
            return
        client = self._client
        self.calls.run(lambda: client.feedback(*period), self._show)

    def _show(self, items: tuple[FeedbackItem, ...]) -> None:
        self.items = items
        self._fill()

    def _fill(self) -> None:
        items = self.items
        if items is None:
            return
        counts = [sum(1 for i in items if i.score == score) for score in (1, 2, 3, 4)]
        self.faces.setText(
            self.tr(
                "Answers: {total}. Very unhappy {s1} · Unhappy {s2} · Happy {s3} · Very happy {s4}"
            ).format(total=len(items), s1=counts[0], s2=counts[1], s3=counts[2], s4=counts[3])
        )
        now = self._site.now()
        newest = sorted(items, key=lambda i: i.at, reverse=True)
        fill(
            self.feedback,
            [
                (
                    format_when(i.at, now, self._tz),
                    self._face(i.score),
                    self._context(i),
                    i.comment or "",
                )
                for i in newest
            ],
        )

    def _face(self, score: int) -> str:
        faces = {
            1: self.tr("Very unhappy"),
            2: self.tr("Unhappy"),
            3: self.tr("Happy"),
            4: self.tr("Very happy"),
        }
        return faces.get(score, str(score))

    def _context(self, item: FeedbackItem) -> str:
        if item.event_title:
            return item.event_title
        places = {"home": self.tr("lobby"), "checkout": self.tr("check-out")}
        return places.get(item.context, item.context)

    def make(self, *, ask_where: bool) -> None:
        period = self.period()
        if period is None:
            return
        first, last = period
        lang, kind = str(self.language.currentData()), str(self.kind.currentData())
        name = f"lab-report-{first.isoformat()}-{last.isoformat()}-{lang}.{kind}"
        chosen = self._ask_where(name, kind) if ask_where else None
        if ask_where and chosen is None:
            return
        self.make_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Making the report…"))
        client = self._client

        def work() -> Path:
            return save_report(client.report(first, last, lang, kind), name, chosen)

        self.calls.run(work, self._written, lambda _p: self._idle(""))

    def _ask_where(self, name: str, kind: str) -> Path | None:
        chosen, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path.home() / name), f"{kind.upper()} (*.{kind})"
        )
        return Path(chosen) if chosen else None

    def _written(self, path: Path) -> None:
        self.last_written = path
        self._idle(self.tr("Saved: {path}").format(path=path))
        if not self.opener(path):
            self.status.setText(
                self.tr("Saved: {path}. No program to open it was found.").format(path=path)
            )

    def _idle(self, text: str) -> None:
        self.make_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.status.setText(text)

    def retranslate(self) -> None:
        self.feedback_label.setText(self.tr("Feedback"))
        self.feedback.setAccessibleName(self.tr("Feedback"))
        headers = (self.tr("When"), self.tr("Answer"), self.tr("Where"), self.tr("Comment"))
        set_headers(self.feedback, headers)
        self.period_box.setTitle(self.tr("Period"))
        self.show_button.setText(self.tr("Show the &feedback"))
        self.report_box.setTitle(self.tr("Usage report"))
        self.make_button.setText(self.tr("&Make and open"))
        self.save_button.setText(self.tr("&Save as…"))
        self.rows.retranslate()
        self.period_rows.retranslate()
        if not self._language_picked:
            self.language.setCurrentIndex(max(0, self.language.findData(language_code())))
        self._fill()
