"""Entry point of the installed ``kiosk`` command: the core CLI plus the screen commands."""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.cli import main as core_main
from ui.cli_gui import add_parsers


def main(argv: Sequence[str] | None = None) -> int:
    return core_main(argv, extra=[add_parsers])


if __name__ == "__main__":
    raise SystemExit(main())
