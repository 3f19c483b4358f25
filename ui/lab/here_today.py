"""The "Here today" board ("Paikalla tänään" / "Här i dag") and the member's own toggle.

The board lists members who opted in and are in today: name, organisation (unless hidden)
and up to three interests, so colleagues from other agencies can find each other; today's
hosts are shown under it, with a photo when the site has one. The page only draws what the
controller loaded on the database worker (``kiosk.lab.here_today.board``).

:class:`BoardToggle` sits on a member's welcome/goodbye page after a badge tap: one tap puts
them on the board or takes them off at once. Its state is said in words and a check mark,
not by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.views.lobby import BoardEntry
from ui.common import theme
from ui.common.icons import icon_pixmap
from ui.common.widgets import FitLabel, TouchButton

COLUMNS = 3
ROWS = 2  # what fits at 800x480 with long Finnish words; more with "More"
PER_PAGE = COLUMNS * ROWS


@dataclass(frozen=True)
class HostCard:
    """A host on duty as the lobby shows them: a name and maybe a photo (loaded off the GUI)."""

    name: str
    photo: QImage | None = None


def round_photo(image: QImage, side: int) -> QPixmap:
    """``image`` cropped to a circle ``side`` pixels across."""
    scaled = QPixmap.fromImage(image).scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    out = QPixmap(side, side)
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(0, 0, side, side)
    painter.setClipPath(path)
    painter.drawPixmap((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
    painter.end()
    return out


class HostsStrip(QWidget):
    """The line "Today's hosts: Mikko Korhonen, Helmi Saarinen", with photos when there are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HostsStrip")
        self.label = FitLabel(self, weight=QFont.Weight.DemiBold, max_lines=2, min_ratio=0.6)
        self.label.setObjectName("HostsToday")
        self._hosts: list[HostCard] = []
        self._photos: list[QLabel] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.label, 1)
        self._photo = 56
        self.retranslate()

    @property
    def names(self) -> list[str]:
        return [h.name for h in self._hosts]

    @property
    def photo_count(self) -> int:
        return len(self._photos)

    def set_hosts(self, hosts: Sequence[HostCard]) -> None:
        self._hosts = list(hosts)
        self._fill()

    def set_scale(self, scale: float) -> None:
        self._photo = max(32, round(64 * scale))
        self.label.set_pixel_size(max(14, round(26 * scale)))
        self._layout.setSpacing(max(6, round(12 * scale)))
        self._fill()

    def retranslate(self) -> None:
        if self._hosts:
            text = QCoreApplication.translate("HereToday", "Today's hosts: {names}").format(
                names=", ".join(self.names)
            )
        else:
            text = QCoreApplication.translate("HereToday", "No hosts are on duty today.")
        self.label.set_text(text)
        self.setAccessibleName(text)

    def _fill(self) -> None:
        for photo in self._photos:
            self._layout.removeWidget(photo)
            photo.deleteLater()
        self._photos = []
        for host in self._hosts:
            if host.photo is None or host.photo.isNull():
                continue
            photo = QLabel(self)
            photo.setObjectName("HostPhoto")
            photo.setPixmap(round_photo(host.photo, self._photo))
            photo.setAccessibleName(host.name)
            self._layout.insertWidget(len(self._photos), photo)
            self._photos.append(photo)
        self.retranslate()


