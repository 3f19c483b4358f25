"""The pieces of the lobby screen: home page and the language bar (the result page is in
ui/lobby/result.py).

They only lay out and size their widgets; ``ui.lobby.screen.LobbyScreen`` decides what they say and
when they show, so the page classes stay small and the rules stay in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from ui.camera.preview import CameraPreview
from ui.common import theme
from ui.common.formatting import language_code
from ui.common.i18n import LANGUAGES
from ui.common.icons import icon_pixmap
from ui.common.widgets import FitLabel, IconCircle, TouchButton

CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def centred_column(parent: QWidget) -> QVBoxLayout:
    # Centred by stretches above and below, not by layout alignment: an aligned layout gives
    # each label only its size hint, and the labels must get the full width to wrap well.
    return QVBoxLayout(parent)


class HomePage(QWidget):
    """Welcome, and what to do: tap a badge or show the invitation's QR code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HomePage")
        self.badge_icon = IconCircle(self)
        self.badge_icon.set_icon("badge", theme.ColorPair(theme.BRAND, theme.TINT))
        self.qr_icon = IconCircle(self)
        self.qr_icon.set_icon("qr", theme.ColorPair(theme.BRAND, theme.TINT))
        self.heading = FitLabel(
            self, role="heading", weight=QFont.Weight.Bold, alignment=CENTER, max_lines=2
        )
        self.heading.setObjectName("HomeHeading")
        self.instruction = FitLabel(self, max_lines=3, alignment=CENTER, min_ratio=0.6)
        self.instruction.setObjectName("HomeInstruction")
        self._room = 0
        self._scale = 1.0
        self.camera_preview: CameraPreview | None = None  # only with a working camera
        self._camera_active = False
        self.walkin = TouchButton(parent=self)
        self.walkin.setObjectName("WalkinButton")
        self.checkout = TouchButton(parent=self)
        self.checkout.setObjectName("CheckoutButton")

        icons = QHBoxLayout()
        icons.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icons.addWidget(self.badge_icon)
        icons.addWidget(self.qr_icon)
        self._icons = icons

        self._layout = centred_column(self)
        self._layout.addStretch(1)
        self._layout.addLayout(icons)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.instruction)
        actions = QHBoxLayout()
        actions.setAlignment(Qt.AlignmentFlag.AlignCenter)
        actions.addWidget(self.walkin)
        actions.addWidget(self.checkout)
        self._actions = actions
        self._layout.addLayout(actions)
        self._layout.addStretch(1)

    def set_scale(self, scale: float, width: int, min_target: int = 0) -> None:
        side = max(16, round(width * 0.08))
        self._layout.setContentsMargins(side, 0, side, 0)
        self._layout.setSpacing(max(6, round(20 * scale)))
        self._icons.setSpacing(max(8, round(28 * scale)))
        for circle in (self.badge_icon, self.qr_icon):
            circle.set_diameter(round(150 * scale))
        if self.camera_preview is not None:
            self.camera_preview.set_side(round(260 * scale))
        self._scale = scale
        self.heading.set_pixel_size(round(84 * scale))
        self.instruction.set_pixel_size(round(46 * scale))
        self._actions.setSpacing(max(8, round(24 * scale)))
        for button in (self.walkin, self.checkout):
            button.set_metrics(max(14, round(26 * scale)), min_target)
            button.setMinimumHeight(max(min_target, round(64 * scale)))
        self._room = width - 2 * side
        self.arrange_actions()

    def add_extra(self, widget: QWidget) -> None:
        """A row under the main actions (the Lab's own buttons, ui/lab/pages.py)."""
        self._layout.insertWidget(self._layout.count() - 1, widget)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_icons()

    def fit_icons(self) -> None:
        """The icons repeat what the words say: on a short screen with long words (Finnish at
        800x480) they give up their room so the heading, instruction and buttons keep theirs."""
        spacing = self._layout.spacing()
        needed = 0
        for i in range(self._layout.count()):
            item = self._layout.itemAt(i)
            if item is None or item.layout() is self._icons or item.spacerItem() is not None:
                continue
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            needed += item.sizeHint().height() + spacing
        if self._camera_active:
            return  # the live picture is how a visitor aims the code: it always stays
        icons = max(c.sizeHint().height() for c in (self.badge_icon, self.qr_icon))
        show = self.height() - needed >= icons + spacing
        for circle in (self.badge_icon, self.qr_icon):
            circle.setVisible(show)

    def set_camera_preview(self, preview: CameraPreview) -> None:
        """Put the live camera picture where the QR icon is; it shows only while the camera
        delivers (``set_camera_active``), so without a camera the page is unchanged."""
        self.camera_preview = preview
        preview.setParent(self)
        preview.setAccessibleName(self.instruction.text())
        preview.set_side(round(260 * self._scale))
        self._icons.insertWidget(self._icons.indexOf(self.qr_icon) + 1, preview)
        self.set_camera_active(False)

    def set_camera_active(self, active: bool) -> None:
        if self.camera_preview is None:
            return
        self._camera_active = active
        self.camera_preview.setVisible(active)
        self.badge_icon.setVisible(True)
        self.qr_icon.setVisible(not active)
        if not active:
            self.fit_icons()

    def retranslate(self) -> None:
        self.heading.set_text(QCoreApplication.translate("LobbyScreen", "Welcome"))
        self.instruction.set_text(
            QCoreApplication.translate(
                "LobbyScreen", "Tap your badge or show the QR code of your invitation"
            )
        )
        if self.camera_preview is not None:  # says what the picture is for
            self.camera_preview.setAccessibleName(self.instruction.text())
        self.walkin.setText(
            QCoreApplication.translate("LobbyScreen", "No invitation? Register here")
        )
        self.walkin.setAccessibleName(self.walkin.text())
        self.checkout.setText(QCoreApplication.translate("LobbyScreen", "Check out"))
        self.checkout.setAccessibleName(self.checkout.text())
        self.arrange_actions()

    def arrange_actions(self) -> None:
        """Side by side when both fit, stacked when long words (Finnish) need the width;
        called again when the language (and so the button texts) changes."""
        room = self._room
        needed = sum(b.sizeHint().width() for b in (self.walkin, self.checkout))
        needed += self._actions.spacing()
        side_by_side = needed <= room
        self._actions.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        # Stacked buttons share one width, so they read as a pair.
        width = (
            0
            if side_by_side
            else min(room, max(b.sizeHint().width() for b in (self.walkin, self.checkout)))
        )
        for button in (self.walkin, self.checkout):
            button.setMinimumWidth(width)


