"""The tablet's own camera as a QR scanner (optional: the ``camera`` extra).

``open_camera_scanner`` returns a ``CameraScanner`` when Qt Multimedia imports, zxing-cpp is
installed and a camera exists, and ``None`` otherwise; then the lobby looks and works exactly
as without this module. Nothing here imports QtMultimedia at module level, so importing it
never fails.

Frames arrive from ``QVideoSink.videoFrameChanged`` on the GUI thread. Converting a frame to a
``QImage`` costs a copy, so it is done only when the preview or the decoder wants one (at most
``PREVIEW_FPS`` a second); the decoder converts to grayscale and decodes on its own thread
(``ui.camera.decode``). A decoded code becomes a ``ReadEvent(kind="text")`` from reader
``"camera"``, the same event a serial scanner produces, so it takes the same path to the
check-in service.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLoggingCategory, QObject, QSize, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from devices.events import TEXT, ReadEvent
from ui.camera.decode import DecodeWorker, zxing_decoder
from ui.camera.preview import CameraPreview

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QCameraDevice, QVideoFrame

log = logging.getLogger(__name__)

READER = "camera"
PREVIEW_FPS = 15.0
# Enough pixels for a phone-screen QR code at arm's length; more only slows the decoder.
MAX_RESOLUTION = QSize(1280, 720)


class CameraScanner(QObject):
    """A live preview plus a decode worker; ``scanned(ReadEvent)`` once per presented code.

    ``active`` says whether the camera is delivering: the preview is visible only then.
    The Qt Multimedia objects are attached by ``open_camera_scanner``; without them
    (in tests) frames can be fed through ``take_image``.
    """

    scanned = Signal(object)  # ReadEvent
    active_changed = Signal(bool)

    def __init__(
        self,
        worker: DecodeWorker,
        preview: CameraPreview,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.preview = preview
        self._clock = clock
        self._next_preview = float("-inf")
        self._camera: Any = None  # QCamera
        self._session: Any = None  # QMediaCaptureSession
        self._sink: Any = None  # QVideoSink
        self._active = False
        preview.setVisible(False)
        worker.decoded.connect(self._on_decoded)

    @property
    def active(self) -> bool:
        return self._active

    def attach(self, camera: Any, session: Any, sink: Any) -> None:
        self._camera, self._session, self._sink = camera, session, sink
        session.setCamera(camera)
        session.setVideoSink(sink)
        sink.videoFrameChanged.connect(self._on_video_frame)
        camera.activeChanged.connect(self._set_active)
        camera.errorOccurred.connect(self._on_error)

    def start(self) -> None:
        if self._camera is not None:
            self._camera.start()

    def stop(self) -> None:
        """Stop the camera, then the decode thread; safe to call twice."""
        if self._camera is not None:
            self._sink.videoFrameChanged.disconnect(self._on_video_frame)
            self._camera.stop()
            self._session.setCamera(None)
            self._camera = None
        self.worker.stop()
        self._set_active(False)

    def take_image(self, image: QImage) -> None:
        """One camera picture: shown in the preview, offered to the decoder."""
        self.preview.set_frame(image)
        self.worker.offer(image)

    def _on_video_frame(self, frame: QVideoFrame) -> None:
        now = self._clock()
        if now < self._next_preview and not self.worker.wants_frame():
            return  # dropped before the costly conversion
        self._next_preview = now + 1.0 / PREVIEW_FPS
        image = frame.toImage()
        if not image.isNull():
            self.take_image(image)

    def _on_decoded(self, text: str) -> None:
        self.scanned.emit(ReadEvent(TEXT, text, READER, READER, self._clock()))

    def _set_active(self, active: bool) -> None:
        if active == self._active:
            return
        self._active = active
        self.preview.setVisible(active)
        if not active:
            self.preview.clear()
        log.info("camera %s", "delivering frames" if active else "stopped")
        self.active_changed.emit(active)

    def _on_error(self, _error: object, message: str) -> None:
        log.warning("camera error: %s", message)  # the lobby carries on without it
        self._set_active(False)


def open_camera_scanner(
    parent: QObject | None = None,
    *,
    preview_parent: QWidget | None = None,
    attempts_per_second: float = 12.0,
) -> CameraScanner | None:
    """The default camera as a scanner, or ``None`` when there is none to use."""
    try:
        decoder = zxing_decoder()  # first: it is cheaper to find missing than Qt Multimedia
        _quiet_optional_libraries()
        from PySide6.QtMultimedia import (
            QCamera,
            QMediaCaptureSession,
            QMediaDevices,
            QVideoSink,
        )
    except ImportError as exc:  # the camera extra is not installed, or a system library is
        log.info("no camera scanning: %s", exc)
        return None
    device = QMediaDevices.defaultVideoInput()
    if device.isNull():
        log.info("no camera scanning: no camera found")
        return None
    worker = DecodeWorker(attempts_per_second=attempts_per_second, decoder=decoder)
    preview = CameraPreview(preview_parent, mirrored=_front_facing(device))
    scanner = CameraScanner(worker, preview, parent=parent)
    worker.setParent(scanner)
    camera = QCamera(device, scanner)
    best = _modest_format(device)
    if best is not None:
        camera.setCameraFormat(best)
    scanner.attach(camera, QMediaCaptureSession(scanner), QVideoSink(scanner))
    log.info("camera scanning with %s", device.description())
    return scanner


def _quiet_optional_libraries() -> None:
    """Qt Multimedia warns about each optional system library it probes and does not find
    (PipeWire, VA-API hardware decoding); a camera scanner needs none of them, and a warning
    at every start would hide real ones in the kiosk's log."""
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")


def _front_facing(device: QCameraDevice) -> bool:
    from PySide6.QtMultimedia import QCameraDevice

    return device.position() != QCameraDevice.Position.BackFace


def _modest_format(device: QCameraDevice) -> Any:
    """The largest format within ``MAX_RESOLUTION`` (fastest frame rate on a tie)."""
    fitting = [
        f
        for f in device.videoFormats()
        if f.resolution().width() <= MAX_RESOLUTION.width()
        and f.resolution().height() <= MAX_RESOLUTION.height()
    ]
    if not fitting:
        return None
    return max(
        fitting,
        key=lambda f: (f.resolution().width() * f.resolution().height(), f.maxFrameRate()),
    )
