"""Every option of every command says what it is for (``kiosk … --help``)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from kiosk.cli.main import build_parser
from ui.shell.commands import add_parsers as add_screen_commands

_NO_HELP_NEEDED = (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)


def _commands(
    parser: argparse.ArgumentParser, path: str
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield path, parser
    seen: set[int] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                if id(child) not in seen:
                    seen.add(id(child))
                    yield from _commands(child, f"{path} {name}")


def test_every_option_and_argument_has_a_help_text() -> None:
    root = build_parser([add_screen_commands])
    commands = list(_commands(root, "kiosk"))
    assert len(commands) > 60  # the walk reached the admin commands, not just the top
    missing = [
        f"{path} {'/'.join(action.option_strings) or action.dest}"
        for path, parser in commands
        for action in parser._actions
        if not isinstance(action, _NO_HELP_NEEDED) and not (action.help or "").strip()
    ]
    assert missing == []


def test_every_subcommand_has_a_help_line() -> None:
    root = build_parser([add_screen_commands])
    missing = []
    for path, parser in _commands(root, "kiosk"):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helped = {a.dest for a in action._choices_actions if a.help}
                missing += [f"{path} {name}" for name in action.choices if name not in helped]
    assert missing == []


def test_every_command_group_shows_an_example_that_parses() -> None:
    import shlex

    root = build_parser([add_screen_commands])
    groups = [
        (path, parser)
        for path, parser in _commands(root, "kiosk")
        if any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
    ]
    assert len(groups) > 15
    for path, parser in groups:
        epilog = parser.epilog or ""
        assert "example: kiosk " in epilog, f"{path} has no example"
        example = epilog.split("example: ", 1)[1].split(">")[0]
        argv = shlex.split(example)[1:]
        try:
            build_parser([add_screen_commands]).parse_args(argv)
        except SystemExit:
            pytest.fail(f"{path}: its example does not parse: {example}")


def test_central_serve_help_names_every_key_of_its_settings_file() -> None:
    """An installer writing central.toml from `--help` alone finds every key it reads."""
    from kiosk.central.server import _KEYS

    root = build_parser([add_screen_commands])
    serve = dict(_commands(root, "kiosk"))["kiosk central serve"]
    text = " ".join(serve.format_help().split())
    missing = [key for key in _KEYS if key not in text]
    assert missing == []
    assert "[notify]" in text and "[invitations]" in text and "not a kiosk.toml" in text
