"""``StaffClient``: what the staff console asks of the central sync service.

Qt-free and blocking. **Threads**: call it from a worker thread, never from the GUI thread —
every method waits on the network for up to its timeout. One client may be shared by worker
threads (``httpx.Client`` is thread-safe); :meth:`close` it once, when the console quits.

Every failure is a :class:`StaffClientError` whose ``message`` is fit to show to the staff
member as is: :class:`Unauthorized` (the credential is unknown, revoked or not a staff one),
:class:`Refused` (a rule said no, with the rule's reason, and its code and parameters for the
staff member's language), :class:`Unreachable` (no answer).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar
from urllib.parse import quote
from zoneinfo import ZoneInfo

import httpx

from kiosk.console.models import (
    BookingInfo,
    CsvOutcome,
    EventCounter,
    EventDraft,
    EventSummary,
    FeedbackItem,
    FleetRow,
    Host,
    InviteCreated,
    InviteRequest,
    ModeResult,
    RoomInfo,
    StaffIdentity,
    TicketImport,
    TodayView,
)
from kiosk.console.wire import decode, from_json, to_json

T = TypeVar("T")
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0  # a CSV of thousands of rows or a report takes a while on the service
REPORT_FORMATS = ("pdf", "html")


class StaffClientError(Exception):
    """A failure with ``message`` fit to show to the staff member."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unauthorized(StaffClientError):
    """The credential is unknown, revoked, or not a staff credential: enrol again."""


class Refused(StaffClientError):
    """A rule of the service said no; ``reason`` says which in English (also in ``message``),
    ``code`` and ``params`` the same for the console to say in the staff member's language
    (``kiosk.central.staff_refusals``; ``refused``: a reason without a code of its own)."""

    def __init__(
        self, reason: str, code: str = "refused", params: dict[str, str] | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.params = dict(params or {})


class Unreachable(StaffClientError):
    """The service did not answer (network, timeout) or could not (its store is down)."""


@dataclass(frozen=True)
class ConsoleSession:
    """What ``kiosk console`` hands the windows: the client, the site's zone and language for
    showing times and texts, and where the service is (for the title bar)."""

    client: StaffClient
    tz: ZoneInfo
    language: str
    where: str


class StaffClient:
    """The console's one way in: ``Authorization: Bearer`` with a staff credential.

    ``transport`` replaces the network (an in-process app, a test's transport); ``timeout``
    bounds every request (connect 5 s; read 30 s by default).
    """

    def __init__(
        self,
        url: str,
        token: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = READ_TIMEOUT,
    ) -> None:
        self._http = httpx.Client(
            base_url=url.rstrip("/"),
            headers={"Authorization": f"Bearer {token}"},
            transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout)),
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> StaffClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- who and today --------------------------------------------------------------------

    def whoami(self) -> StaffIdentity:
        """The staff member this credential acts as (their name is shown and audited)."""
        return decode(StaffIdentity, self._get("/v1/staff/whoami"))

    def today(self, day: date) -> TodayView:
        """``day``'s expected visitors (name, company, host, status, check-in time) and who is
        inside now (visitors and members)."""
        return decode(TodayView, self._get("/v1/staff/today", {"day": day.isoformat()}))

    def hosts(self) -> tuple[Host, ...]:
        """Active hosts and admins, by name: the invite form's host choice."""
        return tuple(from_json(tuple[Host, ...], self._get("/v1/staff/hosts")))

    # -- invitations ----------------------------------------------------------------------

    def invite(self, request: InviteRequest) -> InviteCreated:
        """Invite one visitor; with ``request.email`` the e-mail (QR code, day, host) is queued
        in the central outbox, and the service sends it."""
        return decode(InviteCreated, self._send("POST", "/v1/staff/invitations", request))

    def preview_invites_csv(self, text: str) -> CsvOutcome:
        """Every row of an invitation CSV checked as the import would, with nothing stored:
        the rows that would fail, and why."""
        return decode(CsvOutcome, self._csv("/v1/staff/invitations/csv", text, dry_run=True))

    def import_invites_csv(self, text: str) -> CsvOutcome:
        """Store the CSV's good rows (each alone: a bad row leaves nothing of itself) and queue
        their e-mails; the refused rows with their reasons."""
        return decode(CsvOutcome, self._csv("/v1/staff/invitations/csv", text, dry_run=False))

    # -- events ---------------------------------------------------------------------------

    def events(self) -> tuple[EventSummary, ...]:
        """Events not over yet (and those of the last week), soonest first, with counts."""
        return tuple(from_json(tuple[EventSummary, ...], self._get("/v1/staff/events")))

    def save_event(self, draft: EventDraft) -> EventSummary:
        """Create (``draft.id`` None) or edit an event; its title and description in fi/sv/en
        reach doors and lobbies, which show the visitor's language."""
        return decode(EventSummary, self._send("POST", "/v1/staff/events", draft))

    def preview_tickets(self, event_id: uuid.UUID, csv_text: str) -> CsvOutcome:
        """Every row of a ticket CSV checked as the import would, with nothing stored."""
        path = f"/v1/staff/events/{event_id}/tickets"
        return decode(CsvOutcome, self._csv(path, csv_text, dry_run=True))

    def import_tickets(self, event_id: uuid.UUID, csv_text: str) -> TicketImport:
        """Tickets for ``event_id`` from a CSV (``name`` and ``organisation`` columns)."""
        data = self._send("POST", f"/v1/staff/events/{event_id}/tickets", {"csv": csv_text})
        return decode(TicketImport, data)

    def event_counter(self, event_id: uuid.UUID) -> EventCounter:
        """The live check-in count of one event: poll it every few seconds."""
        return decode(EventCounter, self._get(f"/v1/staff/events/{event_id}/counter"))

    # -- rooms and modes ------------------------------------------------------------------

    def rooms(self) -> tuple[RoomInfo, ...]:
        """Every room with the mode that applies to it now."""
        return tuple(from_json(tuple[RoomInfo, ...], self._get("/v1/staff/rooms")))

    def week(self, room_id: str, monday: date) -> tuple[BookingInfo, ...]:
        """``room_id``'s bookings in the week starting ``monday`` (site time), by start."""
        path = f"/v1/staff/rooms/{quote(room_id, safe='')}/week"
        data = self._get(path, {"monday": monday.isoformat()})
        return tuple(from_json(tuple[BookingInfo, ...], data))

    def switch_mode(
        self, room_id: str | None, mode: str, until: datetime, title: str | None = None
    ) -> ModeResult:
        """Switch one room (``room_id`` None: the whole Lab) to ``event``, ``closed`` or
        ``normal`` until ``until``, under the host panel's rules; the service assigns the
        version. Refused when the staff member is not a host."""
        body = {"room_id": room_id, "mode": mode, "until": until, "title": title}
        return decode(ModeResult, self._send("POST", "/v1/staff/modes", body))

    # -- fleet, feedback, report ----------------------------------------------------------

    def fleet(self) -> tuple[FleetRow, ...]:
        """Every kiosk's health, silent kiosks first."""
        return tuple(from_json(tuple[FleetRow, ...], self._get("/v1/staff/fleet")))

    def feedback(self, since: date, until: date) -> tuple[FeedbackItem, ...]:
        """Feedback given from ``since`` to ``until`` (both days included, site time)."""
        data = self._get(
            "/v1/staff/feedback", {"since": since.isoformat(), "until": until.isoformat()}
        )
        return tuple(from_json(tuple[FeedbackItem, ...], data))

    def report(self, since: date, until: date, lang: str, fmt: str) -> bytes:
        """The usage report of ``since``..``until`` (days included) in ``lang`` as ``fmt``
        (``pdf`` or ``html``): the file's bytes, for the console to save and open."""
        if fmt not in REPORT_FORMATS:
            raise Refused(f"the report is made as PDF or HTML, not {fmt!r}", "bad_format")
        params = {"since": since.isoformat(), "until": until.isoformat(), "lang": lang, "fmt": fmt}
        return self._request("GET", "/v1/staff/report", params=params).content

    # -- HTTP -----------------------------------------------------------------------------

    def _get(self, path: str, params: dict[str, str] | None = None) -> Any:
        return _json(self._request("GET", path, params=params))

    def _send(self, method: str, path: str, body: Any) -> Any:
        return _json(self._request(method, path, json=to_json(body)))

    def _csv(self, path: str, text: str, *, dry_run: bool) -> Any:
        params = {"dry_run": "true" if dry_run else "false"}
        return _json(self._request("POST", path, params=params, json={"csv": text}))

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        if self._http.is_closed:
            raise Unreachable("this connection to the central service is closed")
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException:
            raise Unreachable("the central service did not answer in time") from None
        except httpx.HTTPError as exc:
            raise Unreachable(f"cannot reach the central service ({type(exc).__name__})") from None
        _raise_for(response)
        return response


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise Unreachable("the central service gave an answer the console cannot read") from None


