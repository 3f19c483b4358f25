"""The walk-in form: name, organisation, who you are here to see, and the privacy notice.

The page only collects and validates what the visitor typed; the controller searches hosts and
stores the registration on the database worker. "Check in" stays disabled until a name is
typed, a host chosen and the privacy notice accepted, and the reason is spelled out next to it,
so a visitor is never left wondering why nothing happens.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.lobby_views import HostChoice
from ui.fonts import ui_font
from ui.keyboard import OnScreenKeyboard
from ui.widgets import FitLabel, TouchButton
from ui.widgets.tap_row import TapRow

MAX_CHOICES = 4


class WalkinPage(QWidget):
    host_query_changed = Signal(str)
    submitted = Signal(str, str, object)  # name, organisation, host id (uuid.UUID)
    cancelled = Signal()
    activity = Signal()  # the visitor typed or tapped: the idle timeout starts over

    retention_days = 90  # shown in the built-in privacy notice; the lobby sets the config's

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WalkinPage")
        self._host: HostChoice | None = None
        self._notice = ""
        self.title = FitLabel(self, weight=QFont.Weight.Bold, max_lines=1)
        self.title.setObjectName("WalkinTitle")
        self.name = self._field("WalkinName")
        self.organisation = self._field("WalkinOrganisation")
        self.host_search = self._field("WalkinHostSearch")
        self.host_search.textEdited.connect(self._query_changed)
        self.choices = [TouchButton(parent=self) for _ in range(MAX_CHOICES)]
        for i, button in enumerate(self.choices):
            button.setObjectName(f"HostChoice_{i}")
            button.setCheckable(True)
            button.setVisible(False)
            button.clicked.connect(lambda _=False, i=i: self._choose(i))
        self._shown: list[HostChoice] = []
        self.privacy = QCheckBox(self)
        self.privacy.setObjectName("PrivacyAccepted")
        self.privacy.toggled.connect(self._update)
        self.notice = FitLabel(self, role="muted", max_lines=4, min_ratio=0.6)
        self.notice.setObjectName("PrivacyNotice")
        self.hint = FitLabel(self, role="muted", max_lines=1, min_ratio=0.6)
        self.hint.setObjectName("WalkinHint")
        self.submit = TouchButton(parent=self)
        self.submit.setObjectName("WalkinSubmit")
        self.submit.setProperty("kind", "primary")
        self.submit.clicked.connect(self._submit)
        self.cancel = TouchButton(parent=self)
        self.cancel.setObjectName("WalkinCancel")
        self.cancel.clicked.connect(self.cancelled)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.target = self.name
        for field in (self.name, self.organisation, self.host_search):
            field.installEventFilter(self)
            field.textChanged.connect(self._update)
            field.textChanged.connect(self.activity)
        self.privacy.toggled.connect(self.activity)
        for button in self.choices:
            button.clicked.connect(self.activity)

        form = QGridLayout()
        form.addWidget(self.name, 0, 0)
        form.addWidget(self.organisation, 0, 1)
        form.addWidget(self.host_search, 1, 0)
        choices = QHBoxLayout()
        for button in self.choices:
            choices.addWidget(button)
        choices.addStretch(1)
        form.addLayout(choices, 1, 1)
        # The whole row toggles: the box, "I accept" and the notice (ui/widgets/tap_row.py).
        self.privacy_row = TapRow(self.privacy, self.notice, parent=self)
        self.privacy_row.setObjectName("PrivacyRow")
        buttons = QHBoxLayout()
        buttons.addWidget(self.submit)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.hint, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addLayout(form)
        self._layout.addWidget(self.privacy_row)
        self._layout.addLayout(buttons)
        self._layout.addWidget(self.keyboard, 1)
        self.retranslate()

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setMaxLength(200)
        return field

    # --- public API ------------------------------------------------------------------------
    @property
    def chosen_host(self) -> HostChoice | None:
        return self._host

    def reset(self, notice: str = "") -> None:
        """An empty form (a new visitor); ``notice`` replaces the built-in privacy text."""
        self._notice = notice
        for field in (self.name, self.organisation, self.host_search):
            field.clear()
        self.privacy.setChecked(False)
        self.set_host_choices([])
        self.keyboard.target = self.name
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
        self._update()

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        side = max(12, round(width * 0.03))
        self._layout.setContentsMargins(side, round(10 * scale), side, round(8 * scale))
        self._layout.setSpacing(max(4, round(10 * scale)))
        self.title.set_pixel_size(round(44 * scale))
        font = ui_font(max(14, round(28 * scale)))
        for field in (self.name, self.organisation, self.host_search):
            field.setFont(font)
            field.setMinimumHeight(min_target)
        for button in (*self.choices, self.submit, self.cancel):
            button.set_metrics(max(14, round(24 * scale)), min_target)
        self.privacy.setFont(font)
        self.privacy.setMinimumSize(min_target, min_target)
        self.privacy_row.setMinimumHeight(min_target)
        box = max(24, round(min_target * 0.7))  # the box itself, not only its label, is large
        self.privacy.setStyleSheet(f"QCheckBox::indicator {{ width: {box}px; height: {box}px; }}")
        self.notice.set_pixel_size(round(22 * scale))
        self.hint.set_pixel_size(round(22 * scale))
        self.keyboard.set_metrics(max(14, round(22 * scale)), min_target)

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("Walkin", "Register as a visitor"))
        self.name.setPlaceholderText(QCoreApplication.translate("Walkin", "Your name"))
        self.organisation.setPlaceholderText(
            QCoreApplication.translate("Walkin", "Organisation (optional)")
        )
        self.host_search.setPlaceholderText(
            QCoreApplication.translate("Walkin", "Who are you here to see?")
        )
        for field in (self.name, self.organisation, self.host_search):
            field.setAccessibleName(field.placeholderText())
        self.privacy.setText(QCoreApplication.translate("Walkin", "I accept"))
        self.privacy.setAccessibleName(
            QCoreApplication.translate("Walkin", "I accept the privacy notice")
        )
        self.notice.set_text(
            self._notice
            or QCoreApplication.translate(
                "Walkin",
                "We store your name, organisation and host to know who is in the building and "
                "to tell your host that you arrived. The data is deleted after {days} days.",
            ).format(days=self.retention_days)
        )
        self.submit.setText(QCoreApplication.translate("Walkin", "Check in"))
        self.submit.setAccessibleName(self.submit.text())
        self.cancel.setText(QCoreApplication.translate("Walkin", "Cancel"))
        self.cancel.setAccessibleName(self.cancel.text())
        self.keyboard.retranslate()
        self._update()

    # --- internals -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            self.keyboard.target = watched
        return False

    def _query_changed(self, text: str) -> None:
        self._host = None
        self.host_query_changed.emit(text)
        self._update()

    def _choose(self, index: int) -> None:
        self._host = self._shown[index]
        for i, button in enumerate(self.choices):
            button.setChecked(i == index)
        self._update()

    def _missing(self) -> str:
        if not self.name.text().strip():
            return QCoreApplication.translate("Walkin", "Please type your name.")
        if self._host is None:
            return QCoreApplication.translate("Walkin", "Please choose who you are here to see.")
        if not self.privacy.isChecked():
            return QCoreApplication.translate("Walkin", "Please accept the privacy notice.")
        return ""

    def _update(self) -> None:
        missing = self._missing()
        self.submit.setEnabled(not missing)
        self.hint.set_text(missing)

    def _submit(self) -> None:
        if self._missing() or self._host is None:
            return
        host_id: uuid.UUID = self._host.id
        self.submitted.emit(self.name.text(), self.organisation.text(), host_id)
