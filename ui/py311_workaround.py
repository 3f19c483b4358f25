"""Keep PySide6 6.12 from crashing the kiosk on Python 3.11.

Measured here (PySide6-Essentials 6.12.0, CPython 3.11.7): every call of a Qt method that
returns nothing (``QLabel.setText``, ``QTimer.stop``, ``QWidget.setVisible``...) drops one
reference to ``None`` without taking one. ``None`` starts with a few thousand references, so
after some thousands of such calls CPython aborts with "Fatal Python error: none_dealloc:
deallocating None" - within minutes on a kiosk that ticks a clock. CPython 3.12 made ``None``
immortal (PEP 683), so the same wheels run fine there (200,000 ``setText`` calls checked).

The real fix is to run on Python 3.12 or newer (every target OS that PySide6 6.12 supports ships
one). Until then, ``protect_none_refcount`` gives ``None`` the same treatment 3.12 gives it: a
reference count so large that no realistic number of lost references brings it to zero. Call it
once, first thing, before Qt is used. It does nothing on 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 lost references is ~35 years of a million Qt calls per second.
_BALLAST = 1 << 40


def protect_none_refcount() -> bool:
    """Raise ``None``'s reference count on CPython < 3.12; returns True if it did."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    if refcount.value < _BALLAST:
        refcount.value += _BALLAST
    return True
