"""The console's forms and tables with plain values: what they send, what they show."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.base.clock import FixedClock
from kiosk.console.client import StaffClient
from kiosk.console.models import CsvOutcome, CsvRow, Host, RoomInfo
from tests.stores import NOON
from ui.common.i18n import LanguageManager
from ui.console.banner import ProblemBanner
from ui.console.calls import ConsoleCalls
from ui.console.event_form import EventForm
from ui.console.invite_form import InviteForm
from ui.console.invite_many import InviteMany
from ui.console.main import build_console
from ui.console.page import SiteTime
from ui.console.problems import Problem, ProblemKind
from ui.console.tables import cell


@pytest.fixture
def closed_port() -> int:
    """A loopback port nobody listens on: a real connection refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def offline_client(closed_port: int) -> Iterator[StaffClient]:
    client = StaffClient(f"http://127.0.0.1:{closed_port}", "no-token", timeout=2)
    yield client
    client.close()


@pytest.fixture
def calls(qtbot: QtBot) -> Iterator[ConsoleCalls]:
    calls = ConsoleCalls()
    yield calls
    calls.shutdown()


def test_the_invite_form_asks_for_the_visitors_days_in_the_sites_zone(
    qtbot: QtBot, offline_client: StaffClient, calls: ConsoleCalls, tz: ZoneInfo
) -> None:
    form = InviteForm(offline_client, calls, SiteTime(tz, FixedClock(NOON)), None)
    qtbot.addWidget(form)
    host = Host(uuid.uuid4(), "Mikko Korhonen")
    form.set_hosts((Host(uuid.uuid4(), "Anna Berg"), host))
    form.host.setCurrentIndex(1)
    form.name.setText("  Sofia Laine ")
    form.email.setText("sofia@example.org")
    form.first_day.setDate(QDate(2026, 12, 7))
    form.last_day.setDate(QDate(2026, 12, 8))
    form.language.setCurrentIndex(form.language.findData("sv"))

    request = form.request()

    assert request is not None
    assert request.name == "Sofia Laine"
    assert request.host_id == host.id
    assert request.valid_from == datetime(2026, 12, 7, tzinfo=tz)
    assert request.valid_to == datetime(2026, 12, 9, tzinfo=tz)  # through the last day
    assert (request.email, request.lang, request.company) == ("sofia@example.org", "sv", None)


def test_the_invite_form_says_what_is_missing_and_sends_nothing(
    qtbot: QtBot, offline_client: StaffClient, calls: ConsoleCalls, tz: ZoneInfo
) -> None:
    form = InviteForm(offline_client, calls, SiteTime(tz, FixedClock(NOON)), None)
    qtbot.addWidget(form)
    form.set_hosts((Host(uuid.uuid4(), "Mikko Korhonen"),))
    form.name.setText("Sofia Laine")
    form.email.setText("sofia.example.org")

    form.send()

    assert form.error.text() == "Write the visitor's e-mail address."
    assert calls.pending == 0
    assert form.send_button.isEnabled()


def test_the_csv_preview_lists_the_rows_that_will_fail_and_why(
    qtbot: QtBot, offline_client: StaffClient, calls: ConsoleCalls
) -> None:
    many = InviteMany(offline_client, calls, None)
    qtbot.addWidget(many)
    outcome = CsvOutcome(
        (
            CsvRow(2, "Sofia Laine", True),
            CsvRow(3, "Nobody Known", False, "host 'Ghost' is not a host"),
            CsvRow(4, "Eero Aalto", True),
        )
    )

    many._checked(outcome)

    assert many.failing.rowCount() == 1
    assert [cell(many.failing, 0, c) for c in range(4)] == [
        "3",
        "Nobody Known",
        "",  # no column: an older service's refusal names none
        "The service said no: host 'Ghost' is not a host",  # no code: an older service
    ]
    assert many.summary.text() == "Rows that can be imported: 2. Rows that will fail: 1."
    assert many.import_button.isEnabled()
    many._checked(CsvOutcome((CsvRow(2, "X", False, "no host"),)))
    assert not many.import_button.isEnabled()


