"""Before any QApplication: can Qt's platform plugin start here? If not, say why and exit 2.

Qt itself would print its own lines and abort (SIGABRT) when a system library of its plugin is
missing or the display is not there; ``kiosk.doctor.platform`` judges the same without Qt. The
check costs a few milliseconds (a ``dlopen`` of the plugin, which Qt loads next anyway).
``KIOSK_SKIP_PLATFORM_CHECK=1`` skips it, for a platform set-up the check misjudges.
"""

from __future__ import annotations

import os
import sys

from kiosk.doctor.platform import Machine, exit_message, platform_problem, quick_missing


def screen_can_start(*, offscreen: bool = False, hint: str | None = None) -> bool:
    """True when Qt should start; otherwise the reasons (and ``hint``) are printed on stderr."""
    if os.environ.get("KIOSK_SKIP_PLATFORM_CHECK") == "1":
        return True
    env = dict(os.environ)
    if offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    problem = platform_problem(Machine(env=env, missing=quick_missing))
    if problem is None:
        return True
    print(exit_message(problem), file=sys.stderr, flush=True)
    if hint:
        print(f"  {hint}", file=sys.stderr, flush=True)
    return False
