"""The door's QR codes: they scan as the link they show, and drawing them loads no Pillow."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from ui.camera.decode import zxing_decoder
from ui.door.qr import QUIET_ZONE, qr_image

pytest.importorskip("zxingcpp")

URLS = [
    "https://varaa.lab.example/rooms/aurora",
    "https://meet.example/j/8123456789?pwd=Tekoäly-ilta&lang=fi",  # longer, non-ASCII
]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("size", [96, 180])
def test_a_door_qr_code_scans_as_its_link(qapp: object, url: str, size: int) -> None:
    image = qr_image(url, size).convertToFormat(QImage.Format.Format_Grayscale8)
    assert image.width() == image.height() and image.width() >= size * 0.8
    corner = image.pixelColor(QUIET_ZONE, QUIET_ZONE)  # inside the quiet zone: page colour
    assert corner.lightness() > 200
    data = bytes(image.constBits())  # type: ignore[call-overload]
    decode = zxing_decoder()
    assert decode(data, image.width(), image.height(), image.bytesPerLine()) == [url]


def test_drawing_a_door_qr_code_loads_no_pillow() -> None:
    """Pillow and its image libraries are several MiB of a door's memory, for nothing."""
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['x', '-platform', 'offscreen'])\n"
        "from ui.door.qr import qr_image\n"
        "qr_image('https://varaa.lab.example/rooms/aurora', 120)\n"
        "print('PIL' in sys.modules, 'qrcode' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.split() == ["False", "False"], out.stderr
