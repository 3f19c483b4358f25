"""The staff console's endpoints, ``/v1/staff/...``: a FastAPI router that api.py includes.

Only a staff credential passes (``kiosk admin enroll NAME --role staff --person PERSON``); a
kiosk's token is answered 403 and the attempt audited, as a staff credential is at the kiosk
endpoints. Answers are :mod:`kiosk.console.models` values as JSON; a rule that says no is
answered 409 (422 for input, 404 for an unknown id) with the rule's reason as ``detail`` and,
beside it, its stable ``code`` and ``params`` (:mod:`kiosk.central.staff_refusals`): the
console says it in the staff member's language. Only a rule's own refusal (a
:class:`~kiosk.base.errors.KioskError`) is answered so: any other exception is a bug in the
service, answered 500 and logged with its traceback but not its message, which may hold what
the staff member sent.
"""

# No `from __future__ import annotations`: FastAPI reads these annotations at run time.

import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError

from kiosk.base.errors import Conflict, KioskError, NotFound
from kiosk.central import staff_views
from kiosk.central.credentials import Device
from kiosk.central.limits import RateLimiter
from kiosk.central.staff import StaffService
from kiosk.central.staff_refusals import Refusal, refusal_of
from kiosk.central.staff_schemas import (
    FIRST_YEAR,
    LAST_YEAR,
    ROOM_PATTERN,
    CsvIn,
    EventIn,
    InviteIn,
    ModeIn,
    in_window,
)
from kiosk.console.models import EventDraft, InviteRequest, LocalText
from kiosk.console.wire import to_json

log = logging.getLogger(__name__)

MAX_DAYS = 366  # the longest feedback or report period
REPORT_TYPES = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


class StaffRefused(HTTPException):
    """A refusal answered as ``{"detail": reason, "code": ..., "params": {...}}``."""

    def __init__(
        self, status: int, reason: str, refusal: Refusal, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status, reason, headers)
        self.refusal = refusal


def refused(status: int, reason: str) -> StaffRefused:
    return StaffRefused(status, reason, refusal_of(reason))


async def refusal_answer(_request: Request, exc: Exception) -> JSONResponse:
    """The answer of a :class:`StaffRefused` (registered on the app by api.py)."""
    assert isinstance(exc, StaffRefused)
    body = {"detail": exc.detail, "code": exc.refusal.code, "params": exc.refusal.params}
    return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)


async def invalid_answer(request: Request, exc: Exception) -> Response:
    """FastAPI's 422 for a body that fails its schema; on a staff path also the code
    ``invalid_field`` and the field (``name``, ``title.fi``) the first error is about.

    What was sent is not echoed back: a 2 MiB field would come back whole, and a body that is
    not UTF-8 could not be encoded at all (a 500 instead of the 422)."""
    assert isinstance(exc, RequestValidationError)
    errors = [{k: v for k, v in e.items() if k != "input"} for e in exc.errors()]
    if not request.url.path.startswith("/v1/staff/") or not errors:
        return await request_validation_exception_handler(request, RequestValidationError(errors))
    where = ".".join(str(p) for p in errors[0].get("loc", ())[1:])
    detail = jsonable_encoder(errors)
    body = {"detail": detail, "code": "invalid_field", "params": {"field": where}}
    return JSONResponse(body, status_code=422)


def _answer(value: Any) -> JSONResponse:
    return JSONResponse(to_json(value))


class Withheld(Exception):
    """Stands in for a failure in the log: its class, never its message."""


def _call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn``'s answer; a rule's refusal as the HTTP answer its kind calls for.

    Input is bounded before a rule runs (the schemas, :func:`_days`), and the rules say no
    with a :class:`KioskError`. Anything else (a ValueError, an overflow) is a bug, not the
    input's fault: a 500, logged without its message."""
    try:
        return fn(*args, **kwargs)
    except NotFound as exc:
        raise refused(404, str(exc)) from None
    except Conflict as exc:
        raise refused(409, str(exc)) from None
    except KioskError as exc:  # UsageError (HiddenText too), ConfigError: the input or set-up
        raise refused(422, str(exc)) from None
    except SQLAlchemyError:
        raise  # the app's answer: the central store is unavailable (503)
    except Exception as exc:
        name = getattr(fn, "__qualname__", type(fn).__name__)
        withheld = Withheld(f"{type(exc).__name__} (its message is left out of the log)")
        log.error(
            "staff call %s failed: %s",
            name,
            type(exc).__name__,
            exc_info=(Withheld, withheld, exc.__traceback__),
        )
        raise HTTPException(500, "the service failed on this request; it is logged") from None


def _days(**days: date) -> None:
    """Refuse a query's date outside the staff window (a week of year 9999 overflows)."""
    for name, day in days.items():
        if not in_window(day):
            raise refused(
                422,
                f"a date or number is out of range ({name}: the years {FIRST_YEAR} to "
                f"{LAST_YEAR} only)",
            )


def _period(since: date, until: date) -> None:
    _days(since=since, until=until)
    if until < since:
        raise refused(422, "the period ends before it starts")
    if (until - since).days >= MAX_DAYS:
        raise refused(422, f"a period of {MAX_DAYS} days at most")


