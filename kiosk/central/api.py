"""The central sync service as an ASGI app (FastAPI on uvicorn).

FastAPI because the service's edge is its schemas: request bodies are checked against bounded
pydantic models before any code of ours runs, and the same models are published as
``/openapi.json``, which test tools fuzz. Endpoints are plain functions: FastAPI runs them on
its thread pool, each with a pooled database connection, so one process serves many kiosks
while PostgreSQL does the work. The service keeps no state of its own between requests apart
from rate-limit buckets, so more processes behind one port scale it out.
"""

# No `from __future__ import annotations`: FastAPI reads these annotations at run time, and
# they name dependencies made inside create_app.

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from kiosk import __version__
from kiosk.central.bell import FeedBell
from kiosk.central.credentials import Device
from kiosk.central.limits import DEFAULT_RATES, BodyLimit, RateLimiter
from kiosk.central.pages import SharedPages
from kiosk.central.schemas import (
    CURSOR_LENGTH,
    CURSOR_PATTERN,
    ChangesOut,
    HeartbeatIn,
    HeartbeatOut,
    HostPinIn,
    HostPinOut,
    PushIn,
    PushOut,
    WaitOut,
    WhoAmI,
)
from kiosk.central.service import CentralService
from kiosk.central.staff import StaffService, StaffSettings
from kiosk.central.staff_api import StaffRefused, invalid_answer, refusal_answer, staff_router
from kiosk.central.streams import KEEPALIVE, MAX_STREAMS, Streams
from kiosk.sync.acceptance import PushItem
from kiosk.sync.feed import FeedCursor
from kiosk.sync.instance import InstanceId

log = logging.getLogger(__name__)

MAX_BODY = 2 * 1024 * 1024  # a full batch of 500 ordinary records is far smaller
MAX_PAGE = 5_000
MAX_WAIT = 55.0  # seconds a long-poll may be held open
# /v1/wait's answers, encoded once (WaitOut).
_CHANGED = b'{"changed":true}'
_UNCHANGED = b'{"changed":false}'
_WITH_PAGE = b'{"changed":true,"page":'


