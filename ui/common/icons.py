"""The kiosk's SVG icons, tinted to any colour at any size.

The SVG files are drawn in plain black so one file serves every colour: we render the shape and
then paint the colour through it (``SourceIn``). Results are cached because the same few icons
are drawn again on every minute tick and language switch.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from resources import resource_path

ICON_NAMES: tuple[str, ...] = (
    "badge",
    "calendar",
    "check",
    "clock",
    "cross",
    "door",
    "exit",
    "info",
    "lock",
    "qr",
    "star",
    "sync",
    "warning",
    "wifi-off",
)


def icon_file(name: str) -> str:
    """Path of an icon's SVG; a missing icon is a programming error, so it raises."""
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        raise FileNotFoundError(f"no icon named {name!r} at {path}")
    return str(path)


@cache
def _renderer(name: str) -> QSvgRenderer:
    renderer = QSvgRenderer(icon_file(name))
    if not renderer.isValid():
        raise ValueError(f"icon {name!r} is not a valid SVG")
    return renderer


@cache
def _tinted(name: str, color: str, size: int, dpr: float) -> QImage:
    device = max(1, round(size * dpr))
    image = QImage(device, device, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(name).render(painter, QRectF(0, 0, device, device))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(image.rect(), QColor(color))
    painter.end()
    image.setDevicePixelRatio(dpr)
    return image


def icon_pixmap(name: str, color: str, size: int, dpr: float = 1.0) -> QPixmap:
    """The icon ``name`` in ``color`` (``#RRGGBB``), ``size`` logical pixels square."""
    return QPixmap.fromImage(_tinted(name, color, max(1, size), dpr))
