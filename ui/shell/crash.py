"""An unhandled exception is logged and the screen goes back home: never a traceback on a kiosk.

Qt calls Python slots from its event loop; an exception there reaches ``sys.excepthook`` and
the loop carries on. We log it (the traceback goes to the log file only) and ask the screens to
return to a known state. Exceptions in worker threads are logged the same way.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

log = logging.getLogger("kiosk.crash")


def install(on_crash: Callable[[], None]) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error(
            "unhandled %s; returning to the home screen", kind.__name__, exc_info=(kind, exc, tb)
        )
        try:
            on_crash()
        except Exception:
            log.exception("returning home after an error failed too")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread else "?"
        log.error(
            "unhandled %s in thread %s",
            args.exc_type.__name__,
            name,
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )

    sys.excepthook = hook
    threading.excepthook = thread_hook
