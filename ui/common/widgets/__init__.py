"""Small reusable widgets shared by the lobby and door screens."""

from ui.common.widgets.clock import ClockLabel, DateLabel
from ui.common.widgets.fit_label import ElidedLabel, FitLabel
from ui.common.widgets.icon_label import IconCircle, IconLabel
from ui.common.widgets.state_banner import StateBanner
from ui.common.widgets.status_strip import StatusMessage, StatusStrip, status_messages
from ui.common.widgets.touch_button import TouchButton

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
