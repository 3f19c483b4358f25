"""Fonts for the screens: the first installed family of ``theme.FONT_FAMILIES``.

Asking Qt for a family that is not installed makes it populate its alias table (slow, and it
logs a warning on big font sets), so we only ever name families that exist.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from ui.common import theme


@cache
def font_families() -> tuple[str, ...]:
    """Installed families from the preferred list, best first (needs a QGuiApplication)."""
    installed = set(QFontDatabase.families())
    chosen = tuple(family for family in theme.FONT_FAMILIES if family in installed)
    if chosen:
        return chosen
    return (QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family(),)


def ui_font(pixel_size: int, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """A font of the kiosk's family at a pixel size (pixels, so it follows widget geometry)."""
    font = QFont()
    font.setFamilies(list(font_families()))
    font.setPixelSize(max(1, pixel_size))
    font.setWeight(weight)
    return font
