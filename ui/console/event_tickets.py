"""An event's tickets from a CSV file on the Events page: checked by the service first (the
rows that would fail, and why), then the good rows imported, as "Invite many" does
(:class:`ui.console.csv_check.CsvCheck`). The rules are ``kiosk admin event tickets import``'s.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.console.client import StaffClient
from kiosk.console.models import CsvOutcome
from kiosk.events.tickets import COLUMNS
from ui.console.calls import ConsoleCalls
from ui.console.csv_check import CsvCheck, Stored


class EventTickets(CsvCheck):
    imported = Signal(int, int)  # tickets made, rows refused at the import

    def __init__(self, client: StaffClient, calls: ConsoleCalls, parent: QWidget | None) -> None:
        super().__init__(calls, "eventTickets", parent)
        self._client = client
        self.event_id: uuid.UUID | None = None
        self.choose_button.setEnabled(False)
        self.retranslate()

    def for_event(self, event_id: uuid.UUID | None) -> None:
        """The event the tickets are for (None: none chosen); a file checked for another
        event is forgotten, as its check said nothing of this one."""
        if event_id != self.event_id:
            self.forget()
        self.event_id = event_id
        self.choose_button.setEnabled(event_id is not None)

    def preview_of(self) -> Callable[[str], CsvOutcome]:
        client, event_id = self._client, self._event()
        return lambda text: client.preview_tickets(event_id, text)

    def import_of(self) -> Callable[[str], Stored]:
        client, event_id = self._client, self._event()

        def store(text: str) -> Stored:
            result = client.import_tickets(event_id, text)
            return Stored(result.imported, result.refused)

        return store

    def stored(self, result: Stored) -> None:
        self.imported.emit(result.made, len(result.refused))

    def _event(self) -> uuid.UUID:
        if self.event_id is None:  # the buttons are off without an event
            raise RuntimeError("no event chosen")
        return self.event_id

    def file_dialog_title(self) -> str:
        return self.tr("Tickets to import")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Tickets for the chosen event from a CSV file with the columns {columns}. It is "
                "checked first: rows that would fail are listed with the reason, and only the "
                "good rows are imported."
            ).format(columns=", ".join(COLUMNS))  # the file's own words: never translated
        )
        super().retranslate()
