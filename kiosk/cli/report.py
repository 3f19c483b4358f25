"""``kiosk admin report``: the usage report of a period as an HTML or PDF file, or as JSON.

The core writes HTML itself. A PDF needs Qt, which the core never imports: the installed
``kiosk`` command (``ui.shell.main``) hands a PDF writer in as the parser default
``report_pdf_writer``; ``python -m kiosk`` has none and says so. Every input is checked before
the store is read, and the file appears whole or not at all (written beside it, then renamed).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.base.errors import KioskError, UsageError
from kiosk.cli.context import context_from_args, print_json
from kiosk.report.texts import LANGUAGES

if TYPE_CHECKING:
    from kiosk.report.data import Report
    from kiosk.report.period import OpeningHours

# (report, language, path) -> pages written. Set by ui.shell.main; see the module docstring.
PdfWriter = Callable[["Report", str, Path], int]
FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf"}


def add_parsers(cmds: Any) -> None:
    p = cmds.add_parser("report", help="usage report of a period: charts as PDF or HTML")
    p.add_argument("--from", dest="first", required=True, metavar="DATE", help="first day")
    p.add_argument("--to", dest="last", required=True, metavar="DATE", help="last day (included)")
    p.add_argument("--out", metavar="FILE.pdf|FILE.html", help="the file to write")
    p.add_argument("--lang", choices=LANGUAGES, default="fi", help="language (default: fi)")
    p.add_argument("--json", action="store_true", help="print every number behind the charts")
    p.add_argument(
        "--open-hours",
        default="08:00-18:00",
        metavar="HH:MM-HH:MM",
        help="opening hours that room use is measured against (default: 08:00-18:00)",
    )
    p.add_argument(
        "--open-days",
        default="mon-fri",
        metavar="DAYS",
        help="open weekdays, like mon-fri or mon,wed,fri (default: mon-fri)",
    )
    p.add_argument(
        "--demo", action="store_true", help="report on made-up use of the demo Lab instead"
    )
    p.set_defaults(func=cmd_report)


def output_format(out: str) -> str:
    kind = FORMATS.get(Path(out).suffix.lower())
    if kind is None:
        raise UsageError(f"--out: {out!r} must end in .pdf or .html")
    return kind


def cmd_report(args: argparse.Namespace) -> int:
    from kiosk.report.data import collect
    from kiosk.report.document import build_document
    from kiosk.report.period import parse_opening_hours, parse_period

    if not args.out and not args.json:
        raise UsageError("give --out FILE.pdf|FILE.html, --json, or both")
    kind = output_format(args.out) if args.out else None
    pdf_writer: PdfWriter | None = getattr(args, "report_pdf_writer", None)
    if kind == "pdf" and pdf_writer is None:
        raise UsageError(
            "a PDF report needs the GUI package (PySide6): use the installed `kiosk` command, "
            "or write FILE.html"
        )
    if args.out:
        target = Path(args.out)
        if not target.parent.is_dir():
            raise UsageError(f"--out: folder {str(target.parent)!r} does not exist")
    opening = parse_opening_hours(args.open_hours, args.open_days)
    if args.demo:
        report = _demo_report(args, opening)
    else:
        ctx = context_from_args(args)
        period = parse_period(args.first, args.last, ctx.config.tz)
        with ctx.central(write=False) as conn:
            report = collect(conn, period, opening, ctx.clock.now())
    if report.is_empty():
        raise UsageError(
            f"nothing to report from {period.first} to {period.last}: no visits, bookings, "
            "events or feedback; nothing written"
        )
    if args.out:
        if kind == "pdf":
            assert pdf_writer is not None
            writer = pdf_writer
            write_atomically(Path(args.out), lambda tmp: writer(report, args.lang, tmp))
        else:
            from kiosk.report.html import render_html

            text = render_html(build_document(report, args.lang))
            write_atomically(Path(args.out), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    if args.json:
        print_json(report.as_json())
    elif args.out:
        print(f"report written: {args.out}")
    return 0


def _demo_report(args: argparse.Namespace, opening: OpeningHours) -> Report:
    """The report of made-up use in a throw-away demo store (see ``kiosk/demo/report.py``)."""
    from datetime import UTC, datetime

    from kiosk.demo.report import DEMO_TZ, seed_report_demo
    from kiosk.report.data import collect
    from kiosk.report.period import parse_period
    from kiosk.store.engine import open_store

    period = parse_period(args.first, args.last, DEMO_TZ)
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="kiosk-report-demo-") as base:
        store = open_store(seed_report_demo(Path(base), period, opening, now), migrate=False)
        try:
            with store.engine.connect() as conn:
                return collect(conn, period, opening, now)
        finally:
            store.dispose()


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Let ``write`` fill a temporary file beside ``path``, then rename it into place."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        umask = os.umask(0o022)  # mkstemp made it private; give it the mode a new file gets
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)
        if tmp.stat().st_size == 0:
            raise KioskError(f"{path}: the report came out empty; nothing written")
        os.replace(tmp, path)
    except OSError as exc:
        raise KioskError(f"{path}: cannot write the report: {exc.strerror}") from None
    finally:
        tmp.unlink(missing_ok=True)
