"""Host sign-in at a kiosk: a host's badge, then their PIN; scrypt hashes; lock-out; audit.

The PIN hash travels to every kiosk with the person's row, so a host can sign in on a kiosk that
is offline. scrypt (n=2**14, r=8: about 16 MB and tens of milliseconds a try) makes guessing
from a stolen kiosk slow; the lock-out makes guessing at the screen slower still: after five
wrong PINs in a row the panel stays locked on that kiosk for five minutes, whoever taps.

The lock-out is counted from this kiosk's own audit entries (``host.pin_failed``,
``host.signed_in``, ``host.locked``), so switching the kiosk off and on does not reset it, and
every attempt is in the audit log the hosts read with ``kiosk admin audit``. Entries name the
person by id, never by name or badge.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from sqlalchemy import select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from kiosk.base.clock import Clock
from kiosk.base.errors import UsageError
from kiosk.security.badges import badge_hmac
from kiosk.store.engine import Store
from kiosk.store.models import AuditEntry, Badge, Person, table_of
from kiosk.sync import outbox

log = logging.getLogger(__name__)

HOST_ROLES = ("host", "admin")
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
FAILURE_WINDOW = timedelta(minutes=15)
# The audit actions that decide the lock-out: a sign-in or a lock-out ends a run of failures.
_PIN_OUTCOMES = ("host.pin_failed", "host.signed_in", "host.locked")
PIN_LENGTHS = range(4, 9)
_N, _R, _P = 2**14, 8, 1


def check_pin_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS):
        raise UsageError("a PIN is 4 to 8 digits")


def hash_pin(pin: str) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64), for ``people.pin_hash``."""
    check_pin_format(pin)
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def pin_matches(stored: str | None, pin: str) -> bool:
    """Whether ``pin`` matches ``stored``; a missing or malformed hash matches nothing."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            pin.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(base64.b64decode(expected)),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, base64.b64decode(expected))


class PinEvent(Protocol):
    """One audit entry of a PIN outcome (``host.pin_failed``, ``host.signed_in``,
    ``host.locked``): a row or an ORM object alike."""

    @property
    def action(self) -> str: ...
    @property
    def at(self) -> datetime: ...


def failures_in_a_row(newest_first: Sequence[PinEvent]) -> int:
    """Wrong PINs in a row since the last sign-in or lock-out."""
    count = 0
    for entry in newest_first:
        if entry.action != "host.pin_failed":
            break
        count += 1
    return count


def locked_until(
    newest_first: Sequence[PinEvent], now: datetime, lockout: timedelta = LOCKOUT
) -> datetime | None:
    """Until when a lock-out holds, if the latest outcome is one that has not expired."""
    if newest_first and newest_first[0].action == "host.locked":
        until = newest_first[0].at + lockout
        return until if until > now else None
    return None


def set_pin_central(conn: Connection, person_id: uuid.UUID, pin: str, now: datetime) -> None:
    """Store a host's new PIN hash centrally; kiosks receive it with their next pull."""
    from kiosk.sync import central

    people = table_of(Person)
    role = conn.execute(select(people.c.role).where(people.c.id == person_id)).scalar()
    if role not in HOST_ROLES:
        raise UsageError(f"only hosts and admins have a PIN, not a {role or 'unknown person'}")
    hashed = hash_pin(pin)
    conn.execute(
        update(people).where(people.c.id == person_id).values(pin_hash=hashed, updated_at=now)
    )
    central.publish(conn, "people", person_id, now)


class BadgeCheck(StrEnum):
    HOST = "host"  # ask for the PIN
    NOT_A_HOST = "not_a_host"  # a member: no panel
    UNKNOWN = "unknown"
    LOCKED = "locked"
    NO_PIN = "no_pin"  # a host without a PIN set: an admin must set one first


