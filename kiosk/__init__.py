"""Lab Kiosk core: configuration, data model, stores, services, sync and the admin CLI.

Nothing in this package imports Qt; the GUI lives in ``ui`` and the serial drivers in ``devices``.
"""

from __future__ import annotations

from functools import cache


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lab-kiosk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    # ``kiosk.__version__`` is read on demand: importlib.metadata costs ~20 ms, and every
    # kiosk imports this package before its first frame.
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'kiosk' has no attribute {name!r}")
