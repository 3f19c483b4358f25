"""Feedback at the lobby: four faces, an optional short comment, anonymous unless signed.

The faces (``ui.lab.faces``) are real buttons with words, never colour alone. A chosen face is
sent with Send, or by itself after :data:`SEND_AFTER_SECONDS` without a touch: one tap is
enough to answer.
"Sign with my name" is offered only when the person tapped their badge just before (a member
checking out); from the home screen the answer is always anonymous.

The page only collects; the controller (``ui.lab.controller``) stores it on the DB worker.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.fonts import ui_font
from ui.common.keyboard import OnScreenKeyboard
from ui.common.keyboard_room import KeyboardRoom
from ui.common.style import border_width
from ui.common.widgets import FitLabel, IconCircle, TouchButton
from ui.common.widgets.field_label import field_label
from ui.lab.faces import FaceRow

SEND_AFTER_SECONDS = 30
MAX_COMMENT = 300  # what fits a kiosk keyboard session; the store allows 500


@dataclass(frozen=True)
class FeedbackAsk:
    """What the page is asking about, and who may sign (None: anonymous only)."""

    context: str = "home"  # home | checkout | event
    event_id: uuid.UUID | None = None
    event_title: str | None = None
    person_id: uuid.UUID | None = None
    person_name: str | None = None


class FeedbackPage(QWidget):
    """Faces, an optional comment with the on-screen keyboard, "sign", Send; then thanks."""

    submitted = Signal(object, int, str, bool)  # FeedbackAsk, score, comment, signed
    cancelled = Signal()
    activity = Signal()  # a touch: the lobby's idle timeout starts over

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeedbackPage")
        self.ask = FeedbackAsk()
        self.title = FitLabel(self, weight=QFont.Weight.Bold, max_lines=2, min_ratio=0.6)
        self.title.setObjectName("FeedbackTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        self.faces = FaceRow(self)
        self.faces.chosen.connect(self._chosen)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("FeedbackComment")
        self.comment.setMaxLength(MAX_COMMENT)
        self.comment.textChanged.connect(self._touched)
        self.comment.installEventFilter(self)
        # A visible label, not a placeholder that vanishes once typed (ui/lobby/visitor_form.py).
        self.comment_label = field_label(self.comment, self)
        self.sign = QCheckBox(self)
        self.sign.setObjectName("FeedbackSign")
        self.sign.toggled.connect(self._touched)
        self.hint = FitLabel(self, role="muted", max_lines=2, min_ratio=0.6)
        self.hint.setObjectName("FeedbackHint")
        self.send = TouchButton(parent=self)
        self.send.setObjectName("FeedbackSend")
        self.send.setProperty("kind", "primary")
        self.send.clicked.connect(self.submit)
        self.cancel = TouchButton(parent=self)
        self.cancel.setObjectName("FeedbackCancel")
        self.cancel.clicked.connect(self.cancelled)
        self.keyboard = OnScreenKeyboard(self, hideable=True)
        self.keyboard.target = self.comment
        self.keyboard.setVisible(False)
        self.keyboard.typed.connect(self._touched)

        form = QWidget(self)
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.faces, 2)
        column.addWidget(self.comment_label)
        column.addSpacing(-max(0, column.spacing() - 2))
        column.addWidget(self.comment)
        row = QHBoxLayout()
        row.addWidget(self.sign)
        row.addWidget(self.hint, 1)
        row.addWidget(self.send)
        row.addWidget(self.cancel)
        column.addLayout(row)
        column.addWidget(self.keyboard, 3)
        self._column = column
        # While typing on a short screen, the comment line and the keys (ui/common/keyboard_room).
        self.keyboard_room = KeyboardRoom(form, column, self.keyboard, [self.title, self.faces])
        self.keyboard_room.arranged.connect(self._update)  # the hint names only what is shown

        thanks = QWidget(self)
        thanks_layout = QVBoxLayout(thanks)
        self.thanks_icon = IconCircle(thanks)
        self.thanks_icon.set_icon("check", theme.ColorPair(theme.SUCCESS, theme.SUCCESS_TINT))
        self.thanks_text = FitLabel(thanks, weight=QFont.Weight.Bold, max_lines=2)
        self.thanks_text.setObjectName("FeedbackThanks")
        self.thanks_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_back = TouchButton(parent=thanks)
        self.thanks_back.setObjectName("FeedbackThanksBack")
        self.thanks_back.setProperty("kind", "primary")
        self.thanks_back.clicked.connect(self.cancelled)
        thanks_layout.addStretch(1)
        thanks_layout.addWidget(self.thanks_icon, 0, Qt.AlignmentFlag.AlignHCenter)
        thanks_layout.addWidget(self.thanks_text)
        thanks_layout.addWidget(self.thanks_back, 0, Qt.AlignmentFlag.AlignHCenter)
        thanks_layout.addStretch(1)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(form)
        self._stack.addWidget(thanks)
        self._form, self._thanks = form, thanks
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self._stack)

        # One tap answers: a chosen face is sent by itself when nobody touches the page.
        self._send_timer = QTimer(self)
        self._send_timer.setObjectName("FeedbackSendTimer")
        self._send_timer.setSingleShot(True)
        self._send_timer.setInterval(SEND_AFTER_SECONDS * 1000)
        self._send_timer.timeout.connect(self.submit)
        self.retranslate()

    # --- public API ------------------------------------------------------------------------
    def start(self, ask: FeedbackAsk, score: int | None = None) -> None:
        """A fresh form for ``ask`` (a face already chosen when tapped on the goodbye page)."""
        self.ask = ask
        self.comment.clear()
        self.sign.setChecked(False)
        self.keyboard.reset()
        self.keyboard.setVisible(False)
        self._stack.setCurrentWidget(self._form)
        self.faces.select(score)
        self.retranslate()
        if score is not None:
            self._send_timer.start()

    @property
    def showing_thanks(self) -> bool:
        return self._stack.currentWidget() is self._thanks

    def show_thanks(self) -> None:
        self._send_timer.stop()
        self._stack.setCurrentWidget(self._thanks)

    def submit(self) -> None:
        score = self.faces.score
        if score is None or self.showing_thanks:
            return
        self._send_timer.stop()
        signed = self.sign.isChecked() and self.ask.person_id is not None
        self.submitted.emit(self.ask, score, self.comment.text(), signed)

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        side = max(12, round(width * 0.04))
        self._layout.setContentsMargins(side, round(12 * scale), side, round(10 * scale))
        self._column.setSpacing(max(4, round(12 * scale)))
        self.title.set_pixel_size(round(50 * scale))
        self.faces.set_metrics(
            round(150 * scale), max(14, round(24 * scale)), round(24 * scale), width - 2 * side
        )
        font = ui_font(max(14, round(26 * scale)))
        self.comment.setFont(font)
        self.comment.setMinimumHeight(min_target)
        self.comment_label.set_pixel_size(max(14, round(22 * scale)))
        self.sign.setFont(font)
        # The box itself is large (its border, from the style sheet, is part of it).
        box = max(24, round(min_target * 0.7)) - 2 * border_width(scale)
        self.sign.setStyleSheet(f"QCheckBox::indicator {{ width: {box}px; height: {box}px; }}")
        self.sign.setMinimumHeight(min_target)
        self.hint.set_pixel_size(round(22 * scale))
        for button in (self.send, self.cancel, self.thanks_back):
            button.set_metrics(max(14, round(26 * scale)), min_target)
            button.setMinimumHeight(max(min_target, round(64 * scale)))
        self.keyboard.set_metrics(max(14, round(22 * scale)), min_target)
        self.keyboard_room.arrange()
        self.thanks_icon.set_diameter(round(170 * scale))
        self.thanks_text.set_pixel_size(round(60 * scale))

    def retranslate(self) -> None:
        if self.ask.context == "event":
            title = QCoreApplication.translate("Feedback", "How was the event?")
            if self.ask.event_title:
                title = QCoreApplication.translate("Feedback", "How was {event}?").format(
                    event=self.ask.event_title
                )
        elif self.ask.context == "checkout":
            title = QCoreApplication.translate("Feedback", "How was your visit today?")
        else:
            title = QCoreApplication.translate("Feedback", "How is the Lab working for you?")
        self.title.set_text(title)
        self.setAccessibleName(title)
        self.faces.retranslate()
        self.comment_label.set_text(
            QCoreApplication.translate("Feedback", "Add a comment (optional)")
        )
        self.comment.setAccessibleName(self.comment_label.text())
        name = self.ask.person_name or ""
        self.sign.setText(
            QCoreApplication.translate("Feedback", "Sign with my name ({name})").format(name=name)
        )
        self.sign.setAccessibleName(self.sign.text())
        self.sign.setVisible(self.ask.person_id is not None)
        self.send.setText(QCoreApplication.translate("Feedback", "Send"))
        self.send.setAccessibleName(self.send.text())
        self.cancel.setText(QCoreApplication.translate("Feedback", "Cancel"))
        self.cancel.setAccessibleName(self.cancel.text())
        self.thanks_text.set_text(
            QCoreApplication.translate("Feedback", "Thank you for your feedback!")
        )
        self.thanks_back.setText(QCoreApplication.translate("LobbyScreen", "Back to start"))
        self.thanks_back.setAccessibleName(self.thanks_back.text())
        self.keyboard.retranslate()
        self._update()

    # --- internals -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        touched = (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress)
        if watched is self.comment and event.type() in touched:
            self.keyboard.setVisible(True)  # typing needs keys; until then, room for faces
        return False

    def hideEvent(self, event: QHideEvent) -> None:
        self._send_timer.stop()  # leaving without Send (a badge tap, Cancel) sends nothing
        super().hideEvent(event)

    def _chosen(self, _score: int) -> None:
        self._touched()

    def _touched(self) -> None:
        if self.faces.score is not None and not self.showing_thanks:
            self._send_timer.start()
        self.activity.emit()
        self._update()

    def _update(self) -> None:
        chosen = self.faces.score is not None
        self.send.setEnabled(chosen)
        if not chosen and not self.faces.isVisibleTo(self._form):  # the keys took their room
            self.hint.set_text(
                QCoreApplication.translate(
                    "Feedback", "Tap {done} to choose a face. Your answer is anonymous."
                ).format(done=self.keyboard.hide_key.text())
            )
        elif not chosen:
            self.hint.set_text(
                QCoreApplication.translate("Feedback", "Tap a face. Your answer is anonymous.")
            )
        elif self.sign.isChecked() and self.ask.person_id is not None:
            self.hint.set_text(
                QCoreApplication.translate(
                    "Feedback", "Your name will be shown to the Lab's hosts."
                )
            )
        else:
            self.hint.set_text(
                QCoreApplication.translate(
                    "Feedback", "Sent by itself in {seconds} s, or tap Send."
                ).format(seconds=SEND_AFTER_SECONDS)
            )
