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
CONFIG_COMMANDS = ("admin", "sync", "run", "doctor", "console", "upgrade-store")


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


#: One example per command group, shown under its ``--help`` (only where the group has none).
EXAMPLES = {
    "kiosk": "example: kiosk admin --config kiosk.toml init",
    "kiosk admin": "example: kiosk admin --config admin.toml room list",
    "kiosk admin keys": "example: kiosk admin keys rotate",
    "kiosk admin invite": 'example: kiosk admin invite create --name "Eeva Ek" '
    "--host mikko.korhonen@lab.example --valid-from 2026-12-03T09:00 --qr eeva.png",
    "kiosk admin checkins": "example: kiosk admin checkins export --from 2026-12-01 "
    "--format csv > checkins.csv",
    "kiosk admin event": 'example: kiosk admin event create --title "Kevätseminaari" '
    "--starts 2026-12-03T13:00 --ends 2026-12-03T16:00 --capacity 80",
    "kiosk admin event tickets": "example: kiosk admin event tickets import guests.csv "
    "--event EVENT_ID --out cards/",
    "kiosk admin room": 'example: kiosk admin room add aurora --name "Aurora" --capacity 8',
    "kiosk admin person": 'example: kiosk admin person add --name "Aino Virtanen" '
    "--email aino.virtanen@vm.fi --role member",
    "kiosk admin mode": 'example: kiosk admin mode set aurora event --title "Työpaja" '
    "--until 2026-12-03T16:00",
    "kiosk admin badge": "example: kiosk admin badge enroll aino.virtanen@vm.fi --uid 0A00F1C2D3",
    "kiosk admin bookings": 'example: kiosk admin bookings add --room aurora --title "Sprintti" '
    "--start 2026-12-03T14:00 --end 2026-12-03T15:00",
    "kiosk admin bookings feed": "example: kiosk admin bookings feed set aurora "
    "https://calendar.lab.example/aurora.ics",
    "kiosk admin feedback": "example: kiosk admin feedback list --from 2026-12-01 --json",
    "kiosk admin board": "example: kiosk admin board opt-in aino.virtanen@vm.fi "
    "--interests design,data",
    "kiosk admin hosts": "example: kiosk admin hosts duty set 2026-12-03 "
    "mikko.korhonen@lab.example",
    "kiosk admin hosts duty": "example: kiosk admin hosts duty list --date 2026-12-03",
    "kiosk admin host-call": "example: kiosk admin host-call list --open",
    "kiosk admin legacy-roles": "example: kiosk admin legacy-roles list --json",
    "kiosk sync": "example: kiosk sync --config /etc/lab-kiosk/kiosk.toml status",
    "kiosk central": "example: kiosk central serve --config /etc/lab-kiosk/central.toml",
    "kiosk devices": "example: kiosk devices monitor /dev/ttyUSB0 --protocol rdm6300",
}


def add_examples(root: argparse.ArgumentParser) -> None:
    """Each command group's example as its epilog, unless it already has one."""

    def visit(parser: argparse.ArgumentParser, path: str) -> None:
        if not parser.epilog and path in EXAMPLES:
            parser.epilog = EXAMPLES[path]
        for name, child in _children(parser):
            visit(child, f"{path} {name}")

    visit(root, "kiosk")


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
