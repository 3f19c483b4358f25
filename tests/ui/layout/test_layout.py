"""Every screen and state at both real panels, in every language, with and without the offline
strip: no overlapping targets, none under 9 mm, no clipped text, nothing under 14 px at 800x480,
and on the door the state word the largest text.

The shots are ``kiosk screenshot``'s own (ui/render/shots.py), drawn from demo data by the same
code (ui/render/shot_build.py). The panels: the lobby's 10.1" 1280x800 tablet (about 149 ppi)
and the door's 7" 800x480 panel (about 133 ppi). Each screen is built once per shot and size and
then switched through the languages and the strip: one case a test, so a failure names its shot,
panel, language and strip, and the widgets involved.

These tests share one QApplication and their screens across cases, so they take neither
``qtbot`` nor ``qapp`` (whose per-test check would close the shared screens); the module's
fixture closes them at the end, with their timers stopped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.views.screens import KioskStatus
from tests.ui.layout import checks
from ui.common import theme
from ui.common.i18n import LanguageManager
from ui.door.screen import DoorScreen
from ui.lobby.screen import LobbyScreen
from ui.render.shot_build import build_shot, demo_store, offline_status
from ui.render.shots import SHOTS, Shot

if TYPE_CHECKING:
    from kiosk.config.settings import Config
    from kiosk.store.engine import Store


@dataclass(frozen=True)
class Panel:
    width: int
    height: int
    ppi: float

    @property
    def name(self) -> str:
        return f"{self.width}x{self.height}"


PANELS = (Panel(1280, 800, 149.0), Panel(800, 480, 133.0))
LANGUAGES = ("fi", "sv", "en")
AT = datetime(2026, 11, 26, 9, 20, tzinfo=UTC)  # 11.20 in Helsinki, a Thursday
MIN_TEXT_PX_SMALL_PANEL = 14

#: Cases that still fail, each with why. Strict: a case that starts passing must leave the list.
KNOWN: dict[tuple[str, str, str, bool], str] = {}


def _data_key(shot: Shot) -> str:
    """Shots that draw from the same demo data share one store."""
    if shot.screen == "door":
        return f"door-{shot.state}"
    if shot.screen in ("evacuation", "checkout"):
        return "visitors"
    if shot.screen in ("here-today", "host-call", "event"):
        return shot.screen if shot.screen == "event" else "board"
    return "lobby"


class Stage:
    """The shared application, language, demo stores and the screen on show."""

    def __init__(self, base: Path) -> None:
        existing = QApplication.instance()
        self.app = existing if isinstance(existing, QApplication) else QApplication(["test"])
        self.locale = QLocale()
        self.languages = LanguageManager(self.app)
        self.language = ""
        self.base = base
        self.stores: dict[str, tuple[Config, Store, datetime]] = {}
        self.key: tuple[Shot, Panel] | None = None
        self.widget: QWidget | None = None

    def settle(self) -> None:
        for _ in range(5):  # fonts that shrink to fit ask for more layout passes
            self.app.processEvents()

    def show(self, shot: Shot, panel: Panel, language: str, offline: bool) -> QWidget:
        if language != self.language:
            self.languages.set_language(language)
            self.language = language
        if self.key != (shot, panel):
            self._close()
            self.widget = self._build(shot, panel)
            self.key = (shot, panel)
        widget = self.widget
        assert widget is not None
        _, _, at = self._store(shot)
        assert isinstance(widget, LobbyScreen | DoorScreen)
        if shot != Shot("door", "offline"):
            widget.set_status(offline_status(at) if offline else KioskStatus())
        self.settle()
        return widget

    def _store(self, shot: Shot) -> tuple[Config, Store, datetime]:
        key = _data_key(shot)
        if key not in self.stores:
            self.stores[key] = demo_store(self.base / key, AT, shot, "aurora")
        return self.stores[key]

    def _build(self, shot: Shot, panel: Panel) -> QWidget:
        config, store, at = self._store(shot)
        widget = build_shot(shot, store, config, "aurora", at, ppi=panel.ppi)
        widget.resize(panel.width, panel.height)
        widget.show()
        self.settle()
        # The state stays as built: no result returns home, no countdown runs out mid-test.
        for timer in widget.findChildren(QTimer):
            timer.stop()
        return widget

    def _close(self) -> None:
        if self.widget is not None:
            self.widget.close()
            self.widget.deleteLater()
            self.app.processEvents()
        self.widget = None
        self.key = None

    def finish(self) -> None:
        self._close()
        for _, store, _ in self.stores.values():
            store.dispose()
        self.languages.shutdown()
        QLocale.setDefault(self.locale)
        self.app.processEvents()


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stage]:
    shared = Stage(tmp_path_factory.mktemp("layout"))
    yield shared
    shared.finish()


def _cases() -> Iterator[Any]:
    for shot in SHOTS:
        for panel in PANELS:
            for language in LANGUAGES:
                for offline in (False, True):
                    strip = "offline" if offline else "online"
                    case = f"{shot.name}-{panel.name}-{language}-{strip}"
                    why = KNOWN.get((shot.name, panel.name, language, offline))
                    marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
                    yield pytest.param(shot, panel, language, offline, id=case, marks=marks)


def door_word_problems(widget: QWidget, shown: list[QWidget]) -> list[str]:
    """On the door nothing is as large as the state word (the timeline paints its hours)."""
    assert isinstance(widget, DoorScreen)
    word = widget.banner.word
    word_px = word.font().pixelSize()
    sizes = [(checks.describe(w), px) for w, px in checks.text_sizes(shown) if w is not word]
    if widget.timeline.isVisibleTo(widget):
        sizes.append(("timeline hours", widget.timeline.label_pixel_size()))
    return [f"{what} is {px}px, the state word {word_px}px" for what, px in sizes if px >= word_px]


@pytest.mark.parametrize(("shot", "panel", "language", "offline"), list(_cases()))
def test_layout(stage: Stage, shot: Shot, panel: Panel, language: str, offline: bool) -> None:
    widget = stage.show(shot, panel, language, offline)
    assert (widget.width(), widget.height()) == (panel.width, panel.height)
    shown = checks.reachable(widget)
    minimum = theme.min_target_px(panel.ppi)
    problems = [
        *checks.overlapping_targets(widget, shown),
        *checks.small_targets(shown, minimum),
        *checks.clipped_texts(shown),
        *checks.outside(widget, shown),
    ]
    if panel.width <= 800:
        problems += checks.small_texts(shown, MIN_TEXT_PX_SMALL_PANEL)
    if shot.screen == "door":
        problems += door_word_problems(widget, shown)
    where = f"{shot.name} at {panel.name} ({panel.ppi:g} ppi), {language}, " + (
        "offline strip" if offline else "no strip"
    )
    assert not problems, where + ":\n  " + "\n  ".join(problems)
