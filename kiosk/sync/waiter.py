"""The kiosk's wake-up from the central sync service: an event stream, or a long-poll.

With ``stream`` (the default) the waiter follows ``GET /v1/stream`` (server-sent events,
:mod:`kiosk.sync.event_stream`): one long-lived answer that brings every page of this kiosk's
share as it comes; each page goes to ``on_page`` as below. A service without it (404), or a
stream that fails ``STREAM_FAILURES`` times in a row without opening, or one replaced by another
stream with this token, makes the waiter long-poll instead for ``FALLBACK_FOR`` seconds (for
good after a 404), then try the stream again.

The service answers ``GET /v1/wait`` as soon as this kiosk's share of the feed has news after
its cursor (or after ``hold`` seconds); the waiter then wakes the sync worker, which pulls.
With ``on_page`` it asks with ``page=true``: the news comes with the page itself, which the
worker applies through its ordinary pull (only if it starts at the worker's cursor, so nothing
is applied twice), and the waiter asks again from that page's end. Either way it is only a
hint: the worker's polling stays the fallback, and after any error the waiter backs off and
asks again. A service without ``page`` answers a plain hint, and the worker pulls as before.

It runs an asyncio loop on its own thread, so ``stop()`` cancels a held request at once. A
held request that gets no answer ``grace`` seconds after ``hold`` (a network that silently
drops packets) is given up, so the waiter shows as disconnected within 30 s, as the sync
worker's own requests do.

With ``credential`` (the sync link's token) every request carries the token in use now, and a
401 reads the token file again: a kiosk enrolled again into the same file wakes its worker and
reconnects with the new token at once, instead of asking again only every ``max_retry``.
"""

from __future__ import annotations

import asyncio
import logging
import math
import ssl
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx

from kiosk.config.credential_file import DeviceToken
from kiosk.sync.event_stream import READ_TIMEOUT, StreamBusy, StreamUnsupported, read_stream
from kiosk.sync.feed import FeedCursor
from kiosk.sync.http_link import bearer, page_from_json
from kiosk.sync.link import FeedPage

log = logging.getLogger(__name__)

STREAM_FAILURES = 3  # failed stream openings in a row before long-polls take over for a while
FALLBACK_FOR = 600.0  # seconds of long-polls before the stream is tried again


