"""Visitor check-in with a scanned invitation code, verified offline at the lobby.

The lobby must let an invited visitor in when the network is down, so everything is checked
against what is on the tablet: the token's signature against the replicated public keys, its
validity window (with the documented clock-skew tolerance), the replicated revocation, and the
local used-set (check-ins of the same invitation stored here or pulled from other lobbies).

A validly signed code whose invitation has not reached this replica yet is honoured: the token
is self-contained, so the check-in is stored under the invitation's id and the visitor's name
follows with the next sync (``checkins.invitation_id`` has no foreign key for that reason).

A rejected scan stores nothing and holds nothing, so the next scan is never blocked: a foreign
text is refused before the store is touched, other refusals only read. An accepted one stores the
check-in row and its outbox row in one local transaction, like a badge tap, so a welcome on
screen always means the check-in is durable. Logs name the outcome only: never a token, a name
or an invitation id.

Speed (the scan-to-welcome goal, ``docs/lobby.md``): the public keys are kept in memory between
scans, so a valid code costs one local transaction (one connection, one ``BEGIN IMMEDIATE``,
one commit) instead of two. The memory is only a first guess: the admitting transaction checks
the key again (not retired), and any refusal after decoding reloads the keys before answering,
so a key retired or added by the last sync is honoured at once.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.base.clock import Clock
from kiosk.security.signing_keys import verification_keys
from kiosk.security.tokens import (
    DEFAULT_SKEW,
    TokenError,
    TokenKind,
    TokenReason,
    VerifiedToken,
    verify,
)
from kiosk.store.engine import Store
from kiosk.store.models import Checkin, Invitation, Person, SigningKey, Visitor
from kiosk.sync import outbox
from kiosk.views.screens import ScanOutcome, ScanResult

log = logging.getLogger(__name__)

_REFUSALS = {
    TokenReason.NOT_A_LAB_CODE: ScanResult.NOT_A_LAB_CODE,
    TokenReason.BAD_SIGNATURE: ScanResult.NOT_A_LAB_CODE,  # forged or damaged: not ours
    TokenReason.UNKNOWN_KEY: ScanResult.UNKNOWN_KEY,
    TokenReason.NOT_YET_VALID: ScanResult.NOT_YET_VALID,
    TokenReason.EXPIRED: ScanResult.EXPIRED,
}

# A scan longer than any token is refused before any work; the token check repeats this.
MAX_SCAN_CHARS = 512


@dataclass(frozen=True)
class _Known:
    """What the replica knows about an invitation (all None when it has not arrived yet)."""

    visitor_id: uuid.UUID | None = None
    name: str | None = None
    host: str | None = None
    single_use: bool = False
    revoked: bool = False


# Called inside the check-in's transaction (the host notification queue uses it).
CheckinListener = Callable[[Session, Checkin], None]


class VisitorCheckinService:
    """Turns one scanned text into a :class:`ScanOutcome`, storing a check-in when it is valid.

    ``repeat_window``: the same code again within it (a visitor scanning twice) only repeats the
    greeting; later, a scan checks the visitor out. ``on_checkin`` runs inside the check-in's
    transaction (the host notification queue uses it), so both commit or neither does.
    """

    def __init__(
        self,
        store: Store,
        clock: Clock,
        kiosk_id: str,
        *,
        repeat_window: timedelta = timedelta(minutes=2),
        skew: timedelta = DEFAULT_SKEW,
        on_checkin: CheckinListener | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._kiosk_id = kiosk_id
        self._repeat_window = repeat_window
        self._skew = skew
        self._on_checkin = on_checkin
        # Key id -> public key as last read from the replica; None until the first scan.
        self._keys: dict[str, bytes] | None = None

    def scan(self, text: str) -> ScanOutcome:
        now = self._clock.now()
        if len(text) > MAX_SCAN_CHARS:
            log.info("scan refused at %s: not_a_lab_code (too long)", self._kiosk_id)
            return ScanOutcome(ScanResult.NOT_A_LAB_CODE, now)
        cached = self._keys is not None
        keys = self._keys if self._keys is not None else self._load_keys()
        try:
            token = verify(text, keys, now, self._skew)
        except TokenError as exc:
            if cached and exc.reason is not TokenReason.NOT_A_LAB_CODE:
                # The keys in memory may be older than the last sync: answer from the replica.
                self._keys = None
                return self.scan(text)
            return self._refused(exc.reason, text, keys, now)
        if token.kind is not TokenKind.VISITOR:  # an event ticket: the event check-in's job
            log.info("scan refused at %s: not an invitation", self._kiosk_id)
            return ScanOutcome(ScanResult.NOT_A_LAB_CODE, now)
        outcome = self._admit(token, keys[token.key_id], now)
        if outcome is None:  # the key was retired since it was read: refuse by the replica
            self._keys = None
            return self._refused(TokenReason.UNKNOWN_KEY, text, self._load_keys(), now)
        return outcome

    def forget_keys(self) -> None:
        """Read the keys from the replica at the next scan (not needed for correctness)."""
        self._keys = None

    def _load_keys(self) -> dict[str, bytes]:
        with self._store.engine.connect() as conn:
            self._keys = verification_keys(conn)
        return self._keys

    def _refused(
        self, reason: TokenReason, text: str, keys: dict[str, bytes], now: datetime
    ) -> ScanOutcome:
        result = _REFUSALS[reason]
        log.info("scan refused at %s: %s", self._kiosk_id, reason.value)
        if result in (ScanResult.NOT_YET_VALID, ScanResult.EXPIRED):
            window = _signed_window(text, keys, now)
            return ScanOutcome(result, now, valid_from=window.valid_from, valid_to=window.valid_to)
        return ScanOutcome(result, now)

    def _admit(self, token: VerifiedToken, public_key: bytes, now: datetime) -> ScanOutcome | None:
        """Everything for a verified code in one transaction; None if its key is gone."""
        with self._store.session() as session:
            if not _key_still_valid(session, token.key_id, public_key):
                return None
            known = _lookup(session, token.invitation_id)
            if known.revoked:
                log.info("scan refused at %s: withdrawn", self._kiosk_id)
                return ScanOutcome(ScanResult.WITHDRAWN, now)
            history = session.execute(
                select(Checkin.direction, Checkin.at, Checkin.visitor_id)
                .where(Checkin.invitation_id == token.invitation_id)
                .order_by(Checkin.at, Checkin.id)
            ).all()
            first_in = next((r.at for r in history if r.direction == "in"), None)
            last = history[-1] if history else None
            inside = last is not None and last.direction == "in"
            if inside and last is not None and now - last.at < self._repeat_window:
                return ScanOutcome(
                    ScanResult.ALREADY_CHECKED_IN, now, known.name, known.host, since=last.at
                )
            if not inside and first_in is not None and known.single_use:
                log.info("scan refused at %s: single-use code used again", self._kiosk_id)
                return ScanOutcome(
                    ScanResult.ALREADY_CHECKED_IN, now, known.name, known.host, since=first_in
                )
            direction = "out" if inside else "in"
            # A check-out repeats the visitor reference of the check-in it closes, so presence
            # pairs them even if the invitation arrived in between.
            visitor_id = last.visitor_id if inside and last is not None else known.visitor_id
            checkin = Checkin(
                direction=direction,
                person_id=None,
                visitor_id=visitor_id,
                invitation_id=token.invitation_id,
                method="qr",
                kiosk_id=self._kiosk_id,
                at=now,
            )
            session.add(checkin)
            outbox.enqueue(session, "checkins", checkin, now)
            if direction == "in" and self._on_checkin is not None:
                self._on_checkin(session, checkin)
        # Logged once committed (the block above commits on leaving it).
        log.info("visitor checked %s with an invitation at %s", direction, self._kiosk_id)
        result = ScanResult.WELCOME if direction == "in" else ScanResult.CHECKED_OUT
        return ScanOutcome(result, now, known.name, known.host, invitation_id=token.invitation_id)

    def describe(self, invitation_id: uuid.UUID) -> tuple[str | None, str | None]:
        """The visitor's and host's names once the invitation has arrived (for a late greeting)."""
        with self._store.session() as session:
            known = _lookup(session, invitation_id)
        return known.name, known.host


# Wider than any token window (1970-2106) seen from any plausible "now".
_ANY_WINDOW = timedelta(days=200 * 366)


def _key_still_valid(session: Session, key_id: str, public_key: bytes) -> bool:
    row = session.execute(
        select(SigningKey.public_key).where(
            SigningKey.key_id == key_id, SigningKey.retired_at.is_(None)
        )
    ).first()
    return row is not None and bytes.fromhex(row.public_key) == public_key


def _lookup(session: Session, invitation_id: uuid.UUID) -> _Known:
    row = session.execute(
        select(
            Invitation.visitor_id,
            Invitation.single_use,
            Invitation.revoked_at,
            Visitor.name,
            Visitor.anonymised_at,
            Person.name.label("host"),
        )
        .outerjoin(Visitor, Visitor.id == Invitation.visitor_id)
        .outerjoin(Person, Person.id == Visitor.host_id)
        .where(Invitation.id == invitation_id)
    ).first()
    if row is None:
        return _Known()
    return _Known(
        visitor_id=row.visitor_id,
        name=None if row.anonymised_at is not None else row.name,
        host=row.host,
        single_use=bool(row.single_use),
        revoked=row.revoked_at is not None,
    )


def _signed_window(text: str, keys: dict[str, bytes], now: datetime) -> VerifiedToken:
    """The token of a code refused only for its window, to tell the visitor its dates.

    Verified again with a tolerance wider than any window a token can carry, so the signature is
    still checked and the dates shown never come from an unsigned code.
    """
    return verify(text, keys, now, _ANY_WINDOW)
