"""The feedback faces: four round faces whose mouths say the score, each a real button.

The faces differ in shape (the mouth) and carry a word under them, so the choice never rests on
colour alone; each has an accessible name. ``FaceRow`` sizes the words so each fits one line.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QSizePolicy, QWidget

from ui.common import theme
from ui.common.fonts import ui_font

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


# A FaceButton of diameter d: a ring (a checked face's) in d - 2 * _RING_MARGIN, the face inset
# by _INSET * d inside it, and the circle drawn _EDGE * side inside the face's square.
_RING_MARGIN, _INSET, _EDGE = 4, 0.06, 0.03
_LINE = 1.25  # a line of the word(s) under a face, in their pixel size (and a quarter below)


def face_circle(rect: QRectF) -> QRectF:
    """The circle ``paint_face`` draws in ``rect``."""
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    return box.adjusted(side * _EDGE, side * _EDGE, -side * _EDGE, -side * _EDGE)


def paint_face(painter: QPainter, rect: QRectF, score: int) -> None:
    """A round face whose mouth says the score: a frown for 1-2, a smile for 3-4."""
    fill, curve = _FACES[score]
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(theme.TEXT), max(2.0, side * 0.04)))
    painter.setBrush(QColor(fill))
    painter.drawEllipse(face_circle(rect))
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
        self._lines = 1
        # Always the full face and its word: a squeezed face is a smaller target.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_metrics(self, diameter: int, pixel_size: int, lines: int = 1) -> None:
        """``lines``: the room under the face, the same in a row whose words differ."""
        self._diameter, self._pixel_size, self._lines = diameter, pixel_size, lines
        self.setFont(ui_font(pixel_size, QFont.Weight.Bold))  # the widest the word is drawn
        self.updateGeometry()
        self.update()

    @staticmethod
    def diameter_for(face: int) -> int:
        """The diameter to give ``set_metrics`` for a drawn face (its circle) ``face`` px wide."""
        side = face / (1 - 2 * _EDGE)
        return math.ceil((side + 2 * _RING_MARGIN) / (1 - 2 * _INSET))

    def face_circle(self) -> QRectF:
        """Where the face's circle is drawn in this button."""
        return face_circle(self._face_rect(self._drawn_diameter()))

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        words = max(metrics.horizontalAdvance(line) for line in self.text().split("\n")) + 8
        width = max(round(self._diameter * 1.5), words)
        return QSize(width, self._diameter + self._words_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._diameter, self._diameter + self._words_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        d = self._drawn_diameter()
        ring = self._ring_rect(d)
        if self.isChecked():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(theme.BRAND), max(4.0, d * 0.06)))
            painter.setBrush(QColor(theme.TINT))
            painter.drawEllipse(ring.adjusted(-2, -2, 2, 2))
        paint_face(painter, self._face_rect(d), self.score)
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

    def _words_height(self) -> int:
        """Room for the words under the face: one line, or two ("Erittäin / tyytymätön")."""
        lines = max(self._lines, self.text().count("\n") + 1)
        return round(self._pixel_size * (_LINE * lines + 0.25))

    def _drawn_diameter(self) -> int:
        """The diameter, less when the button is squeezed (never more than it has)."""
        return min(self._diameter, self.height() - self._words_height(), self.width())

    def _ring_rect(self, d: int) -> QRectF:
        return QRectF(
            (self.width() - d) / 2 + _RING_MARGIN,
            _RING_MARGIN,
            d - 2 * _RING_MARGIN,
            d - 2 * _RING_MARGIN,
        )

    def _face_rect(self, d: int) -> QRectF:
        inset = d * _INSET
        return self._ring_rect(d).adjusted(inset, inset, -inset, -inset)


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
            face.setAccessibleName(face_word(face.score))
        self._fit()

    def _fit(self) -> None:
        """The words on one line at the full size if they fit, else on two ("Erittäin /
        tyytymätön"); only then smaller, so long words stay readable on a small screen."""
        diameter, pixel_size, spacing, room = self._metrics
        each = (room - 3 * spacing) // 4 - 8
        bold = QFontMetrics(ui_font(pixel_size, QFont.Weight.Bold))
        words = [face_word(face.score) for face in self.faces]
        fits = room <= 0 or max(bold.horizontalAdvance(word) for word in words) <= each
        for face, word in zip(self.faces, words, strict=True):  # all on one line, or all broken
            face.setText(word if fits else _two_lines(word))
        size = pixel_size
        while room > 0 and size > 10:
            metrics = QFontMetrics(ui_font(size, QFont.Weight.Bold))
            widest = max(
                metrics.horizontalAdvance(line) for f in self.faces for line in f.text().split("\n")
            )
            if widest <= each:
                break
            size -= 1
        lines = max(face.text().count("\n") + 1 for face in self.faces)
        for face in self.faces:  # one height for all: the faces stay on one line
            face.set_metrics(diameter, size, lines)

    def _choose(self, score: int) -> None:
        self.select(score)
        self.chosen.emit(score)


def _two_lines(word: str) -> str:
    """``word`` broken at the space nearest its middle (unchanged when it has none)."""
    spaces = [i for i, c in enumerate(word) if c == " "]
    if not spaces:
        return word
    middle = min(spaces, key=lambda i: abs(i - len(word) / 2))
    return word[:middle] + "\n" + word[middle + 1 :]
