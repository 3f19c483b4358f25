"""Small reusable widgets shared by the lobby and door screens."""

from ui.widgets.clock import ClockLabel, DateLabel
from ui.widgets.fit_label import ElidedLabel, FitLabel
from ui.widgets.icon_label import IconCircle, IconLabel
from ui.widgets.state_banner import StateBanner
from ui.widgets.status_strip import StatusMessage, StatusStrip, status_messages
from ui.widgets.touch_button import TouchButton

__all__ = [
    "ClockLabel",
    "DateLabel",
    "ElidedLabel",
    "FitLabel",
    "IconCircle",
    "IconLabel",
    "StateBanner",
    "StatusMessage",
    "StatusStrip",
    "TouchButton",
    "status_messages",
]
