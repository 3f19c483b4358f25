"""``--config`` wherever a command takes it: ``kiosk --config F admin room list``,
``kiosk admin --config F room list`` and ``kiosk admin room list --config F`` are one command.

argparse copies every value of a sub-command's namespace, defaults included, over its parent's:
so below the top only an option actually given may set ``config`` (``default=SUPPRESS``), and
the top-level option supplies the default (None: ``$KIOSK_CONFIG``, then the user's config
folder; see kiosk/config/settings.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

CONFIG_HELP = (
    "the kiosk.toml to use (default: $KIOSK_CONFIG, else kiosk.toml in the user's config folder)"
)
#: The top-level commands that read kiosk.toml. (``central serve --config`` names the service's
#: own file and ``screenshot --config`` is one of two sources: both keep their meaning.)
CONFIG_COMMANDS = ("admin", "sync", "run", "doctor")


def config_everywhere(root: argparse.ArgumentParser) -> None:
    root.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    for name, command in _children(root):
        if name not in CONFIG_COMMANDS:
            continue
        for parser in _tree(command):
            action = _option(parser, "--config")
            if action is None:
                parser.add_argument(
                    "--config", metavar="FILE", default=argparse.SUPPRESS, help=CONFIG_HELP
                )
            else:
                action.default = argparse.SUPPRESS
                action.help = action.help or CONFIG_HELP


def subparser_actions(parser: argparse.ArgumentParser) -> Iterator[argparse._SubParsersAction]:  # type: ignore[type-arg]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield action


def _children(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    seen: set[int] = set()
    for action in subparser_actions(parser):
        for name, child in action.choices.items():
            if id(child) not in seen:  # aliases share one parser
                seen.add(id(child))
                yield name, child


def _tree(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for _name, child in _children(parser):
        yield from _tree(child)


def _option(parser: argparse.ArgumentParser, flag: str) -> argparse.Action | None:
    return next((a for a in parser._actions if flag in a.option_strings), None)
