"""``kiosk demo --console``: the staff console beside the demo's screens.

The console talks to the demo's central store through the real service, started in-process
(``kiosk.console.embedded``) and signed in as the demo's host; what is done in it (an
invitation, a room switched to an event) reaches the lobby and the door by their own sync.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from kiosk.base.clock import SystemClock
from kiosk.console.embedded import EmbeddedConsole
from kiosk.demo.console import console_config
from kiosk.demo.data import Demo
from ui.common.i18n import LanguageManager
from ui.console.main import build_console, quiet_http_log
from ui.console.window import ConsoleWindow
from ui.render.report_pdf import write_report_pdf


class DemoConsole:
    """The console's window and the in-process service behind it; ``close`` ends both."""

    def __init__(self, demo: Demo, languages: LanguageManager) -> None:
        clock = SystemClock()
        config = console_config(demo, languages.language or "fi", clock.now())
        self.embedded = EmbeddedConsole(config, clock=clock, pdf_writer=write_report_pdf)
        self.window: ConsoleWindow = build_console(
            self.embedded.client, languages, tz=config.tz, clock=clock
        )

    def close(self) -> None:
        self.window.close()  # stops its polling and its worker
        self.embedded.close()


def open_demo_console(demo: Demo, languages: LanguageManager) -> DemoConsole:
    quiet_http_log()
    console = DemoConsole(demo, languages)
    window = console.window
    screen = QGuiApplication.primaryScreen()
    if screen is not None:  # over the lower right of the screens; a normal window to move
        area = screen.availableGeometry()
        window.resize(min(1280, area.width()), min(800, area.height()))
        window.move(area.right() - window.width(), area.bottom() - window.height())
    window.show()
    print("The staff console is open beside the screens, signed in as the demo's host.", flush=True)
    return console
