"""Tinted SVG icons as widgets, re-rendered only when name, colour or size change."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.common.icons import icon_pixmap
from ui.common.theme import ColorPair


class IconLabel(QLabel):
    """Icons always sit next to words (never colour or icon alone), so this is decorative for
    assistive technology unless ``set_icon`` is given a description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key: tuple[str, str, int, float] | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    @property
    def icon_name(self) -> str | None:
        return self._key[0] if self._key else None

    def set_icon(self, name: str, color: str, size: int) -> None:
        size = max(1, size)
        key = (name, color, size, self.devicePixelRatioF())
        if key == self._key:
            return
        self._key = key
        self.setPixmap(icon_pixmap(name, color, size, key[3]))
        self.setFixedSize(size, size)


class IconCircle(QWidget):
    """An icon centred in a filled circle: the friendly, calm marker of the lobby's pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = "info"
        self._colors = ColorPair("#000000", "#FFFFFF")
        self._diameter = 0
        # It may shrink (down to a third) when a page is short of height; text may not.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.set_diameter(160)

    @property
    def icon_name(self) -> str:
        return self._name

    def set_icon(self, name: str, colors: ColorPair) -> None:
        if (name, colors) != (self._name, self._colors):
            self._name, self._colors = name, colors
            self.update()

    def set_diameter(self, diameter: int) -> None:
        diameter = max(16, diameter)
        if diameter != self._diameter:
            self._diameter = diameter
            self.setMinimumSize(diameter // 3, diameter // 3)
            self.setMaximumSize(diameter, diameter)
            self.updateGeometry()
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._diameter, self._diameter)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._colors.bg))
        side = min(self.width(), self.height())
        painter.drawEllipse((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        icon_size = round(side * 0.55)
        pixmap = icon_pixmap(self._name, self._colors.fg, icon_size, self.devicePixelRatioF())
        painter.drawPixmap(
            (self.width() - icon_size) // 2, (self.height() - icon_size) // 2, pixmap
        )
        painter.end()
