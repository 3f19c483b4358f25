"""Visitor invitations on the central store: create (visitor + invitation), revoke, list.

Everything a command could get wrong (dates, the host, the window) is checked before the first
write, and both rows are written through :func:`kiosk.sync.central.write` in the caller's
transaction,
so a refused invitation leaves no half-made visitor behind.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.base.errors import Conflict, NotFound, UsageError
from kiosk.base.ids import new_id
from kiosk.base.text import check_text
from kiosk.security.tokens import TokenKind, sign
from kiosk.store.models import Invitation, Person, Visitor, table_of
from kiosk.sync import central

invitations_t, visitors_t, people_t = table_of(Invitation), table_of(Visitor), table_of(Person)
MAX_VALIDITY = timedelta(days=366)


@dataclass(frozen=True)
class NewInvitation:
    name: str
    host: str  # person id or e-mail
    organisation: str | None
    valid_from: datetime
    valid_to: datetime
    single_use: bool = False
    kind: TokenKind = TokenKind.VISITOR


@dataclass(frozen=True)
class InvitationInfo:
    id: uuid.UUID
    kind: str
    visitor: str | None
    organisation: str | None
    host: str | None
    valid_from: datetime
    valid_to: datetime
    single_use: bool
    revoked_at: datetime | None

    def status(self, now: datetime) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if now >= self.valid_to:
            return "expired"
        return "upcoming" if now < self.valid_from else "valid"


def default_window(now: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Today in the site's zone: from local midnight to the next."""
    today = now.astimezone(tz).date()
    start = datetime.combine(today, time(), tz)
    end = datetime.combine(today + timedelta(days=1), time(), tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def check_window(valid_from: datetime, valid_to: datetime, now: datetime) -> None:
    if valid_to <= valid_from:
        raise UsageError("--valid-to must be after --valid-from")
    if valid_to <= now:
        raise UsageError("the invitation would already be over (--valid-to is in the past)")
    if valid_to - valid_from > MAX_VALIDITY:
        raise UsageError("an invitation can be valid for one year at most")


def _clean(text: str | None, what: str, *, required: bool) -> str | None:
    check_text(text or "", name=True, what=what)  # before a line separator becomes a space
    cleaned = " ".join((text or "").split())
    if not cleaned:
        if required:
            raise UsageError(f"{what} must not be empty")
        return None
    if len(cleaned) > 200:
        raise UsageError(f"{what} is longer than 200 characters")
    return cleaned


def _host_id(conn: Connection, ref: str) -> uuid.UUID:
    from kiosk.security.directory import find_person

    host_id = find_person(conn, ref)
    active = conn.execute(select(people_t.c.active).where(people_t.c.id == host_id)).scalar_one()
    if not active:
        raise UsageError(f"host {ref!r} is no longer active")
    return host_id


@dataclass(frozen=True)
class CheckedInvitation:
    """An invitation that passed every rule, its id minted, nothing of it written yet: what
    :func:`store_invitation` writes, and all a preview needs to know."""

    id: uuid.UUID
    new: NewInvitation  # the name and organisation as they will be stored
    host_id: uuid.UUID


def check_invitation(conn: Connection, new: NewInvitation, now: datetime) -> CheckedInvitation:
    """Every rule an invitation must pass (the name, the organisation, the window, an active
    host), reading the store but never writing to it."""
    name = _clean(new.name, "--name", required=True)
    organisation = _clean(new.organisation, "--organisation", required=False)
    check_window(new.valid_from, new.valid_to, now)
    host_id = _host_id(conn, new.host)
    cleaned = replace(new, name=name or "", organisation=organisation)
    return CheckedInvitation(new_id(), cleaned, host_id)


def sign_invitation(key: Ed25519PrivateKey, checked: CheckedInvitation) -> str:
    """The code for the invitation's QR (a ValueError for a window no token can carry)."""
    new = checked.new
    return sign(
        key,
        invitation_id=checked.id,
        kind=new.kind,
        valid_from=new.valid_from,
        valid_to=new.valid_to,
    )


def create_invitation(conn: Connection, new: NewInvitation, now: datetime) -> uuid.UUID:
    """Store a visitor and their invitation; returns the invitation id (what the token names)."""
    return store_invitation(conn, check_invitation(conn, new, now), now)


def store_invitation(conn: Connection, checked: CheckedInvitation, now: datetime) -> uuid.UUID:
    """Write a checked invitation: its visitor and itself, in the caller's transaction."""
    new, invitation_id, visitor_id = checked.new, checked.id, new_id()
    central.write(
        conn,
        "visitors",
        {
            "id": visitor_id,
            "name": new.name,
            "organisation": new.organisation,
            "host_id": checked.host_id,
            "anonymised_at": None,
            "updated_at": now,
        },
        now,
    )
    central.write(
        conn,
        "invitations",
        {
            "id": invitation_id,
            "kind": new.kind.value,
            "visitor_id": visitor_id,
            "event_id": None,
            "valid_from": new.valid_from,
            "valid_to": new.valid_to,
            "single_use": new.single_use,
            "revoked_at": None,
            "updated_at": now,
        },
        now,
    )
    return invitation_id


def issue_invitation(
    conn: Connection, new: NewInvitation, key: Ed25519PrivateKey, now: datetime
) -> tuple[uuid.UUID, str]:
    """:func:`create_invitation`, and the code for its QR signed with ``key``: the invitation id
    and the token (the card, the e-mail and the lobby's scan all carry this token)."""
    checked = check_invitation(conn, new, now)
    token = sign_invitation(key, checked)  # first: a window no token can carry writes nothing
    return store_invitation(conn, checked, now), token


def revoke_invitation(conn: Connection, ref: str, now: datetime) -> None:
    """Withdraw an invitation; kiosks refuse its code once they have synced."""
    try:
        invitation_id = uuid.UUID(ref)
    except ValueError:
        raise UsageError(f"not an invitation id: {ref!r}") from None
    row = conn.execute(select(invitations_t).where(invitations_t.c.id == invitation_id)).first()
    if row is None:
        raise NotFound(f"no invitation {ref}")
    if row.revoked_at is not None:
        raise Conflict(f"invitation {ref} is already revoked")
    central.write(conn, "invitations", {**row._asdict(), "revoked_at": now, "updated_at": now}, now)


def list_invitations(conn: Connection) -> list[InvitationInfo]:
    host = people_t.alias("host")
    rows = conn.execute(
        select(
            invitations_t,
            visitors_t.c.name.label("visitor"),
            visitors_t.c.organisation,
            host.c.name.label("host"),
        )
        .outerjoin(visitors_t, visitors_t.c.id == invitations_t.c.visitor_id)
        .outerjoin(host, host.c.id == visitors_t.c.host_id)
        .order_by(invitations_t.c.valid_from, invitations_t.c.id)
    )
    return [
        InvitationInfo(
            r.id,
            r.kind,
            r.visitor,
            r.organisation,
            r.host,
            r.valid_from,
            r.valid_to,
            r.single_use,
            r.revoked_at,
        )
        for r in rows
    ]
