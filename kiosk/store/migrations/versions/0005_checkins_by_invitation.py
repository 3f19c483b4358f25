"""check-ins name an invitation without a foreign key; the host notification queue

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

A lobby honours a validly signed invitation code even before the invitation itself has reached
its replica (the token is self-contained; the name follows with the next sync). The check-in
must then be stored with the invitation's id, which the old foreign key refused. The reference
is kept as a plain, indexed column: the lobby's used-set (has this invitation checked in here
already?) and the evacuation list look check-ins up by it.

``notifications`` is local to each lobby: the host notifications its notifier still has to send
(ids only; names are read from the replica when sending).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_constraint("fk_checkins_invitation_id_invitations", type_="foreignkey")
        batch_op.create_index("ix_checkins_invitation_id", ["invitation_id", "at"], unique=False)
    op.create_table(
        "notifications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("checkin_id", sa.Uuid(), nullable=False),
        sa.Column("invitation_id", sa.Uuid(), nullable=True),
        sa.Column("visitor_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    op.create_index(
        op.f("ix_notifications_next_attempt_at"), "notifications", ["next_attempt_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_notifications_next_attempt_at"), table_name="notifications")
    op.drop_table("notifications")
    # Check-ins of invitations that never arrived would break the restored key: they are kept
    # and their reference cleared, so no check-in (and no presence record) is lost.
    op.execute(
        sa.text(
            "UPDATE checkins SET invitation_id = NULL WHERE invitation_id IS NOT NULL "
            "AND invitation_id NOT IN (SELECT id FROM invitations)"
        )
    )
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index("ix_checkins_invitation_id")
        batch_op.create_foreign_key(
            "fk_checkins_invitation_id_invitations", "invitations", ["invitation_id"], ["id"]
        )
