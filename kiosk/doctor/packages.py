"""Which Debian/Ubuntu package ships a shared library Qt's platform plugins load.

Debian names a library's package after its soname (``libxcb-cursor.so.0`` -> ``libxcb-cursor0``,
``libdbus-1.so.3`` -> ``libdbus-1-3``); the table holds the exceptions and the common ones.
The names are Debian 12's; Ubuntu 24.04 renamed some (``libglib2.0-0t64``), and apt picks the
new name when given the old one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: What ``ldd`` on PySide6's ``libqxcb.so`` lists from the system on Debian 12, with its package.
XCB_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

#: The Debian 12 packages of every system library that Qt's xcb plugin, its XcbQpa library and
#: QtGui/QtWidgets/QtDBus load directly (``objdump -p``/``ldd`` on PySide6 6.x), less what
#: every Debian has (libc6, libstdc++6, zlib1g, ...). The README's apt line is this list.
XCB_APT_PACKAGES = (
    *("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-randr0"),
    *("libxcb-render-util0", "libxcb-render0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1"),
    *("libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1", "libxcb1", "libxkbcommon-x11-0"),
    *("libxkbcommon0", "libx11-xcb1", "libx11-6", "libegl1", "libgl1", "libfontconfig1"),
    *("libfreetype6", "libglib2.0-0", "libdbus-1-3"),
)

_EXCEPTIONS = {
    **XCB_PACKAGES,
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libgbm.so.1": "libgbm1",
    "libdrm.so.2": "libdrm2",
    "libinput.so.10": "libinput10",
    "libmtdev.so.1": "libmtdev1",
    "libudev.so.1": "libudev1",
    "libpng16.so.16": "libpng16-16",
}

_SONAME = re.compile(r"^(?P<base>lib.+?)\.so\.(?P<major>\d+)")


def package_for(soname: str) -> str:
    """The package to install for ``soname``, by the table or Debian's naming rule."""
    if soname in _EXCEPTIONS:
        return _EXCEPTIONS[soname]
    match = _SONAME.match(soname)
    if match is None:
        return soname
    base = match["base"].lower()
    return f"{base}{'-' if base[-1].isdigit() else ''}{match['major']}"


def apt_line(sonames: Iterable[str]) -> str:
    """One ``sudo apt install`` line for these libraries (each package once, in order)."""
    packages = dict.fromkeys(package_for(s) for s in sonames)
    return "sudo apt install " + " ".join(packages)
