""" "Invite many": a CSV file checked first, its failing rows shown with why, then imported.

The check and the import are the service's (the same rules as ``kiosk admin invite import``);
the steps and the table of failing rows are :class:`ui.console.csv_check.CsvCheck`'s, which
an event's tickets share.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.console.client import StaffClient
from kiosk.console.models import CsvOutcome
from kiosk.lobby.invite_import import COLUMNS
from ui.console.calls import ConsoleCalls
from ui.console.csv_check import CsvCheck, Stored


class InviteMany(CsvCheck):
    imported = Signal(int, int)  # invitations made, e-mails queued

    def __init__(self, client: StaffClient, calls: ConsoleCalls, parent: QWidget | None) -> None:
        super().__init__(calls, "inviteMany", parent)
        self._client = client
        self.retranslate()

    def preview_of(self) -> Callable[[str], CsvOutcome]:
        return self._client.preview_invites_csv

    def import_of(self) -> Callable[[str], Stored]:
        client = self._client

        def store(text: str) -> Stored:
            outcome = client.import_invites_csv(text)
            return Stored(outcome.ok_count, outcome.refused, outcome.emails_queued)

        return store

    def stored(self, result: Stored) -> None:
        self.imported.emit(result.made, result.emails)

    def file_dialog_title(self) -> str:
        return self.tr("Invitations to import")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "A CSV file with the columns {columns}. It is checked first: rows that would "
                "fail are listed with the reason, and only the good rows are imported."
            ).format(columns=", ".join(COLUMNS))  # the file's own words: never translated
        )
        super().retranslate()
