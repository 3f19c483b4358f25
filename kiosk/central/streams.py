"""Server-sent events: one long-lived answer per kiosk that brings each page of its share.

``GET /v1/stream?after=CURSOR`` answers ``text/event-stream``. The service keeps the stream's
cursor; whenever the bell (:mod:`kiosk.central.bell`) says the kiosk's share has news after it,
the page ``GET /v1/changes`` would answer from there is sent as ``event: page`` with
``id: <its cursor>`` and ``data: <the page's JSON>``, and the next one follows at once while
the page is ``full``. The page and the event's bytes are those :class:`SharedPages` built once
for the kiosk's share, so after a switch a thousand doors of one room cost one build and a
thousand socket writes, and no request to parse, authenticate and park again.

- A comment line (``: keepalive``) every ``KEEPALIVE`` seconds, so a kiosk whose read times out
  after ``KEEPALIVE`` + 10 s notices a silently dropped network within 30 s.
- One stream per device: a second stream from the same token *replaces* the first, which ends
  with ``event: end`` / ``data: replaced``. Replace, not refuse: a kiosk whose link died
  silently reconnects while the service still holds its old stream, and must not be locked out
  until TCP gives up on it.
- A revoked or replaced token's stream ends (``data: revoked``) within ``AUTH_TTL`` plus
  ``CHECK_EVERY``: one task per process looks at every open stream's token, from the same
  in-memory snapshot of valid credentials that every request uses.
- On shutdown every stream ends with ``data: shutdown`` so uvicorn's graceful shutdown does
  not wait for them; the kiosk reconnects (with ``Last-Event-ID`` or ``after``) elsewhere or
  later.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from kiosk.central.bell import POLL, FeedBell
from kiosk.central.credentials import Device
from kiosk.central.pages import SharedPages
from kiosk.central.service import CentralService
from kiosk.sync.feed import FeedCursor

log = logging.getLogger(__name__)

KEEPALIVE = 15.0  # seconds between comment lines on an idle stream
CHECK_EVERY = 0.5  # seconds between looks at the open streams' tokens
STORE_RETRY = 2.0  # seconds before a stream reads a page again after a store error
MAX_STREAMS = 10_000  # open streams per service process; beyond, 503 and the kiosk long-polls
_OPEN = b"retry: 2000\n: open\n\n"
_KEEPALIVE = b": keepalive\n\n"


@dataclass(eq=False)
class OpenStream:
    device: Device
    token: str
    ended: str | None = None  # why it ends: replaced, revoked, shutdown


class Streams:
    """The open streams of one service process, one per device."""

    def __init__(
        self,
        service: CentralService,
        bell: FeedBell,
        pages: SharedPages,
        *,
        keepalive: float = KEEPALIVE,
        max_streams: int = MAX_STREAMS,
    ) -> None:
        self._service = service
        self._bell = bell
        self._pages = pages
        self._keepalive = keepalive
        self._max = max_streams
        self._open: dict[str, OpenStream] = {}
        self._checker: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.closing = False  # the service is stopping: no new streams

    def __len__(self) -> int:
        return len(self._open)

    @property
    def full(self) -> bool:
        return len(self._open) >= self._max

    def open(self, device: Device, token: str) -> OpenStream:
        old = self._open.get(device.id)
        if old is not None:
            self._end(old, "replaced")
        stream = self._open[device.id] = OpenStream(device, token)
        return stream

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._checker = loop.create_task(self._check_tokens())
        _chain_exit_signals(self.end_all_soon)

    def end_all_soon(self) -> None:
        """:meth:`end_all` from any thread: what SIGTERM does, for a server that has no signal
        handlers of its own (one run on a thread stops through this before ``should_exit``, so
        its graceful shutdown does not wait for open streams)."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.end_all)

    async def stop(self) -> None:
        self.end_all()
        if self._checker is not None:
            self._checker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checker

    def end_all(self) -> None:
        """End every stream (the service is stopping): each sends its last event and closes."""
        self.closing = True
        for stream in list(self._open.values()):
            self._end(stream, "shutdown")

    def _end(self, stream: OpenStream, why: str) -> None:
        stream.ended = stream.ended or why
        if self._open.get(stream.device.id) is stream:
            del self._open[stream.device.id]
        self._bell.nudge()

    async def events(
        self, stream: OpenStream, cursor: FeedCursor, limit: int
    ) -> AsyncIterator[bytes]:
        """The stream's bytes: pages as the share moves past ``cursor``, keepalives between."""
        role = stream.device.role
        try:
            yield _OPEN
            while stream.ended is None:
                changed = await self._bell.wait(
                    role, cursor, self._keepalive, until=lambda: stream.ended is not None
                )
                if stream.ended is not None:
                    break
                if not changed:
                    yield _KEEPALIVE
                    continue
                try:
                    page = await self._pages.page(
                        stream.device, cursor, limit, self._bell.head(role)
                    )
                except SQLAlchemyError as exc:  # the store is away: keep the stream, try again
                    log.warning("stream page unreadable: %s", type(exc).__name__)
                    await asyncio.sleep(STORE_RETRY)
                    continue
                if page.cursor <= cursor:  # the head moved but nothing is readable yet
                    await asyncio.sleep(POLL)
                    continue
                yield page.event()
                cursor = page.cursor  # the next page follows at once while this one is full
            yield b"event: end\ndata: %s\n\n" % (stream.ended or "").encode("ascii")
        finally:
            if self._open.get(stream.device.id) is stream:
                del self._open[stream.device.id]

    async def _check_tokens(self) -> None:
        """End the streams whose token is no longer valid (revoked, or enrolled again)."""
        while True:
            await asyncio.sleep(CHECK_EVERY)
            for stream in list(self._open.values()):
                try:
                    now = self._service.known_device(stream.token)
                    if now is None:
                        now = await run_in_threadpool(self._service.authenticate, stream.token)
                except Exception as exc:  # the store is away: keep the stream, look again
                    log.warning("stream tokens not checked: %s", type(exc).__name__)
                    break
                if now != stream.device:
                    self._end(stream, "revoked")


def _chain_exit_signals(end_all: Callable[[], object]) -> None:
    """Streams end as soon as uvicorn is told to stop (SIGTERM, SIGINT), before it waits for
    open connections: its graceful shutdown would otherwise wait for every stream. Installed
    after uvicorn's own handlers (the app's start-up runs after them), and calling them."""
    if threading.current_thread() is not threading.main_thread():
        return  # a server run on a thread (tests) has no signal handlers of its own
    for sig in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(sig)
        if callable(previous):
            signal.signal(sig, _chained(end_all, previous))


def _chained(
    end_all: Callable[[], object], previous: Callable[[int, FrameType | None], Any]
) -> Any:
    def handler(signum: int, frame: FrameType | None) -> None:
        end_all()
        previous(signum, frame)

    return handler
