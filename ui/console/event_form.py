"""The event form: title and description in Finnish, Swedish and English, where, when.

Doors and lobbies show an event in the visitor's language, so all three titles are asked for
(a screen falls back to the Finnish for an empty one). "Where" is a room or the whole
Lab. The form makes an ``EventDraft``; saving it is the page's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QEvent, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.models import EventDraft, EventSummary, LocalText, RoomInfo
from ui.common.i18n import LANGUAGES
from ui.console.form import FormRows
from ui.console.page import SiteTime

WHOLE_LAB = ""  # the "where" choice's data for the whole Lab


def to_qt(moment: datetime, tz: ZoneInfo) -> QDateTime:
    """The site's wall-clock time (the fields show the Lab's time, whatever the computer's)."""
    local = moment.astimezone(tz)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qt(value: QDateTime, tz: ZoneInfo) -> datetime:
    """A field's wall-clock time read as the site's."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=tz)


class EventForm(QWidget):
    def __init__(self, site: SiteTime, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._site = site
        self._tz = site.tz
        self.editing: EventSummary | None = None
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.titles: dict[str, QLineEdit] = {}
        self.descriptions: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        self.rows = FormRows(form)
        for code, language in LANGUAGES.items():
            title = QLineEdit(self)
            title.setObjectName(f"eventTitle_{code}")
            self.titles[code] = title
            self.rows.add(title, self._label(True, language))
        for code, language in LANGUAGES.items():
            text = QPlainTextEdit(self)
            text.setObjectName(f"eventDescription_{code}")
            text.setTabChangesFocus(True)
            text.setFixedHeight(72)
            self.descriptions[code] = text
            self.rows.add(text, self._label(False, language))
        self.where = QComboBox(self)
        self.where.setObjectName("eventWhere")
        self.rows.add(self.where, lambda: self.tr("&Where"))
        self.starts = QDateTimeEdit(self)
        self.starts.setObjectName("eventStarts")
        self.ends = QDateTimeEdit(self)
        self.ends.setObjectName("eventEnds")
        for field in (self.starts, self.ends):
            field.setCalendarPopup(True)
        self.rows.add(self.starts, lambda: self.tr("&Starts"))
        self.rows.add(self.ends, lambda: self.tr("&Ends"))
        self.capacity = QSpinBox(self)
        self.capacity.setObjectName("eventCapacity")
        self.capacity.setRange(0, 100_000)
        self.rows.add(self.capacity, lambda: self.tr("&Capacity (0: no limit)"))
        self.walkins = QCheckBox(self)
        self.walkins.setObjectName("eventWalkins")
        self.rows.add(self.walkins, lambda: self.tr("&Walk-ins welcome"))
        self.error = QLabel(self)
        self.error.setObjectName("eventError")
        self.error.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addWidget(self.error)
        self.set_rooms(())
        self.clear()

    def _label(self, title: bool, language: str) -> Callable[[], str]:
        def text() -> str:
            if title:
                return self.tr("Title ({language})").format(language=language)
            return self.tr("Description ({language})").format(language=language)

        return text

    def set_rooms(self, rooms: tuple[RoomInfo, ...]) -> None:
        chosen = self.where.currentData()
        self.where.clear()
        self.where.addItem(self.tr("The whole Lab"), WHOLE_LAB)
        for room in rooms:
            self.where.addItem(room.name, room.id)
        index = self.where.findData(chosen)
        self.where.setCurrentIndex(max(0, index))

    def clear(self) -> None:
        self.editing = None
        for title in self.titles.values():
            title.clear()
        for text in self.descriptions.values():
            text.clear()
        self.where.setCurrentIndex(0)
        start = self._site.now()
        start = start.replace(minute=0, second=0, microsecond=0)
        self.starts.setDateTime(to_qt(start, self._tz).addSecs(3600))
        self.ends.setDateTime(to_qt(start, self._tz).addSecs(3 * 3600))
        self.capacity.setValue(0)
        self.walkins.setChecked(False)
        self.error.clear()
        self._heading()

    def edit(self, event: EventSummary) -> None:
        self.editing = event
        for code, title in self.titles.items():
            title.setText(getattr(event.title, code))
        for code, text in self.descriptions.items():
            text.setPlainText(getattr(event.description, code))
        self.where.setCurrentIndex(max(0, self.where.findData(event.room_id or WHOLE_LAB)))
        self.starts.setDateTime(to_qt(event.starts_at, self._tz))
        self.ends.setDateTime(to_qt(event.ends_at, self._tz))
        self.capacity.setValue(event.capacity or 0)
        self.walkins.setChecked(event.allow_walkins)
        self.error.clear()
        self._heading()

    def draft(self) -> EventDraft | None:
        """The form as a draft, or None with the reason shown beside it."""
        titles = {c: f.text().strip() for c, f in self.titles.items()}
        if not titles["fi"]:
            # Finnish is what every screen falls back to (``LocalText.get``).
            self.error.setText(self.tr("Write the title in Finnish at least."))
            self.titles["fi"].setFocus()
            return None
        starts = from_qt(self.starts.dateTime(), self._tz)
        ends = from_qt(self.ends.dateTime(), self._tz)
        if ends <= starts:
            self.error.setText(self.tr("The event ends before it starts."))
            self.ends.setFocus()
            return None
        self.error.clear()
        where = str(self.where.currentData() or "")
        return EventDraft(
            id=self.editing.id if self.editing is not None else None,
            title=LocalText(**titles),
            description=LocalText(
                **{c: t.toPlainText().strip() for c, t in self.descriptions.items()}
            ),
            room_id=where or None,
            starts_at=starts,
            ends_at=ends,
            capacity=self.capacity.value() or None,
            allow_walkins=self.walkins.isChecked(),
            online_url=self.editing.online_url if self.editing is not None else None,
        )

    def _heading(self) -> None:
        if self.editing is None:
            self.heading.setText(self.tr("New event"))
        else:
            self.heading.setText(self.tr("Edit event"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.rows.retranslate()
            self.where.setItemText(0, self.tr("The whole Lab"))
            self._heading()
        super().changeEvent(event)
