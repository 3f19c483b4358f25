"""Can Qt show a window here? Judged without Qt, so asking can never abort the asker.

Qt aborts the process (SIGABRT) when its platform plugin cannot load: a system library the
plugin needs is missing (``libxcb-cursor0`` on a fresh Debian desktop), or its display is not
there (no ``DISPLAY``, no Wayland socket, no DRM device). ``kiosk run`` and ``kiosk demo`` ask
``platform_problem`` before they create the QApplication and exit 2 with its words instead;
``kiosk doctor`` prints the same verdicts.

The plugin is a file in PySide6 (``Qt/plugins/platforms/libqxcb.so``); the system's dynamic
loader says which of its libraries are missing (``ldd``, or a ``dlopen`` that fails on the
first). ``Machine`` holds everything looked at, so tests can point it at a fake plugin folder,
a fake ``ldd`` answer, a fake socket folder or a fake ``/dev``.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import socket
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.doctor.packages import apt_line
from kiosk.doctor.verdict import Verdict, blocking, ok, warning

#: A platform plugin's file name(s) in ``plugins/platforms`` (the first one found is used).
PLUGIN_FILES = {
    "xcb": ("libqxcb.so",),
    "wayland": ("libqwayland.so", "libqwayland-generic.so", "libqwayland-egl.so"),
    "eglfs": ("libqeglfs.so",),
    "linuxfb": ("libqlinuxfb.so",),
    "offscreen": ("libqoffscreen.so",),
    "minimal": ("libqminimal.so",),
    "minimalegl": ("libqminimalegl.so",),
    "vnc": ("libqvnc.so",),
    "vkkhrdisplay": ("libqvkkhrdisplay.so",),
}

#: The sonames a plugin needs that the system cannot find.
MissingLibraries = Callable[[Path], list[str]]

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_DLOPEN_MISSING = re.compile(r"^([^:\s]+\.so[^:\s]*): cannot open shared object file")


def ldd_missing(plugin: Path) -> list[str]:
    """Every library ``plugin`` needs that the loader cannot find, by ``ldd``."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return dlopen_missing(plugin)
    try:
        out = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return dlopen_missing(plugin)
    return list(dict.fromkeys(_NOT_FOUND.findall(out)))


def dlopen_missing(plugin: Path) -> list[str]:
    """The first library ``plugin`` misses (what ``dlopen`` names), or none when it loads."""
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        match = _DLOPEN_MISSING.match(str(exc))
        return [match[1]] if match else [str(exc)]
    return []


def quick_missing(plugin: Path) -> list[str]:
    """At start-up: a ``dlopen`` (~5 ms; Qt loads the same libraries next), ``ldd`` only to name
    every missing library once one is."""
    return ldd_missing(plugin) if dlopen_missing(plugin) else []


def pyside_plugin_dir() -> Path | None:
    """PySide6's ``Qt/plugins/platforms``, found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "Qt" / "plugins" / "platforms"
        if candidate.is_dir():
            return candidate
    return None


@dataclass(frozen=True)
class Machine:
    """What the platform check looks at; the defaults are this machine's."""

    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    plugins: Path | None = None  # None: QT_QPA_PLATFORM_PLUGIN_PATH, else PySide6's folder
    missing: MissingLibraries = ldd_missing
    x11_sockets: Path = Path("/tmp/.X11-unix")
    dev: Path = Path("/dev")

    def plugin_dir(self) -> Path | None:
        if self.plugins is not None:
            return self.plugins
        override = self.env.get("QT_QPA_PLATFORM_PLUGIN_PATH")
        return Path(override) if override else pyside_plugin_dir()


def requested_platforms(env: Mapping[str, str]) -> list[tuple[str, str]]:
    """The platforms Qt will try, in order, each with its options (Qt 6's own choice)."""
    wanted = env.get("QT_QPA_PLATFORM", "").strip()
    if not wanted:
        session = env.get("XDG_SESSION_TYPE", "")
        desktops = (env.get("XDG_CURRENT_DESKTOP", "") + env.get("XDG_SESSION_DESKTOP", "")).lower()
        # Qt 6 follows a Wayland session except on GNOME, where it stays with X11 (XWayland).
        wanted = "wayland" if session == "wayland" and "gnome" not in desktops else "xcb"
    out = []
    for entry in wanted.split(";"):
        name, _, options = entry.strip().partition(":")
        if name:
            out.append((name, options))
    return out


def platform_verdicts(machine: Machine | None = None) -> list[Verdict]:
    """The plugin and display verdicts for each platform Qt would try.

    With a fallback list (``wayland;xcb``) Qt takes the first that works: when one works, the
    others' problems are only warnings.
    """
    machine = machine or Machine()
    per_platform = [
        [_plugin_verdict(name, machine), _display_verdict(name, options, machine)]
        for name, options in requested_platforms(machine.env)
    ]
    if len(per_platform) > 1 and any(
        all(v.status != "blocking" for v in pair) for pair in per_platform
    ):
        per_platform = [
            [
                Verdict(v.check, "warning", v.message, v.fix) if v.status == "blocking" else v
                for v in pair
            ]
            for pair in per_platform
        ]
    return [v for pair in per_platform for v in pair]


