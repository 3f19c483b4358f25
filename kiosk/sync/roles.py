"""One PostgreSQL role per kiosk, with only the privileges its sync path needs.

A stolen kiosk should be worth little: its database role can append its own records through the
sync path and read the change feed for its role, and nothing else. Table grants decide *which*
tables it may touch; row-level security (installed by migrations 0002, 0006, 0008 and 0009,
keyed on the ``kiosk_roles`` table filled here) decides *which rows*:

- feed (``changes``): a door reads only audience ``all``; a lobby also ``lobby``. A kiosk may
  append feed entries only for what it pushes (a lobby: bookings made at a kiosk, check-ins as
  itself, visitors; a door: bookings of its room and its own booking actions).
- ``checkins``: a lobby inserts and sees only its own (``kiosk_id`` is its id).
- ``kiosks`` (heartbeats) and ``kiosk_instances`` (its running processes): its own rows only.
- ``bookings``: read (for the overlap check) and insert bookings whose source is ``kiosk``
  (a door: of its own room only).
- a door applies its booking actions (book now, extend, end early, check in, release; see
  kiosk/sync/booking_actions.py) as itself, confined to *its room* (``kiosk_roles.room_id``, from
  ``--room``; migration 0006): it may UPDATE only ``ends_at``, ``status``, ``checked_in_at``
  and ``updated_at`` of that room's active bookings, insert booking actions of that room as
  itself, insert ``door.*`` audit entries as itself about that room (reading back only their
  ids), and read rooms.
- the Lab's own features (migration 0009): a lobby inserts feedback, "Here today" board
  consents and host calls as itself (``kiosk_id``), any kiosk inserts host-call
  acknowledgements as itself; each reads back only its own rows, and appends feed entries only
  for those (feedback never enters the feed). Hosts on duty are written centrally only.
- the host panel (migration 0008): any kiosk inserts ``room_modes`` and ``events`` as itself
  (``kiosk_id``) and ``host.*`` audit entries as itself (reading back only the ids of its own
  entries, which the push's RETURNING needs); it reads ``people.role`` and
  ``active`` only, because the push refuses a switch not made by a host.
- a door gets no grant at all on visitors, invitations, check-ins or feedback; no kiosk may
  DELETE anything or create objects, or UPDATE anything but its heartbeat (and a door its room's
  bookings, as above).

The statements are idempotent: running ``grant-kiosk`` again resets the role to exactly this.

Once every kiosk syncs through the central sync service these roles are a liability (a stolen
kiosk's old password still logs in): ``kiosk admin legacy-roles`` lists and drops them with
:func:`legacy_roles` and :func:`drop_statements`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from kiosk.base.errors import UsageError

KIOSK_ROLES = ("lobby", "door")

# Table -> privileges, by kiosk role. Column lists limit what RETURNING may read.
_COMMON = {
    "changes": "SELECT, INSERT",
    "kiosks": "SELECT, INSERT, UPDATE",
    "kiosk_instances": "SELECT, INSERT, UPDATE",  # its running processes (migration 0013)
    "bookings": "SELECT, INSERT",
    "host_call_acks": "SELECT (id), INSERT",  # any kiosk's host panel takes a call
    # Host panel (migration 0008): mode switches and events as itself; the push checks that
    # the person who made them is a host, so it reads who is one.
    "room_modes": "SELECT, INSERT",
    "events": "SELECT, INSERT",
    "people": "SELECT (id, role, active)",
    "audit_log": "SELECT (id), INSERT",  # the id only, for the push's RETURNING
}
_LOBBY = {
    "checkins": "SELECT (id), INSERT",
    "visitors": "SELECT (id), INSERT",
    "feedback": "SELECT (id), INSERT",
    "board_consents": "SELECT (id), INSERT",
    "host_calls": "SELECT (id), INSERT",
}
# The booking columns a door's actions change; all other columns stay out of its reach.
DOOR_BOOKING_COLUMNS = ("ends_at", "status", "checked_in_at", "updated_at")
_DOOR = {
    "bookings": f"SELECT, INSERT, UPDATE ({', '.join(DOOR_BOOKING_COLUMNS)})",
    "booking_actions": "SELECT, INSERT",
    "rooms": "SELECT",
}
GRANTS: dict[str, dict[str, str]] = {
    "door": {**_COMMON, **_DOOR},
    "lobby": {**_COMMON, **_LOBBY},
}
FEED_SEQUENCE = "changes_seq_seq"


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def role_name_for(kiosk_id: str) -> str:
    """The database role of a kiosk: ``kiosk_`` + its id (ids are slugs)."""
    ok = kiosk_id and kiosk_id.isascii() and all(c.isalnum() or c in "-_." for c in kiosk_id)
    if not ok:
        raise UsageError(f"kiosk id {kiosk_id!r}: use letters, digits, '-', '_' or '.' only")
    name = f"kiosk_{kiosk_id}"
    if len(name.encode()) > 63:
        raise UsageError(f"kiosk id {kiosk_id!r} is too long for a role name (57 characters max)")
    return name


def new_password() -> str:
    return secrets.token_urlsafe(24)


def check_room(kiosk_role: str, room_id: str | None) -> None:
    """A door's role is confined to one room, so it must name it; a lobby has none."""
    if kiosk_role not in KIOSK_ROLES:
        raise UsageError(f"--role must be one of {', '.join(KIOSK_ROLES)}")
    if kiosk_role == "door" and not room_id:
        raise UsageError(
            "a door's role is confined to its room: give --room ROOM_ID (the room whose door "
            "this is); nothing was changed"
        )
    if room_id is not None and not room_id.isprintable():
        raise UsageError(f"--room {room_id!r}: not a room id")
    if kiosk_role != "door" and room_id is not None:
        raise UsageError(f"--room is for doors only, not a {kiosk_role}; nothing was changed")


