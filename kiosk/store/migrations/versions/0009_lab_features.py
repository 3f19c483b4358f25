"""the Lab's own features: feedback, the "Here today" board, host calls, hosts on duty

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

New tables (see docs/lab-features.md):

- ``feedback``: one face (score 1..4), an optional comment, the context it was asked in
  (home screen, check-out, after an event). Born on a lobby, pushed insert-if-absent, kept
  centrally only (audience none): no kiosk needs anyone's feedback, and a signed answer
  (``person_id``) must not travel to every screen.
- ``board_consents``: an append-only log of opt-ins and opt-outs for the lobby's "Here today"
  board; the latest row per person wins. Made on a lobby (after a badge tap) or with the CLI;
  audience lobby (doors show no board).
- ``host_calls`` (made on a lobby) and ``host_call_acks`` (made on any kiosk's host panel or
  with the CLI): audience all, because a door's host panel lists open calls too. They carry no
  personal data beyond the acknowledging host's id.
- ``host_duty``: who hosts on which day, written centrally by the CLI; audience lobby.

``notifications`` (local to each lobby) also queues "a host is wanted" for each host on duty:
``checkin_id`` becomes optional and ``call_id`` / ``host_id`` name the call and the host.

PostgreSQL: a lobby's role may insert feedback, consents and host calls as itself; any kiosk's
role may insert acknowledgements as itself. Each reads back only its own rows (for RETURNING).
The feed's append policy is 0008's plus these entities; the downgrade restores 0008's.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_ROLE = "(SELECT kiosk_self_role())"
_ID = "(SELECT kiosk_self_id())"
_ROOM = "(SELECT kiosk_self_room())"
_NOT_A_KIOSK = f"{_ROLE} IS NULL"

# Revision 0008's append rule (itself 0006's plus room modes and events), kept whole.
_APPEND_0006 = f"""
    (entity = 'bookings' AND audience = 'all' AND (
        payload->>'room_id' = {_ROOM}
        OR ({_ROOM} IS NULL AND payload->>'source' = 'kiosk')))
    OR ({_ROLE} = 'door' AND entity = 'booking_actions' AND audience = 'all'
        AND payload->>'room_id' = {_ROOM} AND payload->>'kiosk_id' = {_ID})
    OR ({_ROLE} = 'lobby' AND entity = 'checkins' AND audience = 'lobby'
        AND payload->>'kiosk_id' = {_ID})
    OR ({_ROLE} = 'lobby' AND entity = 'visitors' AND audience = 'lobby')"""

_APPEND_0008 = f"""
    {_APPEND_0006}
    OR ({_ROLE} IS NOT NULL AND entity IN ('room_modes', 'events') AND audience = 'all'
        AND payload->>'kiosk_id' = {_ID})"""

# Feedback is kept centrally only (audience none), so it never enters the feed.
_APPEND_0009 = f"""
    {_APPEND_0008}
    OR ({_ROLE} = 'lobby' AND entity = 'board_consents' AND audience = 'lobby'
        AND payload->>'kiosk_id' = {_ID})
    OR ({_ROLE} = 'lobby' AND entity = 'host_calls' AND audience = 'all'
        AND payload->>'kiosk_id' = {_ID})
    OR ({_ROLE} IS NOT NULL AND entity = 'host_call_acks' AND audience = 'all'
        AND payload->>'kiosk_id' = {_ID})"""

# Table -> who among the kiosks may insert rows (always as itself).
_INSERTERS = {
    "feedback": f"{_ROLE} = 'lobby'",
    "board_consents": f"{_ROLE} = 'lobby'",
    "host_calls": f"{_ROLE} = 'lobby'",
    "host_call_acks": f"{_ROLE} IS NOT NULL",
}

_PG_UP = [
    *(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY" for t in _INSERTERS),
    *(
        f"CREATE POLICY {t}_not_kiosk ON {t} FOR ALL USING ({_NOT_A_KIOSK}) "
        f"WITH CHECK ({_NOT_A_KIOSK})"
        for t in _INSERTERS
    ),
    *(
        f"CREATE POLICY {t}_kiosk_own ON {t} FOR SELECT USING (kiosk_id = {_ID})"
        for t in _INSERTERS
    ),
    *(
        f"CREATE POLICY {t}_kiosk_insert ON {t} FOR INSERT WITH CHECK ({who} AND kiosk_id = {_ID})"
        for t, who in _INSERTERS.items()
    ),
    "DROP POLICY changes_kiosk_append ON changes",
    f"CREATE POLICY changes_kiosk_append ON changes FOR INSERT WITH CHECK ({_APPEND_0009})",
]

_PG_DOWN = [
    "DROP POLICY IF EXISTS changes_kiosk_append ON changes",
    f"CREATE POLICY changes_kiosk_append ON changes FOR INSERT WITH CHECK ({_APPEND_0008})",
    *(f"DROP POLICY IF EXISTS {t}_kiosk_insert ON {t}" for t in _INSERTERS),
    *(f"DROP POLICY IF EXISTS {t}_kiosk_own ON {t}" for t in _INSERTERS),
    *(f"DROP POLICY IF EXISTS {t}_not_kiosk ON {t}" for t in _INSERTERS),
    *(f"ALTER TABLE {t} DISABLE ROW LEVEL SECURITY" for t in _INSERTERS),
]


def _stamps() -> list[sa.Column[object]]:
    return [sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("comment", sa.String(length=500), nullable=True),
        sa.Column("context", sa.String(length=16), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        *_stamps(),
        sa.CheckConstraint("score BETWEEN 1 AND 4", name=op.f("ck_feedback_score")),
        sa.CheckConstraint(
            "context IN ('home', 'checkout', 'event')", name=op.f("ck_feedback_context")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_feedback_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    op.create_index(op.f("ix_feedback_at"), "feedback", ["at"], unique=False)
    op.create_table(
        "board_consents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("visible", sa.Boolean(), nullable=False),
        sa.Column("interests", sa.JSON(), nullable=False),
        sa.Column("show_organisation", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_board_consents_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_consents")),
    )
    op.create_index(
        "ix_board_consents_person_at", "board_consents", ["person_id", "at"], unique=False
    )
    op.create_table(
        "host_calls",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_host_calls")),
    )
    op.create_index(op.f("ix_host_calls_at"), "host_calls", ["at"], unique=False)
    op.create_table(
        "host_call_acks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("call_id", sa.Uuid(), nullable=False),
        sa.Column("host_id", sa.Uuid(), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["host_id"], ["people.id"], name=op.f("fk_host_call_acks_host_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_host_call_acks")),
    )
    op.create_index(op.f("ix_host_call_acks_call_id"), "host_call_acks", ["call_id"], unique=False)
    op.create_table(
        "host_duty",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("on_duty", sa.Boolean(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_host_duty_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_host_duty")),
        sa.UniqueConstraint("day", "person_id", name="uq_host_duty_day_person"),
    )
    with op.batch_alter_table("notifications") as batch:
        batch.alter_column("checkin_id", existing_type=sa.Uuid(), nullable=True)
        batch.add_column(sa.Column("call_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("host_id", sa.Uuid(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_DOWN:
            op.execute(statement)
    # Host-call notices cannot live in 0008's table (no check-in to name): they are dropped.
    op.execute(sa.text("DELETE FROM notifications WHERE checkin_id IS NULL"))
    with op.batch_alter_table("notifications") as batch:
        batch.drop_column("host_id")
        batch.drop_column("call_id")
        batch.alter_column("checkin_id", existing_type=sa.Uuid(), nullable=False)
    op.drop_table("host_duty")
    op.drop_index(op.f("ix_host_call_acks_call_id"), table_name="host_call_acks")
    op.drop_table("host_call_acks")
    op.drop_index(op.f("ix_host_calls_at"), table_name="host_calls")
    op.drop_table("host_calls")
    op.drop_index("ix_board_consents_person_at", table_name="board_consents")
    op.drop_table("board_consents")
    op.drop_index(op.f("ix_feedback_at"), table_name="feedback")
    op.drop_table("feedback")
