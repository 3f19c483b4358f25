"""The host panel's choice buttons: checkable, and marked with a check when chosen.

The room picker (ui/host/room_picker.py) and the mode rows (ui/host/mode_choices.py) share them,
so a chosen room and a chosen mode look alike: filled, and with a check mark, never colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from ui.common.widgets import TouchButton


def choice_button(parent: QWidget, name: str, activity: SignalInstance) -> TouchButton:
    """A checkable button named ``name``; a tap on it emits ``activity`` (the idle timer)."""
    button = TouchButton(parent=parent)
    button.setObjectName(name)
    button.setCheckable(True)
    button.clicked.connect(lambda _=False: activity.emit())
    # A check mark, not only the fill colour, says what is chosen.
    button.toggled.connect(lambda _on, b=button: mark(b))
    return button


def set_label(button: TouchButton, text: str, accessible: str | None = None) -> None:
    """The button's words (kept apart from the check mark) and its accessible name."""
    button.setProperty("label", text)
    button.setAccessibleName(accessible or text.replace("\n", ": "))
    mark(button)


def mark(button: TouchButton) -> None:
    text = str(button.property("label") or "")
    button.setText(f"✓ {text}" if button.isChecked() else text)