class BoardCard(QFrame):
    """One person on the board: name, organisation, interests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BoardCard")
        self.setStyleSheet(
            f"QFrame#BoardCard {{ background: {theme.SURFACE}; border-radius: 12px; }}"
        )
        self.name = FitLabel(self, weight=QFont.Weight.Bold, max_lines=1, min_ratio=0.6)
        self.organisation = FitLabel(self, role="muted", max_lines=1, min_ratio=0.6)
        self.interests = FitLabel(self, max_lines=3, min_ratio=0.6)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.organisation)
        layout.addWidget(self.interests)
        layout.addStretch(1)
        self._layout = layout

    def show_entry(self, entry: BoardEntry) -> None:
        self.name.set_text(entry.name)
        self.organisation.set_text(entry.organisation or "")
        self.organisation.setVisible(bool(entry.organisation))
        self.interests.set_text(" · ".join(entry.interests))
        self.interests.setVisible(bool(entry.interests))
        parts = [entry.name, entry.organisation or "", ", ".join(entry.interests)]
        self.setAccessibleName(". ".join(p for p in parts if p))

    def set_scale(self, scale: float) -> None:
        pad = max(6, round(16 * scale))
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(max(2, round(4 * scale)))
        self.name.set_pixel_size(round(30 * scale))
        self.organisation.set_pixel_size(round(22 * scale))
        self.interests.set_pixel_size(round(22 * scale))


class HereTodayPage(QWidget):
    """The board: cards of who is here and wants to be found, today's hosts, a way back."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HereTodayPage")
        self._entries: list[BoardEntry] = []
        self._page = 0
        self.title = FitLabel(self, role="heading", weight=QFont.Weight.Bold, max_lines=1)
        self.title.setObjectName("HereTodayTitle")
        self.help = FitLabel(self, role="muted", max_lines=2, min_ratio=0.6)
        self.empty = FitLabel(self, max_lines=3, min_ratio=0.6)
        self.empty.setObjectName("HereTodayEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cards = [BoardCard(self) for _ in range(PER_PAGE)]
        grid = QGridLayout()
        for i, card in enumerate(self.cards):
            card.setVisible(False)
            grid.addWidget(card, i // COLUMNS, i % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self._grid = grid
        self.hosts = HostsStrip(self)
        self.more = TouchButton(parent=self)
        self.more.setObjectName("HereTodayMore")
        self.more.clicked.connect(self._next_page)
        self.back = TouchButton(parent=self)
        self.back.setObjectName("HereTodayBack")
        self.back.setProperty("kind", "primary")
        self.back.clicked.connect(self.back_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hosts, 1)
        bottom.addWidget(self.more)
        bottom.addWidget(self.back)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.help)
        self._layout.addWidget(self.empty)
        self._layout.addLayout(grid)
        self._layout.addStretch(1)
        self._layout.addLayout(bottom)
        self.retranslate()

    @property
    def shown_names(self) -> list[str]:
        return [c.name.text() for c in self.cards if c.isVisibleTo(self)]

    def set_entries(self, entries: Sequence[BoardEntry]) -> None:
        self._entries = list(entries)
        self._page = 0
        self._fill()

    def set_hosts(self, hosts: Sequence[HostCard]) -> None:
        self.hosts.set_hosts(hosts)

    def set_scale(self, scale: float, width: int, min_target: int) -> None:
        side = max(16, round(width * 0.04))
        self._layout.setContentsMargins(side, round(14 * scale), side, round(12 * scale))
        self._layout.setSpacing(max(4, round(12 * scale)))
        self._grid.setSpacing(max(6, round(16 * scale)))
        self.title.set_pixel_size(round(54 * scale))
        self.help.set_pixel_size(round(26 * scale))
        self.empty.set_pixel_size(round(32 * scale))
        for card in self.cards:
            card.set_scale(scale)
        self.hosts.set_scale(scale)
        for button in (self.more, self.back):
            button.set_metrics(max(14, round(26 * scale)), min_target)
            button.setMinimumHeight(max(min_target, round(64 * scale)))

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("HereToday", "Here today"))
        self.setAccessibleName(self.title.text())
        self.help.set_text(
            QCoreApplication.translate(
                "HereToday",
                "Colleagues from different agencies who would like to meet. Say hello!",
            )
        )
        self.empty.set_text(
            QCoreApplication.translate(
                "HereToday",
                "Nobody is on the board right now. Members can join after tapping their badge.",
            )
        )
        self.more.setText(QCoreApplication.translate("HereToday", "More"))
        self.more.setAccessibleName(QCoreApplication.translate("HereToday", "Show more people"))
        self.back.setText(QCoreApplication.translate("LobbyScreen", "Back to start"))
        self.back.setAccessibleName(self.back.text())
        self.hosts.retranslate()

    def _next_page(self) -> None:
        pages = max(1, -(-len(self._entries) // PER_PAGE))
        self._page = (self._page + 1) % pages
        self._fill()

    def _fill(self) -> None:
        shown = self._entries[self._page * PER_PAGE : (self._page + 1) * PER_PAGE]
        for i, card in enumerate(self.cards):
            if i < len(shown):
                card.show_entry(shown[i])
                card.setVisible(True)
            else:
                card.setVisible(False)
        self.empty.setVisible(not self._entries)
        self.more.setVisible(len(self._entries) > PER_PAGE)


def two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle (unchanged without a space)."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


class BoardToggle(TouchButton):
    """The member's switch: "Show me on the Here today board", checked when they are on it."""

    chosen = Signal(bool)  # the person tapped it: True = on the board

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setObjectName("BoardToggle")
        self.setCheckable(True)
        self.setVisible(False)
        self._icon_size = 24
        self._min_height = 0
        self._room = 0  # the width its row gives it (0: not known yet)
        self._label = ""
        self.clicked.connect(self._clicked)
        self.toggled.connect(lambda _on: self.retranslate())
        self.retranslate()

    def fit_to(self, room: int) -> None:
        """The row is ``room`` pixels wide: a label longer than that goes on two lines."""
        if room != self._room:
            self._room = room
            self._show_label()

    def set_on(self, on: bool) -> None:
        """The stored answer (no signal)."""
        self.blockSignals(True)
        self.setChecked(on)
        self.blockSignals(False)
        self.retranslate()

    def set_scale(self, scale: float, min_target: int) -> None:
        self.set_metrics(max(14, round(26 * scale)), min_target)
        self._min_height = max(min_target, round(64 * scale))
        self._icon_size = max(14, round(28 * scale))
        self.retranslate()

    def retranslate(self) -> None:
        if self.isChecked():
            self._label = QCoreApplication.translate("HereToday", "You are on the Here today board")
            self.setIcon(QIcon(icon_pixmap("check", theme.ON_BRAND, self._icon_size)))
            self.setIconSize(QSize(self._icon_size, self._icon_size))
        else:
            self._label = QCoreApplication.translate("HereToday", "Show me on the Here today board")
            self.setIcon(QIcon())
        self.setAccessibleName(
            QCoreApplication.translate("HereToday", "Show me on the Here today board")
        )
        self._show_label()

    def _show_label(self) -> None:
        """On one line when it fits its row (padding and icon included), else on two."""
        self.setText(self._label)
        if self._room and self.sizeHint().width() > self._room:
            self.setText(two_lines(self._label))
        self.setMinimumHeight(max(self._min_height, self.sizeHint().height()))

    def _clicked(self, checked: bool) -> None:
        # Shown as changed only once it is stored (the controller calls set_on then).
        self.set_on(not checked)
        self.chosen.emit(checked)
