"""The small widgets: clock, status strip, fitting labels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.sync.engine import SyncStatus
from kiosk.views.screens import KioskStatus, ReaderState
from tests.ui.helpers import settle
from tools.sample_views import NOW, statuses
from ui.common.i18n import LanguageManager
from ui.common.widgets import ClockLabel, DateLabel, FitLabel, StatusStrip, status_messages
from ui.runtime.status import StatusModel


def test_clock_changes_text_only_when_the_minute_changes(
    qtbot: QtBot, tz: ZoneInfo, language: Callable[..., LanguageManager]
) -> None:
    language("fi")
    clock = ClockLabel(tz)
    qtbot.addWidget(clock)
    assert clock.set_now(NOW) is True
    assert clock.text() == "14.25"
    assert clock.set_now(NOW + timedelta(seconds=20)) is False
    assert clock.set_now(NOW + timedelta(minutes=1)) is True
    assert clock.text() == "14.26"


def test_clock_and_date_reformat_on_language_change(
    qtbot: QtBot, tz: ZoneInfo, language: Callable[..., LanguageManager]
) -> None:
    language("fi")
    clock, date = ClockLabel(tz), DateLabel(tz)
    for widget in (clock, date):
        qtbot.addWidget(widget)
        widget.set_now(NOW)
    assert (clock.text(), date.text()) == ("14.25", "torstai 26.11.")
    language("en")
    qtbot.waitUntil(lambda: clock.text() == "14:25")
    assert date.text() == "Thursday 26 November"
    language("sv")
    qtbot.waitUntil(lambda: clock.text() == "14.25")  # Finland-Swedish: kl. 14.25
    assert date.text() == "torsdag 26.11."


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_status_messages_use_icon_and_words(
    tz: ZoneInfo, language: Callable[..., LanguageManager], code: str
) -> None:
    language(code)
    assert status_messages(statuses()["ok"], tz, NOW) == []
    for name, status in statuses().items():
        if name == "ok":
            continue
        messages = status_messages(status, tz, NOW)
        assert messages, name
        assert all(m.icon and m.text for m in messages)


def test_status_message_wording(tz: ZoneInfo, language: Callable[..., LanguageManager]) -> None:
    language("fi")
    offline = status_messages(statuses()["offline"], tz, NOW)
    assert offline[0].icon == "wifi-off"
    assert offline[0].text == "Ei verkkoyhteyttä klo 14.02 alkaen  ·  3 muutosta odottaa lähetystä"
    yesterday = status_messages(statuses()["offline-since-yesterday"], tz, NOW)[0].text
    assert yesterday.startswith("Ei verkkoyhteyttä ke 25.11. klo 12.25 alkaen")
    language("en")
    assert status_messages(statuses()["first-sync"], tz)[0].text == "Syncing for the first time…"
    failed = status_messages(statuses()["reader-failed"], tz)[0]
    assert (failed.icon, failed.text) == (
        "warning",
        "Reader qr is not working. Please tell a host.",
    )
    noisy = KioskStatus(readers=(ReaderState("qr", "noisy", "noise on the line"),))
    assert [(m.icon, m.text) for m in status_messages(noisy, tz)] == [
        ("warning", "Reader qr is receiving interference. Please tell a host.")
    ]
    language("sv")
    assert status_messages(noisy, tz)[0].text == (
        "Läsaren qr tar emot störningar. Meddela personalen."
    )
    language("en")
    full = status_messages(statuses()["disk-full"], tz)
    assert [(m.icon, m.text) for m in full] == [
        ("warning", "This kiosk's disk is full. Please tell a host.")
    ]
    language("fi")
    assert status_messages(statuses()["disk-full"], tz)[0].text == (
        "Tämän laitteen levy on täynnä. Kerro asiasta henkilökunnalle."
    )
    stopped = KioskStatus(readers=(ReaderState("badge", "stopped"),))
    assert status_messages(stopped, tz) == []


def test_status_strip_hides_when_all_is_well(qtbot: QtBot, tz: ZoneInfo) -> None:
    host = QWidget()  # the strip shows and hides itself; as a window it would pop up
    qtbot.addWidget(host)
    strip = StatusStrip(tz, host)
    assert strip.isHidden()
    strip.set_status(statuses()["reader-reconnecting"])
    assert not strip.isHidden()
    assert strip.icon_name == "badge"
    assert "reconnecting" in strip.text
    assert strip.accessibleName() == strip.text
    strip.set_status(statuses()["ok"])
    assert strip.isHidden()


def test_a_kiosk_id_used_twice_is_said_first_in_every_language(
    qtbot: QtBot, tz: ZoneInfo, language: Callable[..., LanguageManager]
) -> None:
    """From the sync worker's status to the strip: the heartbeat answer said "duplicate"."""
    model = StatusModel(["badge"])
    sync = SyncStatus(online=True, offline_since=None, first_sync_done=True, outbox_depth=0)
    host = QWidget()
    qtbot.addWidget(host)
    strip = StatusStrip(tz, host)
    strip.set_status(model.apply_sync(SyncStatus(**{**sync.__dict__, "duplicate_id": "kiosk-x"})))
    expected = {
        "en": "Another screen uses this kiosk's id (kiosk-x). Please tell a host.",
        "fi": "Toinen näyttö käyttää tämän kioskin tunnusta (kiosk-x). "
        "Kerro asiasta henkilökunnalle.",
        "sv": "En annan skärm använder den här kioskens id (kiosk-x). Meddela personalen.",
    }
    for code, text in expected.items():
        language(code)
        qtbot.waitUntil(lambda text=text: strip.text.startswith(text))  # first, then the reader
    assert not strip.isHidden() and strip.icon_name == "warning"
    strip.set_status(model.apply_sync(sync))  # the other one stopped: the answer says so
    assert "kiosk-x" not in strip.text


def test_fit_label_shrinks_long_words_and_grows_back(qtbot: QtBot) -> None:
    label = FitLabel(max_lines=2)
    qtbot.addWidget(label)
    label.resize(500, 200)
    label.set_pixel_size(40)
    label.set_text("Kokoustilavarausjärjestelmäpalvelu")
    settle()
    assert label.font().pixelSize() < 40
    assert label.text_fits()
    label.set_text("Vapaa")
    assert label.font().pixelSize() == 40


def test_fit_label_never_parses_names_as_html(qtbot: QtBot) -> None:
    label = FitLabel(text="<b>Mallory</b>")
    qtbot.addWidget(label)
    assert label.text() == "<b>Mallory</b>"
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_views_are_utc_aware_and_screens_convert(tz: ZoneInfo) -> None:
    assert NOW.tzinfo is UTC
    assert NOW.astimezone(tz).hour == 14
    assert datetime(2026, 11, 26, 12, 25, tzinfo=UTC) == NOW
