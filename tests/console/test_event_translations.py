"""An event's fi/sv/en texts from the console reach the kiosks and their screens' views."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from kiosk.config.settings import load_config
from kiosk.console.models import EventDraft, LocalText
from kiosk.events.state import event_view
from kiosk.rooms.door_state import mode_view
from kiosk.store.engine import open_local_store
from kiosk.store.models import Event
from kiosk.sync.engine import SyncEngine
from kiosk.views.screens import EventView, ModeView
from tests.central.helpers import kiosk_config
from tests.console.helpers import Site, staff_site
from tests.helpers import wait_for
from tests.stores import NOON


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        yield s


def test_translations_reach_a_lobby_and_its_event_view(tmp_path: Path, site: Site) -> None:
    with site.client() as client:
        saved = client.save_event(
            EventDraft(
                title=LocalText("Aamukahvit", "Morgonkaffe", "Morning coffee"),
                starts_at=NOON,
                ends_at=NOON + timedelta(hours=2),
                description=LocalText("Tervetuloa", "Välkommen", ""),
            )
        )
    cfg = load_config(kiosk_config(tmp_path, site.service, "lobby-1", "lobby"))
    local = open_local_store(cfg.local_store_path)
    engine = SyncEngine.for_kiosk(cfg, local, site.service.clock)

    def arrived() -> bool:
        # On a shared PostgreSQL another session's open transaction may hold the feed's
        # readable head back for a moment: pull again.
        engine.cycle()
        with local.engine.connect() as conn:
            return conn.execute(select(Event.id).where(Event.id == saved.id)).first() is not None

    try:
        wait_for(arrived, 30, "the event on the lobby")
        with local.engine.connect() as conn:
            row = conn.execute(select(Event.__table__).where(Event.id == saved.id)).one()
            view = event_view(conn, row)
    finally:
        engine.close()
        local.dispose()
    assert [view.title_in(lang) for lang in ("fi", "sv", "en")] == [
        "Aamukahvit", "Morgonkaffe", "Morning coffee"
    ]  # fmt: skip
    assert view.description_in("en") == "Tervetuloa"  # not translated: the Finnish text


def test_a_door_shows_the_event_title_in_its_language() -> None:
    event_id = uuid.uuid4()
    ev = SimpleNamespace(
        title="Avoimet ovet", description="Tule katsomaan", starts_at=NOON,
        ends_at=NOON + timedelta(hours=3), online_url=None, title_sv="Öppet hus",
        title_en="Open house", description_sv="Kom och se", description_en=None,
    )  # fmt: skip
    row = SimpleNamespace(
        mode="event", version=1, title=None, starts_at=NOON,
        expires_at=NOON + timedelta(hours=3), room_id=None, event_id=event_id,
    )  # fmt: skip
    view = mode_view(row, {event_id: ev})
    assert [view.title_in(lang) for lang in ("fi", "sv", "en")] == [
        "Avoimet ovet", "Öppet hus", "Open house"
    ]  # fmt: skip
    assert view.event is not None and view.event.description_in("sv") == "Kom och se"
    own = ModeView("event", 1, "Lab night", NOON, None, event=EventView("Ilta", None, NOON, NOON))
    assert own.title_in("en") == "Lab night"  # the switch named its own title: kept