def staff_router(
    staff: StaffService,
    limits: RateLimiter,
    any_device: Callable[..., Awaitable[Device]],
    wrong_role: Callable[[Device, str], Awaitable[None]],
) -> APIRouter:
    """``any_device`` authenticates a bearer token of any role; ``wrong_role`` audits and
    answers 403 for a token used where its role may not go."""
    router = APIRouter(prefix="/v1/staff", tags=["staff console"])

    def limited(kind: str) -> Callable[..., Awaitable[Device]]:
        async def check(request: Request, caller: Annotated[Device, Depends(any_device)]) -> Device:
            if not caller.is_staff:
                await wrong_role(caller, request.url.path)
            wait = limits.wait_needed(caller.id, kind)
            if wait:
                seconds = f"{wait:.0f}"
                raise StaffRefused(
                    429,
                    "too many requests",
                    Refusal("rate_limited", {"retry_after": seconds}),
                    {"Retry-After": seconds},
                )
            return caller

        return check

    Reader = Annotated[Device, Depends(limited("staff_read"))]
    Writer = Annotated[Device, Depends(limited("staff_write"))]

    @router.get("/whoami")
    def whoami(caller: Reader) -> JSONResponse:
        """The staff member this credential acts as."""
        return _answer(_call(staff.whoami, caller))

    @router.get("/today")
    def today(caller: Reader, day: date) -> JSONResponse:
        """``day``'s invited visitors with where each is, and who is inside now."""
        _days(day=day)
        tz = staff.settings.tz
        return _answer(_call(staff.read, lambda c: staff_views.today(c, day, tz)))

    @router.get("/hosts")
    def hosts(caller: Reader) -> JSONResponse:
        return _answer(_call(staff.read, staff_views.hosts))

    @router.post("/invitations")
    def invite(body: InviteIn, caller: Writer) -> JSONResponse:
        """Invite one visitor; with ``email`` the invitation e-mail is queued centrally."""
        request = InviteRequest(
            name=body.name,
            host_id=body.host_id,
            valid_from=body.valid_from,
            valid_to=body.valid_to,
            company=body.company,
            email=body.email,
            lang=body.lang,
            single_use=body.single_use,
        )
        return _answer(_call(staff.invitations.invite, caller, request))

    @router.post("/invitations/csv")
    def invitations_csv(
        body: CsvIn,
        caller: Writer,
        dry_run: Annotated[bool, Query(description="check every row, store nothing")] = True,
    ) -> JSONResponse:
        """The invitation CSV import (``kiosk admin invite import``), or its preview."""
        return _answer(_call(staff.invitations.invites_csv, caller, body.csv, dry_run=dry_run))

    @router.get("/events")
    def events(caller: Reader) -> JSONResponse:
        now = staff.now
        return _answer(_call(staff.read, lambda c: staff_views.events(c, now)))

    @router.post("/events")
    def save_event(body: EventIn, caller: Writer) -> JSONResponse:
        """Create (no ``id``) or edit an event, with its texts in fi/sv/en."""
        draft = EventDraft(
            title=LocalText(body.title.fi, body.title.sv, body.title.en),
            starts_at=body.starts_at,
            ends_at=body.ends_at,
            description=LocalText(body.description.fi, body.description.sv, body.description.en),
            room_id=body.room_id,
            capacity=body.capacity,
            allow_walkins=body.allow_walkins,
            online_url=body.online_url,
            id=body.id,
        )
        return _answer(_call(staff.events.save_event, caller, draft))

    @router.post("/events/{event_id}/tickets")
    def tickets(
        event_id: uuid.UUID,
        body: CsvIn,
        caller: Writer,
        dry_run: Annotated[bool, Query(description="check every row, store nothing")] = False,
    ) -> JSONResponse:
        """Tickets from a CSV (``name``, ``organisation``); with ``dry_run`` its preview,
        answered as the invitation CSV's (every row, ok or with its reason)."""
        if dry_run:
            return _answer(_call(staff.events.preview_tickets, event_id, body.csv))
        return _answer(_call(staff.events.import_tickets, caller, event_id, body.csv))

    @router.get("/events/{event_id}/counter")
    def counter(event_id: uuid.UUID, caller: Reader) -> JSONResponse:
        return _answer(_call(staff.read, lambda c: staff_views.counter(c, event_id)))

    @router.get("/rooms")
    def rooms(caller: Reader) -> JSONResponse:
        now = staff.now
        return _answer(_call(staff.read, lambda c: staff_views.rooms(c, now)))

    @router.get("/rooms/{room_id}/week")
    def week(
        caller: Reader,
        room_id: Annotated[str, Path(pattern=ROOM_PATTERN)],
        monday: date,
    ) -> JSONResponse:
        _days(monday=monday)
        tz = staff.settings.tz
        return _answer(_call(staff.read, lambda c: staff_views.week(c, room_id, monday, tz)))

    @router.post("/modes")
    def switch_mode(body: ModeIn, caller: Writer) -> JSONResponse:
        """Switch a room or the whole Lab, under the host panel's rules."""
        return _answer(
            _call(staff.modes.switch_mode, caller, body.room_id, body.mode, body.until, body.title)
        )

    @router.get("/fleet")
    def fleet(caller: Reader) -> JSONResponse:
        """Every kiosk's health, silent kiosks first."""
        now = staff.now
        return _answer(_call(staff.read, lambda c: staff_views.fleet_rows(c, now)))

    @router.get("/feedback")
    def feedback(caller: Reader, since: date, until: date) -> JSONResponse:
        _period(since, until)
        tz = staff.settings.tz
        return _answer(_call(staff.read, lambda c: staff_views.feedback(c, since, until, tz)))

    @router.get("/report")
    def report(
        caller: Writer,  # a report is heavy: the write rate
        since: date,
        until: date,
        lang: Literal["fi", "sv", "en"] = "fi",
        fmt: Literal["pdf", "html"] = "html",
    ) -> Response:
        """The usage report (``kiosk admin report``) as a file."""
        _period(since, until)
        body = _call(staff.report, since, until, lang, fmt)
        return Response(body, media_type=REPORT_TYPES[fmt])

    return router