@dataclass(frozen=True)
class KioskGrant:
    kiosk_id: str
    kiosk_role: str
    database: str
    role_name: str
    room_id: str | None = None  # a door's room; None for a lobby

    def statements(self, password: str | None = None) -> list[str]:
        """The SQL that creates or resets the role; ``password`` None leaves it unchanged."""
        check_room(self.kiosk_role, self.room_id)
        role = quote_ident(self.role_name)
        login = (
            f"ALTER ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
            "NOBYPASSRLS NOINHERIT"
        )
        if password is not None:
            login += f" PASSWORD {quote_literal(password)}"
        out = [
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
            f"{quote_literal(self.role_name)}) THEN CREATE ROLE {role}; END IF; END $$",
            login,
            f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
            f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role}",
            f"GRANT CONNECT ON DATABASE {quote_ident(self.database)} TO {role}",
            f"GRANT USAGE ON SCHEMA public TO {role}",
            f"GRANT USAGE ON SEQUENCE {FEED_SEQUENCE} TO {role}",
        ]
        for table, privileges in GRANTS[self.kiosk_role].items():
            out.append(f"GRANT {privileges} ON {table} TO {role}")
        room = "NULL" if self.room_id is None else quote_literal(self.room_id)
        out.append(
            "INSERT INTO kiosk_roles (role_name, kiosk_id, kiosk_role, room_id) VALUES ("
            f"{quote_literal(self.role_name)}, {quote_literal(self.kiosk_id)}, "
            f"{quote_literal(self.kiosk_role)}, {room}) ON CONFLICT (role_name) DO UPDATE SET "
            "kiosk_id = EXCLUDED.kiosk_id, kiosk_role = EXCLUDED.kiosk_role, "
            "room_id = EXCLUDED.room_id"
        )
        return out

    def script(self) -> str:
        """The statements as a psql script, without any password (set it with \\password)."""
        lines = [
            f"-- Role for kiosk {self.kiosk_id} ({self.kiosk_role}"
            + (f", room {self.room_id}" if self.room_id else "")
            + f") on database {self.database}.",
            "-- Run as the owner of the central database, after `kiosk admin init --central`.",
            "BEGIN;",
            *(f"{s};" for s in self.statements()),
            "COMMIT;",
            f"-- Then set its password in psql: \\password {quote_ident(self.role_name)}",
        ]
        return "\n".join(lines) + "\n"


