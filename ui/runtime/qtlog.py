"""Qt's own messages go into Python logging, so they land in the kiosk's log, not on stderr."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

# Harmless notices of the offscreen platform used for screenshots and tests.
_KNOWN_NOISE = ("This plugin does not support propagateSizeHints()",)

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _LEVELS.get(kind, logging.WARNING)
    if message in _KNOWN_NOISE:
        level = logging.DEBUG
    log.log(level, "%s", message)


def route_qt_messages() -> None:
    qInstallMessageHandler(_handle)
