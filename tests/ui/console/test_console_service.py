"""The console's window driven through the real service (in-process, on loopback) and a real
central store: SQLite, and PostgreSQL when ``KIOSK_TEST_PG_URL`` is set."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.central.credentials import revoke
from kiosk.console.client import StaffClient
from kiosk.store.models import Invitation, InvitationEmail, RoomMode
from tests.console.helpers import HELSINKI, Site, staff_site
from tests.stores import NOON
from ui.common.i18n import LanguageManager
from ui.console.event_form import to_qt
from ui.console.invite_form import to_qdate
from ui.console.main import build_console
from ui.console.page import ConsolePage
from ui.console.problems import ProblemKind
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
    assert "nobody@lab.example" in cell(many.failing, 0, 2)
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
