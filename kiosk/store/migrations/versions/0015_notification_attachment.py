"""notification attachment: the evacuation list's PDF e-mailed to the hosts on duty

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02

A lobby that saves the evacuation list also queues it for each host on duty (kind
``evacuation``); the row names the saved PDF (a file in the kiosk's own data folder), which the
notifier attaches when it sends. The list must leave the building with the people.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.add_column(sa.Column("attachment", sa.String(255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.drop_column("attachment")
