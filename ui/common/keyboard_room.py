"""Room for the on-screen keyboard on a page too short for both the whole form and the keys.

A form with its keyboard needs more height than an 800x480 panel (or a 1280x800 tablet at
149 ppi under the offline strip) has once the keys are 9 mm tall. While the keyboard is up on
such a page, ``KeyboardRoom`` hides first what the page names as expendable (its title), then,
if that is not enough, all that is not on the line being typed (the other fields, the
buttons), and gives the keyboard the room; "Done" on the keyboard shows the whole form again.
The line being typed is the field, its label, and what shares a grid row or a horizontal row
with either (the field beside it, the host choices). A page with room for everything is left
as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QWidget,
)

from ui.common.keyboard import OnScreenKeyboard


class KeyboardRoom(QObject):
    """Keeps ``keyboard`` at its 9 mm height on ``page`` by hiding, when it must, what ``layout``
    holds away from the field being typed."""

    #: After every arrangement: what the page says about its hidden parts can follow.
    arranged = Signal()

    def __init__(
        self,
        page: QWidget,
        layout: QLayout,
        keyboard: OnScreenKeyboard,
        expendable: Sequence[QWidget] = (),
    ) -> None:
        super().__init__(page)
        self._page = page
        self._layout = layout
        self.keyboard = keyboard
        self._expendable = tuple(expendable)
        self._hidden: list[QWidget] = []  # what this made room from, to show again
        self._offered = False  # the keys are up (or not) by ``offer``, not by the visitor
        page.installEventFilter(self)
        keyboard.installEventFilter(self)
        keyboard.hide_requested.connect(self._put_away)

    @property
    def compact(self) -> bool:
        """Whether parts of the form are hidden to make room for the keys."""
        return bool(self._hidden)

    def offer(self) -> None:
        """Keys up if they fit beside the whole form, else they wait for a tap on a field (a
        new visitor first sees the whole form); decided again while the page is resized."""
        self._offered = True
        self._restore()
        self.keyboard.setVisible(self._page.height() > 0 and self._fits())
        self.arrange()

    def ask(self) -> None:
        """The visitor tapped a field: keys up, with the room they need."""
        self._offered = False
        self.keyboard.show()
        self.arrange()

    def arrange(self) -> None:
        """Give the keyboard its room: the whole form if it fits, else the line being typed."""
        self._make_room()
        self.arranged.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._page and kind == QEvent.Type.Resize:
            self.offer() if self._offered else self.arrange()
        elif watched is self.keyboard and kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self.arrange()
        return False

    # --- internals -------------------------------------------------------------------------
    def _make_room(self) -> None:
        self._restore()
        keyboard = self.keyboard
        floor = keyboard.minimumSizeHint().height()
        keyboard.setMinimumHeight(floor)
        if not keyboard.isVisibleTo(self._page) or self._page.height() <= 0:
            return
        if self._fits():
            keyboard.setMinimumHeight(keyboard.needed_height)
            return
        for widget in self._expendable:  # one by one, in the page's order, until the keys fit
            if self._fits():
                break
            if widget.isVisibleTo(self._page):
                self._hide([widget])
        if self._fits():
            self._show_again_what_fits()
        else:
            kept = self._line_of(keyboard.target)
            visible = [w for w in self._widgets(self._layout) if w.isVisibleTo(self._page)]
            self._hide([w for w in visible if w not in kept])
        room = self._page.height() - self._others()
        keyboard.setMinimumHeight(max(floor, min(keyboard.needed_height, room)))

    def _show_again_what_fits(self) -> None:
        """Hiding a large part (the faces) may have left room for a small one hidden before it
        (the title, which says what is asked): it comes back if the keys still fit beside it."""
        for widget in self._hidden[:-1]:  # the last one hidden was the one that made the room
            widget.show()
            if self._fits():
                self._hidden.remove(widget)
            else:
                widget.hide()

    def _put_away(self) -> None:
        self._offered = False
        self.keyboard.hide()

    def _fits(self) -> bool:
        """Whether what is shown leaves the keyboard four rows of 9 mm keys."""
        return self._others() + self.keyboard.needed_height <= self._page.height()

    def _hide(self, widgets: list[QWidget]) -> None:
        for widget in widgets:
            widget.hide()
        self._hidden.extend(widgets)

    def _restore(self) -> None:
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            widget.show()

    def _others(self) -> int:
        """The height the rest of the page takes at this width (wrapped notices included)."""
        layout = self._layout
        layout.invalidate()
        layout.activate()  # sizes of nested layouts are recomputed only here
        shown = self.keyboard.isVisibleTo(self._page)
        minimum = layout.minimumSize().height()
        wrapped = layout.heightForWidth(self._page.width()) if layout.hasHeightForWidth() else -1
        if wrapped >= minimum:  # counted with the keys at their hint (needed_height)
            return wrapped - (self.keyboard.sizeHint().height() if shown else 0)
        return minimum - (self.keyboard.minimumHeight() if shown else 0)

    def _widgets(self, layout: QLayout) -> list[QWidget]:
        found: list[QWidget] = []
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            widget, inner = item.widget(), item.layout()
            if widget is not None and widget is not self.keyboard:
                found.append(widget)
            elif inner is not None:
                found.extend(self._widgets(inner))
        return found

    def _line_of(self, field: QLineEdit | None) -> set[QWidget]:
        """``field``, its label and what shares a grid row or a horizontal row with either."""
        if field is None:
            return set()
        anchors: set[QWidget] = {field}
        anchors.update(w for w in self._page.findChildren(QLabel) if w.buddy() is field)
        return self._kept(self._layout, anchors)

    def _kept(self, layout: QLayout, anchors: set[QWidget]) -> set[QWidget]:
        items = [item for i in range(layout.count()) if (item := layout.itemAt(i)) is not None]
        if isinstance(layout, QGridLayout):
            rows: set[int] = set()
            spans = []
            for i, item in enumerate(items):
                position = cast(tuple[int, int, int, int], layout.getItemPosition(i))
                row, _col, row_span, _cols = position
                spans.append(set(range(row, row + row_span)))
                if self._holds(item, anchors):
                    rows |= spans[-1]
            return {
                w
                for item, span in zip(items, spans, strict=True)
                if span & rows
                for w in self._item_widgets(item)
            }
        if isinstance(layout, QBoxLayout) and layout.direction() in (
            QBoxLayout.Direction.LeftToRight,
            QBoxLayout.Direction.RightToLeft,
        ):
            if any(self._holds(item, anchors) for item in items):
                return {w for item in items for w in self._item_widgets(item)}
            return set()
        kept: set[QWidget] = set()
        for item in items:
            widget, inner = item.widget(), item.layout()
            if widget is not None and widget in anchors:
                kept.add(widget)
            elif inner is not None:
                kept |= self._kept(inner, anchors)
        return kept

    def _holds(self, item: QLayoutItem, anchors: set[QWidget]) -> bool:
        return any(w in anchors for w in self._item_widgets(item))

    def _item_widgets(self, item: QLayoutItem) -> list[QWidget]:
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            return [widget]
        return self._widgets(inner) if inner is not None else []