class LanguageBar(QFrame):
    """Suomi / Svenska / English, each always in its own language; the current one is filled
    and carries a check mark, so the choice is not shown by colour alone."""

    language_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LanguageBar")
        self.buttons: dict[str, TouchButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._icon_size = 24
        self._layout = QHBoxLayout(self)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for code, endonym in LANGUAGES.items():
            button = TouchButton(endonym, self)
            button.setObjectName(f"Language_{code}")
            button.setCheckable(True)
            button.setAccessibleName(endonym)
            button.clicked.connect(lambda _checked=False, c=code: self._on_clicked(c))
            self._group.addButton(button)
            self._layout.addWidget(button)
            self.buttons[code] = button
        self.retranslate()

    def set_scale(self, scale: float, min_target: int) -> None:
        margin = max(8, round(20 * scale))
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(max(10, round(24 * scale)))
        self._icon_size = max(14, round(28 * scale))
        for button in self.buttons.values():
            button.set_metrics(max(16, round(30 * scale)), min_target)
            button.setMinimumWidth(max(min_target, round(220 * scale)))
            button.setMinimumHeight(max(min_target, round(72 * scale)))
        self.sync_current()

    def retranslate(self) -> None:
        description = QCoreApplication.translate("LobbyScreen", "Change the language")
        for button in self.buttons.values():
            button.setAccessibleDescription(description)
        self.sync_current()

    def sync_current(self) -> None:
        """Mark the language Qt is actually using (not the one last clicked)."""
        current = language_code()
        for code, button in self.buttons.items():
            selected = code == current
            button.setChecked(selected)
            if selected:
                button.setIcon(self._check_icon())
                button.setIconSize(QSize(round(self._icon_size * 1.4), self._icon_size))
            else:
                button.setIcon(QIcon())

    def _check_icon(self) -> QIcon:
        """The check mark with transparent room on its right: Qt puts no gap before the text."""
        dpr = self.devicePixelRatioF()
        size = self._icon_size
        canvas = QPixmap(round(size * 1.4 * dpr), round(size * dpr))
        canvas.setDevicePixelRatio(dpr)
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        painter.drawPixmap(0, 0, icon_pixmap("check", theme.ON_BRAND, size, dpr))
        painter.end()
        return QIcon(canvas)

    def _on_clicked(self, code: str) -> None:
        self.sync_current()  # the language changes only when the controller says so
        self.language_requested.emit(code)
