"""indexes for the central store's look-ups in the change feed

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27

The central store checks a pushed check-in of a single-use invitation against the feed (a kiosk's
role cannot read other kiosks' check-ins, only the feed; kiosk/sync/acceptance.py ``_check_single_use``).
Without an index both look-ups scanned the whole feed: about 0.1 s per push at 200,000 entries.

- ``(entity, record_id)``: the latest image of one record (both engines);
- PostgreSQL: the check-ins of one invitation, by ``payload->>'invitation_id'``.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_changes_entity_record_id", "changes", ["entity", "record_id", "seq"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_changes_invitation_id ON changes ((payload->>'invitation_id'), seq)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_changes_invitation_id")
    op.drop_index("ix_changes_entity_record_id", table_name="changes")
