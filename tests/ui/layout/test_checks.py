"""The layout checks catch what they claim, on small hand-placed widgets (no layouts)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.layout import checks
from ui.common.fonts import ui_font


def _root(qtbot: QtBot) -> QWidget:
    root = QWidget()
    qtbot.addWidget(root)
    root.resize(400, 300)
    return root


def _button(parent: QWidget, text: str, x: int, y: int, w: int = 80, h: int = 60) -> QPushButton:
    button = QPushButton(text, parent)
    button.setGeometry(x, y, w, h)
    return button


def test_overlapping_targets_are_named_and_apart_ones_pass(qtbot: QtBot) -> None:
    root = _root(qtbot)
    _button(root, "q", 10, 10)
    _button(root, "a", 10, 50)  # 20 px under "q"
    _button(root, "far", 200, 200)
    root.show()
    problems = checks.overlapping_targets(root, checks.reachable(root))
    assert len(problems) == 1
    assert "'q'" in problems[0] and "'a'" in problems[0] and "by 80x20" in problems[0]


def test_a_target_under_the_minimum_either_way_is_reported(qtbot: QtBot) -> None:
    root = _root(qtbot)
    _button(root, "flat", 10, 10, 200, 30)
    _button(root, "ok", 10, 100, 60, 60)
    field = QLineEdit(root)
    field.setGeometry(10, 200, 40, 60)
    root.show()
    problems = checks.small_targets(checks.reachable(root), 53)
    assert len(problems) == 2
    assert "'flat' is 200x30" in problems[0] and "QLineEdit is 40x60" in problems[1]


def test_widgets_under_an_overlay_do_not_count(qtbot: QtBot) -> None:
    root = _root(qtbot)
    _button(root, "under", 10, 10)
    overlay = QFrame(root)
    overlay.setGeometry(0, 0, 400, 300)
    _button(overlay, "on top", 12, 12)
    root.show()
    shown = checks.reachable(root)
    assert [checks.describe(b) for b in checks.targets(shown)] == ["QPushButton 'on top'"]
    assert checks.overlapping_targets(root, shown) == []


def test_clipped_labels_and_buttons_and_small_text_are_reported(qtbot: QtBot) -> None:
    root = _root(qtbot)
    cut = QLabel("Vapautumassa pian", root)
    cut.setFont(ui_font(30))
    cut.setGeometry(10, 10, 60, 40)
    wrapped = QLabel("Tallennamme nimesi ja organisaatiosi kolmeksi kuukaudeksi", root)
    wrapped.setWordWrap(True)
    wrapped.setFont(ui_font(20))
    wrapped.setGeometry(10, 60, 120, 30)  # one line's height for several lines
    fine = QLabel("OK", root)
    fine.setFont(ui_font(20))
    fine.setGeometry(10, 100, 100, 40)
    small = QLabel("pieni", root)
    small.setFont(ui_font(12))
    small.setGeometry(10, 150, 100, 40)
    _button(root, "Takaisin alkuun", 10, 200, 40, 60).setFont(ui_font(16))
    root.show()
    shown = checks.reachable(root)
    problems = checks.clipped_texts(shown)
    assert len(problems) == 3, problems
    assert "'Vapautumassa pian' is clipped" in problems[0]
    assert "kolmeksi" in problems[1] and "needs" in problems[1]
    assert "'Takaisin alkuun' is clipped" in problems[2]
    assert checks.small_texts(shown, 14) == ["QLabel 'pieni' is 12px, under 14px"]


def test_a_widget_leaving_its_parent_is_reported(qtbot: QtBot) -> None:
    root = _root(qtbot)
    panel = QFrame(root)
    panel.setObjectName("Panel")
    panel.setGeometry(0, 0, 200, 100)
    _button(panel, "Jatka", 150, 50)
    root.show()
    problems = checks.outside(root, checks.reachable(root))
    assert len(problems) == 1
    assert "'Jatka' (150, 50, 80, 60) leaves its parent QFrame #Panel" in problems[0]


def test_millimetres_are_pixels_at_the_panels_density() -> None:
    assert checks.millimetres(149, 149.0) == 25.4
    assert round(checks.millimetres(53, 149.0), 2) == 9.03  # the 9 mm target at 149 ppi
