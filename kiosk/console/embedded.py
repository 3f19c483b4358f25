"""The console on the one-machine set-up (a SQLite ``central.url``, and the demo).

There is no service to talk to, so the console starts the real one in-process: the same app
``kiosk central serve`` runs (every rule, every audit entry), served by uvicorn on a loopback
port chosen by the system, on its own thread. The staff credential is made for this run and
kept in memory only (``console-local``, acting as the given host or admin, or the first admin);
closing the console revokes it. Invitation e-mails go out as in the embedded set-up: a sender
loop on the central outbox while the console runs, when ``notify.method`` is ``smtp``.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kiosk.base.clock import Clock, SystemClock
from kiosk.base.errors import UsageError
from kiosk.central.credentials import STAFF_PERSON_ROLES, enroll, revoke
from kiosk.central.mail_sender import MailSender
from kiosk.config.settings import Config
from kiosk.console.client import StaffClient
from kiosk.lobby.invite_delivery import MailSettings
from kiosk.store.engine import Store, open_store
from kiosk.store.models import Person, table_of

log = logging.getLogger(__name__)
LOCAL_CREDENTIAL = "console-local"
START_TIMEOUT = 15.0


class EmbeddedConsole:
    """The in-process service and a :class:`StaffClient` for it; :meth:`close` stops both."""

    def __init__(
        self,
        config: Config,
        *,
        person: str | None = None,
        pdf_writer: Callable[[Any, str, Path], int] | None = None,
        clock: Clock | None = None,
    ) -> None:
        import uvicorn

        from kiosk.central.api import create_app
        from kiosk.central.service import CentralService
        from kiosk.central.staff import StaffSettings

        url: str = config.central_url
        if not url.startswith("sqlite"):
            raise UsageError(
                "the console starts its own service only for a SQLite central.url; "
                "give --url and --credential for the Lab's central sync service"
            )
        self._clock = clock or SystemClock()
        self._store: Store = open_store(url)
        self._sender: MailSender | None = None
        try:
            with self._store.engine.begin() as conn:
                ref = person or _first_staff_person(conn)
                token = enroll(conn, LOCAL_CREDENTIAL, "staff", None, self._clock.now(), ref)
            settings = StaffSettings(
                config.tz, config.language, config.data_dir, _mail(config), pdf_writer
            )
            app = create_app(CentralService(self._store, self._clock), staff=settings)
            self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._sock.bind(("127.0.0.1", 0))
            port = self._sock.getsockname()[1]
            self._server = uvicorn.Server(
                uvicorn.Config(app, log_config=None, access_log=False, lifespan="on")
            )
            self._thread = threading.Thread(
                target=self._server.run, kwargs={"sockets": [self._sock]}, name="console-service"
            )
            self._thread.start()
            deadline = time.monotonic() + START_TIMEOUT
            while not self._server.started:
                if not self._thread.is_alive() or time.monotonic() > deadline:
                    raise UsageError("the console's own service did not start")
                time.sleep(0.02)
            self._sender = _sender(config, self._store, self._clock)
            if self._sender is not None:
                self._sender.start()
            self.client = StaffClient(f"http://127.0.0.1:{port}", token)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Stop the client, the sender and the service; revoke this run's credential."""
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._sender is not None:
            self._sender.stop()
            self._sender = None
        server = getattr(self, "_server", None)
        thread = getattr(self, "_thread", None)
        if server is not None and thread is not None and thread.is_alive():
            server.should_exit = True
            thread.join(10)
        sock = getattr(self, "_sock", None)
        if sock is not None:
            sock.close()
        try:
            with self._store.engine.begin() as conn:
                revoke(conn, LOCAL_CREDENTIAL, self._clock.now())
        except Exception as exc:  # not enrolled (failed early) or store gone: nothing to end
            log.debug("console-local not revoked: %s", exc)
        self._store.dispose()

    def __enter__(self) -> EmbeddedConsole:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _first_staff_person(conn: Any) -> str:
    """The first active admin (else host) by name: whom the local console acts as."""
    people = table_of(Person)
    for role in reversed(STAFF_PERSON_ROLES):  # admins first
        found = conn.execute(
            select(people.c.id)
            .where(people.c.role == role, people.c.active.is_(True))
            .order_by(people.c.name, people.c.id)
            .limit(1)
        ).scalar()
        if found is not None:
            return str(found)
    raise UsageError(
        "the console acts as a host or admin, and there is none yet: "
        "kiosk admin person add --name NAME --email ADDRESS --role admin"
    )


def _mail(config: Config) -> MailSettings | None:
    """How invitation e-mails are composed here, or None without ``notify.sender``."""
    if not config.notify.sender:
        return None
    inv = config.invitations
    return MailSettings(config.notify.sender, config.tz, dict(inv.address), dict(inv.arrival))


def _sender(config: Config, store: Store, clock: Clock) -> MailSender | None:
    """The outbox's sender loop while the console runs, when this set-up sends by SMTP."""
    if config.notify.method != "smtp" or not config.invitations.sends_here(config.central_url):
        return None
    from kiosk.lobby.invite_delivery import smtp_outbox

    outbox = smtp_outbox(
        store.engine,
        config.notify,
        config.tz,
        clock,
        max_attempts=config.invitations.max_attempts,
    )
    # Often: the staff member waits for the e-mail they just sent (a cheap query when idle).
    return MailSender(outbox, interval=min(config.notify.retry_seconds, 2.0))
