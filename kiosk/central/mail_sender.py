"""The service's sender loop: invitation e-mails from the central outbox, on its own thread.

Every process of the service runs one; the outbox's claims (kiosk/lobby/invite_outbox.py) make
sure two processes never send the same row at once. Configured by a ``[notify]`` table in the
service's settings file, read exactly as in ``kiosk.toml`` (docs/invitations.md).
"""

from __future__ import annotations

import logging
import threading

from kiosk.lobby.invite_outbox import InviteMailOutbox

log = logging.getLogger(__name__)


class MailSender:
    """Runs :meth:`InviteMailOutbox.deliver_due` every ``interval`` seconds until stopped."""

    def __init__(self, outbox: InviteMailOutbox, *, interval: float = 15.0) -> None:
        self._outbox = outbox
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="invitation-mail", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                while self._outbox.deliver_due().sent and not self._stop.is_set():
                    pass  # a full batch went out: there may be more due right now
            except Exception as exc:  # a store or network hiccup must not end sending for good
                log.error("invitation e-mail pass failed: %s", type(exc).__name__, exc_info=exc)
            self._stop.wait(self._interval)
