"""Labelled fields: a visible label that is the field's buddy and its accessible name.

Every console field has a label that stays visible (WCAG 1.3.1, 3.3.2); the label's mnemonic
focuses the field, and screen readers read the same words. ``FormRows`` keeps the labels so a
language change re-labels them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


class FormRows:
    """Rows of ``label: field`` in a ``QFormLayout``; texts come from callables (``tr``)."""

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self._rows: list[tuple[QLabel, QWidget, Callable[[], str]]] = []

    def add(self, field: QWidget, text: Callable[[], str]) -> QLabel:
        label = QLabel(field.parentWidget())
        label.setBuddy(field)
        label.setObjectName(f"{field.objectName()}Label")
        self._label(label, field, text)  # before the layout measures it
        self.layout.addRow(label, field)
        self._rows.append((label, field, text))
        return label

    def retranslate(self) -> None:
        for label, field, text in self._rows:
            self._label(label, field, text)

    @staticmethod
    def _label(label: QLabel, field: QWidget, text: Callable[[], str]) -> None:
        words = text()
        label.setText(words)
        field.setAccessibleName(words.replace("&", ""))
