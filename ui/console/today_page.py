"""Today: who is expected and who is in, with a refresh; the invitation forms beside them.

Three tabs: the day's two tables, "Invite a visitor" (``invite_form``) and "Invite many"
(``invite_many``). The tables are fetched when the page is shown and when Refresh is pressed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.client import StaffClient
from kiosk.console.models import ExpectedVisitor, InviteCreated, TodayView
from ui.common.formatting import format_time
from ui.console.calls import ConsoleCalls
from ui.console.invite_form import InviteForm
from ui.console.invite_many import InviteMany
from ui.console.page import ConsolePage, SiteTime
from ui.console.tables import fill, read_only_table, set_headers


class TodayPage(ConsolePage):
    def __init__(
        self,
        client: StaffClient,
        calls: ConsoleCalls,
        site: SiteTime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(client, calls, site, parent)
        self.view: TodayView | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("todayTabs")

        day = QWidget(self.tabs)
        self.heading = QLabel(day)
        self.heading.setProperty("role", "heading")
        self.refresh_button = QPushButton(day)
        self.refresh_button.setObjectName("todayRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.expected_label = QLabel(day)
        self.expected_label.setProperty("role", "heading")
        self.expected = read_only_table("expectedTable", day, stretch=0)
        self.expected_label.setBuddy(self.expected)
        self.inside_label = QLabel(day)
        self.inside_label.setProperty("role", "heading")
        self.inside = read_only_table("insideTable", day, stretch=0)
        self.inside_label.setBuddy(self.inside)
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.refresh_button)
        left = QVBoxLayout()
        left.addWidget(self.expected_label)
        left.addWidget(self.expected, 1)
        right = QVBoxLayout()
        right.addWidget(self.inside_label)
        right.addWidget(self.inside, 1)
        tables = QHBoxLayout()
        tables.addLayout(left, 3)
        tables.addLayout(right, 2)
        column = QVBoxLayout(day)
        column.addLayout(bar)
        column.addLayout(tables, 1)

        self.invite = InviteForm(client, calls, site, self.tabs)
        self.invite.sent.connect(self._invited)
        self.many = InviteMany(client, calls, self.tabs)
        self.many.imported.connect(self._imported)
        self.tabs.addTab(day, "")
        self.tabs.addTab(self.invite, "")
        self.tabs.addTab(self.many, "")
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        QWidget.setTabOrder(self.refresh_button, self.expected)
        QWidget.setTabOrder(self.expected, self.inside)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Today")

    def shown(self) -> None:
        self.refresh()
        self.invite.load_hosts()

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        client, day = self._client, self._site.today()
        self.calls.run(lambda: client.today(day), self._show, lambda _p: self._done())

    def _done(self) -> None:
        self.refresh_button.setEnabled(True)

    def _show(self, view: TodayView) -> None:
        self._done()
        self.view = view
        self._fill()

    def _fill(self) -> None:
        view = self.view
        if view is None:
            return
        fill(
            self.expected,
            [(v.name, v.company or "", v.host_name or "", self._status(v)) for v in view.expected],
        )
        fill(
            self.inside,
            [
                (p.name, p.company or "", self._kind(p.kind), format_time(p.since, self._tz))
                for p in view.inside
            ],
        )
        self.expected_label.setText(
            self.tr("Expected visitors ({count})").format(count=len(view.expected))
        )
        inside = len(view.inside)
        self.inside_label.setText(self.tr("In the Lab now ({count})").format(count=inside))

    def _status(self, visitor: ExpectedVisitor) -> str:
        at = format_time(visitor.checked_in_at, self._tz) if visitor.checked_in_at else ""
        if visitor.status == "inside":
            return self.tr("in since {time}").format(time=at)
        if visitor.status == "left":
            return self.tr("came at {time}, left").format(time=at)
        if visitor.status == "revoked":
            return self.tr("invitation revoked")
        return self.tr("expected")

    def _kind(self, kind: str) -> str:
        return {"visitor": self.tr("visitor"), "member": self.tr("member")}.get(kind, kind)

    def _invited(self, created: InviteCreated) -> None:
        name = created.name
        self.say(
            lambda: self.tr("Invitation made for {name}; the e-mail is on its way.").format(
                name=name
            )
        )
        self.refresh()

    def _imported(self, made: int, emails: int) -> None:
        self.say(
            lambda: self.tr("Invitations made: {made}; e-mails on their way: {emails}.").format(
                made=made, emails=emails
            )
        )
        self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Today in the Lab"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.expected_label.setText(self.tr("Expected visitors"))
        self.inside_label.setText(self.tr("In the Lab now"))
        self.expected.setAccessibleName(self.tr("Expected visitors"))
        self.inside.setAccessibleName(self.tr("In the Lab now"))
        set_headers(
            self.expected,
            (self.tr("Name"), self.tr("Organisation"), self.tr("Host"), self.tr("Status")),
        )
        set_headers(
            self.inside,
            (self.tr("Name"), self.tr("Organisation"), self.tr("Who"), self.tr("Since")),
        )
        self.tabs.setTabText(0, self.tr("Today"))
        self.tabs.setTabText(1, self.tr("Invite a visitor"))
        self.tabs.setTabText(2, self.tr("Invite many"))
        self._fill()
