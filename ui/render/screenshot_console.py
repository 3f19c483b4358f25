"""``kiosk screenshot --screen console-*``: the staff console's pages, from a real set-up.

``--demo`` seeds the demo Lab (``kiosk.demo``), invites its visitors, lets the demo lobby and
door sync (so the fleet has heartbeats) and check people in, leaves some feedback, and for the
events page puts the demo event on. The console then talks to the real service, started
in-process by ``kiosk.console.embedded`` exactly as ``kiosk console`` does on one machine, with
the clock fixed at ``--at``; the PNG is taken once every answer has arrived.
"""

from __future__ import annotations

import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.base.clock import FixedClock
from kiosk.base.errors import KioskError, UsageError
from kiosk.config.settings import load_config
from kiosk.demo.console import console_config
from kiosk.demo.data import TIMEZONE, Demo, create_demo
from kiosk.demo.lobby import check_in_demo_people, invite_demo_visitors, prepare_demo_event
from ui.common.i18n import LanguageManager
from ui.console.events_page import EventsPage
from ui.console.fleet_page import FleetPage
from ui.console.main import build_console, quiet_http_log
from ui.console.page import ConsolePage
from ui.console.report_page import ReportPage
from ui.console.rooms_page import RoomsPage
from ui.console.today_page import TodayPage
from ui.console.window import ConsoleWindow
from ui.render.report_pdf import write_report_pdf
from ui.runtime.application import qt_app

#: ``--screen`` names, and the page each shows (the invite tabs are on the Today page).
CONSOLE_SCREENS: dict[str, type[ConsolePage]] = {
    "console-today": TodayPage,
    "console-invite": TodayPage,
    "console-invite-many": TodayPage,
    "console-events": EventsPage,
    "console-rooms": RoomsPage,
    "console-fleet": FleetPage,
    "console-report": ReportPage,
}
ANSWERS_WITHIN = 60.0  # seconds for the in-process service to answer every page's calls

# A CSV with two good rows and two that will fail, for the preview.
INVITE_CSV = (
    "name,host,email,lang\n"
    "Sofia Laine,mikko.korhonen@lab.example,sofia.laine@kela.example,fi\n"
    "Jonas Berg,nobody@lab.example,jonas.berg@kulturfonden.example,sv\n"
    ",mikko.korhonen@lab.example,,\n"
    "Emma Wilson,mikko.korhonen@lab.example,emma.wilson@example.org,en\n"
)
FEEDBACK = (
    (4, "Hyvä työrauha ja ystävällinen vastaanotto."),
    (3, None),
    (4, None),
    (2, "Kahvi loppui."),
)


def console_screenshot(
    screen: str, lang: str, at: datetime, size: tuple[int, int], out: Path
) -> None:
    if screen not in CONSOLE_SCREENS:
        raise UsageError(f"--screen {screen}: not a console page")
    from kiosk.console.embedded import EmbeddedConsole

    quiet_http_log()
    tz = ZoneInfo(TIMEZONE)
    with tempfile.TemporaryDirectory(prefix="kiosk-shot-") as tmp:
        base = Path(tmp)
        demo = _seed(base, at, events=screen == "console-events")
        config = console_config(demo, lang, at)
        clock = FixedClock(at)
        with EmbeddedConsole(config, clock=clock, pdf_writer=write_report_pdf) as embedded:
            app = qt_app(offscreen=True)
            languages = LanguageManager(app, parent=app)
            languages.set_language(lang)
            window = build_console(embedded.client, languages, tz=tz, clock=clock)
            try:
                _show(window, screen, base, size)
                if not window.grab().save(str(out), "PNG"):
                    raise KioskError(f"could not write {out}")
            finally:
                window.close()
                window.deleteLater()
                app.processEvents()
                languages.shutdown()


def _seed(base: Path, at: datetime, *, events: bool) -> Demo:
    """The demo Lab with today's visitors, a lobby and a door that synced, people inside."""
    from kiosk.lab.feedback import FeedbackService
    from kiosk.store.engine import open_local_store
    from kiosk.sync.engine import SyncEngine

    demo = create_demo(base, at)
    tokens = invite_demo_visitors(demo.central_url, base, at)
    if events:
        prepare_demo_event(demo.central_url, at)
    # Majakka's door last synced three hours ago: the fleet shows a silent kiosk first.
    kiosks = (
        ("lobby-1", "lobby", None, at),
        ("door-aurora", "door", "aurora", at),
        ("door-majakka", "door", "majakka", at - timedelta(hours=3)),
    )
    for kiosk_id, role, room, synced in kiosks:
        config = load_config(demo.write_config(kiosk_id, role, room=room))
        store = open_local_store(config.local_store_path)
        engine = SyncEngine.for_kiosk(config, store, FixedClock(synced))
        try:
            engine.cycle()
            if role == "lobby":
                check_in_demo_people(store, config.site_key_file, kiosk_id, tokens[:1], at)
                answers = FeedbackService(store, FixedClock(at - timedelta(hours=1)), kiosk_id)
                for score, comment in FEEDBACK:
                    answers.record(score, comment=comment)
                engine.cycle()  # the check-ins and answers reach the central store
        finally:
            engine.close()
            store.dispose()
    return demo


def _show(window: ConsoleWindow, screen: str, base: Path, size: tuple[int, int]) -> None:
    app = qt_app(offscreen=True)
    window.resize(*size)
    window.show()
    page = CONSOLE_SCREENS[screen]
    window.show_page(page)
    _answers(window)
    if screen == "console-invite":
        today = window.page(TodayPage)
        assert isinstance(today, TodayPage)
        today.tabs.setCurrentIndex(1)
        form = today.invite
        form.name.setText("Emma Wilson")
        form.company.setText("British Council")
        form.email.setText("emma.wilson@example.org")
        form.host.setCurrentIndex(max(0, form.host.findText("Mikko Korhonen")))
        form.language.setCurrentIndex(form.language.findData("en"))
        form.email.setFocus()
    elif screen == "console-invite-many":
        today = window.page(TodayPage)
        assert isinstance(today, TodayPage)
        today.tabs.setCurrentIndex(2)
        csv = base / "vieraat.csv"
        csv.write_text(INVITE_CSV, encoding="utf-8")
        today.many.check(csv)
    elif screen == "console-events":
        events = window.page(EventsPage)
        assert isinstance(events, EventsPage)
        if events.table.rowCount():
            events.table.selectRow(0)
    _answers(window)
    if window.problems.problem is not None:  # a page with an error strip is no picture of it
        raise KioskError(f"the console's page could not be drawn: {window.problems.label.text()}")
    for _ in range(4):  # a few layout passes
        app.processEvents()


def _answers(window: ConsoleWindow) -> None:
    """Process events until every call has its answer (the PNG shows data, not "loading")."""
    app = qt_app(offscreen=True)
    deadline = time.monotonic() + ANSWERS_WITHIN
    app.processEvents()
    while window.calls.pending and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if window.calls.pending:
        raise KioskError("the console's service did not answer in time")
    app.processEvents()
