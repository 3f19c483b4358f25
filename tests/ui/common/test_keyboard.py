"""The on-screen keyboard in the forms that use it, on the real panels: a 10.1" 1280x800 tablet
at 149 ppi and a 7" 800x480 door at 133 ppi, with and without the offline strip.

Keys never overlap, stay inside the keyboard and the screen, are not covered by the form, are at
least 9 mm at the panel's density, and type what they say, accents included.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.views.screens import KioskStatus
from tests.ui.helpers import settle
from ui.common.focus import focus_chain
from ui.common.i18n import LanguageManager
from ui.common.keyboard import OnScreenKeyboard
from ui.common.keyboard_layout import ACCENTS, LAYERS, LETTERS, SYMBOLS
from ui.lab.feedback import FeedbackAsk
from ui.lobby.screen import LobbyScreen

PANELS = [(1280, 800, 149.0), (800, 480, 133.0)]
NOW = datetime(2026, 11, 26, 10, tzinfo=UTC)


def _panel_id(panel: tuple[int, int, float]) -> str:
    return f"{panel[0]}x{panel[1]}@{panel[2]:g}"


@pytest.fixture
def lobby(qtbot: QtBot, tz: ZoneInfo) -> LobbyScreen:
    screen = LobbyScreen(tz, welcome_seconds=30, idle_seconds=30)
    qtbot.addWidget(screen)
    return screen


def _on_panel(lobby: LobbyScreen, panel: tuple[int, int, float], offline: bool) -> None:
    width, height, ppi = panel
    if offline:
        since = NOW - timedelta(minutes=20)
        lobby.set_status(KioskStatus(online=False, offline_since=since, outbox_depth=2))
    lobby.set_ppi(ppi)
    lobby.resize(width, height)
    lobby.show()
    settle()


def _rect(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def _open_form(lobby: LobbyScreen, form: str) -> tuple[QWidget, OnScreenKeyboard, QLineEdit]:
    """The form on show with its keyboard up, typing into its first field."""
    if form == "walkin":
        lobby.show_walkin()
        page: QWidget = lobby.walkin
        keyboard, field = lobby.walkin.keyboard, lobby.walkin.name
    elif form == "event-walkin":
        from kiosk.events.state import EventView

        end = NOW + timedelta(hours=3)
        lobby.set_event(EventView(uuid.uuid4(), "Avoin Lab -ilta", NOW, end, 200, True, 42))
        lobby.show_event_walkin()
        page = lobby.event_walkin
        keyboard, field = lobby.event_walkin.keyboard, lobby.event_walkin.name
    else:
        feedback = lobby.lab.feedback
        feedback.start(FeedbackAsk("home"))
        lobby.show_page(feedback)
        settle()
        feedback.comment.setFocus()
        page, keyboard, field = feedback, feedback.keyboard, feedback.comment
    settle()
    field.setFocus()
    keyboard.show()
    settle()
    return page, keyboard, field


def assert_keyboard_fits(lobby: LobbyScreen, page: QWidget, keyboard: OnScreenKeyboard) -> None:
    target = lobby.min_target()
    board = _rect(keyboard, lobby)
    assert keyboard.isVisible()
    assert lobby.rect().contains(board), (board, lobby.rect())
    assert _rect(lobby.pages, lobby).contains(board), "the keyboard leaves its page"
    keys = keyboard.visible_keys()
    rects = [_rect(key, lobby) for key in keys]
    for key, rect in zip(keys, rects, strict=True):
        assert key.isVisible(), key.accessibleName()
        assert board.contains(rect), (key.accessibleName(), rect, board)
        assert key.visibleRegion().boundingRect() == key.rect(), key.accessibleName()
        assert rect.height() >= target and rect.width() >= target, (key.accessibleName(), rect)
    for (a, ra), (b, rb) in itertools.combinations(zip(keys, rects, strict=True), 2):
        assert not ra.intersects(rb), (a.accessibleName(), b.accessibleName())
    # Nothing else that can be tapped lies over or under the keys.
    others = [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QLineEdit))
        and w.isVisible()
        and w not in keyboard.all_keys()
    ]
    for widget in others:
        assert not _rect(widget, lobby).intersects(board), widget.objectName()
        assert lobby.rect().contains(_rect(widget, lobby)), widget.objectName()


@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
@pytest.mark.parametrize("panel", PANELS, ids=_panel_id)
@pytest.mark.parametrize("form", ["walkin", "event-walkin", "feedback"])
def test_keys_fit_the_panel_without_overlap_at_nine_millimetres(
    lobby: LobbyScreen, panel: tuple[int, int, float], offline: bool, form: str
) -> None:
    _on_panel(lobby, panel, offline)
    assert lobby.status_strip.isVisible() is offline
    page, keyboard, _field = _open_form(lobby, form)
    for layer in LAYERS:
        keyboard.set_layer(layer)
        settle()
        assert_keyboard_fits(lobby, page, keyboard)
    # Done: the whole form again, with nothing left hidden.
    keyboard.hide_key.click()
    settle()
    assert not keyboard.isVisible()
    assert not page.keyboard_room.compact


def _type(qtbot: QtBot, keyboard: OnScreenKeyboard, text: str) -> None:
    """Tap the keys a visitor would, Shift and the accent layer included."""
    for char in text:
        lower = char.lower()
        if char == " ":
            key = keyboard.space
        elif lower in keyboard.keys:
            key = keyboard.keys[lower]
        else:
            assert lower in keyboard.accent_keys, char
            qtbot.mouseClick(keyboard.to_accents, Qt.MouseButton.LeftButton)
            assert keyboard.layer == ACCENTS
            key = keyboard.accent_keys[lower]
        if char != lower:
            qtbot.mouseClick(keyboard.shift, Qt.MouseButton.LeftButton)
        assert key.isVisible(), char
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
        assert keyboard.layer == LETTERS  # one accented letter, then the letters again


@pytest.mark.parametrize("panel", PANELS, ids=_panel_id)
def test_jose_muller_types_his_name_with_taps(
    qtbot: QtBot, lobby: LobbyScreen, panel: tuple[int, int, float]
) -> None:
    _on_panel(lobby, panel, offline=True)
    _page, keyboard, field = _open_form(lobby, "walkin")
    _type(qtbot, keyboard, "José Müller")
    assert field.text() == "José Müller"
    field.clear()
    _type(qtbot, keyboard, "Søren Núñez")
    assert field.text() == "Søren Núñez"


def test_shift_gives_one_capital_and_twice_caps_lock(qtbot: QtBot, lobby: LobbyScreen) -> None:
    _on_panel(lobby, PANELS[1], offline=False)
    _page, keyboard, field = _open_form(lobby, "walkin")
    click = lambda key: qtbot.mouseClick(key, Qt.MouseButton.LeftButton)  # noqa: E731
    click(keyboard.shift)
    assert keyboard.keys["a"].text() == "A"
    click(keyboard.keys["a"])
    click(keyboard.keys["a"])
    assert field.text() == "Aa"
    click(keyboard.shift)
    click(keyboard.shift)
    assert keyboard.caps_lock and keyboard.shift.text() == "⇪"
    for char in "ab":
        click(keyboard.keys[char])
    assert field.text() == "AaAB"
    click(keyboard.shift)
    click(keyboard.keys["c"])
    click(keyboard.backspace)
    click(keyboard.keys["ö"])
    assert field.text() == "AaABö"


def test_the_symbols_layer_types_an_e_mail_address(qtbot: QtBot, lobby: LobbyScreen) -> None:
    _on_panel(lobby, PANELS[0], offline=False)
    _page, keyboard, field = _open_form(lobby, "walkin")
    click = lambda key: qtbot.mouseClick(key, Qt.MouseButton.LeftButton)  # noqa: E731
    for char in "aino":
        click(keyboard.keys[char])
    click(keyboard.to_symbols)
    assert keyboard.layer == SYMBOLS and keyboard.symbol_keys["@"].isVisible()
    for char in "@1_&":
        click(keyboard.symbol_keys[char])
    assert keyboard.symbol_keys["&"].text() == "&&"  # drawn as "&", not as a shortcut mark
    assert keyboard.layer == SYMBOLS  # digits and symbols stay until "abc"
    click(keyboard.to_letters)
    for char in "ab":
        click(keyboard.keys[char])
    assert field.text() == "aino@1_&ab"


def test_keys_never_take_the_focus_nor_enter_the_tab_order(
    qtbot: QtBot, lobby: LobbyScreen
) -> None:
    _on_panel(lobby, PANELS[0], offline=False)
    page, keyboard, field = _open_form(lobby, "walkin")
    chain = focus_chain(lobby)
    for key in keyboard.all_keys():
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert key not in chain
    qtbot.mouseClick(keyboard.keys["k"], Qt.MouseButton.LeftButton)
    assert lobby.focusWidget() is field and field.text() == "k"
    assert page.isVisible()


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("en", ("Shift", "Backspace", "Space", "Accented letters", "Numbers and symbols", "Done")),
        (
            "fi",
            (
                "Vaihto",
                "Askelpalautin",
                "Välilyönti",
                "Tarkkeelliset kirjaimet",
                "Numerot ja merkit",
                "Valmis",
            ),
        ),
        (
            "sv",
            (
                "Skift",
                "Backsteg",
                "Mellanslag",
                "Bokstäver med accent",
                "Siffror och tecken",
                "Klar",
            ),
        ),
    ],
)
def test_every_key_has_an_accessible_name_in_the_visitors_language(
    lobby: LobbyScreen,
    language: Callable[..., LanguageManager],
    code: str,
    names: tuple[str, ...],
) -> None:
    language(code)
    keyboard = lobby.walkin.keyboard
    for key in keyboard.all_keys():
        assert key.accessibleName(), key.objectName()
    assert keyboard.keys["å"].accessibleName() == "å"
    assert keyboard.accent_keys["é"].accessibleName() == "é"
    shift, backspace, space, accents, symbols, done = names
    assert keyboard.shift.accessibleName() == shift
    assert keyboard.backspace.accessibleName() == backspace
    assert keyboard.space.accessibleName() == space
    assert keyboard.to_accents.accessibleName() == accents
    assert keyboard.to_symbols.accessibleName() == symbols
    assert keyboard.hide_key.text() == done


def test_a_short_panel_keeps_the_line_being_typed_and_done_brings_the_form_back(
    qtbot: QtBot, lobby: LobbyScreen
) -> None:
    from ui.lobby.walkin import WalkinPage

    _on_panel(lobby, PANELS[1], offline=True)
    lobby.show_walkin()
    settle()
    page: WalkinPage = lobby.walkin
    page.set_host_choices([])
    qtbot.mouseClick(page.host_search, Qt.MouseButton.LeftButton)
    settle()
    room = page.keyboard_room
    assert room.compact and page.keyboard.target is page.host_search
    assert page.host_search.isVisible() and page.label_for(page.host_search).isVisible()
    for hidden in (page.title, page.name, page.submit, page.privacy_row):
        assert not hidden.isVisible(), hidden.objectName()
    assert page.keyboard.height() >= page.keyboard.needed_height

    qtbot.mouseClick(page.keyboard.hide_key, Qt.MouseButton.LeftButton)
    settle()
    assert not room.compact and not page.keyboard.isVisible()
    for shown in (page.title, page.name, page.submit, page.privacy_row, page.host_search):
        assert shown.isVisible(), shown.objectName()
    qtbot.mouseClick(page.name, Qt.MouseButton.LeftButton)  # the keys come back for this line
    settle()
    assert page.keyboard.isVisible() and page.keyboard.target is page.name
    assert page.name.isVisible() and not page.host_search.isVisible()


def test_a_panel_with_room_shows_the_whole_form_with_the_keys(lobby: LobbyScreen) -> None:
    lobby.set_ppi(96)
    lobby.resize(1280, 800)
    lobby.show()
    settle()
    lobby.show_walkin()
    settle()
    page = lobby.walkin
    assert page.keyboard.isVisible() and not page.keyboard_room.compact
    assert page.title.isVisible() and page.submit.isVisible()
    assert page.keyboard.height() >= page.keyboard.needed_height
