"""Labels that keep their text inside their bounds.

Screens size text from the screen height, but a translation can be twice as long as the English
source and Finnish compounds cannot be wrapped. ``FitLabel`` therefore treats its pixel size as
a maximum and steps down (to ``min_ratio`` of it) until the text fits in ``max_lines`` lines of
its width. ``ElidedLabel`` is for list rows, where a steady size matters more than the whole
title: it ends a too-long text with "…" and keeps the full text as its accessible name.

Both ignore their text's width in layouts (horizontal policy ``Ignored``): the layout decides
the width and the label adapts, so a long string can never push a screen wider than the window.
Vertically a ``FitLabel`` insists on its lines (policy ``Minimum``).
All text is plain text: names and booking titles come from users and must not be parsed as HTML.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.common import theme
from ui.common.fonts import ui_font

_ALIGN_DEFAULT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_TALL = 1_000_000


class FitLabel(QLabel):
    """A plain-text label whose font shrinks (within limits) until its text fits its width."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        text: str = "",
        max_lines: int = 1,
        role: str | None = None,
        weight: QFont.Weight = QFont.Weight.Normal,
        alignment: Qt.AlignmentFlag = _ALIGN_DEFAULT,
        min_ratio: float = 0.5,
    ) -> None:
        super().__init__(parent)
        self._max_lines = max(1, max_lines)
        self._max_px = 24
        self._min_ratio = min_ratio
        self._floor_px = theme.MIN_TEXT_PX
        self._height_limit: int | None = None
        self._weight = weight
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(self._max_lines > 1)
        self.setAlignment(alignment)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        # Never squeezed below the height its lines need: when a page is too full, decorative
        # items (icons, stretches) give way instead of text being cut.
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        self.setSizePolicy(policy)
        if role:
            self.setProperty("role", role)
        self.setFont(ui_font(self._max_px, weight))
        self.setText(text)

    @property
    def max_lines(self) -> int:
        return self._max_lines

    def set_text(self, text: str) -> bool:
        """Show ``text``; returns False (and repaints nothing) when it is already shown."""
        if text == self.text():
            return False
        self.setText(text)
        self._refit()
        return True

    def set_pixel_size(self, pixel_size: int) -> None:
        """The design size: the largest the text will be drawn."""
        pixel_size = max(1, pixel_size)
        if pixel_size != self._max_px:
            self._max_px = pixel_size
            self._refit()

    def set_floor(self, pixel_size: int) -> None:
        """Shrink below ``pixel_size`` (a screen's smallest readable text; by default
        ``theme.MIN_TEXT_PX``) only when the text would not fit even at that size (cut-off
        text is worse than small text); a design size below it is raised to it."""
        if pixel_size != self._floor_px:
            self._floor_px = pixel_size
            self._refit()

    def set_height_limit(self, height: int | None) -> None:
        """Fit ``height`` pixels too (None: the width alone), for a label whose container
        knows how much room it has left: the text then shrinks instead of being cut."""
        if height != self._height_limit:
            self._height_limit = height
            self._refit()

    def text_fits(self) -> bool:
        """Whether the current text, at the current font, fits this label's contents rect."""
        rect = self.contentsRect()
        return self._fits(self.font().pixelSize(), rect.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def _fits(self, pixel_size: int, width: int, height: int | None = None) -> bool:
        metrics = QFontMetrics(ui_font(pixel_size, self._weight))
        text = self.text()
        if self._max_lines == 1:
            ok = metrics.horizontalAdvance(text) <= width
            return ok and (height is None or metrics.height() <= height + 1)
        flags = int(Qt.TextFlag.TextWordWrap) | int(self.alignment())
        bounds = metrics.boundingRect(QRect(0, 0, width, _TALL), flags, text)
        # Laid-out lines are a fraction taller than the rounded line spacing (16.4 -> 17 px):
        # allow a pixel a line, far less than another line would take.
        lines = self._max_lines * (max(metrics.lineSpacing(), metrics.height()) + 1)
        ok = bounds.width() <= width and bounds.height() <= lines
        return ok and (height is None or bounds.height() <= height + 1)

    def _largest_fitting(self, low: int, high: int, width: int) -> int | None:
        """The largest size in [low, high] at which the text fits ``width`` (and the height
        limit); None if none."""
        found = None
        while low <= high:
            middle = (low + high) // 2
            if self._fits(middle, width, self._height_limit):
                found, low = middle, middle + 1
            else:
                high = middle - 1
        return found

    def _refit(self) -> None:
        width = self.contentsRect().width()
        size = max(self._max_px, self._floor_px)
        if width > 0 and self.text() and not self._fits(size, width, self._height_limit):
            lowest = max(1, round(self._max_px * self._min_ratio))
            fitting = self._largest_fitting(max(lowest, self._floor_px), size, width)
            if fitting is None:  # not even at the floor: smaller beats cut off
                fitting = self._largest_fitting(lowest, self._floor_px - 1, width)
            size = lowest if fitting is None else fitting
        current = self.font()
        if current.pixelSize() != size or current.weight() != self._weight:
            self.setFont(ui_font(size, self._weight))


class ElidedLabel(QLabel):
    """One line of plain text, cut with "…" when too wide; the full text stays accessible."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)
        self.set_text(text)

    def full_text(self) -> str:
        return self._full

    def set_text(self, text: str) -> bool:
        if text == self._full:
            return False
        self._full = text
        self.setAccessibleName(text)
        self._elide()
        return True

    def set_pixel_size(self, pixel_size: int, weight: QFont.Weight = QFont.Weight.Normal) -> None:
        font = self.font()
        if font.pixelSize() != pixel_size or font.weight() != weight:
            self.setFont(ui_font(pixel_size, weight))
            self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self._full
        if width > 0:
            shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        self.setToolTip(self._full if shown != self._full else "")
        if shown != self.text():
            self.setText(shown)
