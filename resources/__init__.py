"""Files that ship with the kiosk: icons, translations, style sheets.

``resource_path`` is the one way code finds them, so the same call works from a source checkout,
an installed wheel and a PyInstaller bundle (where data files are unpacked under
``sys._MEIPASS/resources``). Qt-free on purpose: the admin CLI may need it without a display.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

__all__ = ["resource_path", "resources_root"]


def resources_root() -> Path:
    """The directory that holds this package's data files.

    A PyInstaller one-file build unpacks data to ``sys._MEIPASS``; the spec file is expected to
    collect them under ``resources/`` there. If that folder is missing we fall back to the
    package directory, which is also right for one-folder builds and ordinary installs.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidate = Path(bundle) / "resources"
        if candidate.is_dir():
            return candidate
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Path of a file inside ``resources``, e.g. ``resource_path("icons", "check.svg")``.

    Parts may also be slash-separated (``"icons/check.svg"``). Absolute parts and ``..`` are
    refused so a name that came from configuration can never point outside the package.
    The file is not required to exist: callers decide whether a missing file is an error.
    """
    pieces: list[str] = []
    for part in parts:
        pure = PurePosixPath(part.replace("\\", "/"))
        if pure.is_absolute() or ".." in pure.parts:
            raise ValueError(f"resource path must stay inside resources/: {part!r}")
        pieces.extend(p for p in pure.parts if p not in ("", "."))
    return resources_root().joinpath(*pieces)
