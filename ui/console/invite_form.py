""" "Invite a visitor": name, e-mail, host, the day(s) and the e-mail's language; Send.

The service makes the invitation and sends the e-mail (with the QR code) through its outbox;
the form only checks what a person can fix here (a name, an address that looks like one, a
last day not before the first) and says so beside the button, in words.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import pairwise

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.client import StaffClient
from kiosk.console.models import Host, InviteCreated, InviteRequest
from ui.common.i18n import LANGUAGES
from ui.console.calls import ConsoleCalls
from ui.console.form import FormRows
from ui.console.page import SiteTime


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class InviteForm(QWidget):
    sent = Signal(object)  # InviteCreated

    def __init__(
        self, client: StaffClient, calls: ConsoleCalls, site: SiteTime, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._calls = calls
        self._site = site
        self._tz = site.tz
        self.name = QLineEdit(self)
        self.name.setObjectName("inviteName")
        self.company = QLineEdit(self)
        self.company.setObjectName("inviteCompany")
        self.email = QLineEdit(self)
        self.email.setObjectName("inviteEmail")
        self.host = QComboBox(self)
        self.host.setObjectName("inviteHost")
        self.first_day = QDateEdit(self)
        self.first_day.setObjectName("inviteFirstDay")
        self.last_day = QDateEdit(self)
        self.last_day.setObjectName("inviteLastDay")
        for field in (self.first_day, self.last_day):
            field.setCalendarPopup(True)
            field.setDate(to_qdate(site.today()))
        self.first_day.dateChanged.connect(self._first_day_moved)
        self.language = QComboBox(self)
        self.language.setObjectName("inviteLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("inviteSend")
        self.send_button.setProperty("kind", "primary")
        self.send_button.clicked.connect(self.send)
        self.error = QLabel(self)
        self.error.setObjectName("inviteError")
        self.error.setWordWrap(True)

        form = QFormLayout()
        self.rows = FormRows(form)
        self.rows.add(self.name, lambda: self.tr("Visitor's &name"))
        self.rows.add(self.company, lambda: self.tr("&Organisation (if any)"))
        self.rows.add(self.email, lambda: self.tr("Visitor's &e-mail"))
        self.rows.add(self.host, lambda: self.tr("&Host"))
        self.rows.add(self.first_day, lambda: self.tr("&First day"))
        self.rows.add(self.last_day, lambda: self.tr("&Last day"))
        self.rows.add(self.language, lambda: self.tr("E-mail's l&anguage"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.error, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addStretch(1)
        self.setMaximumWidth(760)
        chain = (
            *(self.name, self.company, self.email, self.host),
            *(self.first_day, self.last_day, self.language, self.send_button),
        )
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)
        self.retranslate()

    def load_hosts(self) -> None:
        self._calls.run(self._client.hosts, self.set_hosts)

    def set_hosts(self, hosts: tuple[Host, ...]) -> None:
        chosen = self.host.currentData()
        self.host.clear()
        for host in hosts:
            self.host.addItem(host.name, host.id)
        if chosen is not None:
            index = self.host.findData(chosen)
            if index >= 0:
                self.host.setCurrentIndex(index)

    def _first_day_moved(self, day: QDate) -> None:
        if self.last_day.date() < day:
            self.last_day.setDate(day)

    def request(self) -> InviteRequest | None:
        """What the form asks for, or None with the reason shown beside the button."""
        problem = self._problem()
        if problem is not None:
            why, field = problem
            self.error.setText(why)
            field.setFocus()
            return None
        self.error.clear()
        first, last = to_date(self.first_day.date()), to_date(self.last_day.date())
        return InviteRequest(
            name=self.name.text().strip(),
            host_id=self.host.currentData(),
            # From the first day's local midnight to the one after the last day.
            valid_from=datetime.combine(first, time(), self._tz),
            valid_to=datetime.combine(last + timedelta(days=1), time(), self._tz),
            company=self.company.text().strip() or None,
            email=self.email.text().strip(),
            lang=str(self.language.currentData()),
        )

    def _problem(self) -> tuple[str, QWidget] | None:
        if not self.name.text().strip():
            return self.tr("Write the visitor's name."), self.name
        local, at, domain = self.email.text().strip().partition("@")
        if not (local and at and "." in domain):
            return self.tr("Write the visitor's e-mail address."), self.email
        if self.host.currentData() is None:
            return self.tr("Choose the host."), self.host
        if self.last_day.date() < self.first_day.date():
            return self.tr("The last day is before the first."), self.last_day
        return None

    def send(self) -> None:
        request = self.request()
        if request is None:
            return
        self.send_button.setEnabled(False)
        client = self._client
        self._calls.run(lambda: client.invite(request), self._sent, lambda _p: self._failed())

    def _sent(self, created: InviteCreated) -> None:
        self.send_button.setEnabled(True)
        for field in (self.name, self.company, self.email):
            field.clear()
        self.sent.emit(created)

    def _failed(self) -> None:
        self.send_button.setEnabled(True)

    def retranslate(self) -> None:
        self.rows.retranslate()
        self.intro.setText(
            self.tr(
                "The visitor gets an e-mail with a QR code for the lobby, in the language you "
                "choose, and you are told when they arrive."
            )
        )
        self.send_button.setText(self.tr("&Send the invitation"))
        self.error.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
