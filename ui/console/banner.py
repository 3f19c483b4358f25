"""The line across the top of the console that says what went wrong, or what was done.

One problem at a time, the newest; an offline banner goes away by itself when the service
answers again, the others when closed. A notice (``"Invitation sent"``) is the same strip in
green. Both re-render their sentence when the language changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.console.problems import Problem, ProblemKind, describe


class MessageBanner(QFrame):
    """A strip with a sentence and a close button; hidden while there is nothing to say."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._text: Callable[[], str] = lambda: ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button)
        self._retranslate()
        self.hide()

    def say(self, text: Callable[[], str]) -> None:
        """Show ``text()`` (called again at every language change)."""
        self._text = text
        self.label.setText(text())
        self.setAccessibleName(self.label.text())
        self.show()

    def clear(self) -> None:
        self._text = lambda: ""
        self.label.clear()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the message"))
        if self.isVisible() or self.label.text():
            self.label.setText(self._text())


class ProblemBanner(MessageBanner):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("ProblemBanner", parent)
        self.problem: Problem | None = None

    def show_problem(self, problem: Problem) -> None:
        self.problem = problem
        self.setProperty("kind", problem.kind.value)
        for widget in (self, self.label):  # the sheet picks its colours by the property
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.say(lambda: describe(problem))

    def service_answered(self) -> None:
        """The service is reachable again: an offline banner has said its piece."""
        if self.problem is not None and self.problem.kind is ProblemKind.OFFLINE:
            self.clear()

    def clear(self) -> None:
        self.problem = None
        super().clear()
