"""The form a visitor fills in at the lobby: name, organisation, the privacy notice, Check in.

``WalkinPage`` (ui/lobby/walkin.py) adds who they are here to see; ``EventWalkinPage``
(ui/event/checkin.py) names the event. What both share lives here: the fields and the on-screen
keyboard that types into whichever has the focus (on a short screen the form makes room for it
while typing, ``ui/common/keyboard_room.py``), a visible label above every field (a
placeholder vanishes once typed, so it cannot be the label; the label is the field's buddy and
its accessible name), the privacy row whose every pixel toggles the
box, the hint that says why "Check in" is still disabled (so nobody wonders why nothing
happens), and the scaling for touch. A subclass puts its own rows between the fields and the
privacy row (``add_rows``) and says what is still missing (``missing``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLayout, QLineEdit, QVBoxLayout, QWidget

from ui.common.fonts import ui_font
from ui.common.keyboard import OnScreenKeyboard
from ui.common.keyboard_room import KeyboardRoom
from ui.common.style import border_width
from ui.common.widgets import FitLabel, TouchButton
from ui.common.widgets.field_label import field_label
from ui.common.widgets.tap_row import TapRow
from ui.lobby.still_there import WARNING_SECONDS, StillThere


class VisitorForm(QWidget):
    cancelled = Signal()
    activity = Signal()  # the visitor typed or tapped: the idle timeout starts over

    retention_days = 90  # shown in the built-in privacy notice; the lobby sets the config's

    def __init__(self, prefix: str, parent: QWidget | None = None, *, title_lines: int = 1) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}Page")
        self._notice = ""
        self._labels: dict[QLineEdit, FitLabel] = {}
        self.title = FitLabel(self, weight=QFont.Weight.Bold, max_lines=title_lines)
        self.title.setObjectName(f"{prefix}Title")
        self.name = self.field(f"{prefix}Name")
        self.organisation = self.field(f"{prefix}Organisation")
        self.privacy = QCheckBox(self)
        self.privacy.setObjectName(f"{prefix}PrivacyAccepted")
        self.notice = FitLabel(self, role="muted", max_lines=4, min_ratio=0.6)
        self.notice.setObjectName(f"{prefix}PrivacyNotice")
        self.hint = FitLabel(self, role="muted", max_lines=1, min_ratio=0.6)
        self.hint.setObjectName(f"{prefix}Hint")
        self.submit = TouchButton(parent=self)
        self.submit.setObjectName(f"{prefix}Submit")
        self.submit.setProperty("kind", "primary")
        self.submit.clicked.connect(self._submit_if_complete)
        self.cancel = TouchButton(parent=self)
        self.cancel.setObjectName(f"{prefix}Cancel")
        self.cancel.clicked.connect(self.cancelled)
        self.keyboard = OnScreenKeyboard(self, hideable=True)
        self.keyboard.target = self.name
        self.keyboard.typed.connect(self.activity)  # Shift or a layer changes no text
        self.privacy.toggled.connect(self.update_hint)
        self.privacy.toggled.connect(self.activity)
        # The whole row toggles: the box, "I accept" and the notice (ui/common/widgets/tap_row.py).
        self.privacy_row = TapRow(self.privacy, self.notice, parent=self)
        self.privacy_row.setObjectName(f"{prefix}PrivacyRow")
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self.keyboard_room = KeyboardRoom(self, self._layout, self.keyboard, [self.title])
        # Over the keyboard before an untouched, half-filled form is cleared (WCAG 2.2.1).
        self.still_there = StillThere(self)
        self.activity.connect(self.still_there.stop)
        # The panel stays over the keyboard when the form is laid out again (a language switch,
        # the offline strip, the first show after a warning given while hidden).
        self.keyboard.installEventFilter(self)

    def field(self, name: str) -> QLineEdit:
        """A text field the keyboard types into once it has the focus, with its label
        (``label_for``) for the subclass to lay out above it."""
        field = QLineEdit(self)
        field.setObjectName(name)
        self._labels[field] = field_label(field, self)
        field.setMaxLength(200)
        field.installEventFilter(self)
        field.textChanged.connect(self.update_hint)
        field.textChanged.connect(self.activity)
        return field

    def label_for(self, field: QLineEdit) -> FitLabel:
        return self._labels[field]

    def add_rows(self, *rows: QLayout) -> None:
        """The form's own rows, after the title; then the privacy row, buttons and keyboard."""
        for row in rows:
            self._layout.addLayout(row)
        self._layout.addWidget(self.privacy_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.submit)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.hint, 1)
        self._layout.addLayout(buttons)
        self._layout.addWidget(self.keyboard, 1)
        self._layout.addStretch(0)  # the spare room while the keys are away, not between rows

    def fields(self) -> tuple[QLineEdit, ...]:
        return (self.name, self.organisation)

    def has_input(self) -> bool:
        """Whether clearing the form would lose something the visitor did."""
        return any(field.text() for field in self.fields()) or self.privacy.isChecked()

    def warn_idle(self, seconds: int = WARNING_SECONDS) -> None:
        """Ask "Still there?" over the keyboard; ``still_there.expired`` if nobody answers."""
        self.keyboard_room.ask()  # its place, even after "Done"
        self._layout.activate()
        self.still_there.setGeometry(self.keyboard.geometry())
        self.still_there.start(seconds)

    def clear_form(self, notice: str) -> None:
        """Empty fields and an unticked box (a new visitor); ``notice`` replaces the built-in
        privacy text."""
        self._notice = notice
        for field in self.fields():
            field.clear()
        self.privacy.setChecked(False)
        self.keyboard.target = self.name
        self.keyboard.reset()  # letters, no Shift: a new visitor
        self.keyboard_room.offer()  # keys up if the whole form still fits, else on a tap
        self.still_there.stop()

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        side = max(12, round(width * 0.03))
        self._layout.setContentsMargins(side, round(10 * scale), side, round(8 * scale))
        self._layout.setSpacing(max(4, round(10 * scale)))
        self.title.set_pixel_size(round(44 * scale))
        font = ui_font(max(14, round(28 * scale)))
        for field in self.fields():
            field.setFont(font)
            field.setMinimumHeight(min_target)
            self.label_for(field).set_pixel_size(max(14, round(22 * scale)))
        for button in self.buttons():
            button.set_metrics(max(14, round(24 * scale)), min_target)
        self.privacy.setFont(font)
        self.privacy.setMinimumSize(min_target, min_target)
        self.privacy_row.setMinimumHeight(min_target)
        # The box itself is large (its border, from the style sheet, is part of it).
        box = max(24, round(min_target * 0.7)) - 2 * border_width(scale)
        self.privacy.setStyleSheet(f"QCheckBox::indicator {{ width: {box}px; height: {box}px; }}")
        self.notice.set_pixel_size(round(22 * scale))
        self.hint.set_pixel_size(round(22 * scale))
        self.keyboard.set_metrics(max(14, round(22 * scale)), min_target)
        self.still_there.set_metrics(max(14, round(24 * scale)), min_target)
        self.keyboard_room.arrange()

    def buttons(self) -> tuple[TouchButton, ...]:
        return (self.submit, self.cancel)

    def retranslate_common(self, notice: str) -> None:
        """The words both forms share; ``notice``: the built-in privacy text for this form."""
        self.label_for(self.name).set_text(QCoreApplication.translate("VisitorForm", "Your name"))
        self.label_for(self.organisation).set_text(
            QCoreApplication.translate("VisitorForm", "Organisation (optional)")
        )
        for field in self.fields():
            field.setAccessibleName(self.label_for(field).text())
        self.privacy.setText(QCoreApplication.translate("VisitorForm", "I accept"))
        self.privacy.setAccessibleName(
            QCoreApplication.translate("VisitorForm", "I accept the privacy notice")
        )
        self.notice.set_text(self._notice or notice.format(days=self.retention_days))
        self.submit.setText(QCoreApplication.translate("VisitorForm", "Check in"))
        self.submit.setAccessibleName(self.submit.text())
        self.cancel.setText(QCoreApplication.translate("VisitorForm", "Cancel"))
        self.cancel.setAccessibleName(self.cancel.text())
        self.keyboard.retranslate()
        self.still_there.retranslate()
        self.update_hint()

    def missing(self) -> str:
        """Why "Check in" is disabled, in the visitor's language; "" when the form is complete."""
        if not self.name.text().strip():
            return QCoreApplication.translate("VisitorForm", "Please type your name.")
        if not self.privacy.isChecked():
            return QCoreApplication.translate("VisitorForm", "Please accept the privacy notice.")
        return ""

    def update_hint(self) -> None:
        missing = self.missing()
        self.submit.setEnabled(not missing)
        self.hint.set_text(missing)

    def submit_form(self) -> None:
        """Emit the subclass's ``submitted`` with what was typed (the form is complete)."""
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(watched, QLineEdit):
            self.keyboard.target = watched
            self.keyboard_room.ask()  # a tap on a field brings the keys
        elif kind == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            moved = self.keyboard.target is not watched
            self.keyboard.target = watched
            if moved and self.keyboard_room.compact:
                self.keyboard_room.arrange()  # the line being typed is another one
        elif watched is self.keyboard and kind in (QEvent.Type.Resize, QEvent.Type.Move):
            self.still_there.setGeometry(self.keyboard.geometry())
        return False

    def _submit_if_complete(self) -> None:
        if not self.missing():
            self.submit_form()