def _detail(response: httpx.Response) -> str:
    """The service's reason: FastAPI's ``detail``, a string or the first validation error."""
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return response.reason_phrase or f"HTTP {response.status_code}"
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        first = detail[0]
        where = ".".join(str(p) for p in first.get("loc", ())[1:])
        return f"{where}: {first.get('msg', 'not valid')}" if where else str(first.get("msg"))
    return str(detail or response.reason_phrase)


def _code(response: httpx.Response) -> tuple[str, dict[str, str]]:
    """The refusal's code and parameters; ``refused`` from a service that sends none."""
    try:
        body = response.json()
    except ValueError:
        return "refused", {}
    if not isinstance(body, dict) or not isinstance(body.get("code"), str):
        return "refused", {}
    params = body.get("params")
    if not isinstance(params, dict):
        params = {}
    return body["code"], {str(k): str(v) for k, v in params.items()}


def _raise_for(response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    if status == 401:
        raise Unauthorized("the staff credential is unknown or revoked: ask IT to enrol you again")
    if status == 403:
        raise Unauthorized("this credential is not a staff credential")
    if status == 429:
        wait = response.headers.get("Retry-After", "a few")
        retry = {"retry_after": wait} if wait.isdigit() else {}
        raise Refused(f"too many requests: try again in {wait} s", "rate_limited", retry)
    if status >= 500:
        raise Unreachable(f"the central service cannot answer now ({_detail(response)})")
    raise Refused(_detail(response), *_code(response))
