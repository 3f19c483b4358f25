"""Every screen and state that ``kiosk screenshot`` can draw, in one list.

``kiosk screenshot --screen S --state T`` takes its choices from here, and the layout test
(tests/ui/test_layout.py) draws every entry at both panels, in every language: a screen added
here is checked there, and a screen the test checks can be looked at with ``kiosk screenshot``.

No Qt here: ``ui/shell/commands.py`` reads the names for every ``kiosk`` command.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Shot:
    """One thing to draw: ``kiosk screenshot --screen {screen} [--state {state}]``."""

    screen: str
    state: str | None = None

    @property
    def name(self) -> str:
        """A file-name friendly id, e.g. ``door-busy`` or ``lobby``."""
        return self.screen if self.state is None else f"{self.screen}-{self.state}"


DOOR_STATES = (
    *("free", "busy", "ending-soon", "event", "event-soon", "closed", "offline", "waiting"),
    "badge-prompt",  # busy, an action tapped: "tap your badge" in place of the buttons
)
EVENT_STATES = ("welcome", "welcome-back", "full", "walkin", "walkin-typing")

SHOTS: tuple[Shot, ...] = (
    Shot("lobby"),
    Shot("welcome"),
    Shot("welcome", "refused"),  # an unknown badge: the lobby's answer in the warning colours
    Shot("welcome", "member"),  # a member's tap in, with the "Here today" board switch
    Shot("welcome", "goodbye"),  # a member's tap out, with the feedback faces
    Shot("welcome", "invitation-expired"),  # a scanned invitation past its last day
    Shot("walkin"),
    Shot("walkin", "typing"),  # a field tapped: the on-screen keyboard up
    Shot("walkin", "still-there"),  # the countdown before a half-filled form is cleared
    Shot("checkout"),
    Shot("evacuation"),
    Shot("event"),
    *(Shot("event", state) for state in EVENT_STATES),
    Shot("host-pin"),
    Shot("host-panel"),
    Shot("host-panel", "title"),  # typing the event's title on the panel's keyboard
    Shot("host-panel", "calls"),  # visitors waiting for a host
    Shot("feedback"),
    Shot("feedback", "typing"),  # the comment field tapped: the keyboard up
    Shot("here-today"),
    Shot("host-call"),
    Shot("door"),
    *(Shot("door", state) for state in DOOR_STATES),
)

#: The staff console's pages (ui/render/screenshot_console.py): a window on a staff member's
#: computer, not a kiosk panel, so not among the shots the layout test draws at the panels.
CONSOLE_SCREENS = (
    *("console-today", "console-invite", "console-invite-many", "console-events"),
    *("console-rooms", "console-fleet", "console-report"),
)

#: ``--screen``'s choices, in the order above.
SCREENS: tuple[str, ...] = (*dict.fromkeys(shot.screen for shot in SHOTS), *CONSOLE_SCREENS)
#: ``--state``'s choices (each only with its own screen: see :func:`find_shot`).
STATES: tuple[str, ...] = tuple(dict.fromkeys(s.state for s in SHOTS if s.state is not None))


def find_shot(screen: str, state: str | None) -> Shot | None:
    """The registered shot, or None when ``state`` is not one of ``screen``'s."""
    shot = Shot(screen, state)
    return shot if shot in SHOTS else None


def states_of(screen: str) -> tuple[str, ...]:
    return tuple(s.state for s in SHOTS if s.screen == screen and s.state is not None)
