"""event mode: kiosks switch room modes and create events; event check-ins name their event

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26

A host at any kiosk (badge + PIN) may switch a room, several or the whole Lab into an event or
close a room. The kiosk makes the ``room_modes`` row (and the ``events`` row it points to) and
pushes it like any other record, so both carry the kiosk that made them (``kiosk_id``; NULL
when made with the admin CLI) and the event who created it (``created_by``).

``checkins.event_id`` names the event an entry was made for, without a foreign key: a lobby
checks in a ticket before the event row has reached it, like an invitation (revision 0005).

PostgreSQL: a kiosk's role may insert room modes and events as itself, and ``host.*`` audit
entries as itself (the host panel's sign-ins and switches). Whether the person who set a mode
is a host is checked when the push is accepted (kiosk/sync/central.py), where the people are known.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_ROLE = "(SELECT kiosk_self_role())"
_ID = "(SELECT kiosk_self_id())"
_ROOM = "(SELECT kiosk_self_room())"
_NOT_A_KIOSK = f"{_ROLE} IS NULL"
_NEW_TABLES = ("room_modes", "events")

# Revision 0006's append rule, kept whole in the new policy.
_APPEND_0006 = f"""
    (entity = 'bookings' AND audience = 'all' AND (
        payload->>'room_id' = {_ROOM}
        OR ({_ROOM} IS NULL AND payload->>'source' = 'kiosk')))
    OR ({_ROLE} = 'door' AND entity = 'booking_actions' AND audience = 'all'
        AND payload->>'room_id' = {_ROOM} AND payload->>'kiosk_id' = {_ID})
    OR ({_ROLE} = 'lobby' AND entity = 'checkins' AND audience = 'lobby'
        AND payload->>'kiosk_id' = {_ID})
    OR ({_ROLE} = 'lobby' AND entity = 'visitors' AND audience = 'lobby')"""

_APPEND_0008 = f"""
    {_APPEND_0006}
    OR ({_ROLE} IS NOT NULL AND entity IN ('room_modes', 'events') AND audience = 'all'
        AND payload->>'kiosk_id' = {_ID})"""

_PG_UP = [
    *(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY" for t in _NEW_TABLES),
    *(
        f"CREATE POLICY {t}_not_kiosk ON {t} FOR ALL USING ({_NOT_A_KIOSK}) "
        f"WITH CHECK ({_NOT_A_KIOSK})"
        for t in _NEW_TABLES
    ),
    *(
        f"CREATE POLICY {t}_kiosk_read ON {t} FOR SELECT USING ({_ROLE} IS NOT NULL)"
        for t in _NEW_TABLES
    ),
    *(
        f"CREATE POLICY {t}_kiosk_insert ON {t} FOR INSERT WITH CHECK (kiosk_id = {_ID})"
        for t in _NEW_TABLES
    ),
    f"""
    CREATE POLICY audit_log_host_insert ON audit_log FOR INSERT WITH CHECK (
        {_ROLE} IS NOT NULL AND kiosk_id = {_ID} AND action LIKE 'host.%')
    """,
    # INSERT ... RETURNING must see the new row: a kiosk reads back its own entries.
    f"CREATE POLICY audit_log_kiosk_own ON audit_log FOR SELECT USING (kiosk_id = {_ID})",
    "DROP POLICY changes_kiosk_append ON changes",
    f"CREATE POLICY changes_kiosk_append ON changes FOR INSERT WITH CHECK ({_APPEND_0008})",
]

_PG_DOWN = [
    "DROP POLICY IF EXISTS changes_kiosk_append ON changes",
    f"CREATE POLICY changes_kiosk_append ON changes FOR INSERT WITH CHECK ({_APPEND_0006})",
    "DROP POLICY IF EXISTS audit_log_kiosk_own ON audit_log",
    "DROP POLICY IF EXISTS audit_log_host_insert ON audit_log",
    *(f"DROP POLICY IF EXISTS {t}_kiosk_insert ON {t}" for t in _NEW_TABLES),
    *(f"DROP POLICY IF EXISTS {t}_kiosk_read ON {t}" for t in _NEW_TABLES),
    *(f"DROP POLICY IF EXISTS {t}_not_kiosk ON {t}" for t in _NEW_TABLES),
    *(f"ALTER TABLE {t} DISABLE ROW LEVEL SECURITY" for t in _NEW_TABLES),
]


def upgrade() -> None:
    with op.batch_alter_table("checkins") as batch:
        batch.add_column(sa.Column("event_id", sa.Uuid(), nullable=True))
        batch.create_index("ix_checkins_event_id", ["event_id", "at"], unique=False)
    with op.batch_alter_table("room_modes") as batch:
        batch.add_column(sa.Column("kiosk_id", sa.String(length=64), nullable=True))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("created_by", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("kiosk_id", sa.String(length=64), nullable=True))
        batch.create_foreign_key(
            op.f("fk_events_created_by_people"), "people", ["created_by"], ["id"]
        )
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_DOWN:
            op.execute(statement)
    with op.batch_alter_table("events") as batch:
        batch.drop_constraint(op.f("fk_events_created_by_people"), type_="foreignkey")
        batch.drop_column("kiosk_id")
        batch.drop_column("created_by")
    with op.batch_alter_table("room_modes") as batch:
        batch.drop_column("kiosk_id")
    with op.batch_alter_table("checkins") as batch:
        batch.drop_index("ix_checkins_event_id")
        batch.drop_column("event_id")
