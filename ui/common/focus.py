"""Keyboard focus that stays inside an overlay (WCAG 2.4.3, focus order).

A PIN pad or a panel laid over a screen covers it for the eye and for touch, but Qt's Tab
chain runs through the whole window, so Tab would reach the buttons underneath. An overlay's
``focusNextPrevChild`` calls :func:`cycle_focus` to go round its own visible controls instead,
in the order they are seen: top to bottom, then left to right.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget


def focus_chain(container: QWidget) -> list[QWidget]:
    """``container``'s controls that Tab may reach, in reading order."""
    found = [
        w
        for w in container.findChildren(QWidget)
        if w.isVisibleTo(container)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    ]

    def place(widget: QWidget) -> tuple[int, int]:
        at = widget.mapTo(container, QPoint(0, 0))
        return at.y() + widget.height() // 2, at.x()

    return sorted(found, key=place)


def cycle_focus(container: QWidget, forward: bool) -> bool:
    """Move the focus to the next (or previous) control of ``container``, wrapping round."""
    chain = focus_chain(container)
    if not chain:
        return False
    current = QApplication.focusWidget()
    if current in chain:
        index = (chain.index(current) + (1 if forward else -1)) % len(chain)
    else:
        index = 0 if forward else len(chain) - 1
    chain[index].setFocus(
        Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    )
    return True
