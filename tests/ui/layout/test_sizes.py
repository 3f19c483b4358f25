"""Sizes a person judges with a finger or from across the room, in millimetres on the real
panels (the layout test's: 1280x800 at 149 ppi, 800x480 at 133 ppi), on the screens that
``kiosk screenshot`` draws from the demo data, in every language."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.store.engine import Store
from tests.ui.layout import checks
from tests.ui.layout.test_layout import AT, LANGUAGES, PANELS, Panel
from ui.common import theme
from ui.common.i18n import LanguageManager
from ui.common.screen import ScaledScreen
from ui.door.screen import DoorScreen
from ui.lab.faces import FaceRow
from ui.lobby.screen import LobbyScreen
from ui.render.shot_build import build_shot, demo_store
from ui.render.shots import Shot

#: A text read from a metre: an em of 4 mm (an x-height of about 2.2 mm, 7.5′ of arc at 1 m).
READ_AT_A_METRE_MM = 4.0
LARGE_PANEL = PANELS[0]


@pytest.fixture
def draw(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[Shot, Panel], ScaledScreen]]:
    stores: list[Store] = []

    def build(shot: Shot, panel: Panel) -> ScaledScreen:
        config, store, at = demo_store(tmp_path / f"{shot.name}-{panel.name}", AT, shot, "aurora")
        stores.append(store)
        screen = build_shot(shot, store, config, "aurora", at, ppi=panel.ppi)
        qtbot.addWidget(screen)
        screen.resize(panel.width, panel.height)
        screen.show()
        settle()
        return screen

    yield build
    for store in stores:
        store.dispose()


def settle() -> None:
    for _ in range(5):  # fonts that shrink to fit ask for more layout passes
        QApplication.processEvents()


def face_row_problems(row: FaceRow, ppi: float) -> list[str]:
    """Each face a 9 mm target, all of one size, on one line, evenly spread."""
    circles = [face.face_circle() for face in row.faces]
    sides = [round(checks.millimetres(c.width(), ppi), 1) for c in circles]
    centres = [
        face.mapTo(row, c.center().toPoint()) for face, c in zip(row.faces, circles, strict=True)
    ]
    gaps = [b.x() - a.x() for a, b in pairwise(centres)]
    problems = []
    if min(sides) < theme.MIN_TARGET_MM or max(sides) - min(sides) > 0.1:
        problems.append(f"faces of {sides} mm")
    if max(c.y() for c in centres) - min(c.y() for c in centres) > 1:
        problems.append(f"faces at heights {[c.y() for c in centres]}")
    if max(gaps) - min(gaps) > 2:
        problems.append(f"faces {gaps} px apart")
    return problems


@pytest.mark.parametrize(
    "shot", [Shot("welcome", "goodbye"), Shot("feedback")], ids=lambda s: s.name
)
@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.name)
def test_faces_are_9_mm_targets_of_one_size_in_a_row(
    shot: Shot,
    panel: Panel,
    draw: Callable[[Shot, Panel], ScaledScreen],
    language: Callable[..., LanguageManager],
) -> None:
    lobby = draw(shot, panel)
    assert isinstance(lobby, LobbyScreen)
    row = lobby.lab.extras.faces if shot.screen == "welcome" else lobby.lab.feedback.faces
    assert row.isVisibleTo(lobby)
    for code in LANGUAGES:
        language(code)
        settle()
        assert face_row_problems(row, panel.ppi) == [], code


def test_the_booking_code_caption_reads_from_a_metre_on_one_line(
    draw: Callable[[Shot, Panel], ScaledScreen], language: Callable[..., LanguageManager]
) -> None:
    door = draw(Shot("door", "free"), LARGE_PANEL)
    assert isinstance(door, DoorScreen)
    caption = door.qr_caption
    assert door.qr.isVisibleTo(door) and caption.isVisibleTo(door)
    for code in LANGUAGES:
        language(code)
        settle()
        px = QFontInfo(caption.font()).pixelSize()
        size = checks.millimetres(px, LARGE_PANEL.ppi)
        assert size >= READ_AT_A_METRE_MM, f"{code}: {caption.text()!r} at {px} px, {size:.1f} mm"
        one_line = caption.fontMetrics().horizontalAdvance(caption.text())
        assert one_line <= caption.contentsRect().width(), f"{code}: {caption.text()!r} broke"
        assert caption.text_fits(), f"{code}: {caption.text()!r} is clipped"
