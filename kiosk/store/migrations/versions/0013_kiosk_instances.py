"""kiosk instances: every running process of a kiosk id, from its heartbeats

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

Two processes that share one kiosk id (a copied config, a second machine) each send their own
instance id with their heartbeats; the central side keeps a row per instance so ``kiosk admin
fleet`` marks the id as DUPLICATE and both kiosks hear of it (docs/sync.md). On PostgreSQL a
kiosk's own database role sees and writes only its own kiosk id's rows, as with ``kiosks``;
roles registered before this revision get the same grant here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_SELF_ID = "(SELECT kiosk_self_id())"
_NOT_A_KIOSK = "(SELECT kiosk_self_role()) IS NULL"

_PG_UP = [
    "ALTER TABLE kiosk_instances ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY kiosk_instances_not_kiosk ON kiosk_instances FOR ALL "
    f"USING ({_NOT_A_KIOSK}) WITH CHECK ({_NOT_A_KIOSK})",
    f"CREATE POLICY kiosk_instances_kiosk_self ON kiosk_instances FOR ALL "
    f"USING (kiosk_id = {_SELF_ID}) WITH CHECK (kiosk_id = {_SELF_ID})",
    # Kiosk roles made by `grant-kiosk` before this revision: the grant it now gives.
    """
    DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT k.role_name FROM kiosk_roles k JOIN pg_roles p ON p.rolname = k.role_name
      LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON kiosk_instances TO %I', r.role_name);
      END LOOP;
    END $$
    """,
]


def upgrade() -> None:
    op.create_table(
        "kiosk_instances",
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("instance_id", sa.String(32), nullable=False),
        sa.Column("machine", sa.String(32), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("kiosk_id", "instance_id", name=op.f("pk_kiosk_instances")),
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_UP:
            op.execute(statement)


def downgrade() -> None:
    op.drop_table("kiosk_instances")  # its policies go with it
