"""What the staff console does through the service, for one authenticated staff member.

Every rule is the one the admin CLI and the host panel run; this package only adds who did it:
every write is audited with the staff member's name, in the write's own transaction. The
writes are split by job: invitations (:mod:`staff_invites`), events and their tickets
(:mod:`staff_events`), mode switches (:mod:`staff_modes`), on what they share
(:mod:`staff_desk`); reads are in :mod:`staff_views`. :class:`StaffService` holds them all for
the routes (:mod:`staff_api`), with the staff member's identity, the reads and the report.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from kiosk.base.clock import Clock
from kiosk.base.errors import Conflict
from kiosk.central import staff_views
from kiosk.central.credentials import Device
from kiosk.central.staff_desk import PdfWriter, StaffDesk, StaffSettings, person_of
from kiosk.central.staff_events import StaffEvents
from kiosk.central.staff_invites import StaffInvitations
from kiosk.central.staff_modes import StaffModes
from kiosk.console.models import StaffIdentity
from kiosk.store.engine import Store

__all__ = ["PdfWriter", "StaffService", "StaffSettings"]


class StaffService:
    """Runs on the service's thread pool; each call opens its own transaction."""

    def __init__(self, store: Store, clock: Clock, settings: StaffSettings) -> None:
        self._store = store
        self._clock = clock
        self.settings = settings
        desk = StaffDesk(store, clock, settings)
        self.invitations = StaffInvitations(desk)
        self.events = StaffEvents(desk)
        self.modes = StaffModes(desk)

    def whoami(self, device: Device) -> StaffIdentity:
        person = person_of(device)
        with self._store.engine.connect() as conn:
            return StaffIdentity(staff_views.person_name(conn, person), person, device.id)

    def read(self, what: Callable[[Connection], Any]) -> Any:
        """``what`` on a read-only connection (the views in :mod:`staff_views`)."""
        with self._store.engine.connect() as conn:
            return what(conn)

    @property
    def now(self) -> datetime:
        return self._clock.now()

    def report(self, since: date, until: date, lang: str, fmt: str) -> bytes:
        from kiosk.report.data import collect
        from kiosk.report.document import build_document
        from kiosk.report.html import render_html
        from kiosk.report.period import parse_opening_hours, parse_period

        writer = self.settings.pdf_writer
        if fmt == "pdf" and writer is None:
            raise Conflict("this service makes the report as HTML only: choose HTML")
        period = parse_period(since.isoformat(), until.isoformat(), self.settings.tz)
        opening = parse_opening_hours("08:00-18:00", "mon-fri")
        with self._store.engine.connect() as conn:
            report = collect(conn, period, opening, self._clock.now())
        if report.is_empty():
            raise Conflict(
                f"nothing to report from {since} to {until}: "
                "no visits, bookings, events or feedback"
            )
        if fmt == "html":
            return render_html(build_document(report, lang)).encode("utf-8")
        assert writer is not None
        with tempfile.TemporaryDirectory(prefix="kiosk-staff-report-") as tmp:
            path = Path(tmp) / "report.pdf"
            writer(report, lang, path)
            return path.read_bytes()
