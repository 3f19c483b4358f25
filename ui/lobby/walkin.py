"""The walk-in form: name, organisation, who you are here to see, and the privacy notice.

The page only collects and validates what the visitor typed; the controller searches hosts and
stores the registration on the database worker. "Check in" stays disabled until a name is
typed, a host chosen and the privacy notice accepted, and the reason is spelled out next to it,
so a visitor is never left wondering why nothing happens.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QWidget

from kiosk.views.lobby import HostChoice
from ui.common.widgets import TouchButton
from ui.lobby.visitor_form import VisitorForm

MAX_CHOICES = 4


class WalkinPage(VisitorForm):
    host_query_changed = Signal(str)
    submitted = Signal(str, str, object)  # name, organisation, host id (uuid.UUID)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Walkin", parent)
        self._host: HostChoice | None = None
        self.host_search = self.field("WalkinHostSearch")
        self.host_search.textEdited.connect(self._query_changed)
        self.choices = [TouchButton(parent=self) for _ in range(MAX_CHOICES)]
        for i, button in enumerate(self.choices):
            button.setObjectName(f"HostChoice_{i}")
            button.setCheckable(True)
            button.setVisible(False)
            button.clicked.connect(lambda _=False, i=i: self._choose(i))
            button.clicked.connect(self.activity)
        self._shown: list[HostChoice] = []
        # Labels on rows of their own, so the fields (and the host choices) line up.
        form = QGridLayout()
        form.setVerticalSpacing(2)
        form.addWidget(self.label_for(self.name), 0, 0)
        form.addWidget(self.label_for(self.organisation), 0, 1)
        form.addWidget(self.name, 1, 0)
        form.addWidget(self.organisation, 1, 1)
        form.addWidget(self.label_for(self.host_search), 2, 0, 1, 2)
        form.addWidget(self.host_search, 3, 0)
        choices = QHBoxLayout()
        for button in self.choices:
            choices.addWidget(button)
        choices.addStretch(1)
        form.addLayout(choices, 3, 1)
        self._form = form
        self.add_rows(form)
        self.retranslate()

    # --- public API ------------------------------------------------------------------------
    @property
    def chosen_host(self) -> HostChoice | None:
        return self._host

    def reset(self, notice: str = "") -> None:
        """An empty form (a new visitor); ``notice`` replaces the built-in privacy text."""
        self.clear_form(notice)
        self.set_host_choices([])
        self.retranslate()

    def set_host_choices(self, choices: Sequence[HostChoice]) -> None:
        self._shown = list(choices[:MAX_CHOICES])
        self._host = None
        for i, button in enumerate(self.choices):
            button.setChecked(False)
            if i < len(self._shown):
                choice = self._shown[i]
                button.setText(choice.name)
                button.setAccessibleName(choice.name)
                button.setVisible(True)
            else:
                button.setVisible(False)
        self.update_hint()

    def fields(self) -> tuple[QLineEdit, ...]:
        return (*super().fields(), self.host_search)

    def buttons(self) -> tuple[TouchButton, ...]:
        return (*self.choices, *super().buttons())

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("Walkin", "Register as a visitor"))
        self.label_for(self.host_search).set_text(
            QCoreApplication.translate("Walkin", "Who are you here to see?")
        )
        self.retranslate_common(
            QCoreApplication.translate(
                "Walkin",
                "We store your name, organisation and host to know who is in the building and "
                "to tell your host that you arrived. The data is deleted after {days} days.",
            )
        )

    def missing(self) -> str:
        if self.name.text().strip() and self._host is None:
            return QCoreApplication.translate("Walkin", "Please choose who you are here to see.")
        return super().missing()

    def submit_form(self) -> None:
        if self._host is None:
            return
        host_id: uuid.UUID = self._host.id
        self.submitted.emit(self.name.text(), self.organisation.text(), host_id)

    # --- internals -------------------------------------------------------------------------
    def _query_changed(self, text: str) -> None:
        self._host = None
        self.host_query_changed.emit(text)
        self.update_hint()

    def _choose(self, index: int) -> None:
        self._host = self._shown[index]
        for i, button in enumerate(self.choices):
            button.setChecked(i == index)
        self.update_hint()
