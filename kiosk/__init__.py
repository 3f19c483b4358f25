"""Lab Kiosk core: configuration, data model, stores, services, sync and the admin CLI.

Nothing in this package imports Qt; the GUI lives in ``ui`` and the serial drivers in ``devices``.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lab-kiosk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
