"""A CSV file checked by the service first (its preview stores nothing), its failing rows
shown by line, name, column and why, then its good rows imported: "Invite many" on the Today
page and an event's tickets on the Events page. What is checked and stored is the subclass's
(two calls to the service); the steps, the table and the words around them are here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.base.csvfiles import decode
from kiosk.console.models import CsvOutcome, CsvRow
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


@dataclass(frozen=True)
class Stored:
    """What an import stored: how many rows, the rows refused after all, e-mails queued."""

    made: int
    refused: tuple[CsvRow, ...]
    emails: int = 0


class CsvCheck(QWidget):
    """Choose a file, see what the service's preview says of it, import the good rows.

    Subclasses say what is checked (:meth:`preview_of`) and stored (:meth:`import_of`): each
    gives, on the GUI thread, the call the database worker then makes with the file's text;
    they hear of an import in :meth:`stored` and set their own intro in :meth:`retranslate`.
    ``name`` prefixes the object names (``inviteManyFailing``)."""

    def __init__(self, calls: ConsoleCalls, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._calls = calls
        self.path: Path | None = None
        self.preview: CsvOutcome | None = None
        self.made: int | None = None  # after an import that refused rows after all: how many made
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName(f"{name}Choose")
        self.choose_button.clicked.connect(self.choose)
        self.file_label = QLabel(self)
        self.file_label.setObjectName(f"{name}File")
        self.summary = QLabel(self)
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setWordWrap(True)
        self.failing = read_only_table(f"{name}Failing", self)
        self.failing_label = QLabel(self)
        self.failing_label.setProperty("role", "heading")
        self.failing_label.setBuddy(self.failing)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName(f"{name}Import")
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

    # -- what a subclass says -----------------------------------------------------------------

    def preview_of(self) -> Callable[[str], CsvOutcome]:
        """The service's check of a file's text."""
        raise NotImplementedError

    def import_of(self) -> Callable[[str], Stored]:
        """The service's import of a file's text."""
        raise NotImplementedError

    def stored(self, result: Stored) -> None:
        """An import came back (after the panel showed any rows refused after all)."""

    def file_dialog_title(self) -> str:
        return self.tr("CSV file to import")

    # -- the steps ------------------------------------------------------------------------

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.file_dialog_title(), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if name:
            self.check(Path(name))

    def check(self, path: Path) -> None:
        """Ask the service what importing ``path`` would do; the answer fills the preview."""
        self.path = path
        self.preview = None
        self.made = None
        self.file_label.setText(path.name)
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        preview = self.preview_of()
        self._calls.run(
            lambda: preview(read_csv(path)),
            self._checked,
            lambda _p: self.summary.clear(),
        )

    def _checked(self, preview: CsvOutcome) -> None:
        self.preview = preview
        self._show()
        self.import_button.setEnabled(preview.ok_count > 0)

    def forget(self) -> None:
        """No file chosen (another event chosen, say): nothing shown, nothing to import."""
        self.path = None
        self.preview = None
        self.made = None
        self.file_label.clear()
        self.import_button.setEnabled(False)
        self._show()

    def _show(self) -> None:
        preview = self.preview
        if preview is None:
            self.summary.clear()
            fill(self.failing, [])
            return
        if self.made is not None:
            summary = self.tr("Rows imported: {ok}. Rows refused at the import: {bad}.")
        else:
            summary = self.tr("Rows that can be imported: {ok}. Rows that will fail: {bad}.")
        ok = preview.ok_count if self.made is None else self.made
        self.summary.setText(summary.format(ok=ok, bad=len(preview.refused)))
        fill(self.failing, [failing_row(r) for r in preview.refused])

    def run_import(self) -> None:
        path = self.path
        if path is None:
            return
        self.import_button.setEnabled(False)
        store = self.import_of()
        self._calls.run(
            lambda: store(read_csv(path)),
            self._imported,
            lambda _p: self.import_button.setEnabled(True),
        )

    def _imported(self, result: Stored) -> None:
        self.forget()
        if result.refused:  # refused at import after all (a host left meanwhile, say)
            self.preview, self.made = CsvOutcome(result.refused), result.made
            self._show()
        self.stored(result)

    def retranslate(self) -> None:
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
