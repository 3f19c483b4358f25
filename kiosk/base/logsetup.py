"""Where a running kiosk's log goes: stderr and rotating files in ``data_dir/logs``.

Log lines carry no personal data (no names, no badge ids, no tokens): modules log events and
counts, never the people behind them.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5


def add_file_log(data_dir: Path) -> Path:
    """Also log to ``data_dir/logs/kiosk.log``, rotated at 5 MB, five files kept."""
    folder = data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
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
