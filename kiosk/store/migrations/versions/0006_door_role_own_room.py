"""door roles: a door's database role may apply booking actions, in its own room only

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

Doors push ``booking_actions``; the central store applies each one as the door's own role
(kiosk/sync/booking_actions.py). Revision 0002's policies gave that role no way to do it, so a door's
actions could never reach the central store under a real deployment role. This revision lets a
door do exactly what its actions need, and only in the room it stands at:

- ``kiosk_roles.room_id``: the door's room, set by ``kiosk admin grant-kiosk --room`` (NULL for
  lobbies, and for doors granted before this revision until they are granted again: such a
  door gains nothing here). ``kiosk_self_room()`` reads it for the current role.
- ``bookings``: a door may UPDATE the active bookings of its own room (the columns are limited
  by the grant: ends_at, status, checked_in_at, updated_at; the status only to confirmed,
  provisional or released), and a door with a room may INSERT kiosk bookings of that room
  only (before: any room).
- ``booking_actions``: row-level security; a door reads and inserts those of its own room,
  inserting only as itself (``kiosk_id``).
- ``audit_log``: row-level security; a door inserts ``door.*`` entries as itself about its own
  room, and reads nothing.
- ``changes`` (the feed): a door with a room appends booking entries of its own room (any
  source: it may end an admin's booking early) and its own booking actions; lobbies and doors
  without a room keep revision 0002's rule (bookings made at a kiosk).

Roles that are not registered kiosks are not restricted by any of these policies. PostgreSQL
only: SQLite has no roles, so on SQLite this revision changes nothing.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ROLE = "(SELECT kiosk_self_role())"
_ID = "(SELECT kiosk_self_id())"
_ROOM = "(SELECT kiosk_self_room())"
_NOT_A_KIOSK = f"{_ROLE} IS NULL"
_DOOR_ROOM = f"{_ROLE} = 'door' AND room_id = {_ROOM}"  # NULL room: never true

_NEW_TABLES = ("booking_actions", "audit_log")

# Revision 0002's rules for lobbies (and doors without a room), kept in the new policies.
_LOBBY_APPEND = f"""
    ({_ROLE} = 'lobby' AND entity = 'checkins' AND audience = 'lobby'
        AND payload->>'kiosk_id' = {_ID})
    OR ({_ROLE} = 'lobby' AND entity = 'visitors' AND audience = 'lobby')"""

_PG_UP = [
    """
    ALTER TABLE kiosk_roles ADD COLUMN room_id varchar(64)
        REFERENCES rooms (id) ON DELETE SET NULL,
    ADD CONSTRAINT ck_kiosk_roles_room_for_doors CHECK (kiosk_role = 'door' OR room_id IS NULL)
    """,
    """
    CREATE FUNCTION kiosk_self_room() RETURNS text LANGUAGE sql STABLE AS
    $$ SELECT room_id::text FROM kiosk_roles WHERE role_name = current_user $$
    """,
    *(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY" for t in _NEW_TABLES),
    *(
        f"CREATE POLICY {t}_not_kiosk ON {t} FOR ALL USING ({_NOT_A_KIOSK}) "
        f"WITH CHECK ({_NOT_A_KIOSK})"
        for t in _NEW_TABLES
    ),
    f"CREATE POLICY booking_actions_door_read ON booking_actions FOR SELECT USING ({_DOOR_ROOM})",
    f"""
    CREATE POLICY booking_actions_door_insert ON booking_actions FOR INSERT
    WITH CHECK ({_DOOR_ROOM} AND kiosk_id = {_ID})
    """,
    f"""
    CREATE POLICY audit_log_door_insert ON audit_log FOR INSERT WITH CHECK (
        {_ROLE} = 'door' AND kiosk_id = {_ID} AND action LIKE 'door.%'
        AND detail->>'room_id' = {_ROOM})
    """,
    # Only active bookings (actions never touch others), and only to an action's statuses:
    # a door cannot revive a cancelled booking or invent a status.
    f"""
    CREATE POLICY bookings_door_update ON bookings FOR UPDATE
    USING ({_DOOR_ROOM} AND status IN ('confirmed', 'provisional'))
    WITH CHECK ({_DOOR_ROOM} AND status IN ('confirmed', 'provisional', 'released'))
    """,
    "DROP POLICY bookings_kiosk_insert ON bookings",
    f"""
    CREATE POLICY bookings_kiosk_insert ON bookings FOR INSERT WITH CHECK (
        source = 'kiosk' AND ({_ROOM} IS NULL OR room_id = {_ROOM}))
    """,
    "DROP POLICY changes_kiosk_append ON changes",
    f"""
    CREATE POLICY changes_kiosk_append ON changes FOR INSERT WITH CHECK (
        (entity = 'bookings' AND audience = 'all' AND (
            payload->>'room_id' = {_ROOM}
            OR ({_ROOM} IS NULL AND payload->>'source' = 'kiosk')))
        OR ({_ROLE} = 'door' AND entity = 'booking_actions' AND audience = 'all'
            AND payload->>'room_id' = {_ROOM} AND payload->>'kiosk_id' = {_ID})
        OR {_LOBBY_APPEND})
    """,
]

_PG_DOWN = [
    "DROP POLICY IF EXISTS changes_kiosk_append ON changes",
    f"""
    CREATE POLICY changes_kiosk_append ON changes FOR INSERT WITH CHECK (
        (entity = 'bookings' AND audience = 'all' AND payload->>'source' = 'kiosk')
        OR {_LOBBY_APPEND})
    """,
    "DROP POLICY IF EXISTS bookings_kiosk_insert ON bookings",
    "CREATE POLICY bookings_kiosk_insert ON bookings FOR INSERT WITH CHECK (source = 'kiosk')",
    "DROP POLICY IF EXISTS bookings_door_update ON bookings",
    "DROP POLICY IF EXISTS audit_log_door_insert ON audit_log",
    "DROP POLICY IF EXISTS booking_actions_door_insert ON booking_actions",
    "DROP POLICY IF EXISTS booking_actions_door_read ON booking_actions",
    *(f"DROP POLICY IF EXISTS {t}_not_kiosk ON {t}" for t in _NEW_TABLES),
    *(f"ALTER TABLE {t} DISABLE ROW LEVEL SECURITY" for t in _NEW_TABLES),
    "DROP FUNCTION IF EXISTS kiosk_self_room()",
    "ALTER TABLE kiosk_roles DROP CONSTRAINT IF EXISTS ck_kiosk_roles_room_for_doors",
    "ALTER TABLE kiosk_roles DROP COLUMN IF EXISTS room_id",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_DOWN:
            op.execute(statement)
