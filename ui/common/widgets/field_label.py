"""The visible label above a text field.

A placeholder vanishes once the visitor types and is pale by nature, so it cannot be a field's
label (WCAG 1.3.1, 3.3.2): every kiosk field has one of these above it. The label is the field's
buddy, and the form sets the field's accessible name from the label's text.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QWidget

from ui.common.widgets.fit_label import FitLabel


def field_label(field: QLineEdit, parent: QWidget) -> FitLabel:
    """A one-line label for ``field``, named after it (``<field>Label``)."""
    label = FitLabel(parent, weight=QFont.Weight.DemiBold, max_lines=1, min_ratio=0.7)
    label.setObjectName(f"{field.objectName()}Label")
    label.setBuddy(field)
    return label
