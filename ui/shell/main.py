"""Entry point of the installed ``kiosk`` command: the core CLI plus the screen commands.

``kiosk run`` is how every kiosk starts, so it takes a short path: its own small parser, without
importing the admin commands (which load SQLAlchemy and more before the first frame). So does
``kiosk screenshot``, which draws a door from its store without SQLAlchemy.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    _without_httpx_cli()
    args = list(sys.argv[1:] if argv is None else argv)
    from ui.shell.commands import GUI_DEFAULTS, SHORT_PATHS, add_parsers

    if args[:1] and args[0] in SHORT_PATHS:
        return SHORT_PATHS[args[0]](args[1:])
    from kiosk.cli.main import main as core_main

    return core_main(args, extra=[add_parsers], defaults=GUI_DEFAULTS)


def _without_httpx_cli() -> None:
    """Keep httpx's command-line client out of this process.

    Importing httpx imports its CLI too (click, rich and pygments, where installed): about 4.6
    MiB a door keeps for nothing, a twentieth of its memory. ``None`` in ``sys.modules`` makes
    that one import fail, and httpx then defines a stub in its place (httpx/__init__.py).
    """
    if "httpx._main" not in sys.modules:
        sys.modules["httpx._main"] = None  # type: ignore[assignment]


if __name__ == "__main__":
    raise SystemExit(main())
