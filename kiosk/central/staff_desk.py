"""What every staff write shares, whatever its job: the store, the clock and the settings, the
signing key, the mail settings, the audit entry naming the staff member, and the bounds every
write keeps (how far ahead, whose credential). The jobs themselves are in staff_invites.py,
staff_events.py and staff_modes.py; :class:`kiosk.central.staff.StaffService` holds them."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from kiosk.base.clock import Clock
from kiosk.base.errors import ConfigError, Conflict, UsageError
from kiosk.base.ids import new_id
from kiosk.central import staff_views
from kiosk.central.credentials import Device
from kiosk.central.edge import FUTURE
from kiosk.lobby.invite_delivery import MailSettings
from kiosk.security.signing_keys import current_signing_key
from kiosk.store.engine import Store
from kiosk.store.models import AuditEntry, table_of

audit_t = table_of(AuditEntry)
#: (report, language, path) -> pages: the PDF writer of the GUI package, when this process has
#: one (the console's embedded service); a service without one makes HTML reports only.
PdfWriter = Callable[[Any, str, Path], int]


@dataclass(frozen=True)
class StaffSettings:
    """What staff actions need beyond the store: the site's zone and language, where the
    private signing key is (``data_dir/signing-keys``), how to compose invitation e-mails."""

    tz: ZoneInfo
    language: str = "fi"
    data_dir: Path | None = None
    mail: MailSettings | None = None
    pdf_writer: PdfWriter | None = None


class StaffDesk:
    """The store, clock and settings of the staff writes, and what they all need of them.
    Runs on the service's thread pool; each call opens its own transaction."""

    def __init__(self, store: Store, clock: Clock, settings: StaffSettings) -> None:
        self.store = store
        self.clock = clock
        self.settings = settings

    @property
    def now(self) -> datetime:
        return self.clock.now()

    def key(self, conn: Connection) -> Any:
        """The current private signing key (a ConfigError where the service has none)."""
        if self.settings.data_dir is None:
            raise ConfigError(
                "this service has no signing key: set data_dir in its [service] settings "
                "(the folder whose signing-keys/ holds the current key)"
            )
        return current_signing_key(conn, self.settings.data_dir)[1]

    def mail(self) -> MailSettings:
        if self.settings.mail is None:
            raise UsageError("email: the service has no notify.sender to send it from")
        return self.settings.mail

    def audit(self, conn: Connection, device: Device, action: str, detail: dict[str, Any]) -> None:
        """An audit entry naming the staff member (their person and name) and the credential."""
        person = person_of(device)
        conn.execute(
            insert(audit_t).values(
                id=new_id(),
                at=self.clock.now(),
                actor_id=person,
                kiosk_id=device.id,
                action=action,
                detail={"staff": staff_views.person_name(conn, person), **detail},
            )
        )


def check_ahead(what: str, start: datetime, now: datetime) -> None:
    """Nothing starts further ahead than a kiosk accepts a record (kiosk.central.edge)."""
    if start - now > FUTURE:
        raise UsageError(f"{what} can start {FUTURE.days} days ahead at most")


def person_of(device: Device) -> uuid.UUID:
    if device.person_id is None:  # enrolment always names one; an old row might not
        raise Conflict("this staff credential names no person: enrol it again with --person")
    return device.person_id
