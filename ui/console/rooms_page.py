"""Rooms: a room's bookings for one week, by day; switching a room or the Lab to a mode.

The switch goes through the service under the same rules as the host panel (the service
decides and versions the mode); the console asks for a confirmation first, in a sentence that
names the room, the mode and the time, because a switch turns bookers away.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from itertools import pairwise

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.client import StaffClient
from kiosk.console.models import MODES, BookingInfo, ModeResult, RoomInfo
from ui.common.formatting import format_date, format_range, format_when
from ui.console.calls import ConsoleCalls
from ui.console.event_form import WHOLE_LAB, from_qt, to_qt
from ui.console.form import FormRows
from ui.console.page import ConsolePage, SiteTime
from ui.console.tables import fill, read_only_table, set_headers


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class RoomsPage(ConsolePage):
    def __init__(
        self,
        client: StaffClient,
        calls: ConsoleCalls,
        site: SiteTime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(client, calls, site, parent)
        self.week_start = monday_of(site.today())
        self.week: tuple[BookingInfo, ...] | None = None
        self.rooms: tuple[RoomInfo, ...] = ()
        # Asks "really?" with the sentence given; a test answers for the person.
        self.confirm: Callable[[str], bool] = self._ask

        self.room = QComboBox(self)
        self.room.setObjectName("roomsRoom")
        self.room.currentIndexChanged.connect(lambda _i: self.load_week())
        self.room_label = QLabel(self)
        self.room_label.setBuddy(self.room)
        self.previous_button = QPushButton(self)
        self.previous_button.setObjectName("roomsPreviousWeek")
        self.previous_button.clicked.connect(lambda: self.move_week(-7))
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("roomsNextWeek")
        self.next_button.clicked.connect(lambda: self.move_week(7))
        self.week_label = QLabel(self)
        self.week_label.setProperty("role", "heading")
        self.week_label.setWordWrap(True)
        self.table = read_only_table("roomsWeek", self, stretch=2)
        self.week_label.setBuddy(self.table)
        self.now_mode = QLabel(self)
        self.now_mode.setObjectName("roomsNowMode")

        self.switch_box = QGroupBox(self)
        self.target = QComboBox(self.switch_box)
        self.target.setObjectName("modeTarget")
        self.mode = QComboBox(self.switch_box)
        self.mode.setObjectName("modeMode")
        for mode in MODES:
            self.mode.addItem("", mode)
        self.until = QDateTimeEdit(self.switch_box)
        self.until.setObjectName("modeUntil")
        self.until.setCalendarPopup(True)
        self.until.setDateTime(to_qt(site.now() + timedelta(hours=2), site.tz))
        self.mode_title = QLineEdit(self.switch_box)
        self.mode_title.setObjectName("modeTitle")
        self.mode.currentIndexChanged.connect(
            lambda _i: self.mode_title.setEnabled(self.mode.currentData() == "event")
        )
        self.switch_button = QPushButton(self.switch_box)
        self.switch_button.setObjectName("modeSwitch")
        self.switch_button.setProperty("kind", "primary")
        self.switch_button.clicked.connect(self.switch)
        form = QFormLayout()
        # Labels above their fields: the panel is narrow, and Finnish labels are long.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.rows = FormRows(form)
        self.rows.add(self.target, lambda: self.tr("&Room or the whole Lab"))
        self.rows.add(self.mode, lambda: self.tr("&Mode"))
        self.rows.add(self.until, lambda: self.tr("&Until"))
        self.rows.add(self.mode_title, lambda: self.tr("&Event's name (shown on the doors)"))
        box = QVBoxLayout(self.switch_box)
        box.addLayout(form)
        self.switch_error = QLabel(self.switch_box)
        self.switch_error.setObjectName("modeError")
        self.switch_error.setWordWrap(True)
        box.addWidget(self.switch_button)
        box.addWidget(self.switch_error)

        top = QHBoxLayout()
        top.addWidget(self.room_label)
        top.addWidget(self.room, 1)
        week = QHBoxLayout()
        week.addWidget(self.week_label, 1)
        week.addWidget(self.previous_button)
        week.addWidget(self.next_button)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.now_mode)
        left.addLayout(week)
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addWidget(self.switch_box)
        right.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(left, 5)
        row.addLayout(right, 3)
        order = (self.room, self.previous_button, self.next_button, self.table, self.target)
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Rooms")

    def shown(self) -> None:
        self.calls.run(self._client.rooms, self.set_rooms)

    def set_rooms(self, rooms: tuple[RoomInfo, ...]) -> None:
        """The rooms with their modes now; the choices keep what was chosen."""
        self.rooms = rooms
        chosen, target = self.room.currentData(), self.target.currentData()
        self.room.blockSignals(True)
        self.room.clear()
        self.target.clear()
        self.target.addItem(self.tr("The whole Lab"), WHOLE_LAB)
        for room in rooms:
            self.room.addItem(room.name, room.id)
            self.target.addItem(room.name, room.id)
        self.room.setCurrentIndex(max(0, self.room.findData(chosen)))
        self.target.setCurrentIndex(max(0, self.target.findData(target)))
        self.room.blockSignals(False)
        self.load_week(follow=chosen is None)

    def move_week(self, days: int) -> None:
        self.week_start += timedelta(days=days)
        self.load_week()

    def load_week(self, *, follow: bool = True) -> None:
        """Fetch the chosen room's week; ``follow``: the switch's target becomes that room."""
        room = self.room.currentData()
        if room is None:
            return
        if follow:
            self.target.setCurrentIndex(max(0, self.target.findData(room)))
        self._now_mode()
        client, start = self._client, self.week_start
        self.calls.run(lambda: client.week(str(room), start), self._show)

    def _show(self, week: tuple[BookingInfo, ...]) -> None:
        self.week = week
        self._fill()

    def _now_mode(self) -> None:
        room = next((r for r in self.rooms if r.id == self.room.currentData()), None)
        if room is None:
            self.now_mode.clear()
            return
        mode = self._mode_name(room.mode)
        if room.mode_until is not None and room.mode != "normal":
            now = self._site.now()
            mode = self.tr("{mode} until {time}").format(
                mode=mode, time=format_when(room.mode_until, now, self._tz)
            )
        self.now_mode.setText(self.tr("Now: {mode}").format(mode=mode))

    def _fill(self) -> None:
        start = datetime(
            self.week_start.year, self.week_start.month, self.week_start.day, tzinfo=self._tz
        )
        end = start + timedelta(days=6)
        self.week_label.setText(
            self.tr("Week {number}: {first} – {last}").format(
                number=self.week_start.isocalendar().week,
                first=format_date(start, self._tz),
                last=format_date(end, self._tz),
            )
        )
        week = self.week
        if week is None:
            fill(self.table, [])
            return
        rows: list[tuple[str, str, str, str]] = []
        for booking in sorted(week, key=lambda b: b.starts_at):
            rows.append(
                (
                    format_date(booking.starts_at, self._tz),
                    format_range(booking.starts_at, booking.ends_at, self._tz),
                    booking.title or self.tr("Booked (private)"),
                    booking.organiser or "",
                )
            )
        if not rows:
            rows.append(("", "", self.tr("No bookings this week."), ""))
        fill(self.table, rows)

    def switch(self) -> None:
        target = str(self.target.currentData() or "")
        mode = str(self.mode.currentData())
        until = from_qt(self.until.dateTime(), self._tz)
        if until <= self._site.now():
            self.switch_error.setText(self.tr("Choose a time in the future."))
            self.until.setFocus()
            return
        self.switch_error.clear()
        if not self.confirm(self.sentence(self.target.currentText(), mode, until)):
            return
        title = self.mode_title.text().strip() if mode == "event" else ""
        self.switch_button.setEnabled(False)
        client = self._client
        self.calls.run(
            lambda: client.switch_mode(target or None, mode, until, title or None),
            self._switched,
            lambda _p: self.switch_button.setEnabled(True),
        )

    def sentence(self, where: str, mode: str, until: datetime) -> str:
        time = format_when(until, self._site.now(), self._tz)
        if mode == "event":
            return self.tr("Switch {where} to event mode until {time}?").format(
                where=where, time=time
            )
        if mode == "closed":
            return self.tr("Close {where} until {time}?").format(where=where, time=time)
        return self.tr("Switch {where} to normal until {time}?").format(where=where, time=time)

    def _ask(self, sentence: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Switch the mode"), sentence)
        return answer == QMessageBox.StandardButton.Yes

    def _switched(self, result: ModeResult) -> None:
        self.switch_button.setEnabled(True)
        where = self.target.currentText()
        self.say(
            lambda: self.tr("Switched: {where} is now {mode}.").format(
                where=where, mode=self._mode_name(result.mode).lower()
            )
        )
        self.calls.run(self._client.rooms, self.set_rooms)

    def _mode_name(self, mode: str) -> str:
        names = {
            "event": self.tr("Event"),
            "closed": self.tr("Closed"),
            "normal": self.tr("Normal"),
        }
        return names.get(mode, mode)

    def retranslate(self) -> None:
        self.room_label.setText(self.tr("R&oom"))
        self.room.setAccessibleName(self.room_label.text().replace("&", ""))
        self.previous_button.setText(self.tr("&Previous week"))
        self.next_button.setText(self.tr("Ne&xt week"))
        self.table.setAccessibleName(self.tr("Bookings this week"))
        set_headers(self.table, (self.tr("Day"), self.tr("Time"), self.tr("What"), self.tr("Who")))
        self.switch_box.setTitle(self.tr("Switch a room or the whole Lab"))
        for i, mode in enumerate(MODES):
            self.mode.setItemText(i, self._mode_name(mode))
        if self.target.count():
            self.target.setItemText(0, self.tr("The whole Lab"))
        self.switch_button.setText(self.tr("S&witch…"))
        self.rows.retranslate()
        self._now_mode()
        self._fill()
