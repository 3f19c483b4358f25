"""``--config`` is accepted wherever a command takes it, and nowhere changes its meaning."""

from __future__ import annotations

import pytest

from kiosk.cli.main import build_parser, main
from ui.shell.commands import add_parsers as add_screen_commands

POSITIONS = [
    ["--config", "F", "admin", "room", "list"],
    ["admin", "--config", "F", "room", "list"],
    ["admin", "room", "--config", "F", "list"],
    ["admin", "room", "list", "--config", "F"],
    ["admin", "invite", "import", "g.csv", "--out", "d", "--config", "F"],
    ["admin", "bookings", "list", "--room", "aurora", "--config", "F"],
    ["--config", "F", "sync"],
    ["sync", "--config", "F"],
    ["sync", "--config", "F", "status"],
    ["sync", "status", "--config", "F"],
    ["--config", "F", "run"],
    ["run", "--config", "F"],
]


@pytest.mark.parametrize("argv", POSITIONS, ids=" ".join)
def test_the_file_is_taken_from_any_position(argv: list[str]) -> None:
    args = build_parser([add_screen_commands]).parse_args(argv)
    assert args.config == "F"


@pytest.mark.parametrize("argv", [["admin", "room", "list"], ["sync", "status"], ["run"]])
def test_without_it_the_default_applies(argv: list[str]) -> None:
    assert build_parser([add_screen_commands]).parse_args(argv).config is None


def test_the_innermost_wins() -> None:
    args = build_parser().parse_args(["--config", "A", "admin", "room", "list", "--config", "B"])
    assert args.config == "B"


def test_central_serve_keeps_its_own_file() -> None:
    args = build_parser().parse_args(["central", "serve", "--config", "central.toml"])
    assert args.config == "central.toml"


@pytest.mark.parametrize("argv", POSITIONS[:4] + POSITIONS[7:10], ids=" ".join)
def test_a_missing_file_is_named_wherever_it_was_given(
    argv: list[str], tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = f"{tmp_path}/none.toml"
    code = main([missing if a == "F" else a for a in argv])
    assert code == 2
    assert f"{missing}: config file not found" in capsys.readouterr().err
