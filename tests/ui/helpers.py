"""Checks shared by the screen tests: is any text cut off, what does the screen say."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from ui.common.widgets import ElidedLabel, FitLabel


def settle(rounds: int = 5) -> None:
    """Let posted layout requests run: a font that shrinks to fit can move other widgets."""
    for _ in range(rounds):
        QApplication.processEvents()


def visible_texts(root: QWidget) -> list[str]:
    return [
        label.text()
        for label in root.findChildren(QLabel)
        if label.isVisibleTo(root) and label.text()
    ]


def visible_text(root: QWidget) -> str:
    return " | ".join(visible_texts(root))


def _rect_in_root(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, widget.rect().topLeft()), widget.size())


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible text that does not fit its widget, or whose widget leaves the screen."""
    problems: list[str] = []
    bounds = root.rect()
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        where = _rect_in_root(label, root)
        if not bounds.contains(where):
            problems.append(f"{label.text()!r} lies outside the screen: {where}")
        if isinstance(label, FitLabel):
            if not label.text_fits():
                problems.append(f"{label.text()!r} does not fit {label.contentsRect()}")
            continue
        metrics = label.fontMetrics()
        width = metrics.horizontalAdvance(label.text())
        if not label.wordWrap() and width > label.contentsRect().width():
            problems.append(f"{label.text()!r} is {width}px wide in {label.contentsRect()}")
        if metrics.height() > label.contentsRect().height() + 1:
            problems.append(f"{label.text()!r} is taller than {label.contentsRect()}")
        if isinstance(label, ElidedLabel) and label.text() != label.full_text():
            assert label.text().endswith("…"), label.text()
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root):
            continue
        where = _rect_in_root(button, root)
        if not bounds.contains(where):
            problems.append(f"button {button.text()!r} lies outside the screen: {where}")
        lines = button.text().split("\n")  # a two-line button needs its longest line
        needed = max(button.fontMetrics().horizontalAdvance(line) for line in lines)
        if not button.icon().isNull():
            needed += button.iconSize().width()
        # The style's own share (padding and border from the style sheet) comes on top.
        needed = max(needed, button.sizeHint().width())
        if needed > button.width():
            problems.append(f"button {button.text()!r} needs {needed}px, has {button.width()}")
    return problems
