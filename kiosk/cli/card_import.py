"""Running a CSV import that prints a card per row: invitations and event tickets alike.

One driver for both: the rows are read (and a wrong header refused) before any write, a
progress bar goes to a terminal, the whole import is one transaction whose failure removes the
cards already written, a summary CSV lands next to the cards, and each refused row is reported
by its line number. The checks of where cards go (``--out`` here, ``--qr`` for the single card
of ``invite create`` and ``event tickets create``) live here too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from kiosk.base.errors import UsageError
from kiosk.cli.context import context_from_args, print_json
from kiosk.lobby.invite_import import ImportResult, write_summary

Row = tuple[int, dict[str, str]]  # (line number, values by column)
# (connection, rows, signing key, progress callback) -> result, inside the transaction.
Importer = Callable[[Connection, Iterator[Row], Any, Callable[[int], None]], ImportResult]


def out_folder(args: argparse.Namespace) -> Path:
    out_dir = Path(args.out)
    if not out_dir.is_dir():
        raise UsageError(f"--out: folder {args.out!r} does not exist")
    return out_dir


def card_path(text: str | None) -> Path | None:
    """Where ``--qr`` asks for one card: a .png file in a folder that exists, or None."""
    if text is None:
        return None
    path = Path(text)
    if path.suffix.lower() != ".png":
        raise UsageError(f"--qr: {text!r} must be a .png file")
    if not path.parent.is_dir():
        raise UsageError(f"--qr: folder {str(path.parent)!r} does not exist")
    return path


def run_card_import(
    args: argparse.Namespace,
    rows: list[Row],
    out_dir: Path,
    importer: Importer,
    *,
    noun: str,  # "invitations", "tickets": the summary file and the closing line
    extra: dict[str, Any] | None = None,
) -> int:
    from kiosk.security.signing_keys import current_signing_key

    ctx = context_from_args(args)
    show = sys.stderr.isatty()

    def progress(done: int) -> None:
        if show:
            filled = done * 30 // max(len(rows), 1)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{len(rows)}")
            sys.stderr.flush()

    result: ImportResult | None = None
    try:
        with ctx.central() as conn:
            _, key = current_signing_key(conn, ctx.config.data_dir)
            result = importer(conn, iter(rows), key, progress)
    except BaseException:
        for done in result.imported if result else ():  # the commit failed: no stray cards
            done.card.unlink(missing_ok=True)
        raise
    finally:
        if show:
            sys.stderr.write("\n")
    write_summary(result, out_dir / f"{noun}.csv")
    for bad in result.refused:
        print(f"kiosk: {args.csv}: line {bad.line}: {bad.reason}", file=sys.stderr)
    if args.json:
        print_json(
            {
                **(extra or {}),
                "imported": [
                    {"line": i.line, "id": str(i.id), "token": i.token, "card": str(i.card)}
                    for i in result.imported
                ],
                "refused": [{"line": r.line, "reason": r.reason} for r in result.refused],
            }
        )
    else:
        print(f"{len(result.imported)} {noun}, cards in {out_dir}")
    return 1 if result.refused else 0
