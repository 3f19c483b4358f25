"""invitation e-mails: the central outbox of e-mails to visitors

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

`kiosk admin invite create --email` (and `invite resend`, `invite revoke`) queue one row here
in the invitation's own transaction; a sender (the central sync service, or in the embedded
set-up the command itself, `kiosk run` and `kiosk sync`) sends it and marks it sent. The table
is central only: it is never replicated, so no kiosk ever holds a visitor's address. The
address and the composed message are erased by the visitor's retention (docs/invitations.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invitation_emails",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("invitation_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("address", sa.String(254), nullable=True),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("message", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["invitation_id"],
            ["invitations.id"],
            name=op.f("fk_invitation_emails_invitation_id_invitations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation_emails")),
    )
    op.create_index(
        op.f("ix_invitation_emails_invitation_id"), "invitation_emails", ["invitation_id"]
    )
    op.create_index(
        op.f("ix_invitation_emails_next_attempt_at"), "invitation_emails", ["next_attempt_at"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_invitation_emails_next_attempt_at"), table_name="invitation_emails")
    op.drop_index(op.f("ix_invitation_emails_invitation_id"), table_name="invitation_emails")
    op.drop_table("invitation_emails")
