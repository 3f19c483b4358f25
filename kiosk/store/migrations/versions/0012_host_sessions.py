"""host sessions: PINs verified by the central sync service

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

A host signing in at a kiosk that syncs through the service types their PIN into the kiosk,
which asks the service; the service checks it against the central hash (with a lock-out per
host across all kiosks) and records a session here. Records a kiosk pushes in a host's name
are accepted only inside such a session (docs/host-panel.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "host_sessions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("host_id", sa.Uuid(), nullable=False),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["host_id"], ["people.id"], name=op.f("fk_host_sessions_host_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_host_sessions")),
    )
    op.create_index(op.f("ix_host_sessions_kiosk_id"), "host_sessions", ["kiosk_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_host_sessions_kiosk_id"), table_name="host_sessions")
    op.drop_table("host_sessions")
