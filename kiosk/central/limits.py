"""What one device may ask of the service: request rates and body sizes.

Each device has a token bucket per kind of request; an empty bucket is answered 429 with
``Retry-After``, which the kiosk honours. Bodies above the cap are refused with 413 before they
are read whole (a chunked body is counted as it arrives).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class Rate:
    per_second: float
    burst: int


#: Defaults generous for a kiosk (a heartbeat every 30 s, a cycle every few seconds), tight
#: for a thief: a stolen token cannot flood the store.
DEFAULT_RATES = {
    "heartbeat": Rate(per_second=0.5, burst=5),
    "push": Rate(per_second=5.0, burst=20),
    # Records pushed, counted one by one: a lobby back after a day offline sends its backlog
    # (2,000 at once, then 5 a second), a thief cannot fill the feed every kiosk pulls (nor
    # the audit log with refusals) at 500 records a request.
    "records": Rate(per_second=5.0, burst=2_000),
    "changes": Rate(per_second=10.0, burst=40),
    "whoami": Rate(per_second=1.0, burst=5),
    "wait": Rate(per_second=1.0, burst=5),
    "stream": Rate(per_second=0.2, burst=5),  # a reconnect every 5 s at most, sustained
    "pin": Rate(per_second=0.2, burst=5),  # a PIN is typed by a person, not a script
    # The staff console: a person clicking, and a counter polled every few seconds.
    "staff_read": Rate(per_second=5.0, burst=30),
    "staff_write": Rate(per_second=1.0, burst=10),
    # Refusals of a token at the wrong endpoints are audited: at most this many rows.
    "wrong_role": Rate(per_second=0.2, burst=5),
}


class RateLimiter:
    """Token buckets per (device, kind); thread-safe (sync endpoints run in a thread pool)."""

    def __init__(self, rates: dict[str, Rate], clock: Callable[[], float] = time.monotonic) -> None:
        self._rates = rates
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}

    def wait_needed(self, device_id: str, kind: str, cost: int = 1) -> float:
        """0 when the request may go ahead (``cost`` tokens are taken), else the seconds to
        wait. A cost above the burst is charged as the burst."""
        rate = self._rates.get(kind)
        if rate is None:
            return 0.0
        need = float(min(cost, rate.burst))
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get((device_id, kind), (float(rate.burst), now))
            tokens = min(float(rate.burst), tokens + (now - last) * rate.per_second)
            if tokens >= need:
                self._buckets[(device_id, kind)] = (tokens - need, now)
                return 0.0
            self._buckets[(device_id, kind)] = (tokens, now)
            return max(1.0, math.ceil((need - tokens) / rate.per_second))


class BodyLimit:
    """ASGI middleware: 413 for a request body over ``max_bytes``.

    A body announced too large is read and dropped (up to ``drain_bytes``) before the answer,
    so the client, still sending, reads a clean 413 rather than a reset connection it would
    have to treat as a network failure. A body sent without a length (chunked) is read here
    up to the cap and handed on whole: past the cap it is a 413 too, not the app's parse error.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, drain_bytes: int = 64 * 1024 * 1024) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.drain_bytes = drain_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = None
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    length = self.drain_bytes + 1
        if length is not None:  # the server hands on no more than that
            if length > self.max_bytes:
                if length <= self.drain_bytes:
                    await _drain(receive, self.drain_bytes)
                await _too_large(send)
                return
            await self.app(scope, receive, send)
            return
        first = await _read_capped(receive, self.max_bytes, self.drain_bytes)
        if first is None:
            await _too_large(send)
            return
        await self.app(scope, _replay(first, receive), send)


async def _read_capped(receive: Receive, limit: int, drain: int) -> Message | None:
    """The whole body as one message (or the client's goodbye); None past ``limit`` bytes,
    once the rest is read and dropped (up to ``drain`` bytes)."""
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return message
        body += message.get("body", b"")
        if len(body) > limit:
            if message.get("more_body", False):
                await _drain(receive, drain)
            return None
        if not message.get("more_body", False):
            return {"type": "http.request", "body": bytes(body), "more_body": False}


def _replay(first: Message, receive: Receive) -> Receive:
    """``receive`` that answers ``first`` once, then what the server says (a disconnect)."""
    pending = [first]

    async def replayed() -> Message:
        return pending.pop() if pending else await receive()

    return replayed


async def _drain(receive: Receive, limit: int) -> None:
    seen = 0
    while seen <= limit:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return
        seen += len(message.get("body", b""))


async def _too_large(send: Send) -> None:
    body = b'{"detail":"request body too large"}'
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})
