"""Device credentials: enrolment, revocation and the look-up behind ``Authorization: Bearer``.

A token is ``lkd1.`` followed by 43 URL-safe base64 characters (256 random bits). The central
store keeps only its SHA-256, so a copy of the database does not let anyone act as a kiosk, and
a revoked token is refused within two seconds (``kiosk.central.service.AUTH_TTL``). The token
file a kiosk reads holds the token and nothing else (surrounding white space is ignored).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from kiosk.base.errors import NotFound, UsageError
from kiosk.config.credential_file import TOKEN_FORMAT
from kiosk.store.dbutil import upsert
from kiosk.store.models import DeviceCredential, Room, table_of

PREFIX = "lkd1."
ROLES = ("lobby", "door")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")

credentials_t = table_of(DeviceCredential)
rooms_t = table_of(Room)


@dataclass(frozen=True)
class Device:
    """Who is calling: the kiosk a valid token belongs to."""

    id: str
    role: str
    room_id: str | None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def new_token() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def check_kiosk_id(kiosk_id: str) -> str:
    if not _ID.match(kiosk_id):
        raise UsageError(
            f"kiosk id {kiosk_id[:80]!r}: lower-case letters, digits, '.', '_' or '-', "
            "at most 64 characters"
        )
    return kiosk_id


def enroll(conn: Connection, kiosk_id: str, role: str, room_id: str | None, now: datetime) -> str:
    """A new token for ``kiosk_id`` (replacing any earlier one); returns the token once."""
    check_kiosk_id(kiosk_id)
    if role not in ROLES:
        raise UsageError(f"--role: one of {', '.join(ROLES)}")
    if role == "door":
        if room_id is None:
            raise UsageError("a door needs --room ROOM")
        if conn.execute(select(rooms_t.c.id).where(rooms_t.c.id == room_id)).first() is None:
            known = ", ".join(conn.execute(select(rooms_t.c.id).order_by(rooms_t.c.id)).scalars())
            raise NotFound(f"no room {room_id!r} (rooms: {known or 'none yet'})")
    elif room_id is not None:
        raise UsageError("--room is for doors only")
    token = new_token()
    upsert(
        conn,
        credentials_t,
        [
            {
                "id": kiosk_id,
                "role": role,
                "room_id": room_id,
                "token_hash": token_hash(token),
                "created_at": now,
                "revoked_at": None,
            }
        ],
    )
    return token


def revoke(conn: Connection, kiosk_id: str, now: datetime) -> None:
    done = conn.execute(
        update(credentials_t)
        .where(credentials_t.c.id == kiosk_id, credentials_t.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    if done.rowcount == 0:
        raise NotFound(f"no enrolled kiosk {kiosk_id!r} with a valid credential")


def valid_credentials(conn: Connection) -> dict[str, Device]:
    """Every credential not revoked, by token hash (the service keeps this in memory)."""
    rows = conn.execute(
        select(
            credentials_t.c.token_hash, credentials_t.c.id, credentials_t.c.role,
            credentials_t.c.room_id,
        ).where(credentials_t.c.revoked_at.is_(None))
    )  # fmt: skip
    return {row.token_hash: Device(row.id, row.role, row.room_id) for row in rows}


def authenticate(conn: Connection, token: str) -> Device | None:
    """The device ``token`` belongs to, or None (unknown, malformed or revoked)."""
    if not TOKEN_FORMAT.match(token):
        return None
    digest = token_hash(token)
    row = conn.execute(
        select(credentials_t).where(
            credentials_t.c.token_hash == digest, credentials_t.c.revoked_at.is_(None)
        )
    ).first()
    if row is None or not hmac.compare_digest(row.token_hash, digest):
        return None
    return Device(row.id, row.role, row.room_id)
