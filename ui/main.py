"""Entry point of the installed ``kiosk`` command: the core CLI plus the screen commands.

``kiosk run`` is how every kiosk starts, so it takes a short path: its own small parser, without
importing the admin commands (which load SQLAlchemy and more before the first frame). So does
``kiosk screenshot``, which draws a door from its store without SQLAlchemy.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["run"]:
        # No garbage collection while the kiosk starts: imports and the first screen allocate
        # hundreds of thousands of objects and none of it is garbage yet. `kiosk run` collects,
        # freezes what start-up built and turns collection back on once it is up (ui/launch.py).
        # ~10 ms of a ~170 ms start (docs/performance.md).
        gc.disable()
        try:
            from ui.cli_gui import run_command

            return run_command(args[1:])
        finally:
            gc.enable()
    from ui.cli_gui import GUI_DEFAULTS, SHORT_PATHS, add_parsers

    if args[:1] and args[0] in SHORT_PATHS:
        return SHORT_PATHS[args[0]](args[1:])
    from kiosk.cli import main as core_main

    return core_main(args, extra=[add_parsers], defaults=GUI_DEFAULTS)


if __name__ == "__main__":
    raise SystemExit(main())
