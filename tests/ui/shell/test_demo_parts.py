from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from tests.helpers import wait_for
from ui.shell.demo_parts import feed_lines, side_by_side, temporary_base


@pytest.mark.parametrize("area", [QRect(0, 0, 1920, 1080), QRect(0, 27, 1366, 741)])
def test_the_demo_windows_sit_side_by_side_inside_the_screen(qtbot, area: QRect) -> None:  # type: ignore[no-untyped-def]
    lobby, door = QWidget(), QWidget()
    qtbot.addWidget(lobby)
    qtbot.addWidget(door)
    lobby.resize(1280, 800)
    door.resize(1280, 800)
    side_by_side(lobby, door, area)
    one, two = lobby.geometry(), door.geometry()
    assert not one.intersects(two)
    assert one.right() < two.left()
    for rect in (one, two):
        assert area.contains(rect), (rect, area)
        assert rect.width() > area.width() // 3
        assert rect.height() >= rect.width() * 0.6


def test_lines_from_a_pipe_are_presented_blank_lines_skipped() -> None:
    seen: list[str] = []
    feed_lines(io.StringIO("0A00F1C2D3\n\n  0B1234ABCD \n"), seen.append)
    wait_for(lambda: len(seen) == 2, 5, "both lines")
    assert seen == ["0A00F1C2D3", "0B1234ABCD"]


def test_the_folder_goes_on_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)

    def fail_inside() -> None:
        with temporary_base() as base:
            (base / "store.db").write_text("x")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fail_inside()
    assert list(tmp_path.iterdir()) == []
