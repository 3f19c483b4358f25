"""The door screen: every state, every language, both screen sizes, and cheap minute ticks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from kiosk.views.screens import BookingView, DoorView, RoomState
from tests.ui.helpers import clipped_texts, settle, visible_text
from tools.sample_views import NOW, door_views, statuses
from ui.common.i18n import LanguageManager
from ui.door.agenda import AgendaRow
from ui.door.screen import DoorScreen

SIZES = [(1280, 800), (800, 480)]
WORDS = {
    "fi": {"free": "Vapaa", "busy": "Varattu", "event": "Tapahtuma", "closed": "Suljettu"},
    "sv": {"free": "Ledigt", "busy": "Upptaget", "event": "Evenemang", "closed": "Stängt"},
    "en": {"free": "Free", "busy": "Busy", "event": "Event", "closed": "Closed"},
}


@pytest.fixture
def door(qtbot: QtBot, tz: ZoneInfo) -> DoorScreen:
    screen = DoorScreen(tz)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_every_state_renders_readably(
    door: DoorScreen, language: Callable[..., LanguageManager], code: str, size: tuple[int, int]
) -> None:
    language(code)
    door.resize(*size)
    for name, view in door_views().items():
        door.show_view(view)
        door.set_status(statuses()["offline"])
        settle()
        assert door.banner.word.text() == WORDS[code][view.state.value], name
        assert door.banner.icon.icon_name in {"check", "calendar", "star", "lock"}
        assert clipped_texts(door) == [], (name, size)


def test_busy_shows_title_and_time_left(
    door: DoorScreen, language: Callable[..., LanguageManager]
) -> None:
    language("fi")
    door.show_view(door_views()["busy"])
    assert door.banner.primary.text() == "Hallinnon hackathon: avoin data"
    assert door.banner.secondary.text() == "Klo 15.00 asti · 35 min jäljellä"
    language("en")
    assert door.banner.secondary.text() == "Until 15:00 · 35 min left"


def test_private_booking_never_shows_its_title(
    door: DoorScreen, language: Callable[..., LanguageManager]
) -> None:
    language("en")
    view = door_views()["busy-private"]
    door.show_view(view)
    assert view.current is not None
    assert view.current.title not in visible_text(door)
    assert door.banner.word.text() == "Busy"
    assert door.banner.primary.text() == "(provisional)"
    private = replace(view, upcoming=(replace(view.current, title="Secret merger"),))
    door.show_view(private)
    settle()
    assert "Secret merger" not in visible_text(door)
    assert "Private booking" in visible_text(door)


def test_free_states(door: DoorScreen, language: Callable[..., LanguageManager]) -> None:
    language("fi")
    door.show_view(door_views()["free-until"])
    assert door.banner.primary.text() == "Vapaa klo 15.30 asti"
    assert door.banner.secondary.text() == "Seuraava varaus 1 t 5 min kuluttua"
    door.show_view(door_views()["free-all-day"])
    assert door.banner.primary.text() == "Vapaa loppupäivän"
    assert door.banner.secondary.isHidden()
    settle()
    assert "Ei enää varauksia tänään" in visible_text(door)


def test_event_and_closed_show_mode_title_and_until(
    door: DoorScreen, language: Callable[..., LanguageManager]
) -> None:
    language("sv")
    door.show_view(door_views()["event"])
    assert door.banner.primary.text() == "Työ 2.0 -päivä: Tulevaisuuden työ"
    assert door.banner.secondary.text() == "Till kl. 18.00"
    door.show_view(door_views()["closed"])
    assert door.banner.secondary.text() == "Till fre 27.11. kl. 9.00"
    door.show_view(door_views()["closed-indefinitely"])
    assert door.banner.word.text() == "Stängt"
    assert door.banner.secondary.text() == "Tills vidare"


def test_agenda_lists_time_title_and_provisional(
    door: DoorScreen, language: Callable[..., LanguageManager]
) -> None:
    language("fi")
    door.show_view(door_views()["free-until"])
    settle()
    rows = door.agenda.visible_rows()
    assert rows, "no rows visible at 1280x800"
    assert rows[0].time.text() == "15.30–16.30"
    texts = [row.accessibleName() for row in rows]
    assert "17.00–18.00 Ohjausryhmä (alustava)" in texts
    assert "16.30–17.00 Yksityinen varaus" in texts


def test_a_long_day_ends_with_and_n_more_at_small_size(
    door: DoorScreen, language: Callable[..., LanguageManager]
) -> None:
    language("en")
    start = NOW + timedelta(hours=1)
    many = tuple(
        BookingView(
            f"Meeting {i}",
            False,
            start + timedelta(minutes=30 * i),
            start + timedelta(minutes=30 * (i + 1)),
        )
        for i in range(12)
    )
    door.resize(800, 480)
    door.show_view(DoorView("r", "Room", RoomState.FREE, NOW, upcoming=many, free_until=start))
    settle()
    shown = len(door.agenda.visible_rows())
    assert 0 < shown < 12
    assert door.agenda.more.text() == f"and {12 - shown} more"
    assert clipped_texts(door) == []


def test_a_minute_tick_only_touches_what_changed(
    door: DoorScreen, language: Callable[..., LanguageManager], monkeypatch: pytest.MonkeyPatch
) -> None:
    language("fi")
    view = door_views()["busy"]
    door.show_view(view)
    settle()
    before = {
        label: label.text()
        for label in (door.banner.word, door.banner.primary, door.agenda_heading, door.date)
    }
    row_renders: list[AgendaRow] = []
    original = AgendaRow.show_booking
    monkeypatch.setattr(
        AgendaRow, "show_booking", lambda row, *a: (row_renders.append(row), original(row, *a))
    )
    changed: list[str] = []
    for label in (door.banner.word, door.banner.primary, door.banner.secondary, door.clock):
        label.set_text = (lambda f, n: lambda t: changed.append(n) if f(t) else None)(
            label.set_text, label.objectName()
        )
    door.show_view(replace(view, now=view.now + timedelta(minutes=1)))
    assert sorted(changed) == ["BannerSecondary", "DoorClock"]
    assert row_renders == []
    assert door.clock.text() == "14.26"
    assert door.banner.secondary.text() == "Klo 15.00 asti · 34 min jäljellä"
    assert all(label.text() == text for label, text in before.items())


def test_language_switch_retranslates_what_is_visible(
    door: DoorScreen, language: Callable[..., LanguageManager], qtbot: QtBot
) -> None:
    language("fi")
    door.show_view(door_views()["free-until"])
    door.set_status(statuses()["first-sync"])
    settle()
    assert "Myöhemmin tänään" in visible_text(door)
    language("sv")
    qtbot.waitUntil(lambda: door.banner.word.text() == "Ledigt")
    text = visible_text(door)
    for swedish in (
        "Senare i dag",
        "Ledigt till kl. 15.30",
        "Privat bokning",
        "(preliminär)",
        "Synkroniserar för första gången…",
        "14.25",
        "torsdag 26.11.",
    ):
        assert swedish in text
    assert "Vapaa" not in text


@pytest.mark.parametrize("size", SIZES)
def test_layout_survives_long_finnish_words(
    door: DoorScreen, language: Callable[..., LanguageManager], size: tuple[int, int]
) -> None:
    language("fi", stretch=2)
    door.resize(*size)
    for name, view in door_views().items():
        door.show_view(view)
        door.set_status(statuses()["offline-since-yesterday"])
        settle()
        assert door.banner.word.text() == WORDS["fi"][view.state.value] * 2
        assert clipped_texts(door) == [], (name, size)


def test_status_strip_appears_and_disappears(door: DoorScreen) -> None:
    door.show_view(door_views()["busy"])
    door.set_status(statuses()["reader-failed"])
    assert not door.status_strip.isHidden()
    door.set_status(statuses()["ok"])
    assert door.status_strip.isHidden()
    door.set_status(statuses()["duplicate-id"])
    assert not door.status_strip.isHidden() and "(door-aurora)" in door.status_strip.text


def test_a_stale_calendar_is_said_in_words(qtbot, tz) -> None:  # type: ignore[no-untyped-def]
    """A failed feed refresh: the door says since when its bookings may be out of date."""
    from dataclasses import replace as _replace
    from datetime import UTC, datetime

    from kiosk.views.screens import DoorView, RoomState
    from ui.door.screen import DoorScreen

    screen = DoorScreen(tz)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    now = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    view = DoorView("aurora", "Aurora", RoomState.FREE, now)
    screen.show_view(view)
    assert not screen.calendar_note.isVisibleTo(screen)
    stale = _replace(
        view, calendar_stale=True, calendar_synced_at=datetime(2026, 11, 26, 7, 14, tzinfo=UTC)
    )
    screen.show_view(stale)
    assert screen.calendar_note.isVisibleTo(screen)
    assert screen.calendar_note.text() == "⚠ Calendar not updated since 09:14"


@pytest.mark.parametrize(
    ("code", "primary", "secondary"),
    [
        ("fi", "Odotetaan huonetta nosuch", "Huoneen tiedot eivät ole vielä synkronoituneet"),
        ("sv", "Väntar på rummet nosuch", "Rummets uppgifter har inte synkats än"),
        ("en", "Waiting for room nosuch", "This room has not been synced yet"),
    ],
)
def test_before_its_first_sync_a_door_says_which_room_it_waits_for(
    door: DoorScreen,
    language: Callable[..., LanguageManager],
    code: str,
    primary: str,
    secondary: str,
) -> None:
    language(code)
    door.resize(800, 480)
    door.show_waiting("nosuch", NOW)
    settle()
    assert door.banner.caption.text() == "nosuch"
    assert (door.banner.primary.text(), door.banner.secondary.text()) == (primary, secondary)
    assert clipped_texts(door) == []
