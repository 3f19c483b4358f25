"""The one QApplication of a process, made the same way by the kiosk, the demo and the renderers."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication


def qt_app(offscreen: bool = False) -> QApplication:
    """The application, created on first use; Qt's own messages go to the Python log."""
    from ui.runtime.qtlog import route_qt_messages

    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    route_qt_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Lab Kiosk")
    return app
