"""The console's window driven through the real service (in-process, on loopback) and a real
central store: SQLite, and PostgreSQL when ``KIOSK_TEST_PG_URL`` is set."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.central.credentials import revoke
from kiosk.console.client import StaffClient
from kiosk.store.models import Invitation, InvitationEmail, RoomMode
from tests.console.helpers import HELSINKI, Site, staff_site
from tests.stores import NOON
from ui.common.i18n import LanguageManager
from ui.console.event_form import to_qt
from ui.console.events_page import EventsPage
from ui.console.invite_form import to_qdate
from ui.console.main import build_console
from ui.console.page import ConsolePage
from ui.console.problems import ProblemKind
from ui.console.report_page import ReportPage
from ui.console.rooms_page import RoomsPage
from ui.console.tables import cell
from ui.console.today_page import TodayPage
from ui.console.window import ConsoleWindow

LEFT = Qt.MouseButton.LeftButton
WAIT = 15_000  # ms; the service shares two cores with other test runs


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        yield s


@pytest.fixture
def console(
    qtbot: QtBot, site: Site, language: Callable[..., LanguageManager]
) -> Iterator[tuple[ConsoleWindow, StaffClient]]:
    client = site.client()
    window = build_console(client, language("en"), clock=site.service.clock)
    qtbot.addWidget(window)
    window.show()
    yield window, client
    window.close()
    client.close()


def idle(window: ConsoleWindow) -> Callable[[], bool]:
    return lambda: window.calls.pending == 0


def show(qtbot: QtBot, window: ConsoleWindow, page: type[ConsolePage]) -> ConsolePage:
    window.show_page(page)
    qtbot.waitUntil(idle(window), timeout=WAIT)
    return window.page(page)


def test_inviting_from_the_form_makes_the_invitation_and_lists_the_visitor(
    qtbot: QtBot, console: tuple[ConsoleWindow, StaffClient], site: Site
) -> None:
    window, _client = console
    today = show(qtbot, window, TodayPage)
    assert isinstance(today, TodayPage)
    qtbot.waitUntil(lambda: window.who.text() == "Signed in as Mikko Korhonen", timeout=WAIT)
    form = today.invite
    assert [form.host.itemText(i) for i in range(form.host.count())] == [
        "Aino Admin",
        "Mikko Korhonen",
    ]
    form.host.setCurrentIndex(1)
    form.name.setText("Eeva Ek")
    form.company.setText("OKM")
    form.email.setText("eeva@okm.example")
    form.first_day.setDate(to_qdate(site.service.clock.now().date()))
    form.language.setCurrentIndex(form.language.findData("sv"))

    qtbot.mouseClick(form.send_button, LEFT)
    qtbot.waitUntil(lambda: today.expected.rowCount() == 1, timeout=WAIT)

    assert [cell(today.expected, 0, c) for c in range(4)] == [
        "Eeva Ek",
        "OKM",
        "Mikko Korhonen",
        "expected",
    ]
    assert window.notice.label.text() == "Invitation made for Eeva Ek; the e-mail is on its way."
    assert form.name.text() == ""
    with site.service.store.engine.connect() as conn:
        invitation = conn.execute(select(Invitation)).one()
        mail = conn.execute(select(InvitationEmail)).one()
    assert invitation.kind == "visitor"
    assert invitation.valid_to - invitation.valid_from == timedelta(days=1)  # the one day
    assert (mail.address, mail.lang) == ("eeva@okm.example", "sv")


def test_the_csv_preview_shows_the_failing_rows_and_imports_the_good_ones(
    qtbot: QtBot, console: tuple[ConsoleWindow, StaffClient], site: Site, tmp_path: Path
) -> None:
    window, _client = console
    today = show(qtbot, window, TodayPage)
    assert isinstance(today, TodayPage)
    csv = tmp_path / "guests.csv"
    csv.write_text(
        "name,host,email\n"
        "Eeva Ek,mikko@lab.example,eeva@okm.example\n"
        "Olli Oja,nobody@lab.example,\n"
        "Tuuli Tie,mikko@lab.example,\n",
        encoding="utf-8",
    )
    many = today.many

    many.check(csv)
    qtbot.waitUntil(lambda: many.preview is not None, timeout=WAIT)

    assert many.failing.rowCount() == 1
    assert (cell(many.failing, 0, 0), cell(many.failing, 0, 1)) == ("3", "Olli Oja")
    assert cell(many.failing, 0, 2) == "host"
    assert "nobody@lab.example" in cell(many.failing, 0, 3)
    with site.service.store.engine.connect() as conn:
        assert conn.execute(select(Invitation)).all() == []  # a preview stores nothing
    assert many.import_button.isEnabled()

    qtbot.mouseClick(many.import_button, LEFT)
    qtbot.waitUntil(lambda: today.expected.rowCount() == 2, timeout=WAIT)
    assert sorted(cell(today.expected, r, 0) for r in range(2)) == ["Eeva Ek", "Tuuli Tie"]
    assert window.notice.label.text() == "Invitations made: 2; e-mails on their way: 1."


def test_switching_a_room_to_event_mode_asks_first_and_stores_the_mode(
    qtbot: QtBot, console: tuple[ConsoleWindow, StaffClient], site: Site
) -> None:
    window, _client = console
    rooms = show(qtbot, window, RoomsPage)
    assert isinstance(rooms, RoomsPage)
    qtbot.waitUntil(lambda: rooms.room.count() == 1, timeout=WAIT)
    asked: list[str] = []
    answers = iter((False, True))

    def confirm(sentence: str) -> bool:
        asked.append(sentence)
        return next(answers)

    rooms.confirm = confirm
    rooms.target.setCurrentIndex(rooms.target.findData("aurora"))
    rooms.mode.setCurrentIndex(rooms.mode.findData("event"))
    rooms.until.setDateTime(to_qt(NOON + timedelta(hours=3), HELSINKI))
    rooms.mode_title.setText("Avoimet ovet")

    rooms.switch()  # the first answer is no: nothing is sent
    assert window.calls.pending == 0
    rooms.switch()
    qtbot.waitUntil(lambda: "Now: Event" in rooms.now_mode.text(), timeout=WAIT)

    assert asked == ["Switch Aurora to event mode until 15:00?"] * 2
    with site.service.store.engine.connect() as conn:
        [mode] = conn.execute(select(RoomMode)).all()
    assert (mode.room_id, mode.mode, mode.title) == ("aurora", "event", "Avoimet ovet")
    assert mode.set_by == site.host_id


def test_a_credential_revoked_mid_session_is_said_and_the_window_stays_usable(
    qtbot: QtBot, console: tuple[ConsoleWindow, StaffClient], site: Site
) -> None:
    window, _client = console
    today = show(qtbot, window, TodayPage)
    assert isinstance(today, TodayPage)
    assert window.problems.problem is None
    with site.service.store.engine.begin() as conn:
        revoke(conn, "staff-mikko", site.service.clock.now())

    # The service honours a revocation within AUTH_TTL (2 s): the staff member refreshes on.
    deadline = time.monotonic() + WAIT / 1000
    while window.problems.problem is None and time.monotonic() < deadline:
        qtbot.mouseClick(today.refresh_button, LEFT)
        qtbot.waitUntil(idle(window), timeout=WAIT)
        if window.problems.problem is None:
            qtbot.wait(300)

    assert window.problems.problem is not None
    assert window.problems.problem.kind is ProblemKind.CREDENTIAL
    assert window.problems.label.text() == (
        "Your staff credential is no longer valid. Ask IT for a new one."
    )
    assert today.refresh_button.isEnabled()  # nothing hangs on the refused call
    window.language.setCurrentIndex(window.language.findData("sv"))
    qtbot.waitUntil(lambda: window.problems.label.text().startswith("Din personalinloggning"))
    show(qtbot, window, RoomsPage)  # other pages still open; they say the same
    assert window.stack.currentWidget() is window.page(RoomsPage)
    assert window.problems.problem.kind is ProblemKind.CREDENTIAL


def test_an_event_made_in_the_form_is_listed_with_its_live_counter(
    qtbot: QtBot, console: tuple[ConsoleWindow, StaffClient], site: Site
) -> None:
    window, _client = console
    events = show(qtbot, window, EventsPage)
    assert isinstance(events, EventsPage)
    form = events.form
    form.titles["fi"].setText("Avoimet ovet")
    form.titles["sv"].setText("Öppet hus")
    form.titles["en"].setText("Open house")
    form.starts.setDateTime(to_qt(NOON + timedelta(hours=1), HELSINKI))
    form.ends.setDateTime(to_qt(NOON + timedelta(hours=4), HELSINKI))
    form.capacity.setValue(80)

    qtbot.mouseClick(events.save_button, LEFT)
    qtbot.waitUntil(lambda: events.table.rowCount() == 1, timeout=WAIT)
    assert [cell(events.table, 0, c) for c in (0, 1, 3)] == [
        "Open house",
        "The whole Lab",
        "0 / 80",
    ]

    events.table.selectRow(0)
    assert form.titles["sv"].text() == "Öppet hus"  # chosen: in the form, to edit
    qtbot.waitUntil(lambda: events.counter.text() == "Checked in: 0 / 80", timeout=WAIT)
    assert events.poll.isActive()  # polling while the page is in front
    window.show_page(TodayPage)
    assert not events.poll.isActive()
    window.show_page(EventsPage)
    assert events.poll.isActive()
    window.showMinimized()  # nobody looks: nobody polls
    qtbot.waitUntil(lambda: not events.poll.isActive())


def test_the_report_is_saved_and_opened(
    qtbot: QtBot, console: tuple[ConsoleWindow, StaffClient], site: Site
) -> None:
    from kiosk.rooms.bookings import add_booking

    window, _client = console
    with site.service.store.engine.begin() as conn:  # something to report
        add_booking(
            conn,
            room_id="aurora",
            title="Tiimipalaveri",
            starts_at=NOON - timedelta(days=2),
            ends_at=NOON - timedelta(days=2, hours=-1),
            now=site.service.clock.now(),
        )
    report = show(qtbot, window, ReportPage)
    assert isinstance(report, ReportPage)
    opened: list[Path] = []
    report.opener = lambda path: opened.append(path) or True
    report.kind.setCurrentIndex(report.kind.findData("html"))
    report.language.setCurrentIndex(report.language.findData("sv"))
    report.language.activated.emit(report.language.currentIndex())

    qtbot.mouseClick(report.make_button, LEFT)
    qtbot.waitUntil(idle(window), timeout=WAIT)

    assert window.problems.problem is None, window.problems.label.text()
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)

    [path] = opened
    try:
        assert path.suffix == ".html"
        assert '<html lang="sv">' in path.read_text(encoding="utf-8")
        assert report.status.text() == f"Saved: {path}"
    finally:
        path.unlink()
        path.parent.rmdir()


def test_every_field_has_a_visible_label_and_an_accessible_name(
    qtbot: QtBot, console: tuple[ConsoleWindow, StaffClient]
) -> None:
    window, _client = console
    fields = (
        QLineEdit,
        QPlainTextEdit,
        QComboBox,
        QDateTimeEdit,
        QSpinBox,
        QCheckBox,
        QTableWidget,
    )
    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in window.findChildren(QWidget)
        if isinstance(w, fields)
        and w.parent() is not None
        and not isinstance(w.parent(), (QComboBox, QDateTimeEdit, QSpinBox))  # their insides
        and (not w.accessibleName() or w not in buddies)
    ]
    assert unnamed == []


def test_tickets_are_checked_first_then_the_good_rows_imported(
    qtbot: QtBot, console: tuple[ConsoleWindow, StaffClient], site: Site, tmp_path: Path
) -> None:
    from kiosk.console.models import EventDraft, LocalText

    window, client = console
    start = NOON + timedelta(hours=2)
    event = client.save_event(
        EventDraft(LocalText("Avoimet ovet"), start, start + timedelta(hours=3))
    )
    events = show(qtbot, window, EventsPage)
    assert isinstance(events, EventsPage)
    tickets = events.tickets
    assert not tickets.choose_button.isEnabled()  # no event chosen yet
    qtbot.waitUntil(lambda: events.table.rowCount() == 1, timeout=WAIT)
    events.table.selectRow(0)
    assert tickets.event_id == event.id and tickets.choose_button.isEnabled()
    csv = tmp_path / "tickets.csv"
    csv.write_text("name,organisation\nEeva Ek,OKM\n,VM\nOlli Oja,\n", encoding="utf-8")

    tickets.check(csv)
    qtbot.waitUntil(lambda: tickets.preview is not None, timeout=WAIT)

    assert tickets.summary.text() == "Rows that can be imported: 2. Rows that will fail: 1."
    assert [cell(tickets.failing, 0, c) for c in range(4)] == [
        "3",
        "",
        "name",
        "The visitor's name is missing.",
    ]
    assert client.events()[0].tickets == 0  # the check wrote nothing
    qtbot.mouseClick(tickets.import_button, LEFT)
    qtbot.waitUntil(lambda: window.notice.label.text() != "", timeout=WAIT)
    assert window.notice.label.text() == "Tickets imported: 2. Rows refused: 1."
    assert client.events()[0].tickets == 2
    assert tickets.path is None and not tickets.import_button.isEnabled()
    assert tickets.summary.text() == "Rows imported: 2. Rows refused at the import: 1."
    assert tickets.failing.rowCount() == 1  # the refused row stays in view
    events.table.clearSelection()
    assert not tickets.choose_button.isEnabled()
