"""The kiosk's side of the central sync service: HTTP with a device token (httpx).

Every request has a deadline (connect 5 s, the whole answer ``timeout``), so a network that
silently drops packets shows as offline within seconds, not after TCP gives up. The token
travels as ``Authorization: Bearer``; the kiosk never holds database credentials. A token the
service refuses (401) is read again from ``central.credential_file``: a kiosk enrolled again
into the same file syncs with its new token without a restart.
"""

from __future__ import annotations

import json
import logging
import ssl
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import httpx

from kiosk.config.credential_file import DeviceToken
from kiosk.sync.acceptance import PushItem, PushResult
from kiosk.sync.feed import FeedCursor
from kiosk.sync.instance import InstanceId
from kiosk.sync.instances import HeartbeatAnswer
from kiosk.sync.link import (
    BatchRefused,
    CentralUnavailable,
    CredentialRefused,
    CredentialRenewed,
    FeedPage,
    RetryLater,
    SharedChange,
)

API = "/v1"

log = logging.getLogger(__name__)


class HttpLink:
    keeps_pin_hashes = False  # the service checks host PINs (kiosk.central.host_pins)

    def __init__(
        self,
        url: str,
        token: str | DeviceToken,
        *,
        version: str,
        timeout: float = 15.0,
        max_body: int = 2 * 1024 * 1024,
        verify: bool | ssl.SSLContext = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        # httpx logs every request at INFO: a kiosk syncing every few seconds would fill its
        # journal with them. Failures reach the log through the sync worker.
        logging.getLogger("httpx").setLevel(logging.WARNING)
        self.url = url.rstrip("/")
        self.credential = token if isinstance(token, DeviceToken) else DeviceToken(token)
        self._user_agent = {"User-Agent": f"lab-kiosk/{version}"}
        self.verify = verify
        self._max_body = max_body  # the service's default cap: larger batches are split first
        self._timeout = httpx.Timeout(timeout, connect=5.0)
        self._transport = transport
        self._client: httpx.Client | None = None
        self._names_instance = True  # False once a service older than instances refused them

    @property
    def headers(self) -> dict[str, str]:
        """The headers of a request now: the token in use may change (a 401 renews it)."""
        return {**self._user_agent, **bearer(self.credential.value)}

    def _session(self) -> httpx.Client:
        """The HTTP client, made on first use and again after :meth:`close` (the worker closes
        its link after an outage, for fresh connections once the way is open again)."""
        if self._client is None:
            self._client = httpx.Client(
                base_url=self.url,
                headers=self._user_agent,
                timeout=self._timeout,
                verify=self.verify,
                transport=self._transport,
            )
        return self._client

    def _call(
        self, method: str, path: str, headers: dict[str, str] | None = None, **kwargs: Any
    ) -> httpx.Response:
        sent = self.credential.value
        headers = {**(headers or {}), **bearer(sent)}
        try:
            response = self._session().request(method, API + path, headers=headers, **kwargs)
        except httpx.HTTPError as exc:
            raise CentralUnavailable(f"central service unreachable ({type(exc).__name__})") from exc
        status = response.status_code
        if status == 401 and self.credential.renewed(sent):
            raise CredentialRenewed("this kiosk's device token was replaced: ask again now")
        if status in (401, 403):
            raise CredentialRefused(
                "the central service refused this kiosk's credential (revoked or not "
                "enrolled): enrol it again with `kiosk admin enroll`"
            )
        if status == 429:
            raise RetryLater(
                "the central service asked this kiosk to slow down",
                _seconds(response.headers.get("Retry-After")),
            )
        if status in (413, 422) and method == "POST":
            raise BatchRefused(status, "too large" if status == 413 else "malformed request")
        if status >= 400:
            raise CentralUnavailable(f"central service answered {status}")
        return response

    def push(self, items: Sequence[PushItem]) -> PushResult:
        batch = [{"seq": i.seq, "entity": i.entity, "payload": i.payload} for i in items]
        content = json.dumps({"items": batch}, separators=(",", ":")).encode("utf-8")
        if len(content) > self._max_body:  # the service would refuse it: do not send it
            raise BatchRefused(413, "too large")
        headers = {"Content-Type": "application/json"}
        body = self._call("POST", "/push", content=content, headers=headers).json()
        return PushResult(
            acknowledged=[int(seq) for seq in body["acknowledged"]],
            rejected={int(seq): str(reason) for seq, reason in body["rejected"].items()},
        )

    def changes(self, cursor: FeedCursor, limit: int) -> FeedPage:
        body = self._call("GET", "/changes", params={"after": str(cursor), "limit": limit}).json()
        return page_from_json(body)

    def heartbeat(
        self,
        version: str,
        status: dict[str, Any],
        instance: InstanceId | None = None,
        stopping: bool = False,
    ) -> HeartbeatAnswer:
        body: dict[str, Any] = {"version": version, "status": status}
        if instance is None or not self._names_instance:
            return HeartbeatAnswer() if stopping else _answer(self._post("/heartbeat", body))
        named = {**body, **instance.as_json(), "stopping": stopping}
        try:
            return _answer(self._post("/heartbeat", named, quick=stopping))
        except BatchRefused:
            if stopping:
                return HeartbeatAnswer()
            answer = _answer(self._post("/heartbeat", body))  # refused too: the status is bad
        # Only the instance fields were refused: a service from before instances.
        self._names_instance = False
        log.info("the central service does not know kiosk instances: duplicates go unnoticed")
        return answer

    def _post(self, path: str, body: dict[str, Any], *, quick: bool = False) -> httpx.Response:
        # A goodbye must not hold up a kiosk that is shutting down.
        timeout = httpx.Timeout(3.0, connect=2.0) if quick else self._timeout
        return self._call("POST", path, json=body, timeout=timeout)

    def host_pin(self, person_id: uuid.UUID, pin: str) -> tuple[str, int, datetime | None]:
        """Ask the service to check a host's PIN: (result, tries left, locked until)."""
        body = self._call(
            "POST", "/host/pin", json={"person_id": str(person_id), "pin": pin}
        ).json()
        until = body.get("locked_until")
        return (
            str(body["result"]),
            int(body.get("tries_left") or 0),
            datetime.fromisoformat(until) if until else None,
        )

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _answer(response: httpx.Response) -> HeartbeatAnswer:
    """The service's answer; a service from before instances answers 204 with no body."""
    if response.status_code == 204 or not response.content:
        return HeartbeatAnswer()
    try:
        body = response.json()
        return HeartbeatAnswer(bool(body.get("duplicate")), int(body.get("instances") or 0))
    except (ValueError, AttributeError, TypeError):
        return HeartbeatAnswer()


def page_from_json(body: dict[str, Any]) -> FeedPage:
    """A page as ``GET /v1/changes`` (or a ``/v1/wait`` with ``page=true``) answers it."""
    return FeedPage(
        [
            SharedChange(FeedCursor.parse(c["cursor"]), str(c["entity"]), dict(c["payload"]))
            for c in body["changes"]
        ],
        FeedCursor.parse(body["cursor"]),
        bool(body["full"]),
        bool(body["pending"]),
    )


def _seconds(value: str | None) -> float:
    try:
        return min(3600.0, max(1.0, float(value or "")))
    except ValueError:
        return 5.0
