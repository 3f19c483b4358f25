"""The words and look of a badge tap's result, in the current language.

Separate from the widgets so every outcome's wording can be tested without layout. Each outcome
has an icon and a headline, so no result is told by colour alone. An unknown badge never shows a
name (there is none to show, and guessing would leak someone else's).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.views.screens import TapOutcome, TapResult
from ui.common import theme
from ui.common.formatting import format_time
from ui.common.i18n import translate_marked


@dataclass(frozen=True)
class OutcomeText:
    icon: str  # file stem in resources/icons
    colors: theme.ColorPair  # icon colour on its circle
    headline: str
    detail: str

    def translated(self, context: str) -> OutcomeText:
        """This text from a table, headline and detail marked with ``QT_TRANSLATE_NOOP``."""
        return replace(
            self,
            headline=translate_marked(context, self.headline),
            detail=translate_marked(context, self.detail),
        )


SUCCESS = theme.ColorPair(theme.SUCCESS, theme.SUCCESS_TINT)
# Outcome colours, shared with ui/lobby/scan_text.py; always paired with an icon and words.
INFO = theme.ColorPair(theme.BRAND, theme.TINT)
WARNING = theme.ColorPair(theme.WARNING_ICON, theme.WARNING_TINT)
ERROR = theme.ColorPair(theme.DANGER, theme.DANGER_TINT)


def outcome_text(outcome: TapOutcome, tz: ZoneInfo) -> OutcomeText:
    """What the result page says for ``outcome``."""
    name = (outcome.name or "").strip()
    at = format_time(outcome.at, tz)
    # ALREADY_* happen within the repeat window, so the time alone is clear.
    since = format_time(outcome.since, tz) if outcome.since else None
    result = outcome.result

    if result is TapResult.CHECKED_IN:
        headline = (
            QCoreApplication.translate("LobbyScreen", "Welcome, {name}!").format(name=name)
            if name
            else QCoreApplication.translate("LobbyScreen", "Welcome!")
        )
        detail = QCoreApplication.translate("LobbyScreen", "Checked in at {time}").format(time=at)
        return OutcomeText("check", SUCCESS, headline, detail)

    if result is TapResult.CHECKED_OUT:
        headline = (
            QCoreApplication.translate("LobbyScreen", "Goodbye, {name}! See you soon.").format(
                name=name
            )
            if name
            else QCoreApplication.translate("LobbyScreen", "Goodbye! See you soon.")
        )
        detail = QCoreApplication.translate("LobbyScreen", "Checked out at {time}").format(time=at)
        return OutcomeText("exit", INFO, headline, detail)

    if result is TapResult.ALREADY_IN:
        headline = (
            QCoreApplication.translate("LobbyScreen", "{name}, you are already checked in").format(
                name=name
            )
            if name
            else QCoreApplication.translate("LobbyScreen", "You are already checked in")
        )
        detail = (
            QCoreApplication.translate("LobbyScreen", "Checked in since {time}").format(time=since)
            if since
            else ""
        )
        return OutcomeText("info", INFO, headline, detail)

    if result is TapResult.ALREADY_OUT:
        headline = (
            QCoreApplication.translate("LobbyScreen", "{name}, you are already checked out").format(
                name=name
            )
            if name
            else QCoreApplication.translate("LobbyScreen", "You are already checked out")
        )
        detail = (
            QCoreApplication.translate("LobbyScreen", "Checked out since {time}").format(time=since)
            if since
            else ""
        )
        return OutcomeText("info", INFO, headline, detail)

    if result is TapResult.UNKNOWN_BADGE:
        return OutcomeText(
            "warning",
            WARNING,
            QCoreApplication.translate("LobbyScreen", "Badge not recognised"),
            QCoreApplication.translate(
                "LobbyScreen", "Please contact a host. They are happy to help."
            ),
        )

    return error_text()


def error_text() -> OutcomeText:
    """Shown when a tap or scan could not be stored: nothing changed, try again."""
    return OutcomeText(
        "cross",
        ERROR,
        QCoreApplication.translate("LobbyScreen", "Something went wrong, nothing was saved."),
        QCoreApplication.translate("LobbyScreen", "Please try again."),
    )
