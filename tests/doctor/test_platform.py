"""The Qt platform check, pointed at fake plugin folders, ``ldd`` answers, sockets and /dev."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.doctor.packages import XCB_APT_PACKAGES, XCB_PACKAGES, apt_line, package_for
from kiosk.doctor.platform import (
    Machine,
    exit_message,
    ldd_missing,
    platform_problem,
    platform_verdicts,
    pyside_plugin_dir,
    requested_platforms,
)

LDD_TWO_MISSING = ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    folder = tmp_path / "platforms"
    folder.mkdir()
    for name in ("libqxcb.so", "libqwayland.so", "libqeglfs.so", "libqoffscreen.so"):
        (folder / name).write_bytes(b"")
    return folder


@pytest.fixture
def x11(tmp_path: Path) -> Iterator[Path]:
    """A folder with a listening socket as X display :5."""
    folder = tmp_path / "x11"
    folder.mkdir()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(folder / "X5"))
        server.listen(4)
        yield folder


def _machine(plugins: Path, env: dict[str, str], **kw: object) -> Machine:
    return Machine(env=env, plugins=plugins, **kw)  # type: ignore[arg-type]


def _by_check(machine: Machine) -> dict[str, tuple[str, str, str]]:
    return {v.check: (v.status, v.message, v.fix) for v in platform_verdicts(machine)}


def test_missing_xcb_libraries_are_named_with_their_packages_and_one_apt_line(
    plugins: Path, x11: Path
) -> None:
    machine = _machine(
        plugins,
        {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":5"},
        missing=lambda _plugin: LDD_TWO_MISSING,
        x11_sockets=x11,
    )
    status, message, fix = _by_check(machine)["qt-plugin xcb"]
    assert status == "blocking"
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in message
    assert fix.endswith("sudo apt install libxcb-cursor0 libxcb-icccm4")
    assert _by_check(machine)["display xcb"][0] == "ok"
    problem = platform_problem(machine)
    assert problem is not None and "sudo apt install libxcb-cursor0 libxcb-icccm4" in problem
    assert exit_message(problem).startswith("kiosk: the screen cannot start")


def test_the_plugin_the_check_inspects_is_the_one_qt_would_load(plugins: Path, x11: Path) -> None:
    asked: list[Path] = []

    def missing(plugin: Path) -> list[str]:
        asked.append(plugin)
        return []

    machine = _machine(
        plugins, {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":5"}, missing=missing, x11_sockets=x11
    )
    assert platform_problem(machine) is None
    assert asked == [plugins / "libqxcb.so"]


def test_no_display_blocks_with_its_own_line(plugins: Path, tmp_path: Path) -> None:
    machine = _machine(plugins, {"QT_QPA_PLATFORM": "xcb"}, missing=lambda _p: [])
    status, message, fix = _by_check(machine)["display xcb"]
    assert (status, message) == ("blocking", "no X display: DISPLAY is not set")
    assert "xinit" in fix
    dead = _machine(plugins, {"DISPLAY": ":7"}, missing=lambda _p: [], x11_sockets=tmp_path)
    assert _by_check(dead)["display xcb"][:2] == (
        "blocking",
        "no X server answers on DISPLAY=:7",
    )


def test_a_wayland_compositor_is_found_by_its_socket(plugins: Path, tmp_path: Path) -> None:
    env = {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(tmp_path)}
    machine = _machine(plugins, env, missing=lambda _p: [])
    assert _by_check(machine)["display wayland"][0] == "blocking"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "wayland-0"))
        server.listen(1)
        assert _by_check(machine)["display wayland"][0] == "ok"


def test_eglfs_needs_a_drm_device(plugins: Path, tmp_path: Path) -> None:
    dev = tmp_path / "dev"
    (dev / "dri").mkdir(parents=True)
    machine = _machine(plugins, {"QT_QPA_PLATFORM": "eglfs"}, missing=lambda _p: [], dev=dev)
    assert _by_check(machine)["display eglfs"][0] == "blocking"
    (dev / "dri" / "card0").write_bytes(b"")
    os.chmod(dev / "dri" / "card0", 0o600)
    assert _by_check(machine)["display eglfs"][0] == "ok"


def test_a_fallback_list_blocks_only_when_every_platform_fails(plugins: Path) -> None:
    env = {"QT_QPA_PLATFORM": "xcb;offscreen"}
    machine = _machine(plugins, env, missing=lambda _p: [])
    statuses = {v.check: v.status for v in platform_verdicts(machine)}
    assert statuses["display xcb"] == "warning"  # offscreen takes over
    assert platform_problem(machine) is None
    only_xcb = _machine(plugins, {"QT_QPA_PLATFORM": "xcb"}, missing=lambda _p: [])
    assert platform_problem(only_xcb) is not None


def test_an_unknown_platform_lists_the_plugins_there_are(plugins: Path) -> None:
    machine = _machine(plugins, {"QT_QPA_PLATFORM": "directfb"}, missing=lambda _p: [])
    status, message, fix = _by_check(machine)["qt-plugin directfb"]
    assert status == "blocking" and "no platform plugin named 'directfb'" in message
    assert fix == "set QT_QPA_PLATFORM to one of: eglfs, offscreen, wayland, xcb"


def test_qt_chooses_like_qt_does() -> None:
    assert requested_platforms({}) == [("xcb", "")]
    assert requested_platforms({"XDG_SESSION_TYPE": "wayland"}) == [("wayland", "")]
    gnome = {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}
    assert requested_platforms(gnome) == [("xcb", "")]
    assert requested_platforms({"QT_QPA_PLATFORM": "linuxfb:fb=/dev/fb1;offscreen"}) == [
        ("linuxfb", "fb=/dev/fb1"),
        ("offscreen", ""),
    ]


def test_debian_package_names() -> None:
    assert package_for("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert package_for("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert package_for("libdbus-1.so.3") == "libdbus-1-3"
    assert package_for("libglib-2.0.so.0") == "libglib2.0-0"
    assert package_for("libXrender.so.1") == "libxrender1"  # by Debian's rule, not the table
    assert apt_line(["libglib-2.0.so.0", "libgthread-2.0.so.0"]) == "sudo apt install libglib2.0-0"


def test_ldd_reads_the_real_plugin_and_finds_every_library_the_table_names() -> None:
    """On this machine: what ldd says of PySide6's own xcb plugin (missing or not)."""
    folder = pyside_plugin_dir()
    assert folder is not None and (folder / "libqxcb.so").is_file()
    missing = ldd_missing(folder / "libqxcb.so")
    assert all(name.endswith(tuple(f".so.{n}" for n in range(10))) for name in missing)
    # Every library the xcb plugin misses has its package in the table the README lists.
    assert set(missing) <= set(XCB_PACKAGES)


def test_ldd_output_is_read_for_every_missing_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in ``ldd`` on PATH prints what Debian's prints without libxcb-cursor0 & co."""
    fake = tmp_path / "bin" / "ldd"
    fake.parent.mkdir()
    fake.write_text(
        "#!/bin/sh\ncat <<'OUT'\n"
        "\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f)\n"
        "\tlibxcb-cursor.so.0 => not found\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "OUT\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    assert ldd_missing(tmp_path / "libqxcb.so") == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
    ]


def test_the_readme_and_deploy_guide_carry_the_one_apt_line() -> None:
    line = "sudo apt install " + " ".join(XCB_APT_PACKAGES)
    root = Path(__file__).resolve().parents[2]
    assert line in (root / "README.md").read_text(encoding="utf-8")
    assert line in (root / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert set(XCB_PACKAGES.values()) <= set(XCB_APT_PACKAGES)
