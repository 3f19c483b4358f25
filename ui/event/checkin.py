"""The lobby during an event: the event home page and the event walk-in form.

While an event is on, the lobby's home page is :class:`EventHomePage`: the event's title and
hours, a big live counter ("142 / 200", read as "142 of 200 checked in"), "Scan your ticket"
with the camera preview when there is a camera, the walk-in button when the event allows
walk-ins, and a small line telling visitors and members that invitations and badges work as
usual. The pages only lay out what ``ui.lobby.screen.LobbyScreen`` gives them; they never touch the
store or the clock.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.views.lobby import EventView
from ui.camera.preview import CameraPreview
from ui.common import theme
from ui.common.formatting import language_code
from ui.common.widgets import FitLabel, IconCircle, TouchButton
from ui.event.text import counter_caption, counter_text, event_times
from ui.lobby.visitor_form import VisitorForm

_CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


class EventHomePage(QWidget):
    """The event's home page; ``view`` None means no event (the lobby shows its usual home)."""

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EventHomePage")
        self._tz = tz
        self.view: EventView | None = None
        self.camera_preview: CameraPreview | None = None
        self._camera_active = False
        self._scale = 1.0
        self.title = FitLabel(
            self, role="heading", weight=QFont.Weight.Bold, alignment=_CENTER, max_lines=2
        )
        self.title.setObjectName("EventTitle")
        self.times = FitLabel(self, role="muted", alignment=_CENTER, max_lines=1)
        self.times.setObjectName("EventTimes")
        self.counter = FitLabel(self, weight=QFont.Weight.Bold, alignment=_CENTER, max_lines=1)
        self.counter.setObjectName("EventCounter")
        self.caption = FitLabel(self, alignment=_CENTER, max_lines=1, min_ratio=0.6)
        self.caption.setObjectName("EventCounterCaption")
        self.qr_icon = IconCircle(self)
        self.qr_icon.set_icon("qr", theme.ColorPair(theme.BRAND, theme.TINT))
        self.scan = FitLabel(
            self, weight=QFont.Weight.Bold, alignment=_CENTER, max_lines=2, min_ratio=0.6
        )
        self.scan.setObjectName("EventScan")
        self.walkin = TouchButton(parent=self)
        self.walkin.setObjectName("EventWalkinButton")
        self.walkin.setVisible(False)
        self.others = FitLabel(self, role="muted", alignment=_CENTER, max_lines=2, min_ratio=0.6)
        self.others.setObjectName("EventOthers")

        count_box = QVBoxLayout()
        count_box.addStretch(1)
        count_box.addWidget(self.counter)
        count_box.addWidget(self.caption)
        count_box.addStretch(1)
        scan_box = QVBoxLayout()
        self._scan_icons = QHBoxLayout()
        self._scan_icons.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._scan_icons.addWidget(self.qr_icon)
        scan_box.addStretch(1)
        scan_box.addLayout(self._scan_icons)
        scan_box.addWidget(self.scan)
        scan_box.addStretch(1)
        middle = QHBoxLayout()
        middle.addLayout(count_box, 1)
        middle.addLayout(scan_box, 1)
        self._middle = middle

        self._layout = QVBoxLayout(self)
        self._layout.addStretch(1)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.times)
        self._layout.addLayout(middle)
        self._layout.addWidget(self.walkin, 0, Qt.AlignmentFlag.AlignHCenter)
        self._layout.addWidget(self.others)
        self._layout.addStretch(1)
        self.retranslate()

    def set_view(self, view: EventView | None) -> None:
        self.view = view
        self._render()

    def set_camera_preview(self, preview: CameraPreview) -> None:
        """Take the live camera picture (from the usual home page) while the event is on."""
        self.camera_preview = preview
        preview.setParent(self)
        preview.set_side(round(220 * self._scale))
        self._scan_icons.addWidget(preview)
        self.set_camera_active(self._camera_active)

    def release_camera_preview(self) -> CameraPreview | None:
        preview, self.camera_preview = self.camera_preview, None
        self.qr_icon.setVisible(True)
        return preview

    def set_camera_active(self, active: bool) -> None:
        self._camera_active = active
        if self.camera_preview is not None:
            self.camera_preview.setVisible(active)
            self.qr_icon.setVisible(not active)

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        self._scale = scale
        side = max(16, round(width * 0.06))
        self._layout.setContentsMargins(side, 0, side, 0)
        self._layout.setSpacing(max(4, round(14 * scale)))
        self._middle.setSpacing(max(8, round(32 * scale)))
        self.title.set_pixel_size(round(64 * scale))
        self.times.set_pixel_size(round(34 * scale))
        self.counter.set_pixel_size(round(120 * scale))
        self.caption.set_pixel_size(round(36 * scale))
        self.qr_icon.set_diameter(round(130 * scale))
        if self.camera_preview is not None:
            self.camera_preview.set_side(round(220 * scale))
        self.scan.set_pixel_size(round(44 * scale))
        self.walkin.set_metrics(max(14, round(26 * scale)), min_target)
        self.walkin.setMinimumHeight(max(min_target, round(64 * scale)))
        self.others.set_pixel_size(round(24 * scale))

    def retranslate(self) -> None:
        self.scan.set_text(QCoreApplication.translate("EventCheckin", "Scan your ticket"))
        self.walkin.setText(QCoreApplication.translate("EventCheckin", "No ticket? Register here"))
        self.walkin.setAccessibleName(self.walkin.text())
        self.others.set_text(
            QCoreApplication.translate(
                "EventCheckin",
                "Visitors and members: scan your invitation or tap your badge as usual",
            )
        )
        if self.camera_preview is not None:
            self.camera_preview.setAccessibleName(self.scan.text())
        self._render()

    def _render(self) -> None:
        view = self.view
        if view is None:
            return
        title = view.title_in(language_code())  # the visitor's language, when translated
        self.title.set_text(title)
        self.times.set_text(event_times(view, self._tz))
        shown, spoken = counter_text(view)
        self.counter.set_text(shown)
        self.counter.setAccessibleName(spoken)
        self.caption.set_text(counter_caption(view))
        self.walkin.setVisible(view.allow_walkins)
        self.setAccessibleName(f"{title}. {spoken}")


class EventWalkinPage(VisitorForm):
    """Name (and organisation) of someone without a ticket, and the privacy notice."""

    submitted = Signal(str, str)  # name, organisation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("EventWalkin", parent, title_lines=2)
        self._event_title = ""
        fields = QGridLayout()
        fields.setVerticalSpacing(2)
        for column, field in enumerate((self.name, self.organisation)):
            fields.addWidget(self.label_for(field), 0, column)
            fields.addWidget(field, 1, column)
        self.add_rows(fields)
        self.retranslate()

    def reset(self, event_title: str = "", notice: str = "") -> None:
        self._event_title = event_title
        self.clear_form(notice)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.set_text(
            QCoreApplication.translate("EventCheckin", "Register for {event}").format(
                event=self._event_title
            )
            if self._event_title
            else QCoreApplication.translate("EventCheckin", "Register for the event")
        )
        self.retranslate_common(
            QCoreApplication.translate(
                "EventCheckin",
                "We store your name and organisation to count the event's guests and to know "
                "who is in the building. The data is deleted after {days} days.",
            )
        )

    def submit_form(self) -> None:
        self.submitted.emit(self.name.text(), self.organisation.text())
