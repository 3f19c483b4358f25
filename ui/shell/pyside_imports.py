"""PySide6 reads the source of every module imported after it; the kiosk spares it that.

Since 6.4 (PYSIDE-2029) PySide6 hooks ``__import__``: for each newly imported module it decides
whether that module may ask for PySide's optional ``from __feature__ import snake_case,
true_property`` by reading the module's whole source (``inspect.getsource``) and looking for
"PySide6". The sources stay in ``linecache``. In a kiosk started from a virtualenv that is
every module imported after Qt (~575 files, SQLAlchemy's among them): +23 MiB of a door's
~120 MiB PSS, and file reads on the way to the first frame. (A PyInstaller bundle carries no
sources, so it pays little.)

The kiosk never uses ``__feature__``, so ``skip_source_scan`` answers PySide6's question from
what the module holds instead (anything of PySide6's or shiboken6's), reading no file. The hook
is PySide6's private ``__feature__._mod_uses_pyside``; if a release moves it, nothing is
patched and the kiosk runs as before (``tests/ui/shell/test_pyside_imports.py`` says so loudly).
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)

_QT_PACKAGES = ("PySide6", "shiboken6")


def skip_source_scan() -> bool:
    """Replace PySide6's source scan; True when it was found and replaced."""
    import PySide6.QtCore  # noqa: F401 - loads the __feature__ module with the import hook

    feature = sys.modules.get("__feature__")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.debug("PySide6's module scan was not found; left as it is")
        return False
    feature._mod_uses_pyside = holds_pyside  # type: ignore[attr-defined]
    return True


def holds_pyside(module: ModuleType) -> bool:
    """Whether ``module`` holds anything from PySide6 (PySide's own test reads the source)."""
    for value in list(vars(module).values()):
        if isinstance(value, ModuleType):
            owner = value.__name__
        elif isinstance(value, type):
            owner = value.__module__
        else:
            owner = type(value).__module__
        if owner.startswith(_QT_PACKAGES):
            return True
    return False
