"""One check's verdict, as ``kiosk doctor`` prints it and ``--json`` lists it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["ok", "warning", "blocking"]


@dataclass(frozen=True)
class Verdict:
    """``check`` names what was looked at; ``fix`` says what to do (empty when ``ok``)."""

    check: str
    status: Status
    message: str
    fix: str = ""

    def as_json(self) -> dict[str, str]:
        return {
            "check": self.check,
            "status": self.status,
            "message": self.message,
            "fix": self.fix,
        }


def ok(check: str, message: str) -> Verdict:
    return Verdict(check, "ok", message)


def warning(check: str, message: str, fix: str) -> Verdict:
    return Verdict(check, "warning", message, fix)


def blocking(check: str, message: str, fix: str) -> Verdict:
    return Verdict(check, "blocking", message, fix)
