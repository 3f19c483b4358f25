"""Every text field a visitor types into has a visible label above it, in every language.

A placeholder vanishes once typed, so it cannot be the label: the label is a ``QLabel`` above
the field (its buddy), the field's accessible name is the label's text, and the forms still
fit the 1280x800 tablet and the 800x480 panel with their keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QLabel, QLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import clipped_texts, settle
from ui.common.i18n import LanguageManager
from ui.common.widgets import FitLabel
from ui.lab.feedback import FeedbackAsk, FeedbackPage
from ui.lobby.screen import LobbyScreen

SIZES = [(1280, 800), (800, 480)]
MIN_FIELD_PX = 35  # 9 mm at the offscreen platform's 96 dpi


def _labels_of(page: QWidget) -> dict[QLineEdit, QLabel]:
    return {
        label.buddy(): label  # type: ignore[misc]
        for label in page.findChildren(QLabel)
        if isinstance(label.buddy(), QLineEdit)
    }


def _check_labels(page: QWidget, root: QWidget) -> list[str]:
    labels = _labels_of(page)
    fields = [f for f in page.findChildren(QLineEdit) if f.isVisibleTo(root)]
    assert fields
    for field in fields:
        label = labels.get(field)
        assert label is not None, f"{field.objectName()} has no label"
        assert label.isVisibleTo(root) and label.text(), field.objectName()
        assert field.accessibleName() == label.text()
        assert field.placeholderText() != label.text(), "the label is still a placeholder"
        above = label.mapTo(root, label.rect().bottomLeft())
        top = field.mapTo(root, field.rect().topLeft())
        assert above.y() <= top.y(), f"{label.text()!r} is not above its field"
        assert abs(above.x() - top.x()) <= 2, f"{label.text()!r} does not line up with its field"
        assert top.y() - above.y() <= 12, f"{label.text()!r} is far from its field"
        # Whole and on the page (the keyboard below is tested with the keyboard).
        assert isinstance(label, FitLabel) and label.text_fits(), label.text()
        for widget in (label, field):
            where = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
            assert root.rect().contains(where), f"{widget.objectName()} leaves the screen"
        assert field.height() >= MIN_FIELD_PX, f"{field.objectName()} is squeezed"
    return [label.text() for label in labels.values()]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_walkin_and_event_walkin_fields_have_visible_labels(
    qtbot: QtBot,
    tz: ZoneInfo,
    language: Callable[..., LanguageManager],
    code: str,
    size: tuple[int, int],
) -> None:
    language(code)
    lobby = LobbyScreen(tz, welcome_seconds=30, idle_seconds=30)
    qtbot.addWidget(lobby)
    lobby.resize(*size)
    lobby.show()
    qtbot.waitExposed(lobby)
    lobby.show_walkin()
    settle()
    texts = _check_labels(lobby.walkin, lobby)
    assert len(texts) == 3
    lobby.show_event_walkin()
    settle()
    assert len(_check_labels(lobby.event_walkin, lobby)) == 2


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_feedback_comment_has_a_visible_label(
    qtbot: QtBot, language: Callable[..., LanguageManager], size: tuple[int, int]
) -> None:
    language("fi")
    page = FeedbackPage()
    qtbot.addWidget(page)
    layout = page.layout()
    assert layout is not None  # a top-level page here: no minimum size (offscreen warns)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    page.resize(*size)
    page.set_scale(size[1] / 800, size[0], 36)
    page.show()
    page.start(FeedbackAsk(), score=3)
    settle()
    assert _check_labels(page, page) == ["Lisää kommentti (vapaaehtoinen)"]
    assert clipped_texts(page) == []
