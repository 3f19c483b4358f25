"""door actions: per-room door policy and the booking actions doors push

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

``rooms`` gains the door policy (meeting check-in opens N minutes before the start, no-shows are
released after M minutes when set, anonymous actions allowed or not, the booking page's URL for
the door's QR code). ``booking_actions`` holds the changes doors make to bookings; the central
store applies each once and records the outcome (see kiosk/sync/booking_actions.py). Plain types, so
the same operations run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "checkin_before_minutes",
                sa.Integer(),
                server_default=sa.text("10"),
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column("release_after_minutes", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "anonymous_actions",
                sa.Boolean(),
                server_default=sa.false(),
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column("booking_url", sa.String(length=1000), nullable=True))
    op.create_table(
        "booking_actions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["people.id"], name=op.f("fk_booking_actions_actor_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_actions")),
    )
    op.create_index(
        op.f("ix_booking_actions_booking_id"), "booking_actions", ["booking_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_booking_actions_booking_id"), table_name="booking_actions")
    op.drop_table("booking_actions")
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.drop_column("booking_url")
        batch_op.drop_column("anonymous_actions")
        batch_op.drop_column("release_after_minutes")
        batch_op.drop_column("checkin_before_minutes")
