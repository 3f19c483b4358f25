"""A kiosk window that fills its screen, with or without a window manager.

``showFullScreen`` only asks the window manager (``_NET_WM_STATE_FULLSCREEN`` on X11); under a
bare X server (xinit, the usual kiosk set-up) nobody answers and the window keeps whatever size
its layout suggests (a 602×522 lobby in the corner). So the window takes the screen's geometry
itself, without a frame, before asking; and takes it again whenever the screen's geometry
changes (a rotated panel, a monitor plugged in later) or the window lands on another screen.
A Wayland compositor (cage, Ubuntu Frame) and eglfs fill the screen anyway; this agrees with
them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


class ScreenFiller(QObject):
    """Keeps ``window`` on its screen's full geometry; lives as long as the window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._screen: QScreen | None = None

    def show(self) -> None:
        window = self._window
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        screen = window.screen() or QGuiApplication.primaryScreen()
        self._follow(screen)
        window.showFullScreen()
        handle = window.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(self._follow)
        log.info(
            "window %s on screen %s (%s)",
            _size(window.geometry()),
            _size(screen.geometry()) if screen is not None else "none",
            QGuiApplication.platformName(),
        )

    def _follow(self, screen: QScreen | None) -> None:
        if screen is None:
            return
        if self._screen is not None and self._screen is not screen:
            self._screen.geometryChanged.disconnect(self._fill)
        if self._screen is not screen:
            self._screen = screen
            screen.geometryChanged.connect(self._fill)
        self._fill(screen.geometry())

    def _fill(self, rect: QRect) -> None:
        if self._window.geometry() != rect:
            self._window.setGeometry(rect)


def _size(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"


def show_filling_screen(window: QWidget) -> ScreenFiller:
    """Show ``window`` fullscreen on its screen's whole geometry, and keep it there."""
    filler = ScreenFiller(window)
    filler.show()
    return filler
