""" "Invite many": a CSV file checked first, its failing rows shown with why, then imported.

The check and the import are the service's (the same rules as ``kiosk admin invite import``);
the console reads the file on the worker and shows the check's answer: how many rows are
fine, and a table of the rows that will fail. Import makes the good rows' invitations.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.base.csvfiles import decode
from kiosk.console.client import StaffClient
from kiosk.console.models import CsvOutcome, CsvRow
from kiosk.lobby.invite_import import COLUMNS
from ui.console.calls import ConsoleCalls
from ui.console.refusal_text import refusal_text
from ui.console.tables import fill, read_only_table, set_headers


def read_csv(path: Path) -> str:
    """The file's text (UTF-8, else Windows-1252 as spreadsheets save it); on the worker."""
    return decode(path.read_bytes(), path)


def failing_row(row: CsvRow) -> tuple[str, str, str, str]:
    """A refused row's cells: its line, name, the column it is about (the file's own word,
    never translated; empty when the refusal is about the whole row) and why, in staff words
    (the English reason from a service without codes)."""
    why = refusal_text(row.code, row.params, row.reason or "")
    return str(row.line), row.name, row.params.get("column", ""), why


class InviteMany(QWidget):
    imported = Signal(int, int)  # invitations made, e-mails queued

    def __init__(self, client: StaffClient, calls: ConsoleCalls, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._client = client
        self._calls = calls
        self.path: Path | None = None
        self.preview: CsvOutcome | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("inviteManyChoose")
        self.choose_button.clicked.connect(self.choose)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("inviteManyFile")
        self.summary = QLabel(self)
        self.summary.setObjectName("inviteManySummary")
        self.summary.setWordWrap(True)
        self.failing = read_only_table("inviteManyFailing", self)
        self.failing_label = QLabel(self)
        self.failing_label.setProperty("role", "heading")
        self.failing_label.setBuddy(self.failing)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("inviteManyImport")
        self.import_button.setProperty("kind", "primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(self.failing_label)
        column.addWidget(self.failing, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        column.addLayout(bottom)
        self.retranslate()

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Invitations to import"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if name:
            self.check(Path(name))

    def check(self, path: Path) -> None:
        """Ask the service what importing ``path`` would do; the answer fills the preview."""
        self.path = path
        self.preview = None
        self.file_label.setText(path.name)
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        client = self._client
        self._calls.run(
            lambda: client.preview_invites_csv(read_csv(path)),
            self._checked,
            lambda _p: self.summary.clear(),
        )

    def _checked(self, preview: CsvOutcome) -> None:
        self.preview = preview
        self._show()
        self.import_button.setEnabled(preview.ok_count > 0)

    def _show(self) -> None:
        preview = self.preview
        if preview is None:
            self.summary.clear()
            fill(self.failing, [])
            return
        self.summary.setText(
            self.tr("Rows that can be imported: {ok}. Rows that will fail: {bad}.").format(
                ok=preview.ok_count, bad=len(preview.refused)
            )
        )
        fill(self.failing, [failing_row(r) for r in preview.refused])

    def run_import(self) -> None:
        path = self.path
        if path is None:
            return
        self.import_button.setEnabled(False)
        client = self._client
        self._calls.run(
            lambda: client.import_invites_csv(read_csv(path)),
            self._imported,
            lambda _p: self.import_button.setEnabled(True),
        )

    def _imported(self, outcome: CsvOutcome) -> None:
        self.path = None
        self.preview = None
        self.file_label.clear()
        self._show()
        if outcome.refused:  # refused at import after all (a host left meanwhile, say)
            self.preview = outcome
            self._show()
        self.imported.emit(outcome.ok_count, outcome.emails_queued)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "A CSV file with the columns {columns}. It is checked first: rows that would "
                "fail are listed with the reason, and only the good rows are imported."
            ).format(columns=", ".join(COLUMNS))  # the file's own words: never translated
        )
        self.choose_button.setText(self.tr("&Choose a CSV file…"))
        self.failing_label.setText(self.tr("Rows that will fail"))
        self.failing.setAccessibleName(self.tr("Rows that will fail"))
        headers = (self.tr("Line"), self.tr("Name"), self.tr("Column"), self.tr("Why"))
        set_headers(self.failing, headers)
        self.import_button.setText(self.tr("&Import the good rows"))
        if self.preview is not None:
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
