"""Wake-ups for waiting kiosks: one watcher of the feed per service process, not per kiosk.

On PostgreSQL the bell LISTENs on ``kiosk_changes`` with one connection of its own, and after a
notification reads the head again within milliseconds until the news is readable; on SQLite
(one machine, tests) it looks at the feed's head twice a second. Either way it also re-reads
the head every few seconds, so a missed notification costs at most that long. A ring is only
a hint: a woken kiosk pulls from its cursor, which is what guarantees delivery.

Waiting requests are coroutines on the event loop (``async def``), so a thousand open
long-polls cost a thousand small futures, not a thousand threads.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable

from kiosk.sync.feed import FeedCursor
from kiosk.sync.listener import ChangeListener, is_postgresql

log = logging.getLogger(__name__)

RECHECK = 5.0  # seconds between head reads beside LISTEN
POLL = 0.5  # seconds between head reads without LISTEN (SQLite)
# After a notification: the committed rows become readable only once every older transaction
# on the server has ended (the feed's watermark), which on a busy server is often a few
# milliseconds later. So the bell looks again soon, 20, 40, 80, then every 100 ms for 3 s,
# instead of leaving the news to the next RECHECK.
EAGER = 0.02
EAGER_MAX = 0.1  # so at most ~40 reads of the head per notification
EAGER_FOR = 3.0


class FeedBell:
    def __init__(self, store_url: str, read_heads: Callable[[], dict[str, FeedCursor]]) -> None:
        self._url = store_url
        self._read_heads = read_heads  # the newest readable position per kiosk role
        self._loop: asyncio.AbstractEventLoop | None = None
        self._changed: asyncio.Event | None = None
        self._heads: dict[str, FeedCursor] = {}
        self._stop = threading.Event()
        self._poke = threading.Event()
        self._thread: threading.Thread | None = None
        self._listener: ChangeListener | None = None

    def head(self, role: str) -> FeedCursor | None:
        """The readable head of ``role``'s feed as last seen (None before the first look)."""
        return self._heads.get(role)

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._changed = asyncio.Event()
        self._heads = self._safe_heads() or self._heads
        if is_postgresql(self._url):
            self._listener = ChangeListener(
                self._url, audiences=("all", "lobby"), on_wake=self._poke.set
            )
            self._listener.start()
        self._thread = threading.Thread(target=self._run, name="feed-bell", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._poke.set()
        if self._listener is not None:
            self._listener.stop()
        if self._thread is not None:
            self._thread.join(5)

    async def wait(
        self,
        role: str,
        after: FeedCursor,
        timeout: float,
        until: Callable[[], bool] | None = None,
    ) -> bool:
        """True as soon as what ``role`` reads is past ``after`` (at once if it already is).
        ``until``: also stop waiting (answering False) once it is true, looked at whenever the
        bell rings (:meth:`nudge` rings it without news)."""
        assert self._changed is not None, "the bell was not started"
        deadline = asyncio.get_running_loop().time() + timeout
        while self._heads.get(role, after) <= after:
            if until is not None and until():
                return False
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return False
            event = self._changed
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                return False
        return True

    def nudge(self) -> None:
        """Wake every waiter to look at its ``until`` (on the event loop's thread)."""
        if self._changed is not None:
            self._ring()

    def _run(self) -> None:
        interval = RECHECK if self._listener is not None else POLL
        eager_until, step = 0.0, EAGER
        while not self._stop.is_set():
            soon = time.monotonic() < eager_until
            if self._poke.wait(min(step, interval) if soon else interval):
                self._poke.clear()
                eager_until, step = time.monotonic() + EAGER_FOR, EAGER
            else:
                step = min(step * 2, EAGER_MAX)
            heads = self._safe_heads()
            if heads is not None and heads != self._heads:
                self._heads = heads
                if self._loop is not None:
                    self._loop.call_soon_threadsafe(self._ring)

    def _ring(self) -> None:
        # Wake every waiter, and give later waiters a fresh event.
        assert self._changed is not None
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    def _safe_heads(self) -> dict[str, FeedCursor] | None:
        try:
            return self._read_heads()
        except Exception as exc:  # the store is away: waiters time out and poll as usual
            log.warning("feed head unreadable: %s", type(exc).__name__, exc_info=exc)
            return None
