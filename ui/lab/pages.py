"""The Lab's own features on the lobby screen, put in place in one call.

:class:`LabScreens` adds the feedback, "Here today" and "Call a host" pages to the lobby's page
stack, three buttons to the home page, and the member's board toggle and the "how was your
visit?" faces to the result page, so ``ui.lobby.screen`` needs only a few lines for all of it. What
the pages say and when they show is decided by ``ui.lab.controller``.
"""

from __future__ import annotations

from typing import Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QStackedWidget, QVBoxLayout, QWidget

from ui.common import theme
from ui.common.widgets import FitLabel, TouchButton
from ui.lab.board_toggle import BoardToggle
from ui.lab.faces import FaceButton, FaceRow
from ui.lab.feedback import FeedbackPage
from ui.lab.here_today import HereTodayPage
from ui.lab.host_call import HostCallPage
from ui.lobby.pages import HomePage
from ui.lobby.result import ResultPage


class LobbyParts(Protocol):
    """What the Lab's pages need of the lobby screen they join (``ui.lobby.screen``)."""

    @property
    def tz(self) -> ZoneInfo: ...
    @property
    def pages(self) -> QStackedWidget: ...
    @property
    def home(self) -> HomePage: ...
    @property
    def result(self) -> ResultPage: ...
    def show_home(self) -> None: ...
    def restart_idle(self) -> None: ...
    def restart_result_timer(self) -> None: ...


class LabHomeButtons(QWidget):
    """The buttons "Give feedback", "Here today" and "Call a host" under the main actions.

    One row when they fit; else a smaller font; else two rows (long words at small sizes), so
    the home page's heading and instruction keep their room.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LabHomeButtons")
        self.feedback = TouchButton(parent=self)
        self.feedback.setObjectName("FeedbackButton")
        self.here_today = TouchButton(parent=self)
        self.here_today.setObjectName("HereTodayButton")
        self.call_host = TouchButton(parent=self)
        self.call_host.setObjectName("CallHostButton")
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._room = 0
        self._pixel_size = 23
        self._min_target = 0
        self.columns = 3

    @property
    def buttons(self) -> tuple[TouchButton, TouchButton, TouchButton]:
        return (self.feedback, self.here_today, self.call_host)

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        spacing = max(8, round(20 * scale))
        self._layout.setHorizontalSpacing(spacing)
        self._layout.setVerticalSpacing(max(4, round(10 * scale)))
        self._pixel_size = max(13, round(23 * scale))
        self._min_target = min_target
        for button in self.buttons:
            button.setMinimumHeight(max(min_target, round(58 * scale)))
        self._room = width - 2 * max(16, round(width * 0.08))
        self.arrange()

    def retranslate(self) -> None:
        self.feedback.setText(QCoreApplication.translate("LabHome", "Give feedback"))
        self.here_today.setText(QCoreApplication.translate("LabHome", "Here today"))
        self.call_host.setText(QCoreApplication.translate("LabHome", "Call a host"))
        for button in self.buttons:
            button.setAccessibleName(button.text())
        self.arrange()

    def arrange(self) -> None:
        spacing = self._layout.horizontalSpacing()
        columns, size = 2, max(12, round(self._pixel_size * 0.8))
        for candidate in (self._pixel_size, max(12, round(self._pixel_size * 0.8))):
            self._set_font(candidate)
            needed = sum(b.sizeHint().width() for b in self.buttons) + 2 * spacing
            if self._room <= 0 or needed <= self._room:
                columns, size = 3, candidate
                break
        self._set_font(size)
        if columns == 2:
            widest = max(b.sizeHint().width() for b in self.buttons)
            columns = 2 if 2 * widest + spacing <= self._room else 1
        self.columns = columns
        for button in self.buttons:
            self._layout.removeWidget(button)
        for i, button in enumerate(self.buttons):
            self._layout.addWidget(button, i // columns, i % columns)

    def _set_font(self, pixel_size: int) -> None:
        for button in self.buttons:
            button.set_metrics(pixel_size, self._min_target)


class ResultExtras(QWidget):
    """On the result page: the member's board toggle and the check-out faces (each optional)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultExtras")
        self.toggle = BoardToggle(self)
        self.question = FitLabel(self, weight=QFont.Weight.DemiBold, max_lines=1, min_ratio=0.6)
        self.question.setObjectName("GoodbyeQuestion")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.faces = FaceRow(self)
        self.faces.setObjectName("GoodbyeFaces")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.question)
        layout.addWidget(self.faces)
        self._layout = layout
        self.show_parts(toggle=False, faces=False)
        self.retranslate()

    def show_parts(self, *, toggle: bool, faces: bool) -> None:
        self.toggle.setVisible(toggle)
        self.question.setVisible(faces)
        self.faces.setVisible(faces)
        self.faces.clear()
        self.setVisible(toggle or faces)

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        self._layout.setSpacing(max(2, round(6 * scale)))
        self.toggle.set_scale(scale, min_target)
        self.question.set_pixel_size(round(26 * scale))
        room = width - 2 * max(16, round(width * 0.08))  # the result page's margins
        self.toggle.fit_to(room)
        # Each face itself at least a 9 mm target (its word under it is part of the button).
        diameter = FaceButton.diameter_for(max(min_target, round(76 * scale)))
        words = max(theme.MIN_TEXT_PX, round(20 * scale))
        self.faces.set_metrics(diameter, words, max(8, round(16 * scale)), room)

    def retranslate(self) -> None:
        self.question.set_text(QCoreApplication.translate("Feedback", "How was your visit today?"))
        self.faces.retranslate()
        self.toggle.retranslate()


class LabScreens:
    """Owns the Lab's pages and widgets on one lobby screen."""

    def __init__(self, screen: LobbyParts) -> None:
        stack = screen.pages  # the pages' parent: they live in the lobby's page stack
        self.feedback = FeedbackPage(stack)
        self.here_today = HereTodayPage(stack)
        self.host_call = HostCallPage(screen.tz, stack)
        for page in self.pages:
            screen.pages.addWidget(page)
        self.home_buttons = LabHomeButtons(screen.home)
        screen.home.add_extra(self.home_buttons)
        self.extras = ResultExtras(screen.result)
        screen.result.add_extra(self.extras)
        self._result_icon = screen.result.icon
        self.feedback.cancelled.connect(screen.show_home)
        self.feedback.activity.connect(screen.restart_idle)
        self.here_today.back_requested.connect(screen.show_home)
        self.here_today.more.clicked.connect(screen.restart_idle)
        self.host_call.back_requested.connect(screen.show_home)
        self.extras.toggle.clicked.connect(screen.restart_result_timer)

    def show_extras(self, *, toggle: bool, faces: bool) -> None:
        """The result page's toggle and faces; the big icon (decorative next to the words)
        makes room for them."""
        self.extras.show_parts(toggle=toggle, faces=faces)
        self._result_icon.setVisible(not (toggle or faces))

    @property
    def pages(self) -> tuple[QWidget, ...]:
        return (self.feedback, self.here_today, self.host_call)

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        self.feedback.set_scale(scale, width, min_target)
        self.here_today.set_scale(scale, width, min_target)
        self.host_call.set_scale(scale, width, min_target)
        self.home_buttons.set_scale(scale, width, min_target)
        self.extras.set_scale(scale, width, min_target)

    def retranslate(self) -> None:
        for page in (self.feedback, self.here_today, self.host_call):
            page.retranslate()
        self.home_buttons.retranslate()
        self.extras.retranslate()
