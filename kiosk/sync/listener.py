"""PostgreSQL LISTEN/NOTIFY as a wake-up for the sync worker.

A notification is only a hint: a listener that was disconnected misses it. So the listener
also wakes the worker every time it (re)connects, and the worker pulls from its cursor, which
catches up on everything missed; polling stays the fallback when no listener runs at all.

It runs on its own thread with its own psycopg connection (never one from the sync engine's
pool), waits for notifications in short slices so ``stop()`` is quick, and reconnects with a
capped backoff.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

CHANNEL = "kiosk_changes"
_SLICE = 0.5  # seconds between checks of the stop flag


def is_postgresql(url: str) -> bool:
    try:
        return make_url(url).get_backend_name() == "postgresql"
    except Exception:
        return False


# libpq's TCP keepalives for every long-lived PostgreSQL connection of ours (this listener,
# the central service's pool): an idle connection on a silently dropped network is found dead
# after 10 + 3 x 5 s instead of never.
TCP_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}
# Dead within about 20 s (the user timeout bounds the keepalive probes too), then reconnected.
_KEEPALIVES = {**TCP_KEEPALIVES, "tcp_user_timeout": 20_000}


def conninfo_for(url: str) -> str:
    """A libpq connection string for a SQLAlchemy PostgreSQL URL (TLS options included)."""
    u = make_url(url)
    params: dict[str, str | int] = {}
    basics: dict[str, str | int | None] = {
        "host": u.host,
        "port": u.port,
        "user": u.username,
        "password": u.password,
        "dbname": u.database,
    }
    params.update({k: v for k, v in basics.items() if v is not None})
    for name, value in u.query.items():
        if isinstance(value, str):
            params[name] = value
    params.setdefault("connect_timeout", 3)
    # A LISTEN connection is idle for long stretches: without keepalives a network that
    # silently drops packets would leave it waiting for ever, deaf to every notification.
    for key, setting in _KEEPALIVES.items():
        params.setdefault(key, setting)
    from psycopg.conninfo import make_conninfo

    return make_conninfo("", **params)


class ChangeListener:
    """LISTENs on the central store and calls ``on_wake`` for relevant notifications."""

    def __init__(
        self,
        url: str,
        *,
        audiences: tuple[str, ...],
        on_wake: Callable[[], None],
        retry: float = 1.0,
        max_retry: float = 30.0,
    ) -> None:
        self._conninfo = conninfo_for(url)
        self._audiences = audiences
        self._on_wake = on_wake
        self._retry = retry
        self._max_retry = max_retry
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()
        self.connections = 0  # how many times it has (re)connected, for tests and status

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sync-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        # psycopg is imported here, on the listener's thread: a kiosk whose central store is a
        # SQLite file never needs it, and the others load it after their first frame.
        import psycopg

        delay = self._retry
        while not self._stop.is_set():
            try:
                self._listen()
                delay = self._retry
            except psycopg.Error as exc:
                self.connected.clear()
                log.info("change listener disconnected: %s", type(exc).__name__)
                self._stop.wait(delay)
                delay = min(self._max_retry, delay * 2)

    def _listen(self) -> None:
        import psycopg

        with psycopg.connect(self._conninfo, autocommit=True) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            self.connections += 1
            self.connected.set()
            self._wake()  # catch up on whatever was missed while away
            while not self._stop.is_set():
                for note in conn.notifies(timeout=_SLICE):
                    if not note.payload or note.payload in self._audiences:
                        self._wake()
                    if self._stop.is_set():
                        break
        self.connected.clear()

    def _wake(self) -> None:
        try:
            self._on_wake()
        except Exception:
            log.exception("change listener wake-up failed")
