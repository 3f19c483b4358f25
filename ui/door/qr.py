"""A link as a QR code: the room's booking page (book further ahead than "now" from a phone),
or an event's join-online link on an event door.

``segno`` computes the modules (pure Python: ``qrcode`` would load Pillow and its image
libraries into the door for nothing, several MiB of a door's memory); we paint them into a
``QImage`` ourselves (one black rectangle per dark module, a quiet zone of four), so the code
is sharp at any size and the image is built once per URL and size, not on every minute tick.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.common import theme

QUIET_ZONE = 4


@lru_cache(maxsize=4)
def qr_image(url: str, size: int) -> QImage:
    """A square black-on-white QR code of ``url``, ``size`` pixels wide (quiet zone included)."""
    import segno  # here, not at the top: the first frame can do without it

    # At least level M; segno raises it where the same size of code allows (easier to scan).
    matrix = segno.make(url, error="m", micro=False).matrix
    modules = len(matrix) + 2 * QUIET_ZONE
    box = max(2, round(size / modules))  # whole pixels per module keep the code sharp
    side = box * modules
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.PAGE))
    painter = QPainter(image)
    dark = QColor("#000000")
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            if on:
                painter.fillRect((x + QUIET_ZONE) * box, (y + QUIET_ZONE) * box, box, box, dark)
    painter.end()
    return image


class QrLabel(QLabel):
    """Shows ``url`` as a QR code; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DoorQr")
        self._url: str | None = None
        self._description: str | None = None  # the accessible name; default: the booking page
        self._size = 120
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.hide()

    @property
    def url(self) -> str | None:
        return self._url

    def set_url(self, url: str | None, description: str | None = None) -> None:
        """Show ``url``; ``description`` names it for screen readers (default: booking page)."""
        if url == self._url and description == self._description:
            return
        self._url = url
        self._description = description
        self._render()

    def set_side(self, size: int) -> None:
        if size != self._size:
            self._size = size
            self._render()

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size)

    def _render(self) -> None:
        if not self._url:
            self.clear()
            self.hide()
            return
        image = qr_image(self._url, self._size)
        self.setPixmap(QPixmap.fromImage(image))
        self.setFixedSize(image.width(), image.height())
        self.setAccessibleName(
            self._description
            or QCoreApplication.translate("DoorScreen", "QR code to this room's booking page")
        )
        self.show()
