"""Device credentials: enrolment, revocation and the look-up behind ``Authorization: Bearer``.

A token is ``lkd1.`` followed by 43 URL-safe base64 characters (256 random bits). The central
store keeps only its SHA-256, so a copy of the database does not let anyone act as a kiosk, and
a revoked token is refused within two seconds (``kiosk.central.service.AUTH_TTL``). The token
file a kiosk reads holds the token and nothing else (surrounding white space is ignored).

A staff credential (role ``staff``, for ``kiosk console``) has the same form and acts as one
person, a host or an admin: kiosk endpoints refuse it, and staff endpoints refuse kiosks.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from kiosk.base.errors import Conflict, NotFound, UsageError
from kiosk.config.credential_file import TOKEN_FORMAT
from kiosk.store.dbutil import upsert
from kiosk.store.models import DeviceCredential, Person, Room, table_of

PREFIX = "lkd1."
KIOSK_ROLES = ("lobby", "door")
STAFF = "staff"
ROLES = (*KIOSK_ROLES, STAFF)
STAFF_PERSON_ROLES = ("host", "admin")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")

credentials_t = table_of(DeviceCredential)
rooms_t = table_of(Room)
people_t = table_of(Person)


@dataclass(frozen=True)
class Device:
    """Who is calling: the kiosk (or staff member) a valid token belongs to."""

    id: str
    role: str
    room_id: str | None
    person_id: uuid.UUID | None = None  # staff: the person the credential acts as

    @property
    def is_staff(self) -> bool:
        return self.role == STAFF


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


def enroll(
    conn: Connection,
    kiosk_id: str,
    role: str,
    room_id: str | None,
    now: datetime,
    person: str | None = None,
    replace: bool = False,
) -> str:
    """A new token for ``kiosk_id`` (replacing any earlier one); returns the token once.

    A ``staff`` credential names ``person`` (id or e-mail): an active host or admin. An id
    in use with another role or room is refused unless ``replace``: a typo would otherwise
    take a working door offline."""
    check_kiosk_id(kiosk_id)
    if role not in ROLES:
        raise UsageError(f"--role: one of {', '.join(ROLES)}")
    person_id = None
    if role == STAFF:
        if room_id is not None:
            raise UsageError("--room is for doors only")
        if person is None:
            raise UsageError("a staff credential needs --person PERSON (id or e-mail)")
        person_id = staff_person(conn, person)
    elif person is not None:
        raise UsageError("--person is for staff credentials only")
    if role == "door":
        if room_id is None:
            raise UsageError("a door needs --room ROOM")
        if conn.execute(select(rooms_t.c.id).where(rooms_t.c.id == room_id)).first() is None:
            known = ", ".join(conn.execute(select(rooms_t.c.id).order_by(rooms_t.c.id)).scalars())
            raise NotFound(f"no room {room_id!r} (rooms: {known or 'none yet'})")
    elif room_id is not None:
        raise UsageError("--room is for doors only")
    if not replace:
        _refuse_repurposing(conn, kiosk_id, role, room_id)
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
                "person_id": person_id,
            }
        ],
    )
    return token


def _refuse_repurposing(conn: Connection, kiosk_id: str, role: str, room_id: str | None) -> None:
    """Refuse to turn a live credential into another role's or room's (``--replace`` may)."""
    current = conn.execute(
        select(credentials_t.c.role, credentials_t.c.room_id).where(
            credentials_t.c.id == kiosk_id, credentials_t.c.revoked_at.is_(None)
        )
    ).first()
    if current is None or (current.role, current.room_id) == (role, room_id):
        return
    now_is = current.role + (f" in room {current.room_id}" if current.room_id else "")
    raise Conflict(
        f"{kiosk_id} is enrolled as a {now_is}; enrolling it as a {role}"
        + (f" in room {room_id}" if room_id else "")
        + " would end that credential: check the id, or add --replace to do it anyway"
    )


def staff_person(conn: Connection, ref: str) -> uuid.UUID:
    """The person a staff credential acts as: they exist, are active, and are a host or admin."""
    from kiosk.security.directory import find_person

    person_id = find_person(conn, ref)
    row = conn.execute(
        select(people_t.c.role, people_t.c.active).where(people_t.c.id == person_id)
    ).one()
    if not row.active:
        raise UsageError(f"person {ref[:80]!r} is no longer active")
    if row.role not in STAFF_PERSON_ROLES:
        raise UsageError(
            f"person {ref[:80]!r} is a {row.role}: a staff credential acts as a host or admin"
        )
    return person_id


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
            credentials_t.c.room_id, credentials_t.c.person_id,
        ).where(credentials_t.c.revoked_at.is_(None))
    )  # fmt: skip
    return {row.token_hash: Device(row.id, row.role, row.room_id, row.person_id) for row in rows}


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
    return Device(row.id, row.role, row.room_id, row.person_id)