def create_app(
    service: CentralService,
    *,
    max_body: int = MAX_BODY,
    limiter: RateLimiter | None = None,
    staff: StaffSettings | None = None,
    stream: bool = True,
    keepalive: float = KEEPALIVE,
    max_streams: int = MAX_STREAMS,
) -> FastAPI:
    """The service's app; ``staff`` configures the staff console's endpoints (the site's zone,
    the signing key's folder, e-mail composing), which otherwise run with defaults.
    ``stream=False``: a service without ``/v1/stream`` (as before it), for tests of the
    kiosk's fallback. ``keepalive``: seconds between comment lines on an idle stream."""
    limits = limiter or RateLimiter(dict(DEFAULT_RATES))
    bell = FeedBell(service.store_url, service.feed_heads)
    pages = SharedPages(service.changes)
    streams = Streams(service, bell, pages, keepalive=keepalive, max_streams=max_streams)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        bell.start(loop)
        streams.start(loop)
        try:
            yield
        finally:
            await streams.stop()
            bell.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="Lab Kiosk central sync service",
        version=__version__,
        description="Kiosks push their records and pull their share of the change feed here, "
        "with a device token (`kiosk admin enroll`).",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, max_bytes=max_body)
    bearer = HTTPBearer(auto_error=False, description="the device token (lkd1.…)")

    async def any_device(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Device:
        # Async, so that a known token costs no trip to the thread pool: after a switch a
        # thousand woken kiosks ask again at once.
        if credentials is None:
            raise HTTPException(401, "a device token is required", {"WWW-Authenticate": "Bearer"})
        token = credentials.credentials
        found = service.known_device(token)
        if found is None:
            found = await run_in_threadpool(service.authenticate, token)
        if found is None:
            raise HTTPException(
                401, "unknown or revoked device token", {"WWW-Authenticate": "Bearer"}
            )
        return found

    async def wrong_role(caller: Device, path: str) -> None:
        """403 for a token used where its role may not go, audited (at a bounded rate)."""
        if not limits.wait_needed(caller.id, "wrong_role"):
            await run_in_threadpool(service.refuse_role, caller, path)
        raise HTTPException(403, f"a {caller.role} credential may not use this endpoint")

    async def device(request: Request, caller: Annotated[Device, Depends(any_device)]) -> Device:
        """A kiosk: a staff credential is refused at every kiosk endpoint."""
        if caller.is_staff:
            await wrong_role(caller, request.url.path)
        return caller

    def limited(kind: str) -> Callable[..., Awaitable[Device]]:
        async def check(caller: Annotated[Device, Depends(device)]) -> Device:
            wait = limits.wait_needed(caller.id, kind)
            if wait:
                raise HTTPException(429, "too many requests", {"Retry-After": f"{wait:.0f}"})
            return caller

        return check

    staff_service = StaffService(
        service.store, service.clock, staff or StaffSettings(ZoneInfo("Europe/Helsinki"))
    )
    app.include_router(staff_router(staff_service, limits, any_device, wrong_role))
    app.add_exception_handler(StaffRefused, refusal_answer)
    app.add_exception_handler(RequestValidationError, invalid_answer)

    @app.exception_handler(SQLAlchemyError)
    def store_unavailable(_request: Request, exc: SQLAlchemyError) -> JSONResponse:
        log.error("central store error: %s", type(exc).__name__, exc_info=exc)
        return JSONResponse(
            {"detail": "central store unavailable"}, status_code=503, headers={"Retry-After": "5"}
        )

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, bool]:
        return {"ok": True}

    @app.get("/v1/whoami")
    def whoami(caller: Annotated[Device, Depends(limited("whoami"))]) -> WhoAmI:
        return WhoAmI(id=caller.id, role=caller.role, room_id=caller.room_id)

    @app.post("/v1/push")
    def push(batch: PushIn, caller: Annotated[Device, Depends(limited("push"))]) -> PushOut:
        wait = limits.wait_needed(caller.id, "records", len(batch.items))
        if wait:
            raise HTTPException(429, "too many records", {"Retry-After": f"{wait:.0f}"})
        items = [PushItem(i.seq, i.entity, i.payload) for i in batch.items]
        result = service.push(caller, items)
        rejected = {str(seq): reason for seq, reason in result.rejected.items()}
        return PushOut(acknowledged=result.acknowledged, rejected=rejected)

    @app.get("/v1/changes", response_model=ChangesOut)
    async def changes(
        caller: Annotated[Device, Depends(limited("changes"))],
        after: Annotated[str, Query(max_length=CURSOR_LENGTH, pattern=CURSOR_PATTERN)] = "0:0",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
    ) -> Response:
        """One page of this kiosk's share of the feed after ``after``."""
        cursor = FeedCursor.parse(after)
        body = await pages.body(caller, cursor, limit, bell.head(caller.role))
        return Response(body, media_type="application/json")

    @app.get("/v1/wait", response_model=WaitOut, response_model_exclude_none=True)
    async def wait(
        caller: Annotated[Device, Depends(limited("wait"))],
        after: Annotated[str, Query(max_length=CURSOR_LENGTH, pattern=CURSOR_PATTERN)] = "0:0",
        timeout: Annotated[float, Query(ge=0, le=MAX_WAIT)] = 25.0,
        page: Annotated[bool, Query(description="answer news with the page itself")] = False,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
    ) -> Response:
        """Long-poll: answers as soon as this kiosk's feed has news after ``after``, or after
        ``timeout`` seconds. Without ``page`` only a hint (``{"changed": true}``): the kiosk then
        pulls from its cursor. With ``page=true`` news comes with the page ``GET /v1/changes``
        would answer from ``after``, so a woken kiosk needs no second request."""
        cursor = FeedCursor.parse(after)
        changed = await bell.wait(caller.role, cursor, timeout)
        if not (changed and page):
            return Response(_CHANGED if changed else _UNCHANGED, media_type="application/json")
        body = await pages.body(caller, cursor, limit, bell.head(caller.role))
        return Response(_WITH_PAGE + body + b"}", media_type="application/json")

    if stream:

        @app.get(
            "/v1/stream",
            response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}}}},
        )
        async def stream_pages(
            credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
            caller: Annotated[Device, Depends(limited("stream"))],
            after: Annotated[str, Query(max_length=CURSOR_LENGTH, pattern=CURSOR_PATTERN)] = "0:0",
            limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
            last_event_id: Annotated[
                str | None, Header(max_length=CURSOR_LENGTH, pattern=CURSOR_PATTERN)
            ] = None,
        ) -> StreamingResponse:
            """Server-sent events: this kiosk's share of the feed after ``after`` (or the
            ``Last-Event-ID`` of a reconnect), as it comes. Each page that ``GET /v1/changes``
            would answer is one ``event: page`` with ``id:`` its cursor and ``data:`` its JSON;
            a full page is followed at once by the next. ``: keepalive`` every 15 s while
            nothing changes. One stream per kiosk: a second one replaces the first, which ends
            with ``event: end`` (``data: replaced``); a revoked token's stream ends within
            seconds (``revoked``), and every stream when the service stops (``shutdown``)."""
            assert credentials is not None  # the device dependency required it
            if streams.closing or streams.full:
                raise HTTPException(503, "no stream now: long-poll /v1/wait", {"Retry-After": "5"})
            cursor = FeedCursor.parse(last_event_id or after)
            opened = streams.open(caller, credentials.credentials)
            return StreamingResponse(
                streams.events(opened, cursor, limit),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
            )

    @app.post("/v1/host/pin")
    def host_pin(body: HostPinIn, caller: Annotated[Device, Depends(limited("pin"))]) -> HostPinOut:
        """A host's PIN, typed at this kiosk after their badge: checked against the central
        hash, with one lock-out per host across all kiosks."""
        answer = service.host_pin(caller, body.person_id, body.pin)
        return HostPinOut(
            result=answer.result, tries_left=answer.tries_left, locked_until=answer.locked_until
        )

    @app.post("/v1/heartbeat")
    def heartbeat(
        body: HeartbeatIn, caller: Annotated[Device, Depends(limited("heartbeat"))]
    ) -> HeartbeatOut:
        """The kiosk's health; the answer says whether another kiosk uses its id. (Services
        before instances answered 204 without a body.)"""
        instance = None
        if body.instance is not None:
            instance = InstanceId(body.instance, body.machine or "")
        try:
            answer = service.heartbeat(
                caller, body.version, body.status, instance=instance, stopping=body.stopping
            )
        except ValueError as exc:  # PushRefused: the status is out of bounds
            raise HTTPException(422, str(exc)) from None
        return HeartbeatOut(duplicate=answer.duplicate, instances=answer.instances)

    app.state.streams = streams  # a server on a thread ends them before it stops
    return app
