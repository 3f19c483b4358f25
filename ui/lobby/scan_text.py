"""The words and look of a scanned invitation's result, in the current language.

Kept apart from the badge wording (``lobby_text``) because a visitor's answer carries other
facts: the host who will come, the day an early invitation is for, when a spent code was used.
Every outcome has its own icon and headline, so none is told by colour alone; a refused code
never shows a name.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.views.screens import ScanOutcome, ScanResult
from ui.common.formatting import format_short_date, format_time, format_when
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.lobby.text import ERROR, INFO, SUCCESS, WARNING, OutcomeText, error_text

# Refusals that say the same whatever was scanned (translated where shown).
_FIXED: dict[ScanResult, OutcomeText] = {
    ScanResult.NOT_A_LAB_CODE: OutcomeText(
        "qr",
        WARNING,
        QT_TRANSLATE_NOOP("LobbyScreen", "This code is not a Lab invitation"),
        QT_TRANSLATE_NOOP("LobbyScreen", "Please show the QR code of your invitation."),
    ),
    ScanResult.UNKNOWN_KEY: OutcomeText(
        "warning",
        WARNING,
        QT_TRANSLATE_NOOP("LobbyScreen", "This invitation cannot be checked here yet"),
        QT_TRANSLATE_NOOP("LobbyScreen", "Please contact a host. They are happy to help."),
    ),
    ScanResult.WITHDRAWN: OutcomeText(
        "cross",
        ERROR,
        QT_TRANSLATE_NOOP("LobbyScreen", "This invitation has been withdrawn"),
        QT_TRANSLATE_NOOP("LobbyScreen", "Please contact a host. They are happy to help."),
    ),
}


def scan_text(outcome: ScanOutcome, tz: ZoneInfo) -> OutcomeText:
    """What the result page says for a scanned code."""
    result, now = outcome.result, outcome.at
    name = (outcome.name or "").strip()
    host = (outcome.host or "").strip()

    if result is ScanResult.WELCOME:
        headline = (
            QCoreApplication.translate("LobbyScreen", "Welcome, {name}!").format(name=name)
            if name
            else QCoreApplication.translate("LobbyScreen", "Welcome!")
        )
        if host:
            detail = QCoreApplication.translate(
                "LobbyScreen", "{host} will come to meet you"
            ).format(host=host)
        else:
            detail = QCoreApplication.translate(
                "LobbyScreen", "You are checked in. A host will be with you shortly."
            )
        return OutcomeText("check", SUCCESS, headline, detail)

    if result is ScanResult.CHECKED_OUT:
        headline = (
            QCoreApplication.translate("LobbyScreen", "Goodbye, {name}! See you soon.").format(
                name=name
            )
            if name
            else QCoreApplication.translate("LobbyScreen", "Goodbye! See you soon.")
        )
        detail = QCoreApplication.translate("LobbyScreen", "Checked out at {time}").format(
            time=format_time(now, tz)
        )
        return OutcomeText("exit", INFO, headline, detail)

    if result is ScanResult.ALREADY_CHECKED_IN:
        since = outcome.since or now
        headline = QCoreApplication.translate("LobbyScreen", "Already checked in at {time}").format(
            time=format_when(since, now, tz)
        )
        return OutcomeText(
            "info",
            INFO,
            headline,
            QCoreApplication.translate("LobbyScreen", "If you need help, please contact a host."),
        )

    if result is ScanResult.NOT_YET_VALID:
        start = outcome.valid_from or now
        if start.astimezone(tz).date() == now.astimezone(tz).date():
            headline = QCoreApplication.translate(
                "LobbyScreen", "This invitation is valid from {time}."
            ).format(time=format_time(start, tz))
        else:
            headline = QCoreApplication.translate(
                "LobbyScreen", "This invitation is for {date}."
            ).format(date=format_short_date(start, tz))
        return OutcomeText(
            "calendar",
            WARNING,
            headline,
            QCoreApplication.translate("LobbyScreen", "Please come back then, or contact a host."),
        )

    if result is ScanResult.EXPIRED:
        end = outcome.valid_to or now
        detail = QCoreApplication.translate("LobbyScreen", "It was valid until {time}.").format(
            time=format_when(end, now, tz)
        )
        return OutcomeText(
            "clock",
            WARNING,
            QCoreApplication.translate("LobbyScreen", "This invitation has expired"),
            detail,
        )

    if result in _FIXED:
        return _FIXED[result].translated("LobbyScreen")

    return error_text()
