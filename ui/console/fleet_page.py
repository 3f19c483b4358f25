"""Fleet: every kiosk, the silent ones first, with its readers, outbox depth and duplicates.

A silent kiosk (no heartbeat for a while) is what staff must walk to, so it heads the list
(the service's order) with when it was last heard from; the service decides what is silent.
"Outbox" is records waiting to reach the central store, "Refused" those it turned down, and
"Duplicates" other running processes that use the same kiosk id.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.console.client import StaffClient
from kiosk.console.models import FleetRow
from ui.common.formatting import format_when
from ui.console.calls import ConsoleCalls
from ui.console.page import ConsolePage, SiteTime
from ui.console.tables import fill, read_only_table, set_headers


class FleetPage(ConsolePage):
    def __init__(
        self,
        client: StaffClient,
        calls: ConsoleCalls,
        site: SiteTime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(client, calls, site, parent)
        self.kiosks: tuple[FleetRow, ...] = ()
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.summary = QLabel(self)
        self.summary.setObjectName("fleetSummary")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("fleetRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.table = read_only_table("fleetTable", self, stretch=4)  # the readers
        self.heading.setBuddy(self.table)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        QWidget.setTabOrder(self.refresh_button, self.table)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Fleet")

    def shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.calls.run(self._client.fleet, self._show)

    def _show(self, kiosks: tuple[FleetRow, ...]) -> None:
        self.kiosks = kiosks  # the service's order: silent kiosks first
        self._fill()

    def _fill(self) -> None:
        now = self._site.now()
        rows = []
        for k in self.kiosks:
            seen = format_when(k.last_seen_at, now, self._tz)
            state = self.tr("Silent") if k.silent else self.tr("OK")
            if k.disk_full:
                state = self.tr("{state}, disk full").format(state=state)
            readers = ", ".join(f"{r.name}: {self._reader(r.state)}" for r in k.readers)
            rows.append(
                (
                    state,
                    k.kiosk_id,
                    self._role(k.role),
                    seen,
                    readers or "–",
                    str(k.outbox_depth) if k.outbox_depth is not None else "–",
                    str(k.rejected) if k.rejected is not None else "–",
                    str(k.duplicates),
                )
            )
        fill(self.table, rows)
        silent = sum(1 for k in self.kiosks if k.silent)
        self.summary.setText(
            self.tr("{total} kiosks, {silent} silent").format(total=len(self.kiosks), silent=silent)
        )

    def _role(self, role: str) -> str:
        return {"lobby": self.tr("lobby"), "door": self.tr("door")}.get(role, role)

    def _reader(self, state: str) -> str:
        words = {
            "connected": self.tr("connected"),
            "reconnecting": self.tr("reconnecting"),
            "failed": self.tr("failed"),
            "noisy": self.tr("noisy"),
            "stopped": self.tr("stopped"),
        }
        return words.get(state, state)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Kiosks"))
        self.table.setAccessibleName(self.tr("Kiosks"))
        self.refresh_button.setText(self.tr("&Refresh"))
        set_headers(
            self.table,
            (
                self.tr("State"),
                self.tr("Kiosk"),
                self.tr("Kind"),
                self.tr("Last seen"),
                self.tr("Readers"),
                self.tr("Outbox"),
                self.tr("Refused"),
                self.tr("Duplicates"),
            ),
        )
        self._fill()
