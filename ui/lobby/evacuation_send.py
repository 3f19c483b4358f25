"""Where the evacuation list goes with one tap: saved, printed, e-mailed to the hosts on duty.

In an evacuation the list has to leave the building with the people. The tap saves the PDF on
the tablet (always: it works with everything else down), hands it to the configured printer
(``ui.lobby.evacuation_print``, CUPS spools locally) and queues it for each host on duty in the
lobby's notification outbox (sent by its worker when the mail server is reachable, retried
otherwise). The page then says, in words, where the list went and where it did not.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject

from kiosk.lab.host_duty import hosts_on_duty
from kiosk.lobby.notify_queue import enqueue_evacuation
from kiosk.store.engine import Store
from kiosk.views.lobby import Presence
from ui.lobby.evacuation import EvacuationPage
from ui.lobby.evacuation_print import EvacuationPrinter
from ui.runtime.db_worker import DbWorker

log = logging.getLogger(__name__)

# Writes the evacuation list to a PDF file: (path, people, as of, time zone).
EvacuationPdfWriter = Callable[[Path, Sequence[Presence], datetime, ZoneInfo], object]
# Queues the saved list for the hosts on duty (on the database worker): how many were queued.
EvacuationMailer = Callable[[Path, datetime], int]


def hosts_on_duty_mailer(store: Store, tz: ZoneInfo) -> EvacuationMailer:
    """Queues the saved list for each host on duty that day, in one transaction (run it on
    the database worker); the lobby's notifier sends it, attached, and retries."""

    def mail(pdf: Path, as_of: datetime) -> int:
        with store.session() as session:
            hosts = hosts_on_duty(session.connection(), as_of.astimezone(tz).date())
            enqueue_evacuation(session, [h.person_id for h in hosts], as_of, pdf)
        return len(hosts)

    return mail


class EvacuationSender(QObject):
    def __init__(
        self,
        page: EvacuationPage,
        db: DbWorker,
        tz: ZoneInfo,
        export_dir: Path,
        write_pdf: EvacuationPdfWriter,
        *,
        printer: EvacuationPrinter | None = None,
        mail_hosts: EvacuationMailer | None = None,
        on_queued: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._page = page
        self._db = db
        self._tz = tz
        self._export_dir = export_dir
        self._write_pdf = write_pdf
        self._printer = printer
        self._mail_hosts = mail_hosts
        self._on_queued = on_queued
        self._said: dict[str, str] = {}  # "print", "mail", "saved": the page's message parts
        if printer is not None:
            printer.finished.connect(self._print_finished)
        page.set_printing(printer is not None)

    def send(self) -> Path | None:
        """Save the list on screen, then print it and e-mail it as configured."""
        page = self._page
        if page.as_of is None:
            return None
        stamp = page.as_of.astimezone(self._tz).strftime("%Y-%m-%d-%H%M%S")
        path = self._export_dir / f"evacuation-{stamp}.pdf"
        try:
            self._export_dir.mkdir(parents=True, exist_ok=True)
            self._write_pdf(path, page.people, page.as_of, self._tz)
        except OSError as exc:
            log.error("evacuation PDF not written: %s", exc.strerror, exc_info=exc)
            page.set_message(
                QCoreApplication.translate("Evacuation", "The PDF could not be saved.")
            )
            return None
        log.info("evacuation list exported to %s", path)
        self._said = {
            "saved": QCoreApplication.translate("Evacuation", "Saved: {path}").format(
                path=str(path)
            )
        }
        if self._printer is not None and self._printer.print_file(path):
            printing = QCoreApplication.translate("Evacuation", "Printing on {printer}…")
            self._said["print"] = printing.format(printer=self._printer.printer)
        if self._mail_hosts is not None:
            mail, as_of = self._mail_hosts, page.as_of
            self._db.submit(lambda: mail(path, as_of), self._mailed, self._mail_failed)
        self._say()
        return path

    def _print_finished(self, ok: bool, reason: str) -> None:
        assert self._printer is not None
        if ok:
            said = QCoreApplication.translate("Evacuation", "Printed on {printer}.")
        else:
            said = QCoreApplication.translate("Evacuation", "Not printed on {printer} ({reason}).")
        self._said["print"] = said.format(printer=self._printer.printer, reason=reason)
        self._say()

    def _mailed(self, count: int) -> None:
        if count:
            said = QCoreApplication.translate(
                "Evacuation", "Going by e-mail to the hosts on duty ({count})."
            ).format(count=count)
            if self._on_queued is not None:
                self._on_queued()
        else:
            said = QCoreApplication.translate(
                "Evacuation", "Not e-mailed: nobody is on duty today."
            )
        self._said["mail"] = said
        self._say()

    def _mail_failed(self, exc: BaseException) -> None:
        log.error("evacuation list not queued for e-mail: %s", type(exc).__name__, exc_info=exc)
        self._said["mail"] = QCoreApplication.translate(
            "Evacuation", "Not e-mailed: it could not be queued."
        )
        self._say()

    def _say(self) -> None:
        parts = (self._said.get(key) for key in ("print", "mail", "saved"))
        self._page.set_message(" ".join(p for p in parts if p))
