"""What a layout must hold, read from a real widget tree: each check returns its problems.

A widget counts only where a finger can reach it: visible, and not under an overlay (a sibling,
or a sibling of an ancestor, stacked above it that covers it whole: the host panel over the
lobby, "Still there?" over the keyboard). Widgets in a scroll area may leave its viewport (that
is what scrolling is for); anywhere else a widget must lie inside every ancestor.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.common.widgets import ElidedLabel, FitLabel

TAPPABLE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractSlider)
_TALL = 1_000_000


def millimetres(px: float, ppi: float) -> float:
    """``px`` logical pixels on a panel of ``ppi`` pixels per inch, in millimetres."""
    return px / ppi * 25.4


def rect_in(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, widget.rect().topLeft()), widget.size())


def describe(widget: QWidget) -> str:
    """Enough to find the widget: its class, object name and text."""
    name = widget.objectName()
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton | QLineEdit) else ""
    text = text or widget.accessibleName()
    bits = [type(widget).__name__, f"#{name}" if name else "", repr(text) if text else ""]
    return " ".join(bit for bit in bits if bit)


def _ancestors(widget: QWidget, root: QWidget) -> Iterator[QWidget]:
    node: QWidget | None = widget
    while node is not None and node is not root:
        yield node
        node = node.parentWidget()


def _covered(widget: QWidget, root: QWidget) -> bool:
    """Under a visible widget stacked above one of its ancestors (later children draw on top)."""
    where = rect_in(widget, root)
    for node in _ancestors(widget, root):
        parent = node.parentWidget()
        if parent is None:
            return False
        siblings = [c for c in parent.children() if isinstance(c, QWidget)]
        for above in siblings[siblings.index(node) + 1 :]:
            if above.isWindow() or not above.isVisibleTo(root):
                continue
            if rect_in(above, root).contains(where):
                return True
    return False


def _scrolled(widget: QWidget, root: QWidget) -> bool:
    return any(isinstance(node, QAbstractScrollArea) for node in _ancestors(widget, root))


def reachable(root: QWidget) -> list[QWidget]:
    """Every widget a person can see on ``root``, in creation order."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(root) and w.width() > 0 and w.height() > 0 and not _covered(w, root)
    ]


def targets(widgets: list[QWidget]) -> list[QWidget]:
    """The tappable ones (a combo box's own line edit is the combo box)."""
    found = [w for w in widgets if isinstance(w, TAPPABLE)]
    return [w for w in found if not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)]


def overlapping_targets(root: QWidget, widgets: list[QWidget]) -> list[str]:
    taps = targets(widgets)
    rects = [rect_in(w, root) for w in taps]
    problems = []
    for i, a in enumerate(taps):
        for j in range(i + 1, len(taps)):
            b = taps[j]
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            common = rects[i].intersected(rects[j])
            if common.width() > 0 and common.height() > 0:
                problems.append(
                    f"{describe(a)} {rects[i].getRect()} overlaps {describe(b)} "
                    f"{rects[j].getRect()} by {common.width()}x{common.height()}"
                )
    return problems


def small_targets(widgets: list[QWidget], minimum: int) -> list[str]:
    return [
        f"{describe(w)} is {w.width()}x{w.height()}, under {minimum}px (9 mm)"
        for w in targets(widgets)
        if w.width() < minimum or w.height() < minimum
    ]


def outside(root: QWidget, widgets: list[QWidget]) -> list[str]:
    """Widgets partly outside the screen or their parent (not counting scroll areas)."""
    problems = []
    for widget in widgets:
        if _scrolled(widget, root):
            continue
        parent = widget.parentWidget()
        if parent is None:
            continue
        if not parent.rect().contains(widget.geometry()):
            problems.append(
                f"{describe(widget)} {widget.geometry().getRect()} leaves its parent "
                f"{describe(parent)} {parent.rect().getRect()}"
            )
    return problems


def _label_clipped(label: QLabel) -> str | None:
    rect = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), 0)
    if isinstance(label, FitLabel):
        return None if label.text_fits() else f"needs more than {rect.getRect()}"
    metrics = label.fontMetrics()
    if isinstance(label, ElidedLabel):
        width = metrics.horizontalAdvance(label.text())
        return None if width <= rect.width() else f"{width}px wide in {rect.getRect()}"
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"needs {needed}px tall at width {label.width()}, has {label.height()}"
        return None
    bounds = metrics.boundingRect(QRect(0, 0, _TALL, _TALL), 0, label.text())
    if bounds.width() > rect.width() + 1 or bounds.height() > rect.height() + 1:
        return f"needs {bounds.width()}x{bounds.height()}, has {rect.width()}x{rect.height()}"
    return None


def _button_clipped(button: QAbstractButton) -> str | None:
    text = button.text()
    if not text:
        return None
    metrics = button.fontMetrics()
    lines = text.split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines)
    height = metrics.height() * len(lines)
    if not button.icon().isNull():
        width += button.iconSize().width()
    if width > button.width() or height > button.height():
        return f"needs {width}x{height}, has {button.width()}x{button.height()}"
    return None


def clipped_texts(widgets: list[QWidget]) -> list[str]:
    problems = []
    for widget in widgets:
        why = None
        if isinstance(widget, QLabel) and widget.text():
            if widget.textFormat() == Qt.TextFormat.RichText:
                continue  # none on the screens; a rich text's size is not its plain text's
            why = _label_clipped(widget)
        elif isinstance(widget, QAbstractButton):
            why = _button_clipped(widget)
        elif isinstance(widget, QLineEdit):
            needed = QFontMetrics(widget.font()).height()
            if needed > widget.contentsRect().height():
                why = f"a {needed}px line in {widget.contentsRect().height()}px"
        if why:
            problems.append(f"{describe(widget)} is clipped: {why}")
    return problems


def text_sizes(widgets: list[QWidget]) -> list[tuple[QWidget, int]]:
    """Every visible text with the pixel size it is drawn at."""
    found: list[tuple[QWidget, int]] = []
    for widget in widgets:
        if not isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            continue
        if widget.text() or (isinstance(widget, QLineEdit) and widget.placeholderText()):
            found.append((widget, QFontInfo(widget.font()).pixelSize()))
    return found


def small_texts(widgets: list[QWidget], minimum: int) -> list[str]:
    return [
        f"{describe(widget)} is {px}px, under {minimum}px"
        for widget, px in text_sizes(widgets)
        if px < minimum
    ]
