"""What went wrong with a call, in the staff member's language.

Three failures have their own words: a staff credential the service no longer accepts (it was
revoked, or never enrolled: only IT can help), a service that cannot be reached (the console
keeps its last data and says it is offline), and a change the service refused (its code is
said in staff words, ``ui.console.refusal_text``; a code without words shows the service's
English reason inside a translated sentence). Anything else is a short "could not" with the
error's own text, and is logged. A ``Problem`` keeps the kind and the detail, not a sentence,
so a banner re-renders when the language changes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication

from kiosk.console.client import Refused, StaffClientError, Unauthorized, Unreachable
from ui.console.refusal_text import refusal_text

log = logging.getLogger(__name__)


class ProblemKind(Enum):
    CREDENTIAL = "credential"
    OFFLINE = "offline"
    REFUSED = "refused"
    FAILED = "failed"


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    detail: str = ""
    code: str = ""  # a refusal's code (kiosk.central.staff_refusals), with its parameters
    params: tuple[tuple[str, str], ...] = ()

    @property
    def reached_service(self) -> bool:
        """The service answered (with a no): the console is not offline."""
        return self.kind in (ProblemKind.CREDENTIAL, ProblemKind.REFUSED)


def problem_for(exc: BaseException) -> Problem:
    if isinstance(exc, Unauthorized):
        return Problem(ProblemKind.CREDENTIAL)
    if isinstance(exc, Unreachable):
        return Problem(ProblemKind.OFFLINE, exc.message)
    if isinstance(exc, Refused):
        return Problem(ProblemKind.REFUSED, exc.reason, exc.code, tuple(sorted(exc.params.items())))
    if isinstance(exc, StaffClientError):
        return Problem(ProblemKind.FAILED, exc.message)
    log.error("a console call failed", exc_info=exc)
    return Problem(ProblemKind.FAILED, str(exc) or type(exc).__name__)


def describe(problem: Problem) -> str:
    """The sentence the window shows for ``problem``, in the current language."""
    if problem.kind is ProblemKind.CREDENTIAL:
        return QCoreApplication.translate(
            "ConsoleProblem",
            "Your staff credential is no longer valid. Ask IT for a new one.",
        )
    if problem.kind is ProblemKind.OFFLINE:
        return QCoreApplication.translate(
            "ConsoleProblem",
            "Offline: the Lab's service cannot be reached. What you see may be out of date.",
        )
    if problem.kind is ProblemKind.REFUSED:
        reason = refusal_text(problem.code, dict(problem.params), problem.detail)
        return QCoreApplication.translate("ConsoleProblem", "Not done. {reason}").format(
            reason=reason
        )
    return QCoreApplication.translate("ConsoleProblem", "Something went wrong: {error}").format(
        error=problem.detail
    )
