"""``kiosk console``: the staff console's window for a ``StaffClient``, and its event loop.

``build_console`` makes the window and its pages (the demo and the screenshots use it too);
``run_session`` is what the ``kiosk console`` command calls once it has opened a session
(``ui.shell.commands`` hands it to the Qt-free command as ``console_app``).
"""

from __future__ import annotations

import logging
import signal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer

from kiosk.base.clock import Clock, SystemClock
from kiosk.config.schema import SCHEMA
from kiosk.console.client import ConsoleSession, StaffClient
from ui.common.i18n import LanguageManager
from ui.console.calls import ConsoleCalls
from ui.console.events_page import EventsPage
from ui.console.fleet_page import FleetPage
from ui.console.page import SiteTime
from ui.console.report_page import ReportPage
from ui.console.rooms_page import RoomsPage
from ui.console.today_page import TodayPage
from ui.console.window import ConsoleWindow
from ui.runtime.application import qt_app

log = logging.getLogger(__name__)
SITE_ZONE = ZoneInfo(SCHEMA["kiosk"]["timezone"].default)


def build_console(
    client: StaffClient,
    languages: LanguageManager,
    *,
    tz: ZoneInfo = SITE_ZONE,
    clock: Clock | None = None,
    where: str = "",
    parent: QObject | None = None,
) -> ConsoleWindow:
    """The window with every page, sharing one worker; nothing is fetched until it is shown."""
    calls = ConsoleCalls(parent)
    site = SiteTime(tz, clock or SystemClock())
    pages = [
        TodayPage(client, calls, site),
        EventsPage(client, calls, site),
        RoomsPage(client, calls, site),
        FleetPage(client, calls, site),
        ReportPage(client, calls, site),
    ]
    window = ConsoleWindow(
        calls,
        pages,
        language=languages.language or "fi",
        where=where,
        on_language=languages.set_language,
    )
    calls.setParent(window)
    calls.run(client.whoami, lambda who: window.set_staff_name(who.name))
    return window


def quiet_http_log() -> None:
    """httpx logs every request at INFO: a console polling a counter would fill the log."""
    logging.getLogger("httpx").setLevel(logging.WARNING)


def run_session(session: ConsoleSession) -> int:
    """``kiosk console``'s window on the session it opened (``kiosk.cli.console``)."""
    return run_console(session.client, session.language, tz=session.tz, where=session.where)


def run_console(
    client: StaffClient, lang: str, *, tz: ZoneInfo = SITE_ZONE, where: str = ""
) -> int:
    """Show the console until its window is closed; the exit status of the event loop."""
    quiet_http_log()
    app = qt_app()
    languages = LanguageManager(app, parent=app)
    languages.set_language(lang)
    window = build_console(client, languages, tz=tz, where=where)
    window.show()
    # Ctrl+C or SIGTERM closes the window through the loop; Python runs its signal handlers
    # only between bytecodes, so a light timer gives it the chance.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: QTimer.singleShot(0, window.close))
    pulse = QTimer(window)
    pulse.timeout.connect(lambda: None)
    pulse.start(250)
    log.info("staff console open (%s)", where or "service")
    try:
        return app.exec()
    finally:
        pulse.stop()
        window.calls.shutdown()
