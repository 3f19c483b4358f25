"""The live camera picture on the lobby's home page, with a square that says "aim here".

Visitors hold a phone up to a tablet: without seeing themselves they aim badly. The preview
shows the last frame (cropped to fill the widget, mirrored for a front camera so moving the
phone left moves it left on screen) and a rounded square in the middle; the area outside the
square is dimmed so the eye goes to it. It only paints: frames are handed to it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.common import theme

AIM_RATIO = 0.7  # the square's side, of the shorter side of the preview


class CameraPreview(QWidget):
    def __init__(self, parent: QWidget | None = None, *, mirrored: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("CameraPreview")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.mirrored = mirrored
        self._frame = QImage()
        self._side = 240

    @property
    def frame(self) -> QImage:
        return self._frame

    def set_frame(self, image: QImage) -> None:
        self._frame = image
        if self.isVisible():
            self.update()

    def clear(self) -> None:
        self._frame = QImage()
        self.update()

    def set_side(self, side: int) -> None:
        self._side = max(80, side)
        self.setFixedSize(self._side, self._side)

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def aim_rect(self) -> QRectF:
        side = min(self.width(), self.height()) * AIM_RATIO
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        outer = QRectF(self.rect())
        clip = QPainterPath()
        radius = outer.width() * 0.06
        clip.addRoundedRect(outer, radius, radius)
        painter.setClipPath(clip)
        painter.fillRect(outer, QColor(theme.TEXT))  # until the first frame arrives
        if not self._frame.isNull():
            painter.save()
            if self.mirrored:
                painter.translate(outer.width(), 0)
                painter.scale(-1, 1)
            painter.drawImage(outer, self._frame, _cover(self._frame.size(), outer))
            painter.restore()
        aim = self.aim_rect()
        aim_radius = aim.width() * 0.12
        hole = QPainterPath()
        hole.addRoundedRect(aim, aim_radius, aim_radius)
        shade = QPainterPath()
        shade.addRect(outer)
        painter.fillPath(shade.subtracted(hole), QColor(0, 0, 0, 110))
        pen = QPen(QColor(255, 255, 255), max(3.0, outer.width() / 60))
        painter.setPen(pen)
        painter.drawRoundedRect(aim, aim_radius, aim_radius)
        painter.end()


def _cover(source: QSize, target: QRectF) -> QRectF:
    """The centred part of ``source`` with ``target``'s aspect ratio (crop, never stretch)."""
    sw, sh = float(source.width()), float(source.height())
    scale = max(target.width() / sw, target.height() / sh)
    w, h = target.width() / scale, target.height() / scale
    return QRectF((sw - w) / 2, (sh - h) / 2, w, h)