def test_the_event_form_makes_a_lab_wide_draft_with_three_languages(
    qtbot: QtBot, tz: ZoneInfo
) -> None:
    form = EventForm(SiteTime(tz, FixedClock(NOON)), None)
    qtbot.addWidget(form)
    form.set_rooms((RoomInfo("aurora", "Aurora", "normal", None, None),))
    form.titles["fi"].setText("Avoimet ovet")
    form.titles["en"].setText("Open house")
    form.descriptions["sv"].setPlainText("Välkommen!")

    draft = form.draft()

    assert draft is not None
    assert (draft.title.fi, draft.title.sv, draft.title.en) == ("Avoimet ovet", "", "Open house")
    assert draft.description.sv == "Välkommen!"
    assert draft.room_id is None
    assert draft.ends_at > draft.starts_at
    form.where.setCurrentIndex(form.where.findData("aurora"))
    form.titles["fi"].clear()
    assert form.draft() is None
    assert form.error.text() == "Write the title in Finnish at least."


def test_an_unreachable_service_shows_the_offline_banner_in_the_chosen_language(
    qtbot: QtBot,
    offline_client: StaffClient,
    language: Callable[..., LanguageManager],
) -> None:
    languages = language("en")
    window = build_console(offline_client, languages)
    qtbot.addWidget(window)
    window.show()

    qtbot.waitUntil(lambda: window.problems.problem is not None, timeout=10_000)
    assert window.problems.problem is not None
    assert window.problems.problem.kind is ProblemKind.OFFLINE
    assert window.problems.isVisible()
    assert window.problems.label.text().startswith("Offline")

    window.language.setCurrentIndex(window.language.findData("fi"))
    qtbot.waitUntil(lambda: window.problems.label.text().startswith("Ei yhteyttä"))
    assert window.nav.item(0).text() == "Tänään"
    qtbot.waitUntil(lambda: window.calls.pending == 0)
    window.close()


@pytest.mark.parametrize(("code", "stretch"), [("fi", 1), ("sv", 1), ("fi", 2)])
def test_every_page_fits_1280x800_in_finnish_and_swedish_and_with_long_words(
    qtbot: QtBot,
    offline_client: StaffClient,
    language: Callable[..., LanguageManager],
    code: str,
    stretch: int,
) -> None:
    window = build_console(offline_client, language(code, stretch), clock=FixedClock(NOON))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    problems: list[str] = []
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        for _ in range(3):
            QApplication.processEvents()
        problems += [f"{window.pages[row].title()}: {p}" for p in cut_off(window)]
    qtbot.waitUntil(lambda: window.calls.pending == 0, timeout=10_000)
    window.close()
    assert problems == []


def cut_off(root: QWidget) -> list[str]:
    """Visible labels and buttons whose words do not fit (a mnemonic's & takes no room)."""
    problems = []
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not widget.isVisibleTo(root) or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        words = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        needed = widget.fontMetrics().horizontalAdvance(words)
        room = widget.contentsRect().width()
        if isinstance(widget, QAbstractButton):
            needed, room = max(needed, widget.sizeHint().width()), widget.width()
        if needed > room:
            problems.append(f"{words!r} needs {needed}px, has {room}")
    return problems


@pytest.mark.qt_log_ignore("propagateSizeHints")  # a window shown offscreen says this
def test_tab_goes_through_the_invite_form_as_it_reads(
    qtbot: QtBot, offline_client: StaffClient, calls: ConsoleCalls, tz: ZoneInfo
) -> None:
    form = InviteForm(offline_client, calls, SiteTime(tz, FixedClock(NOON)), None)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    order = []
    widget: QWidget = form.name
    for _ in range(8):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while (
            widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or not widget.isVisible()
            or widget.objectName().startswith("qt_")  # a date field's own line edit
        ):
            widget = widget.nextInFocusChain()
    form.close()
    assert order == [
        "inviteName",
        "inviteCompany",
        "inviteEmail",
        "inviteHost",
        "inviteFirstDay",
        "inviteLastDay",
        "inviteLanguage",
        "inviteSend",
    ]


def test_the_offline_strip_goes_when_the_service_answers_and_a_refusal_stays(
    qtbot: QtBot,
) -> None:
    window = QWidget()  # never shown: the strip's own shown/hidden state is what counts
    qtbot.addWidget(window)
    banner = ProblemBanner(window)
    banner.show_problem(Problem(ProblemKind.OFFLINE, "timeout"))
    assert not banner.isHidden()
    banner.service_answered()
    assert banner.isHidden() and banner.problem is None
    banner.show_problem(Problem(ProblemKind.REFUSED, "the room is closed"))
    banner.service_answered()
    assert not banner.isHidden()
    assert banner.label.text() == "Not done. The service said no: the room is closed"
