"""Events: the list, the form to create or edit one, ticket import (checked first, as "Invite
many": ``event_tickets``), a live check-in counter.

The counter polls the service every few seconds while the page is in front and an event is
chosen; a poll is skipped while the previous one is still out, so a slow service never piles
calls up on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.client import StaffClient
from kiosk.console.models import EventCounter, EventSummary, RoomInfo
from ui.common.formatting import format_range, format_short_date, language_code
from ui.console.calls import ConsoleCalls
from ui.console.event_form import EventForm
from ui.console.event_tickets import EventTickets
from ui.console.page import ConsolePage, SiteTime
from ui.console.tables import fill, read_only_table, set_headers

POLL_MS = 5000


class EventsPage(ConsolePage):
    def __init__(
        self,
        client: StaffClient,
        calls: ConsoleCalls,
        site: SiteTime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(client, calls, site, parent)
        self.events: tuple[EventSummary, ...] = ()
        self.rooms: tuple[RoomInfo, ...] = ()
        self.count: EventCounter | None = None
        self._polling = False
        self.list_label = QLabel(self)
        self.list_label.setProperty("role", "heading")
        self.table = read_only_table("eventsTable", self, stretch=0)
        self.list_label.setBuddy(self.table)
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("eventNew")
        self.new_button.clicked.connect(self._new)
        self.tickets = EventTickets(client, calls, self)
        self.tickets.imported.connect(self._tickets_imported)
        self.counter = QLabel(self)
        self.counter.setObjectName("CheckinCounter")
        self.counter.setWordWrap(True)
        font = self.counter.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.counter.setFont(font)
        self.form = EventForm(site, self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("eventSave")
        self.save_button.setProperty("kind", "primary")
        self.save_button.clicked.connect(self.save)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.poll_count)

        left = QVBoxLayout()
        left.addWidget(self.list_label)
        left.addWidget(self.table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        left.addLayout(actions)
        left.addWidget(self.counter)
        left.addWidget(self.tickets, 1)
        right = QVBoxLayout()
        right.addWidget(self.form)
        save = QHBoxLayout()
        save.addWidget(self.save_button)
        save.addStretch(1)
        right.addLayout(save)
        right.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(left, 5)
        row.addLayout(right, 4)
        QWidget.setTabOrder(self.table, self.new_button)
        QWidget.setTabOrder(self.new_button, self.tickets.choose_button)
        QWidget.setTabOrder(self.tickets.choose_button, self.tickets.failing)
        QWidget.setTabOrder(self.tickets.failing, self.tickets.import_button)
        QWidget.setTabOrder(self.tickets.import_button, self.form.titles["fi"])
        self.retranslate()

    def title(self) -> str:
        return self.tr("Events")

    def shown(self) -> None:
        self.refresh()
        self.calls.run(self._client.rooms, self._set_rooms)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.poll.start()  # in front again (another page left, or the window was restored)

    def hideEvent(self, event: QHideEvent) -> None:
        self.poll.stop()  # another page in front, or the window minimised: no polling
        super().hideEvent(event)

    def stop(self) -> None:
        self.poll.stop()

    def refresh(self) -> None:
        self.calls.run(self._client.events, self._show)

    def _set_rooms(self, rooms: tuple[RoomInfo, ...]) -> None:
        self.rooms = rooms
        self.form.set_rooms(rooms)
        self._fill()

    def _show(self, events: tuple[EventSummary, ...]) -> None:
        chosen = self.selected()
        self.events = events
        self._fill()
        if chosen is not None:
            for row, event in enumerate(events):
                if event.id == chosen.id:
                    self.table.selectRow(row)

    def _fill(self) -> None:
        code = language_code()
        rooms = {r.id: r.name for r in self.rooms}
        fill(
            self.table,
            [
                (
                    e.title.get(code),
                    rooms.get(e.room_id, e.room_id) if e.room_id else self.tr("The whole Lab"),
                    f"{format_short_date(e.starts_at, self._tz)} "
                    f"{format_range(e.starts_at, e.ends_at, self._tz)}",
                    self._count_text(e.checked_in, e.capacity),
                )
                for e in self.events
            ],
        )

    def _count_text(self, count: int, capacity: int | None) -> str:
        if capacity:
            return self.tr("{count} / {capacity}").format(count=count, capacity=capacity)
        return str(count)

    def selected(self) -> EventSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.events):
            return None
        return self.events[rows[0].row()]

    def _selected(self) -> None:
        event = self.selected()
        self.tickets.for_event(event.id if event is not None else None)
        if event is None:
            self.count = None
        else:
            self.form.edit(event)
            self.count = EventCounter(event.id, event.checked_in, event.tickets, 0, event.capacity)
            self.poll_count()
        self._counter()

    def _new(self) -> None:
        self.table.clearSelection()
        self.form.clear()
        self.form.titles["fi"].setFocus()

    def save(self) -> None:
        draft = self.form.draft()
        if draft is None:
            return
        self.save_button.setEnabled(False)
        client = self._client
        self.calls.run(
            lambda: client.save_event(draft),
            lambda _e: self._saved(),
            lambda _p: self.save_button.setEnabled(True),
        )

    def _saved(self) -> None:
        self.save_button.setEnabled(True)
        self.say(lambda: self.tr("Event saved."))
        self.refresh()

    def _tickets_imported(self, made: int, refused: int) -> None:
        self.say(
            lambda: self.tr("Tickets imported: {made}. Rows refused: {refused}.").format(
                made=made, refused=refused
            )
        )
        self.refresh()

    def poll_count(self) -> None:
        event = self.selected()
        if event is None or self._polling:
            return
        self._polling = True
        client = self._client

        def done(count: EventCounter) -> None:
            self._polling = False
            if self.count is not None and count.event_id == self.count.event_id:
                self.count = count
                self._counter()

        def failed(_p: object) -> None:
            self._polling = False

        self.calls.run(lambda: client.event_counter(event.id), done, failed)

    def _counter(self) -> None:
        count = self.count
        if count is None:
            self.counter.setText(self.tr("Choose an event to see its check-ins."))
        else:
            self.counter.setText(
                self.tr("Checked in: {count}").format(
                    count=self._count_text(count.checked_in, count.capacity)
                )
            )
        self.counter.setAccessibleName(self.counter.text())

    def retranslate(self) -> None:
        self.list_label.setText(self.tr("Events"))
        self.table.setAccessibleName(self.tr("Events"))
        set_headers(
            self.table, (self.tr("Title"), self.tr("Where"), self.tr("When"), self.tr("Checked in"))
        )
        self.new_button.setText(self.tr("&New event"))
        self.save_button.setText(self.tr("Sa&ve the event"))
        self._counter()
        self._fill()