def platform_problem(machine: Machine | None = None) -> str | None:
    """Why Qt would abort on start here, a line per problem with its fix; None when it starts."""
    machine = machine or Machine(missing=quick_missing)
    verdicts = platform_verdicts(machine)
    problems = [f"{v.message} — {v.fix}" for v in verdicts if v.status == "blocking"]
    return "\n".join(problems) if problems else None


def _plugin_verdict(name: str, machine: Machine) -> Verdict:
    check = f"qt-plugin {name}"
    folder = machine.plugin_dir()
    if folder is None:
        return blocking(
            check, "PySide6's Qt plugins were not found", "reinstall the kiosk: pip install -e ."
        )
    files = [folder / f for f in PLUGIN_FILES.get(name, (f"libq{name}.so",))]
    plugin = next((f for f in files if f.is_file()), None)
    if plugin is None:
        known = sorted(p.name[4:-3] for p in folder.glob("libq*.so"))
        return blocking(
            check,
            f"Qt has no platform plugin named {name!r} in {folder}",
            f"set QT_QPA_PLATFORM to one of: {', '.join(known)}",
        )
    missing = machine.missing(plugin)
    if missing:
        return blocking(
            check,
            f"Qt's {name} platform plugin cannot load: missing {', '.join(missing)}",
            f"install them (Debian/Ubuntu): {apt_line(missing)}",
        )
    return ok(check, f"Qt's {name} platform plugin and the libraries it needs are installed")


def _display_verdict(name: str, options: str, machine: Machine) -> Verdict:
    check = f"display {name}"
    env = machine.env
    if name == "xcb":
        return _x11(check, env.get("DISPLAY", ""), machine.x11_sockets)
    if name == "wayland":
        return _wayland(check, env)
    if name in ("eglfs", "minimalegl", "vkkhrdisplay"):
        return _drm(check, machine.dev)
    if name == "linuxfb":
        fb = re.search(r"fb=([^:]+)", options)
        return _device(check, Path(fb[1]) if fb else machine.dev / "fb0", "framebuffer")
    if name in ("offscreen", "minimal"):
        return warning(
            check,
            f"QT_QPA_PLATFORM={name}: the kiosk draws, but on no screen",
            "unset QT_QPA_PLATFORM to show the kiosk on the display",
        )
    return ok(check, f"the {name} platform needs no local display")


_X_DISPLAY = re.compile(r"^(?P<host>[^:]*):(?P<number>\d+)(\.\d+)?$")


def _x11(check: str, display: str, sockets: Path) -> Verdict:
    fix = (
        "start the kiosk inside the X session (xinit, or a display manager's autologin) with "
        "DISPLAY=:0 set, or use another platform: QT_QPA_PLATFORM=wayland or eglfs"
    )
    if not display:
        return blocking(check, "no X display: DISPLAY is not set", fix)
    match = _X_DISPLAY.match(display)
    if match is None:
        return warning(check, f"DISPLAY={display} has a form this check does not read", fix)
    host, number = match["host"], int(match["number"])
    if host in ("", "unix"):
        path = sockets / f"X{number}"
        reached = _unix_connects(str(path)) or _unix_connects(f"\0{path}")
    else:
        reached = _tcp_connects(host, 6000 + number)
    if not reached:
        return blocking(check, f"no X server answers on DISPLAY={display}", fix)
    return ok(check, f"an X server answers on DISPLAY={display}")


def _wayland(check: str, env: Mapping[str, str]) -> Verdict:
    fix = (
        "start the compositor first (cage, Ubuntu Frame, weston) and the kiosk as its user, "
        "with XDG_RUNTIME_DIR and WAYLAND_DISPLAY set"
    )
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if not name.startswith("/") and not runtime:
        return blocking(check, "no Wayland display: XDG_RUNTIME_DIR is not set", fix)
    path = name if name.startswith("/") else os.path.join(runtime, name)
    if not _unix_connects(path):
        return blocking(check, f"no Wayland compositor answers at {path}", fix)
    return ok(check, f"a Wayland compositor answers at {path}")


def _drm(check: str, dev: Path) -> Verdict:
    cards = sorted((dev / "dri").glob("card*"))
    if not cards:
        return blocking(
            check,
            f"no DRM device ({dev}/dri/card*) for eglfs",
            "enable the GPU's KMS driver (Raspberry Pi: dtoverlay=vc4-kms-v3d in config.txt)",
        )
    return _device(check, cards[0], "DRM device")


def _device(check: str, path: Path, what: str) -> Verdict:
    if not path.exists():
        return blocking(check, f"no {what} at {path}", "check the kernel's display driver")
    if not os.access(path, os.R_OK | os.W_OK):
        return blocking(
            check,
            f"the {what} {path} is not readable and writable by this user",
            "add the kiosk's user to the video and render groups: "
            "sudo usermod -aG video,render USER",
        )
    return ok(check, f"the {what} {path} is there and usable")


def _unix_connects(address: str) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(2.0)
        try:
            s.connect(address)
        except OSError:
            return False
    return True


def _tcp_connects(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=2.0).close()
    except OSError:
        return False
    return True


def exit_message(problem: str) -> str:
    """What ``kiosk run`` and ``kiosk demo`` print before exiting 2 (no Qt abort)."""
    lines = "".join(f"\n  {line}" for line in problem.splitlines())
    return f"kiosk: the screen cannot start (details: kiosk doctor):{lines}"
