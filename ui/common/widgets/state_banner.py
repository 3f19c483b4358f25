"""The big coloured panel that says a room's state from across the corridor.

Layout, top to bottom: a caption (the room name) with the state's icon beside it, the state as a
WORD (icon and word: never colour alone), and two lines of detail ("Board meeting" / "until 15.00
· 35 min left"). The word is the largest text on the door, in every language: it has the
banner's whole width (the icon sits in the caption row, not beside it) and may take two lines
("Snart / ledigt"), so a long word is not shrunk below the clock. Colours come from a
``theme.ColorPair``; sizes from the screen's scale, so it reads the same at 1280x800 and 800x480.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.common import theme
from ui.common.widgets.fit_label import FitLabel
from ui.common.widgets.icon_label import IconLabel


class StateBanner(QFrame):
    """A rounded panel in a state colour with caption, icon + word, and two detail lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StateBanner")
        self._colors = theme.ColorPair(theme.ON_BRAND, theme.BRAND)
        self._icon_name = "door"
        self._scale = 1.0
        self._style_key: tuple[theme.ColorPair, int] | None = None

        self.caption = FitLabel(self, max_lines=2, weight=QFont.Weight.Bold, min_ratio=0.6)
        self.icon = IconLabel(self)
        self.word = FitLabel(self, max_lines=2, weight=QFont.Weight.Bold, min_ratio=0.25)
        self.primary = FitLabel(self, max_lines=2, weight=QFont.Weight.DemiBold, min_ratio=0.55)
        self.secondary = FitLabel(self, max_lines=2, min_ratio=0.6)
        for name, label in (
            ("BannerCaption", self.caption),
            ("BannerWord", self.word),
            ("BannerPrimary", self.primary),
            ("BannerSecondary", self.secondary),
        ):
            label.setObjectName(name)

        self._top_row = QHBoxLayout()
        self._top_row.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignTop)
        self._top_row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._top_row)
        self._layout.addStretch(1)
        self._layout.addWidget(self.word)
        self._layout.addSpacing(8)
        self._layout.addWidget(self.primary)
        self._layout.addWidget(self.secondary)
        self._layout.addStretch(1)
        self.set_scale(1.0)

    def set_state(self, colors: theme.ColorPair, icon: str, word: str) -> None:
        """Colour, icon and state word; restyles only when the colours change."""
        self._colors = colors
        self._icon_name = icon
        self.word.set_text(word)
        self._restyle()
        self._update_accessible_name()

    def set_caption(self, text: str) -> None:
        self.caption.set_text(text)
        self._update_accessible_name()

    def set_lines(self, primary: str, secondary: str) -> None:
        """Detail lines; an empty line is hidden so the others close up."""
        for label, text in ((self.primary, primary), (self.secondary, secondary)):
            label.set_text(text)
            label.setVisible(bool(text))
        self._fit_word()
        self._update_accessible_name()

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        margin = max(14, round(48 * scale))
        self._layout.setContentsMargins(margin, round(margin * 0.8), margin, margin)
        self._layout.setSpacing(max(4, round(10 * scale)))
        self._top_row.setSpacing(max(8, round(24 * scale)))
        self.caption.set_pixel_size(round(50 * scale))
        self.word.set_pixel_size(round(124 * scale))
        self.primary.set_pixel_size(round(46 * scale))
        self.secondary.set_pixel_size(round(36 * scale))
        self._restyle()
        self._fit_word()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_word()

    def _fit_word(self) -> None:
        """The word takes the height the caption and the detail lines leave: on a short
        banner (800x480, the offline strip) a two-line word shrinks rather than being cut."""
        layout = self._layout
        margins = layout.contentsMargins()
        width = self.contentsRect().width() - margins.left() - margins.right()
        room = self.contentsRect().height() - margins.top() - margins.bottom()
        room -= self._top_row.sizeHint().height() + 8 + 4 * layout.spacing()
        for label in (self.primary, self.secondary):
            if label.isVisibleTo(self) and label.text():
                room -= label.heightForWidth(width)
        self.word.set_height_limit(room if self.height() > 0 and room > 0 else None)

    def _restyle(self) -> None:
        radius = max(6, round(24 * self._scale))
        key = (self._colors, radius)
        self.icon.set_icon(self._icon_name, self._colors.fg, max(24, round(112 * self._scale)))
        if key == self._style_key:
            return
        self._style_key = key
        self.setStyleSheet(
            f"QFrame#StateBanner {{ background: {self._colors.bg}; border-radius: {radius}px; }}"
            f" QFrame#StateBanner QLabel {{ color: {self._colors.fg}; }}"
        )

    def _update_accessible_name(self) -> None:
        parts = [self.caption.text(), self.word.text(), self.primary.text(), self.secondary.text()]
        self.setAccessibleName(". ".join(part for part in parts if part))
