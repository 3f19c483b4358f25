"""Resources are found from the source tree and from a PyInstaller bundle; icons are valid."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import resources
from resources import resource_path
from ui.common.icons import ICON_NAMES, icon_file, icon_pixmap

REQUIRED_ICONS = {"check", "cross", "door", "calendar", "star", "lock", "warning", "wifi-off"}


def test_resource_path_points_into_the_package() -> None:
    assert resource_path("icons", "check.svg").is_file()
    assert resource_path("icons/check.svg") == resource_path("icons", "check.svg")
    assert resource_path() == Path(resources.__file__).resolve().parent


def test_resource_path_prefers_the_pyinstaller_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("icons", "x.svg") == tmp_path / "resources" / "icons" / "x.svg"


def test_a_bundle_without_resources_falls_back_to_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("icons", "check.svg").is_file()


@pytest.mark.parametrize("bad", ["../pyproject.toml", "/etc/passwd", "icons/../../x"])
def test_resource_path_stays_inside_resources(bad: str) -> None:
    with pytest.raises(ValueError, match="inside resources"):
        resource_path(bad)


def test_every_needed_icon_exists() -> None:
    assert set(ICON_NAMES) >= REQUIRED_ICONS
    for name in ICON_NAMES:
        assert Path(icon_file(name)).is_file()
    with pytest.raises(FileNotFoundError):
        icon_file("no-such-icon")


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icons_render_in_the_requested_colour(qtbot: QtBot, name: str) -> None:
    image = icon_pixmap(name, "#B00020", 48).toImage()
    assert image.width() == 48
    colours = {
        image.pixelColor(x, y).name()
        for x in range(48)
        for y in range(48)
        if image.pixelColor(x, y).alpha() == 255
    }
    assert colours == {"#b00020"}
