"""``kiosk cameras``: can this kiosk scan QR codes with a camera, and which cameras does Qt see?

For IT setting up a lobby tablet, and for the bundle's smoke test (tools/smoke_bundle.py): it
loads the optional ``camera`` extra the way the lobby does (Qt Multimedia, zxing-cpp), says what
is missing, and lists the video inputs. Exit 0 when both load (even with no camera attached:
a build machine has none), 1 when camera scanning is not installed. It opens no window, so it
runs over SSH without a display.
"""

from __future__ import annotations

import argparse
import importlib
from importlib import metadata

# What the lobby's camera scanning imports (ui/camera/scanner.py, ui/camera/decode.py); kiosk.spec
# bundles the same list when the extra is installed.
CAMERA_MODULES = ("PySide6.QtMultimedia", "zxingcpp")


def camera_support() -> dict[str, str | None]:
    """Module -> None when it loads, else why not (the ImportError's message)."""
    missing: dict[str, str | None] = {}
    for name in CAMERA_MODULES:
        try:
            importlib.import_module(name)
        except ImportError as exc:  # not installed, or a system library it needs is missing
            missing[name] = str(exc) or type(exc).__name__
        else:
            missing[name] = None
    return missing


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "version unknown"


def cmd_cameras(_args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication, QLoggingCategory

    # The FFmpeg backend announces itself at INFO, and probes optional system libraries
    # (PipeWire, VA-API) with a warning each: none of that is about cameras.
    QLoggingCategory.setFilterRules(
        "qt.multimedia.ffmpeg.info=false\nqt.multimedia.symbolsresolver.warning=false"
    )
    app = QCoreApplication.instance() or QCoreApplication([])
    support = camera_support()
    for name, problem in support.items():
        print(f"{name}: {'loaded' if problem is None else 'not available: ' + problem}")
    if any(problem is not None for problem in support.values()):
        print("camera scanning: not installed (pip install 'lab-kiosk[camera]')")
        return 1
    from PySide6.QtMultimedia import QCameraDevice, QMediaDevices

    print(f"Qt Multimedia {_version('PySide6-Addons')}, zxing-cpp {_version('zxing-cpp')}")
    cameras = QMediaDevices.videoInputs()
    default = QMediaDevices.defaultVideoInput()
    for device in cameras:
        facing = "front" if device.position() != QCameraDevice.Position.BackFace else "back"
        mark = " (default)" if device.id() == default.id() else ""
        print(f"camera: {device.description()}, {facing}{mark}")
    if not cameras:
        print("camera: none found")
    print("camera scanning: available" if cameras else "camera scanning: installed, no camera")
    del app
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "cameras", help="whether camera QR scanning is installed, and the cameras Qt sees"
    )
    p.set_defaults(func=cmd_cameras)
