"""Entry point of the installed ``kiosk`` command: the core CLI plus the screen commands.

``kiosk run`` is how every kiosk starts, so it takes a short path: its own small parser, without
importing the admin commands (which load SQLAlchemy and more before the first frame).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["run"]:
        from ui.cli_gui import run_command

        return run_command(args[1:])
    from kiosk.cli import main as core_main
    from ui.cli_gui import GUI_DEFAULTS, add_parsers

    return core_main(args, extra=[add_parsers], defaults=GUI_DEFAULTS)


if __name__ == "__main__":
    raise SystemExit(main())
