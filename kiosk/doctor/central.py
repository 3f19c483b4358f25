"""The doctor's look at the central side: the sync service (``/v1/whoami`` with this kiosk's
device token) or the central store a single machine shares, the door's room, and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from kiosk.base.errors import KioskError
from kiosk.config.credential_file import enrol_command, service_credentials
from kiosk.config.settings import Config
from kiosk.doctor.verdict import Verdict, blocking, ok, warning
from kiosk.rooms.door_room import check_room, missing_room_fix, missing_room_text

#: The clock may be this far off before it is mentioned; tokens allow five minutes.
SKEW_WARNING_SECONDS = 30.0
SKEW_BLOCKING_SECONDS = 300.0
#: A clock before this year has lost its time (no RTC, no network time yet).
SANE_YEAR = 2025


class Unreachable(KioskError):
    """The service did not answer (network, URL, TLS, the service itself)."""


@dataclass(frozen=True)
class ServiceAnswer:
    """What ``/v1/whoami`` said: who the token belongs to, and the service's clock."""

    identity: dict[str, Any]
    server_time: datetime | None


def whoami(config: Config, timeout: float = 5.0) -> ServiceAnswer:
    """Ask the service who this kiosk's token is; KioskError with the reason otherwise."""
    import httpx

    token, verify = service_credentials(config)
    url = config.central_url.rstrip("/") + "/v1/whoami"
    try:
        response = httpx.get(
            url, headers={"Authorization": f"Bearer {token}"}, verify=verify, timeout=timeout
        )
    except httpx.HTTPError as exc:
        raise Unreachable(
            f"the sync service at {config.central_url} is unreachable ({type(exc).__name__})"
        ) from None
    if response.status_code in (401, 403):
        raise KioskError("the sync service refused this kiosk's token (revoked or not enrolled)")
    if response.status_code != 200:
        raise Unreachable(f"the sync service answered {response.status_code}")
    date = response.headers.get("Date")
    try:
        server_time = parsedate_to_datetime(date) if date else None
    except (TypeError, ValueError):
        server_time = None
    return ServiceAnswer(response.json(), server_time)


def service_verdicts(config: Config, synced_before: bool) -> tuple[Verdict, ServiceAnswer | None]:
    """Reachability and credentials in one verdict, with the answer for the later checks.

    An unreachable service blocks a kiosk that has never synced (a door would not know its
    room); one that has synced before works offline from its store, so that is a warning.
    """
    check = "central"
    fix_enrol = (
        f"enrol it on the admin machine: {enrol_command(config.kiosk_id, config.role, config.room)}"
        ", and set central.credential_file"
    )
    try:
        answer = whoami(config)
    except Unreachable as exc:
        fix = "check the network, central.url and that `kiosk central serve` runs there"
        if synced_before:
            return warning(check, f"{exc}; the kiosk works offline from its store", fix), None
        return blocking(check, f"{exc}; the kiosk has never synced", fix), None
    except KioskError as exc:
        return blocking(check, str(exc), fix_enrol), None
    who = answer.identity
    mine = {"id": config.kiosk_id, "role": config.role}
    if config.role == "door":
        mine["room_id"] = config.room or ""
    wrong = [f"{k} {who.get(k)!r} (config: {v!r})" for k, v in mine.items() if who.get(k) != v]
    if wrong:
        return blocking(
            check,
            "the token at central.credential_file belongs to another kiosk: " + ", ".join(wrong),
            fix_enrol,
        ), answer
    return ok(check, f"the sync service knows this kiosk as {config.kiosk_id}"), answer


def store_verdict(config: Config) -> Verdict:
    """A central store URL (a single machine's SQLite file, or a legacy direct connection)."""
    check = "central"
    if config.central_url.startswith("sqlite:///"):
        path = Path(config.central_url.removeprefix("sqlite:///"))
        if not path.is_file():
            return blocking(
                check,
                f"no central store at {path}",
                "create it: kiosk admin --config FILE init",
            )
        return ok(check, f"the central store {path} is there")
    return warning(
        check,
        "central.url is a direct database connection (legacy); not checked",
        "enrol the kiosk with the sync service (docs/sync.md)",
    )


def room_verdict(config: Config) -> Verdict:
    """A door's room: in the central SQLite store, else in the local store after a sync."""
    check = "room"
    room = config.room or ""
    found = None
    if config.central_url.startswith("sqlite:///"):
        found = check_room(Path(config.central_url.removeprefix("sqlite:///")), room, central=True)
    if found is None or not found.synced:
        found = check_room(config.local_store_path, room) or found
    if found is None or not found.synced:
        return warning(
            check,
            f"room {room!r} not checked: no store has synced yet",
            "start the kiosk once, or run `kiosk sync`, then ask again",
        )
    if found.missing:
        return blocking(check, missing_room_text(room, found.rooms), missing_room_fix(room))
    return ok(check, f"room {room!r} exists")


def clock_verdicts(now: datetime, server_time: datetime | None) -> list[Verdict]:
    check = "clock"
    fix = "turn on network time: sudo timedatectl set-ntp true"
    if now.year < SANE_YEAR:
        return [blocking(check, f"the clock says {now:%Y-%m-%d}: it has lost the time", fix)]
    if server_time is None:
        return [ok(check, f"the clock says {now:%Y-%m-%d %H:%M} UTC (not compared: no service)")]
    skew = (now - server_time).total_seconds()
    text = f"the clock is {abs(skew):.0f} s {'ahead of' if skew > 0 else 'behind'} the service"
    if abs(skew) > SKEW_BLOCKING_SECONDS:
        return [blocking(check, text + ": invitations would be refused", fix)]
    if abs(skew) > SKEW_WARNING_SECONDS:
        return [warning(check, text, fix)]
    return [ok(check, text)]
