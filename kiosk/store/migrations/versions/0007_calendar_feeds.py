"""calendar feeds: per-room ICS URLs refreshed on a schedule, and each room's calendar health

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26

The feed URL often carries a secret token, so it lives in ``calendar_feeds``, which is never
replicated. What a door needs to know (when its calendar was last read, and whether the last
refresh failed) is on the room row, which is replicated.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_feeds",
        sa.Column("room_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["room_id"], ["rooms.id"], name=op.f("fk_calendar_feeds_room_id_rooms")
        ),
        sa.PrimaryKeyConstraint("room_id", name=op.f("pk_calendar_feeds")),
    )
    with op.batch_alter_table("rooms") as batch:
        batch.add_column(sa.Column("calendar_synced_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("calendar_error", sa.String(length=300)))


def downgrade() -> None:
    with op.batch_alter_table("rooms") as batch:
        batch.drop_column("calendar_error")
        batch.drop_column("calendar_synced_at")
    op.drop_table("calendar_feeds")
