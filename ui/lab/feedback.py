"""Feedback at the lobby: four faces, an optional short comment, anonymous unless signed.

The faces differ in shape (the mouth) and carry a word under them, so the choice never rests on
colour alone; each is a real button with an accessible name. A chosen face is sent with Send,
or by itself after :data:`SEND_AFTER_SECONDS` without a touch: one tap is enough to answer.
"Sign with my name" is offered only when the person tapped their badge just before (a member
checking out); from the home screen the answer is always anonymous.

The page only collects; the controller (``ui.lab.controller``) stores it on the DB worker.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHideEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.fonts import ui_font
from ui.common.keyboard import OnScreenKeyboard
from ui.common.widgets import FitLabel, IconCircle, TouchButton

SEND_AFTER_SECONDS = 30
MAX_COMMENT = 300  # what fits a kiosk keyboard session; the store allows 500

# score -> (fill, mouth curvature: negative frowns)
_FACES = {
    1: ("#F6C9CF", -1.0),
    2: ("#FBE3B5", -0.45),
    3: ("#CFE9D9", 0.45),
    4: ("#A9DDBE", 1.0),
}


def face_word(score: int) -> str:
    words = {
        1: QCoreApplication.translate("Feedback", "Very unhappy"),
        2: QCoreApplication.translate("Feedback", "Unhappy"),
        3: QCoreApplication.translate("Feedback", "Happy"),
        4: QCoreApplication.translate("Feedback", "Very happy"),
    }
    return words[score]


def paint_face(painter: QPainter, rect: QRectF, score: int) -> None:
    """A round face whose mouth says the score: a frown for 1-2, a smile for 3-4."""
    fill, curve = _FACES[score]
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(theme.TEXT), max(2.0, side * 0.04)))
    painter.setBrush(QColor(fill))
    painter.drawEllipse(box.adjusted(side * 0.03, side * 0.03, -side * 0.03, -side * 0.03))
    painter.setBrush(QColor(theme.TEXT))
    eye = side * 0.07
    for x in (0.36, 0.64):
        painter.drawEllipse(QPointF(box.left() + side * x, box.top() + side * 0.4), eye, eye)
    mouth = QPainterPath()
    y = box.top() + side * (0.66 if curve > 0 else 0.72)
    left, right = box.left() + side * 0.3, box.left() + side * 0.7
    mouth.moveTo(left, y)
    mouth.quadTo(box.center().x(), y + side * 0.22 * curve, right, y)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(QColor(theme.TEXT), max(2.0, side * 0.06))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawPath(mouth)


class FaceButton(QAbstractButton):
    """One face with its word under it; checked shows a thick ring and a bold word."""

    def __init__(self, score: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = score
        self.setCheckable(True)
        self.setObjectName(f"Face_{score}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._diameter = 120
        self._pixel_size = 22
        # Always the full face and its word: a squeezed face is a smaller target.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_metrics(self, diameter: int, pixel_size: int) -> None:
        self._diameter, self._pixel_size = diameter, pixel_size
        self.setFont(ui_font(pixel_size, QFont.Weight.Bold))  # the widest the word is drawn
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        words = self.fontMetrics().horizontalAdvance(self.text()) + 8
        width = max(round(self._diameter * 1.5), words)
        return QSize(width, self._diameter + round(self._pixel_size * 2.5))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._diameter, self._diameter + self._pixel_size * 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        d = min(self._diameter, self.height() - round(self._pixel_size * 2.6), self.width())
        face = QRectF((self.width() - d) / 2, 4, d - 8, d - 8)
        if self.isChecked():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(theme.BRAND), max(4.0, d * 0.06)))
            painter.setBrush(QColor(theme.TINT))
            painter.drawEllipse(face.adjusted(-2, -2, 2, 2))
        paint_face(painter, face.adjusted(d * 0.06, d * 0.06, -d * 0.06, -d * 0.06), self.score)
        if self.hasFocus():
            painter.setPen(QPen(QColor(theme.FOCUS), 3, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(2, 2, -2, -2), 8, 8)
        weight = QFont.Weight.Bold if self.isChecked() else QFont.Weight.Normal
        painter.setFont(ui_font(self._pixel_size, weight))
        painter.setPen(QColor(theme.BRAND if self.isChecked() else theme.TEXT))
        words = QRectF(0, d, self.width(), self.height() - d)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(words, int(flags), self.text())
        painter.end()


class FaceRow(QWidget):
    """The four faces side by side, unhappiest first; ``chosen(score)`` on a tap."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.faces = [FaceButton(score, self) for score in (1, 2, 3, 4)]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for face in self.faces:  # equal shares of the row: _fit sizes the words for them
            face.clicked.connect(lambda _=False, s=face.score: self._choose(s))
            layout.addWidget(face, 1)
        self._layout = layout
        self._metrics = (120, 22, 12, 0)
        self.retranslate()

    @property
    def score(self) -> int | None:
        return next((f.score for f in self.faces if f.isChecked()), None)

    def clear(self) -> None:
        for face in self.faces:
            face.setChecked(False)

    def select(self, score: int | None) -> None:
        for face in self.faces:
            face.setChecked(face.score == score)

    def set_metrics(self, diameter: int, pixel_size: int, spacing: int, room: int = 0) -> None:
        """Sizes at this scale; ``room``: the row's width, so each word fits on one line."""
        self._layout.setSpacing(spacing)
        self._metrics = (diameter, pixel_size, spacing, room)
        self._fit()

    def retranslate(self) -> None:
        for face in self.faces:
            face.setText(face_word(face.score))
            face.setAccessibleName(face.text())
        self._fit()

    def _fit(self) -> None:
        diameter, pixel_size, spacing, room = self._metrics
        each = (room - 3 * spacing) // 4 - 8
        size = pixel_size
        while room > 0 and size > 10:
            metrics = QFontMetrics(ui_font(size, QFont.Weight.Bold))
            if max(metrics.horizontalAdvance(f.text()) for f in self.faces) <= each:
                break
            size -= 1
        for face in self.faces:
            face.set_metrics(diameter, size)

    def _choose(self, score: int) -> None:
        self.select(score)
        self.chosen.emit(score)


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
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.target = self.comment
        self.keyboard.setVisible(False)
        for key in (*self.keyboard.keys.values(), self.keyboard.space, self.keyboard.backspace):
            key.clicked.connect(self._touched)

        form = QWidget(self)
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.faces, 2)
        column.addWidget(self.comment)
        row = QHBoxLayout()
        row.addWidget(self.sign)
        row.addWidget(self.hint, 1)
        row.addWidget(self.send)
        row.addWidget(self.cancel)
        column.addLayout(row)
        column.addWidget(self.keyboard, 3)
        self._column = column

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
        self.sign.setFont(font)
        box = max(24, round(min_target * 0.7))
        self.sign.setStyleSheet(f"QCheckBox::indicator {{ width: {box}px; height: {box}px; }}")
        self.sign.setMinimumHeight(min_target)
        self.hint.set_pixel_size(round(22 * scale))
        for button in (self.send, self.cancel, self.thanks_back):
            button.set_metrics(max(14, round(26 * scale)), min_target)
            button.setMinimumHeight(max(min_target, round(64 * scale)))
        self.keyboard.set_metrics(max(14, round(22 * scale)), min_target)
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
        self.comment.setPlaceholderText(
            QCoreApplication.translate("Feedback", "Add a comment (optional)")
        )
        self.comment.setAccessibleName(self.comment.placeholderText())
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
        if watched is self.comment and event.type() == QEvent.Type.FocusIn:
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
        if not chosen:
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