class ServiceWaiter:
    def __init__(
        self,
        url: str,
        headers: dict[str, str],
        *,
        cursor: Callable[[], FeedCursor],
        on_wake: Callable[[], None],
        on_page: Callable[[FeedCursor, FeedPage], None] | None = None,
        verify: bool | ssl.SSLContext = True,
        credential: DeviceToken | None = None,
        hold: float = 25.0,
        grace: float = 5.0,
        retry: float = 1.0,
        max_retry: float = 30.0,
        stream: bool = True,
        read_timeout: float = READ_TIMEOUT,
    ) -> None:
        self._url = url.rstrip("/") + "/v1/wait"
        self._stream_url = url.rstrip("/") + "/v1/stream"
        # When the stream may be tried again (inf: this service has none).
        self._stream_after = 0.0 if stream and on_page is not None else math.inf
        self._stream_failures = 0
        self._read_timeout = read_timeout
        #: How wake-ups come now: "stream", "wait" (long-polls), or "" while disconnected.
        self.protocol = ""
        self._headers = headers
        self._credential = credential
        self._cursor = cursor
        self._on_wake = on_wake
        self._on_page = on_page
        self._ahead: FeedCursor | None = None  # the end of the last page handed over
        self._verify = verify
        self._hold = hold
        self._grace = grace
        self._retry = retry
        self._max_retry = max_retry
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = threading.Event()
        self.connected = threading.Event()
        self.connections = 0
        self._delay = retry

    @property
    def delivered_to(self) -> FeedCursor | None:
        """The end of the last page handed to ``on_page`` (None after an outage)."""
        return self._ahead

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sync-waiter", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        loop, task = self._loop, self._task
        if loop is not None and task is not None:
            loop.call_soon_threadsafe(task.cancel)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._task = loop.create_task(self._main())
            if self._stopping.is_set():
                self._task.cancel()
            loop.run_until_complete(self._task)
        except asyncio.CancelledError:
            pass
        finally:
            loop.close()

    async def _main(self) -> None:
        timeout = httpx.Timeout(self._hold + self._grace, connect=5.0)
        async with httpx.AsyncClient(
            headers=self._headers, timeout=timeout, verify=self._verify
        ) as client:
            self._delay = self._retry
            while not self._stopping.is_set():
                if time.monotonic() >= self._stream_after:
                    await self._follow_stream(client)
                else:
                    await self._long_poll(client)

    async def _follow_stream(self, client: httpx.AsyncClient) -> None:
        cursor = await self._start_cursor()
        opened = False

        def on_open() -> None:
            nonlocal opened
            opened = True
            self._stream_failures = 0
            self._delay = self._retry
            self._connect("stream")
            self._wake()  # (re)connected: the worker catches up (and pushes) at once

        try:
            why = await read_stream(
                client,
                self._stream_url,
                cursor,
                on_open=on_open,
                on_page=self._deliver,
                read_timeout=self._read_timeout,
                headers=self._auth(),
            )
        except StreamUnsupported:
            log.info("the central service has no event stream: long-polls instead")
            self._stream_after = math.inf
            return
        except StreamBusy as exc:
            self._disconnect(None)
            await asyncio.sleep(exc.retry_after)
            return
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            self._disconnect(exc)
            if _refused(exc):  # the worker says what to do; ask again rarely
                await self._after_refusal(exc)
                return
            if not opened:
                self._stream_failures += 1
                if self._stream_failures >= STREAM_FAILURES:
                    log.info("the event stream failed %d times: long-polls", STREAM_FAILURES)
                    self._fall_back()
            await self._back_off()
            return
        self._disconnect(None)
        if why == "replaced":  # another kiosk with this token: do not take turns with it
            log.warning("another stream with this kiosk's token replaced this one: long-polls")
            self._fall_back()
        await asyncio.sleep(self._max_retry if why == "revoked" else self._retry)

    def _auth(self) -> dict[str, str]:
        """The token in use now, on each request: it overrides the one in ``headers``."""
        return {} if self._credential is None else bearer(self._credential.value)

    async def _after_refusal(self, exc: BaseException) -> None:
        """A refused token: ask again at once if the token file holds a new one (and wake the
        worker, which then stops waiting out its longest back-off), else only rarely."""
        if (
            self._credential is not None
            and isinstance(exc, httpx.HTTPStatusError)
            and exc.response.status_code == 401
        ):
            sent = exc.request.headers.get("Authorization", "").removeprefix("Bearer ")
            if await asyncio.to_thread(self._credential.renewed, sent):
                self._delay = self._retry
                self._wake()
                return
        await asyncio.sleep(self._max_retry)

    def _fall_back(self) -> None:
        self._stream_failures = 0
        self._stream_after = time.monotonic() + FALLBACK_FOR

    async def _long_poll(self, client: httpx.AsyncClient) -> None:
        try:
            # The first question after a (re)connect is answered at once: it proves the way
            # is open before a request is held for ``hold`` seconds.
            hold = self._hold if self.connected.is_set() else 0
            changed, page = await self._ask(client, hold)
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            self._disconnect(exc)
            await (self._after_refusal(exc) if _refused(exc) else self._back_off())
            return
        if not self.connected.is_set():
            self._connect("wait")
            changed = True  # (re)connected: catch up on whatever was missed
        self._delay = self._retry
        if page is not None:
            self._deliver(*page)
        elif changed:
            self._wake()
            await asyncio.sleep(0.2)  # let the worker's pull move the cursor first

    def _connect(self, protocol: str) -> None:
        self.protocol = protocol
        self.connected.set()
        self.connections += 1

    def _disconnect(self, exc: BaseException | None) -> None:
        if self.connected.is_set() and exc is not None:
            log.info("wake-ups from the service paused: %s", type(exc).__name__)
        self.connected.clear()
        self.protocol = ""
        if exc is not None:
            self._ahead = None  # after an outage, ask from the worker's own cursor

    async def _back_off(self) -> None:
        await asyncio.sleep(self._delay)
        self._delay = min(self._max_retry, self._delay * 2)

    async def _start_cursor(self) -> FeedCursor:
        cursor = await asyncio.to_thread(self._cursor)
        if self._ahead is not None and self._ahead > cursor:
            cursor = self._ahead  # the worker has not applied the last page yet
        return cursor

    async def _ask(
        self, client: httpx.AsyncClient, hold: float
    ) -> tuple[bool, tuple[FeedCursor, FeedPage] | None]:
        """Whether there is news, and the page that brings it (when asked for and sent)."""
        cursor = await self._start_cursor()
        params: dict[str, Any] = {"after": str(cursor), "timeout": hold}
        if self._on_page is not None and hold > 0:
            # Not on the first question after a (re)connect: that one wakes the worker anyway,
            # which may still be on its way to the cursor asked from.
            params["page"] = "true"
        response = await client.get(self._url, params=params, headers=self._auth())
        if response.status_code == 429:
            wait = float(response.headers.get("Retry-After", "5") or 5)
            await asyncio.sleep(min(60.0, max(1.0, wait)))
            return False, None
        response.raise_for_status()
        body = response.json()
        page = body.get("page")
        if page is None or self._on_page is None:
            return bool(body.get("changed")), None
        return True, (cursor, page_from_json(page))

    def _deliver(self, after: FeedCursor, page: FeedPage) -> None:
        assert self._on_page is not None
        self._ahead = page.cursor
        try:
            self._on_page(after, page)
        except Exception:
            log.exception("sync wake-up failed")

    def _wake(self) -> None:
        try:
            self._on_wake()
        except Exception:
            log.exception("sync wake-up failed")


def _refused(exc: BaseException) -> bool:
    """The service refuses this kiosk's token (revoked): no quick retry can change that."""
    return isinstance(exc, httpx.HTTPStatusError) and exc.response.status_code in (401, 403)
