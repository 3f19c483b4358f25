"""device credentials for the central sync service

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

Kiosks reach the central store through ``kiosk central serve`` with a device token
(``kiosk admin enroll``); the service keeps only each token's SHA-256 here, with the kiosk's
role and room, and ``kiosk admin revoke-kiosk`` ends it at once (docs/sync.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_credentials",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("room_id", sa.String(64), nullable=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_credentials")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_device_credentials_token_hash")),
    )


def downgrade() -> None:
    op.drop_table("device_credentials")
