"""calendar invitations: a room feed may invite its meetings' attendees from outside the Lab

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03

`kiosk admin bookings feed set ROOM URL --invite-attendees` turns it on for one feed (off by
default), with an optional default host. Each invitation a feed made is linked to the feed's
room, the booking's key and a SHA-256 of the attendee's address, so the next import recognises
it (and moves or revokes it). The link table is central only, never replicated, and its rows are
deleted by the visitor's retention (docs/invitations.md, "Invitations from the calendar").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("calendar_feeds") as batch:
        batch.add_column(
            sa.Column("invite_attendees", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("invite_host_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_calendar_feeds_invite_host_id_people"), "people", ["invite_host_id"], ["id"]
        )
    op.create_table(
        "calendar_invitations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.String(length=64), nullable=False),
        sa.Column("booking_key", sa.String(length=500), nullable=False),
        sa.Column("attendee", sa.String(length=64), nullable=False),
        sa.Column("invitation_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["room_id"], ["rooms.id"], name=op.f("fk_calendar_invitations_room_id_rooms")
        ),
        sa.ForeignKeyConstraint(
            ["invitation_id"],
            ["invitations.id"],
            name=op.f("fk_calendar_invitations_invitation_id_invitations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_invitations")),
        sa.UniqueConstraint(
            "room_id", "booking_key", "attendee", name=op.f("uq_calendar_invitations_room_id")
        ),
    )
    op.create_index(
        op.f("ix_calendar_invitations_invitation_id"), "calendar_invitations", ["invitation_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_calendar_invitations_invitation_id"), table_name="calendar_invitations")
    op.drop_table("calendar_invitations")
    with op.batch_alter_table("calendar_feeds") as batch:
        batch.drop_constraint(op.f("fk_calendar_feeds_invite_host_id_people"), type_="foreignkey")
        batch.drop_column("invite_host_id")
        batch.drop_column("invite_attendees")
