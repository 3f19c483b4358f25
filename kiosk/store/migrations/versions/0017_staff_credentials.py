"""staff credentials: the person a staff credential of the console acts as

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03

``kiosk admin enroll NAME --role staff --person PERSON`` writes a credential with role
``staff``; ``person_id`` names the host or admin it acts as (their name in every audit entry,
their authority for mode switches). Kiosk credentials leave it empty.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device_credentials") as batch:
        batch.add_column(sa.Column("person_id", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device_credentials") as batch:
        batch.drop_column("person_id")
