"""event translations: an event's title and description in Swedish and English, and its room

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03

``title`` and ``description`` stay the Finnish (or only) text; ``title_sv``/``title_en`` and
``description_sv``/``description_en`` are the translations a staff member gives in the console,
so doors and lobbies show the visitor's language. ``room_id`` names where the event is held
(None: Lab-wide). No personal data: events reach every kiosk.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("title_sv", sa.String(300), nullable=True))
        batch.add_column(sa.Column("title_en", sa.String(300), nullable=True))
        batch.add_column(sa.Column("description_sv", sa.Text(), nullable=True))
        batch.add_column(sa.Column("description_en", sa.Text(), nullable=True))
        batch.add_column(sa.Column("room_id", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column in ("room_id", "description_en", "description_sv", "title_en", "title_sv"):
            batch.drop_column(column)
