"""Pages of the feed shared between kiosks that ask the same question, built and encoded once.

After a Lab-wide switch a thousand doors of one room wake together and ask for the same page
from the same cursor. The first question builds it (one read of the store, the least-data rule
applied once) and encodes it as JSON bytes; the others, asked while it is being built or later,
get the same bytes. Pages are keyed by the asker's share (:func:`share_key`), the cursor, the
page size and the feed's head as the wake-up bell saw it: rows below the head never change, and
a new head is a new key, so a shared page is never older than the bell's view of the feed.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool

from kiosk.central.credentials import Device
from kiosk.sync.feed import FeedCursor
from kiosk.sync.link import FeedPage

MAX_SHARED_PAGES = 512
LOBBY_PAGE_SECONDS = 600  # a lobby's cached page: one re-share period (service.RESHARE_EVERY)

Key = tuple[object, ...]


def share_key(device: Device, now: float) -> tuple[object, ...]:
    """Who receives the same share of the feed. Doors of one room do (that is what makes a
    thousand doors cheap). A lobby's share depends on the lobby itself (its own walk-ins) and
    on the time (the invitations' window, :mod:`kiosk.central.shares`): it is keyed by its own
    id and reused for one re-share period at most, so nothing leaks to another kiosk or
    outlives the window it was cut for."""
    if device.role == "door":
        return ("door", device.room_id)
    return (device.role, device.id, int(now // LOBBY_PAGE_SECONDS))


def encode_page(page: FeedPage) -> bytes:
    """The page as the body of ``GET /v1/changes`` (:class:`kiosk.central.schemas.ChangesOut`)."""
    body: dict[str, Any] = {
        "changes": [
            {"cursor": str(c.cursor), "entity": c.entity, "payload": c.payload}
            for c in page.changes
        ],
        "cursor": str(page.cursor),
        "full": page.full,
        "pending": page.pending,
    }
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass(eq=False)
class SharedPage:
    """A page as bytes, with what a stream needs to go on without decoding it again."""

    body: bytes
    cursor: FeedCursor
    full: bool
    pending: bool
    _event: bytes | None = field(default=None, repr=False)

    def event(self) -> bytes:
        """The page as one server-sent event (``GET /v1/stream``), encoded once per page."""
        if self._event is None:
            self._event = b"event: page\nid: %s\ndata: %s\n\n" % (
                str(self.cursor).encode("ascii"),
                self.body,
            )
        return self._event


def shared(page: FeedPage) -> SharedPage:
    return SharedPage(encode_page(page), page.cursor, page.full, page.pending)


class SharedPages:
    """Encoded pages by key, each built once even when many ask at the same moment.

    Lives on the event loop: ``body`` is awaited by async endpoints; the store is read on the
    thread pool. A page with ``pending`` (rows still behind an open transaction) is shared only
    among those who asked while it was built, never kept.
    """

    def __init__(
        self,
        build: Callable[[Device, FeedCursor, int], FeedPage],
        max_pages: int = MAX_SHARED_PAGES,
    ) -> None:
        self._build = build
        self._max = max_pages
        self._pages: dict[Key, SharedPage] = {}
        self._building: dict[Key, asyncio.Future[SharedPage]] = {}
        self.builds = 0  # pages read from the store (tests and benchmarks look)

    async def body(
        self, device: Device, cursor: FeedCursor, limit: int, head: FeedCursor | None
    ) -> bytes:
        return (await self.page(device, cursor, limit, head)).body

    async def page(
        self, device: Device, cursor: FeedCursor, limit: int, head: FeedCursor | None
    ) -> SharedPage:
        if head is None:  # the bell has not looked yet: nothing to share safely
            return await self._encode(device, cursor, limit)
        key = (*share_key(device, time.time()), cursor, limit, head)
        cached = self._pages.get(key)
        if cached is not None:
            return cached
        building = self._building.get(key)
        if building is None:
            # The build is a task of its own: an asker that goes away does not cancel it for
            # the others.
            building = asyncio.ensure_future(self._make(key, device, cursor, limit))
            building.add_done_callback(_retrieved)
            self._building[key] = building
        return await asyncio.shield(building)

    async def _make(self, key: Key, device: Device, cursor: FeedCursor, limit: int) -> SharedPage:
        try:
            page = shared(await run_in_threadpool(self._build, device, cursor, limit))
        finally:
            del self._building[key]
        self.builds += 1
        if not page.pending:
            if len(self._pages) >= self._max:
                self._pages.clear()
            self._pages[key] = page
        return page

    async def _encode(self, device: Device, cursor: FeedCursor, limit: int) -> SharedPage:
        page = await run_in_threadpool(self._build, device, cursor, limit)
        self.builds += 1
        return shared(page)


def _retrieved(future: asyncio.Future[SharedPage]) -> None:
    # A failed build is raised to every asker still waiting; if all went, no warning.
    if not future.cancelled():
        future.exception()