# --- retiring the roles, once every kiosk syncs through the service --------------------------


@dataclass(frozen=True)
class LegacyRole:
    """A role ``grant-kiosk`` made (a row of ``kiosk_roles``), and whether it still exists."""

    role_name: str
    kiosk_id: str
    kiosk_role: str
    room_id: str | None
    exists: bool  # False: the role is gone, only its ``kiosk_roles`` row is left
    sessions: int  # open sessions logged in as it
    enrolled: bool  # the kiosk holds a live device token for the service

    def as_json(self) -> dict[str, object]:
        return {
            "role_name": self.role_name,
            "kiosk_id": self.kiosk_id,
            "kiosk_role": self.kiosk_role,
            "room_id": self.room_id,
            "exists": self.exists,
            "sessions": self.sessions,
            "enrolled": self.enrolled,
        }


_LEGACY_QUERY = """
SELECT k.role_name, k.kiosk_id, k.kiosk_role, k.room_id,
       r.rolname IS NOT NULL AS exists,
       (SELECT count(*) FROM pg_stat_activity a WHERE a.usename = k.role_name) AS sessions,
       EXISTS (SELECT 1 FROM device_credentials d
               WHERE d.id = k.kiosk_id AND d.revoked_at IS NULL) AS enrolled
FROM kiosk_roles k LEFT JOIN pg_roles r ON r.rolname = k.role_name
ORDER BY k.kiosk_id
"""


def legacy_roles(conn: Connection) -> list[LegacyRole]:
    """Every role ``grant-kiosk`` made in this database. Only roles recorded in
    ``kiosk_roles`` count: another role whose name starts with ``kiosk_`` (the service's own
    login, say) is never listed, so never dropped."""
    return [
        LegacyRole(
            str(r.role_name),
            str(r.kiosk_id),
            str(r.kiosk_role),
            r.room_id,
            bool(r.exists),
            int(r.sessions),
            bool(r.enrolled),
        )
        for r in conn.execute(text(_LEGACY_QUERY))
    ]


def drop_statements(role: LegacyRole, database: str) -> list[str]:
    """The SQL that retires ``role``: no new logins, no privileges, nothing it owns in this
    database (reassigned to the admin running it, then dropped), the role, its record."""
    name = quote_ident(role.role_name)
    out = []
    if role.exists:
        out += [
            f"ALTER ROLE {name} NOLOGIN",
            f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {name}",
            f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {name}",
            f"REVOKE ALL ON SCHEMA public FROM {name}",
            f"REVOKE ALL ON DATABASE {quote_ident(database)} FROM {name}",
            f"REASSIGN OWNED BY {name} TO CURRENT_USER",
            f"DROP OWNED BY {name}",
            f"DROP ROLE {name}",
        ]
    out.append(f"DELETE FROM kiosk_roles WHERE role_name = {quote_literal(role.role_name)}")
    return out


def end_sessions(conn: Connection, role_name: str) -> int:
    """Stop ``role_name`` logging in, then end its open sessions (a stolen kiosk's LISTEN
    connection would otherwise outlive its role); the number ended. Needs the right to signal
    them (superuser or ``pg_signal_backend``): without it this raises."""
    conn.execute(text(f"ALTER ROLE {quote_ident(role_name)} NOLOGIN"))
    ended = conn.execute(
        text(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE usename = :role AND pid <> pg_backend_pid()"
        ),
        {"role": role_name},
    ).scalar()
    return int(ended or 0)


def legacy_role_exists(conn: Connection, kiosk_id: str) -> str | None:
    """The name of ``kiosk_id``'s legacy role if ``grant-kiosk`` made one that still exists."""
    row = conn.execute(
        text(
            "SELECT k.role_name FROM kiosk_roles k JOIN pg_roles r ON r.rolname = k.role_name "
            "WHERE k.kiosk_id = :kiosk"
        ),
        {"kiosk": kiosk_id},
    ).first()
    return None if row is None else str(row.role_name)