class PinCheck(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    OFFLINE = "offline"  # the central service checks PINs, and it cannot be reached


#: Asks the central sync service to check a PIN: (result, tries left, locked until); raises
#: OSError when the service cannot be reached (``kiosk.sync.http_link.HttpLink.host_pin``).
RemotePinCheck = Callable[[uuid.UUID, str], tuple[str, int, "datetime | None"]]


@dataclass(frozen=True)
class HostIdentity:
    person_id: uuid.UUID
    name: str
    role: str


@dataclass(frozen=True)
class BadgeOutcome:
    result: BadgeCheck
    host: HostIdentity | None = None
    locked_until: datetime | None = None


@dataclass(frozen=True)
class PinOutcome:
    result: PinCheck
    host: HostIdentity | None = None
    tries_left: int = 0
    locked_until: datetime | None = None


class HostAuth:
    """Runs on the database worker: every method reads or writes the local store."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        site_key: bytes,
        kiosk_id: str,
        *,
        max_failures: int = MAX_FAILURES,
        lockout: timedelta = LOCKOUT,
        remote: RemotePinCheck | None = None,
    ) -> None:
        self._store = store
        # A kiosk enrolled with the sync service holds no PIN hashes: the service checks them
        # (kiosk/central/host_pins.py), with its own lock-out and audit. None: checked here.
        self._remote = remote
        self._clock = clock
        self._site_key = site_key
        self._kiosk_id = kiosk_id
        self._max_failures = max_failures
        self._lockout = lockout
        # Wrong PINs further apart than this never add up to a lock-out.
        self._window = lockout + FAILURE_WINDOW

    @property
    def checks_remotely(self) -> bool:
        """Whether PINs are checked by the central service (so none can be checked offline)."""
        return self._remote is not None

    def badge(self, uid: str) -> BadgeOutcome:
        """A badge was tapped to open the host panel."""
        now = self._clock.now()
        with self._store.session() as session:
            locked = self._locked_until(session, now)
            person = session.execute(
                select(Person)
                .join(Badge, Badge.person_id == Person.id)
                .where(
                    Badge.uid_hmac == badge_hmac(self._site_key, uid),
                    Badge.revoked_at.is_(None),
                    Person.active,
                )
            ).scalar_one_or_none()
            if person is None or person.role not in HOST_ROLES:
                result = BadgeCheck.UNKNOWN if person is None else BadgeCheck.NOT_A_HOST
                self._audit(session, "host.denied", person, now, {"reason": str(result)})
                return BadgeOutcome(result)
            host = HostIdentity(person.id, person.name, person.role)
            if locked is not None:
                self._audit(session, "host.denied", person, now, {"reason": "locked"})
                return BadgeOutcome(BadgeCheck.LOCKED, host, locked)
            if not person.pin_hash and self._remote is None:
                self._audit(session, "host.denied", person, now, {"reason": "no_pin"})
                return BadgeOutcome(BadgeCheck.NO_PIN, host)
            return BadgeOutcome(BadgeCheck.HOST, host)

    def pin(self, person_id: uuid.UUID, pin: str) -> PinOutcome:
        """The PIN typed after a host's badge."""
        if self._remote is not None:
            return self._pin_remote(person_id, pin)
        now = self._clock.now()
        with self._store.session() as session:
            person = session.get(Person, person_id)
            if person is None or person.role not in HOST_ROLES or not person.active:
                return PinOutcome(PinCheck.WRONG)
            host = HostIdentity(person.id, person.name, person.role)
            locked = self._locked_until(session, now)
            if locked is not None:
                self._audit(session, "host.denied", person, now, {"reason": "locked"})
                return PinOutcome(PinCheck.LOCKED, host, locked_until=locked)
            if pin_matches(person.pin_hash, pin):
                self._audit(session, "host.signed_in", person, now, {})
                log.info("host signed in at %s", self._kiosk_id)
                return PinOutcome(PinCheck.OK, host)
            self._audit(session, "host.pin_failed", person, now, {})
            session.flush()
            failures = self._recent_failures(session, now)
            if failures >= self._max_failures:
                self._audit(session, "host.locked", None, now, {"failures": failures})
                log.warning("host panel locked at %s after repeated wrong PINs", self._kiosk_id)
                return PinOutcome(PinCheck.LOCKED, host, locked_until=now + self._lockout)
            return PinOutcome(PinCheck.WRONG, host, tries_left=self._max_failures - failures)

    def _pin_remote(self, person_id: uuid.UUID, pin: str) -> PinOutcome:
        assert self._remote is not None
        with self._store.session() as session:
            person = session.get(Person, person_id)
            if person is None or person.role not in HOST_ROLES or not person.active:
                return PinOutcome(PinCheck.WRONG)
            host = HostIdentity(person.id, person.name, person.role)
        try:
            result, tries_left, locked_until = self._remote(person_id, pin)
        except OSError as exc:
            log.warning("host PIN not checked: the central service is unreachable (%s)", exc)
            return PinOutcome(PinCheck.OFFLINE, host)
        if result == "ok":
            log.info("host signed in at %s (PIN checked centrally)", self._kiosk_id)
            return PinOutcome(PinCheck.OK, host)
        if result == "locked":
            return PinOutcome(PinCheck.LOCKED, host, locked_until=locked_until)
        return PinOutcome(PinCheck.WRONG, host, tries_left=tries_left)

    def record(self, person_id: uuid.UUID, action: str, detail: dict[str, object]) -> None:
        """Audit something a signed-in host did (``host.*``)."""
        now = self._clock.now()
        with self._store.session() as session:
            self._audit(session, action, session.get(Person, person_id), now, detail)

    # -- internals ----------------------------------------------------------------------

    def _recent(self, session: Session, now: datetime) -> list[AuditEntry]:
        """This kiosk's latest PIN outcomes within the window, newest first."""
        return list(
            session.execute(
                select(AuditEntry)
                .where(
                    AuditEntry.kiosk_id == self._kiosk_id,
                    AuditEntry.action.in_(_PIN_OUTCOMES),
                    AuditEntry.at > now - self._window,
                )
                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                .limit(self._max_failures)
            ).scalars()
        )

    def _recent_failures(self, session: Session, now: datetime) -> int:
        return failures_in_a_row(self._recent(session, now))

    def _locked_until(self, session: Session, now: datetime) -> datetime | None:
        return locked_until(self._recent(session, now), now, self._lockout)

    def _audit(
        self,
        session: Session,
        action: str,
        person: Person | None,
        now: datetime,
        detail: dict[str, object],
    ) -> None:
        entry = AuditEntry(
            at=now,
            actor_id=person.id if person is not None else None,
            kiosk_id=self._kiosk_id,
            action=action,
            detail=detail,
        )
        session.add(entry)
        outbox.enqueue(session, "audit_log", entry, now)
