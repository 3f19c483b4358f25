"""commit-safe change feed, booking exclusion constraint, notify, kiosk roles

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Both engines: ``changes.txid`` and an index on (txid, seq), the feed's order. On SQLite txid
stays 0 (writers are serialized, so seq order is commit order).

PostgreSQL only:

- ``changes.txid`` defaults to the writing transaction's id (``pg_current_xact_id()``); the feed
  is read below ``pg_snapshot_xmin(pg_current_snapshot())`` so a late commit is never skipped
  (see kiosk/sync/feed.py). Rows written before this revision keep txid 0, so an old seq-only cursor
  N means (0, N) and stays correct.
- btree_gist and an exclusion constraint: two active bookings of one room never overlap.
- a statement trigger that NOTIFYs ``kiosk_changes`` with the audiences written (a wake-up).
- ``kiosk_roles`` (which database role is which kiosk) and row-level security policies that
  confine kiosk roles created by ``kiosk admin grant-kiosk``; other roles are not restricted
  by these policies (their table grants decide).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SELF_ROLE = "(SELECT kiosk_self_role())"
_SELF_ID = "(SELECT kiosk_self_id())"
_NOT_A_KIOSK = f"{_SELF_ROLE} IS NULL"

_PG_UP = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    "ALTER TABLE changes ALTER COLUMN txid SET DEFAULT (pg_current_xact_id()::text::bigint)",
    """
    ALTER TABLE bookings ADD CONSTRAINT xcl_bookings_room_overlap
    EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
    WHERE (status IN ('confirmed', 'provisional'))
    """,
    """
    CREATE FUNCTION kiosk_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE a text;
    BEGIN
        FOR a IN SELECT DISTINCT audience FROM new_rows LOOP
            PERFORM pg_notify('kiosk_changes', a);
        END LOOP;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER changes_notify AFTER INSERT ON changes
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kiosk_notify_changes()
    """,
    """
    CREATE TABLE kiosk_roles (
        role_name text PRIMARY KEY,
        kiosk_id varchar(64) NOT NULL UNIQUE,
        kiosk_role varchar(16) NOT NULL CHECK (kiosk_role IN ('lobby', 'door'))
    )
    """,
    "GRANT SELECT ON kiosk_roles TO PUBLIC",
    """
    CREATE FUNCTION kiosk_self_role() RETURNS text LANGUAGE sql STABLE AS
    $$ SELECT kiosk_role::text FROM kiosk_roles WHERE role_name = current_user $$
    """,
    """
    CREATE FUNCTION kiosk_self_id() RETURNS text LANGUAGE sql STABLE AS
    $$ SELECT kiosk_id::text FROM kiosk_roles WHERE role_name = current_user $$
    """,
    # Any role that is not a registered kiosk: unrestricted by row security.
    *(
        f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY"
        for t in ("changes", "checkins", "kiosks", "bookings")
    ),
    *(
        f"CREATE POLICY {t}_not_kiosk ON {t} FOR ALL USING ({_NOT_A_KIOSK}) "
        f"WITH CHECK ({_NOT_A_KIOSK})"
        for t in ("changes", "checkins", "kiosks", "bookings")
    ),
    # The feed: doors read only audience 'all'; lobbies also 'lobby'.
    f"""
    CREATE POLICY changes_kiosk_read ON changes FOR SELECT USING (
        audience = 'all' OR (audience = 'lobby' AND {_SELF_ROLE} = 'lobby'))
    """,
    # A kiosk appends feed entries only for what it may push, and check-ins only as itself.
    f"""
    CREATE POLICY changes_kiosk_append ON changes FOR INSERT WITH CHECK (
        (entity = 'bookings' AND audience = 'all' AND payload->>'source' = 'kiosk')
        OR ({_SELF_ROLE} = 'lobby' AND entity = 'checkins' AND audience = 'lobby'
            AND payload->>'kiosk_id' = {_SELF_ID})
        OR ({_SELF_ROLE} = 'lobby' AND entity = 'visitors' AND audience = 'lobby'))
    """,
    f"CREATE POLICY checkins_kiosk_own ON checkins FOR SELECT USING (kiosk_id = {_SELF_ID})",
    f"""
    CREATE POLICY checkins_kiosk_insert ON checkins FOR INSERT
    WITH CHECK ({_SELF_ROLE} = 'lobby' AND kiosk_id = {_SELF_ID})
    """,
    f"""
    CREATE POLICY kiosks_kiosk_self ON kiosks FOR ALL
    USING (id = {_SELF_ID}) WITH CHECK (id = {_SELF_ID})
    """,
    f"CREATE POLICY bookings_kiosk_read ON bookings FOR SELECT USING ({_SELF_ROLE} IS NOT NULL)",
    "CREATE POLICY bookings_kiosk_insert ON bookings FOR INSERT WITH CHECK (source = 'kiosk')",
]

_PG_DOWN = [
    *(f"DROP POLICY IF EXISTS {t}_not_kiosk ON {t}" for t in ("changes", "checkins", "kiosks")),
    "DROP POLICY IF EXISTS bookings_not_kiosk ON bookings",
    "DROP POLICY IF EXISTS changes_kiosk_read ON changes",
    "DROP POLICY IF EXISTS changes_kiosk_append ON changes",
    "DROP POLICY IF EXISTS checkins_kiosk_own ON checkins",
    "DROP POLICY IF EXISTS checkins_kiosk_insert ON checkins",
    "DROP POLICY IF EXISTS kiosks_kiosk_self ON kiosks",
    "DROP POLICY IF EXISTS bookings_kiosk_read ON bookings",
    "DROP POLICY IF EXISTS bookings_kiosk_insert ON bookings",
    *(
        f"ALTER TABLE {t} DISABLE ROW LEVEL SECURITY"
        for t in ("changes", "checkins", "kiosks", "bookings")
    ),
    "DROP FUNCTION IF EXISTS kiosk_self_id()",
    "DROP FUNCTION IF EXISTS kiosk_self_role()",
    "DROP TABLE IF EXISTS kiosk_roles",
    "DROP TRIGGER IF EXISTS changes_notify ON changes",
    "DROP FUNCTION IF EXISTS kiosk_notify_changes()",
    "ALTER TABLE bookings DROP CONSTRAINT IF EXISTS xcl_bookings_room_overlap",
]


def upgrade() -> None:
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("txid", sa.BigInteger(), server_default=sa.text("0"), nullable=False)
        )
        batch_op.create_index("ix_changes_txid_seq", ["txid", "seq"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_DOWN:
            op.execute(statement)
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index("ix_changes_txid_seq")
        batch_op.drop_column("txid")
