"""Migration 0016: feeds that invite their attendees, and the central-only link table."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, select, text

from kiosk.security.directory import add_room
from kiosk.store.engine import open_store
from kiosk.store.migrate import alembic_config, current_revision, head_revision
from kiosk.store.models import CalendarFeed, table_of
from kiosk.sync.roles import GRANTS
from tests.stores import NOON


def test_up_and_down_and_an_older_feed_invites_nobody(central_url: str) -> None:
    store = open_store(central_url)
    engine = store.engine
    try:
        command.downgrade(alembic_config(engine), "0015")
        assert "calendar_invitations" not in inspect(engine).get_table_names()
        columns = {c["name"] for c in inspect(engine).get_columns("calendar_feeds")}
        assert "invite_attendees" not in columns
        with engine.begin() as conn:  # a feed set before 0016, with 0015's columns
            add_room(conn, "aurora", "Aurora", 10, NOON)
            conn.execute(
                text(
                    "INSERT INTO calendar_feeds (room_id, url, updated_at) "
                    "VALUES ('aurora', 'https://example.org/a.ics', :at)"
                ),
                {"at": NOON},
            )
        command.upgrade(alembic_config(engine), "head")
        assert current_revision(engine) == head_revision()
        assert "calendar_invitations" in inspect(engine).get_table_names()
        with engine.connect() as conn:
            feed = conn.execute(select(table_of(CalendarFeed))).one()
        assert feed.invite_attendees is False and feed.invite_host_id is None
    finally:
        store.dispose()


def test_no_kiosk_role_is_granted_the_links() -> None:
    assert all("calendar_invitations" not in grants for grants in GRANTS.values())
