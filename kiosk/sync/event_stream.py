"""Reading the service's ``GET /v1/stream`` (server-sent events) on the kiosk's waiter thread.

Each ``event: page`` carries one page exactly as ``GET /v1/changes`` answers it (parsed by
:func:`kiosk.sync.http_link.page_from_json`); ``event: end`` says why the service ended the
stream (``replaced``, ``revoked``, ``shutdown``); comment lines (``: keepalive``) only prove the
link is alive: the read deadline, a little longer than the service's keepalive interval, is
what notices a network that silently drops packets.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

import httpx

from kiosk.sync.feed import FeedCursor
from kiosk.sync.http_link import page_from_json
from kiosk.sync.link import FeedPage

#: The service sends a keepalive every 15 s (kiosk.central.streams.KEEPALIVE): a read that gets
#: nothing for this long means the link is dead, well within the promised 30 s.
READ_TIMEOUT = 25.0


class StreamUnsupported(Exception):
    """The service has no ``/v1/stream`` (a service older than it): long-poll instead."""


class StreamBusy(Exception):
    """The service asked to come back later (429, 503)."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after:.0f} s")
        self.retry_after = retry_after


async def read_stream(
    client: httpx.AsyncClient,
    url: str,
    after: FeedCursor,
    *,
    on_open: Callable[[], None],
    on_page: Callable[[FeedCursor, FeedPage], None],
    limit: int = 500,
    read_timeout: float = READ_TIMEOUT,
    headers: Mapping[str, str] | None = None,
) -> str:
    """Follow the stream from ``after`` until it ends; returns why the service ended it ("" if
    the connection just closed). Pages go to ``on_page(start, page)`` in order, each starting
    where the one before ended. Raises httpx errors, :class:`StreamUnsupported`,
    :class:`StreamBusy`, and ``ValueError``/``KeyError`` for a malformed page. ``headers``
    (the token in use now) go with the request besides the client's own."""
    headers = {**(headers or {}), "Accept": "text/event-stream", "Last-Event-ID": str(after)}
    timeout = httpx.Timeout(read_timeout, connect=5.0)
    params: dict[str, str | int] = {"after": str(after), "limit": limit}
    async with client.stream("GET", url, params=params, headers=headers, timeout=timeout) as answer:
        if answer.status_code in (404, 405):
            raise StreamUnsupported()
        if answer.status_code in (429, 503):
            raise StreamBusy(_seconds(answer.headers.get("Retry-After")))
        answer.raise_for_status()
        if not answer.headers.get("content-type", "").startswith("text/event-stream"):
            raise StreamUnsupported()  # something in between that answers otherwise
        on_open()
        event, data = "", []
        async for line in answer.aiter_lines():
            if line:
                if not line.startswith(":"):  # a comment: the keepalive
                    name, _, value = line.partition(":")
                    value = value.removeprefix(" ")
                    if name == "event":
                        event = value
                    elif name == "data":
                        data.append(value)
                continue
            if event == "page" and data:
                page = page_from_json(json.loads("\n".join(data)))
                on_page(after, page)
                after = page.cursor
            elif event == "end":
                return "\n".join(data)
            event, data = "", []
    return ""


def _seconds(value: str | None) -> float:
    try:
        return min(300.0, max(1.0, float(value or "")))
    except ValueError:
        return 5.0
