"""Where a running kiosk's log goes: stderr and rotating files in ``data_dir/logs``.

Under systemd (stderr is the journal: ``JOURNAL_STREAM``) a line on stderr carries a syslog
priority prefix (``<4>`` for a warning, sd-daemon(3)) and no time of its own, since the journal
stamps every line, so ``journalctl -p warning`` filters; and the journal is the log, so no
rotating file is kept unless ``kiosk.log_file = "yes"``. Elsewhere: timestamps on stderr and
the file.

Log lines carry no personal data (no names, no badge ids, no tokens): modules log events and
counts, never the people behind them.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from kiosk.base.folders import make_folder

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JOURNAL_FORMAT = "%(levelname)s %(name)s: %(message)s"
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5
#: Python's levels as syslog priorities (sd-daemon(3): ``<N>`` before each line).
_PRIORITIES = ((logging.CRITICAL, 2), (logging.ERROR, 3), (logging.WARNING, 4), (logging.INFO, 6))


def journal_stderr(environ: Mapping[str, str] = os.environ, fd: int = 2) -> bool:
    """Whether stderr is systemd's journal stream: ``JOURNAL_STREAM`` names its device and
    inode (so a child whose stderr was redirected elsewhere is not fooled by the inherited
    variable)."""
    value = environ.get("JOURNAL_STREAM", "")
    if not value:
        return False
    try:
        device, inode = (int(part) for part in value.split(":"))
        st = os.fstat(fd)
    except (ValueError, OSError):
        return False
    return (st.st_dev, st.st_ino) == (device, inode)


class JournalFormatter(logging.Formatter):
    """``<N>`` priority on every line of a record (a traceback's lines too), no timestamp."""

    def __init__(self) -> None:
        super().__init__(JOURNAL_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        priority = next((p for level, p in _PRIORITIES if record.levelno >= level), 7)
        text = super().format(record)
        return "\n".join(f"<{priority}>{line}" for line in text.split("\n"))


#: Libraries that narrate at INFO: alembic every migration step, httpx every request ("HTTP
#: Request: GET …", in the middle of `kiosk doctor`'s verdicts). Their warnings still show.
CHATTY = ("alembic", "httpx")


def configure(verbose: bool, environ: Mapping[str, str] = os.environ) -> None:
    """The root logger to stderr: journal style under systemd, timestamped otherwise; the
    chatty libraries' INFO only with ``--verbose``."""
    handler = logging.StreamHandler(sys.stderr)
    journal = journal_stderr(environ)
    handler.setFormatter(JournalFormatter() if journal else logging.Formatter(FORMAT))
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=[handler])
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.NOTSET if verbose else logging.WARNING)


def file_log_wanted(setting: str = "auto", environ: Mapping[str, str] = os.environ) -> bool:
    """``kiosk.log_file``: "yes", "no", or "auto" (a file unless the journal has the log)."""
    if setting == "auto":
        return not journal_stderr(environ)
    return setting == "yes"


def add_file_log(data_dir: Path, setting: str = "auto") -> Path | None:
    """Also log to ``data_dir/logs/kiosk.log``, rotated at 5 MB, five files kept; None when
    ``setting`` (``kiosk.log_file``) says not to."""
    if not file_log_wanted(setting):
        return None
    folder = data_dir / "logs"
    make_folder(folder, "the log folder")
    path = folder / "kiosk.log"
    root = logging.getLogger()
    for handler in root.handlers:
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) == path.resolve()
        ):
            return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path
