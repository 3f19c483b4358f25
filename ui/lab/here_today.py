"""The "Here today" board ("Paikalla tänään" / "Här i dag") and the member's own toggle.

The board lists members who opted in and are in today: name, organisation (unless hidden)
and up to three interests, so colleagues from other agencies can find each other; today's
hosts are shown under it, with a photo when the site has one. The page only draws what the
controller loaded on the database worker (``kiosk.lab.here_today.board``).

The member's own switch for the board is :class:`ui.lab.board_toggle.BoardToggle`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPainterPath,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.views.lobby import BoardEntry
from ui.common import theme
from ui.common.fonts import ui_font
from ui.common.widgets import FitLabel, TouchButton

COLUMNS = 3
ROWS = 2  # at most; fewer when a row of cards would not fit (800x480, the offline strip)
PER_PAGE = COLUMNS * ROWS
_TALL = 1_000_000


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
        # Two lines: "Terveyden ja hyvinvoinnin laitos" wraps on a narrow card, never shrinks.
        self.organisation = FitLabel(self, role="muted", max_lines=2, min_ratio=0.6)
        self.interests = FitLabel(self, max_lines=3, min_ratio=0.6)
        self._sizes = (30, 22, 22)  # design pixel sizes of name, organisation, interests
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
        self._sizes = (round(30 * scale), round(22 * scale), round(22 * scale))
        for label, size in zip(self.labels(), self._sizes, strict=True):
            label.set_pixel_size(size)

    def labels(self) -> tuple[FitLabel, FitLabel, FitLabel]:
        return (self.name, self.organisation, self.interests)

    def height_for(self, entry: BoardEntry, width: int) -> int:
        """The height this card needs for ``entry`` at ``width``, its text at full size."""
        margins = self._layout.contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        texts = (entry.name, entry.organisation or "", " · ".join(entry.interests))
        height = margins.top() + margins.bottom()
        for label, size, text in zip(self.labels(), self._sizes, texts, strict=True):
            if not text:
                continue
            metrics = QFontMetrics(ui_font(max(size, theme.MIN_TEXT_PX), label.font().weight()))
            flags = int(Qt.TextFlag.TextWordWrap)
            lines = metrics.boundingRect(QRect(0, 0, inner, _TALL), flags, text).height()
            height += min(lines, label.max_lines * metrics.lineSpacing())
            height += self._layout.spacing()
        return height


def _tallest_page(heights: Sequence[int], rows: int, spacing: int) -> int:
    """The height the fullest page of cards needs, ``rows`` rows of ``COLUMNS`` a page (each
    row as tall as its tallest card)."""
    tallest = 0
    for start in range(0, len(heights), rows * COLUMNS):
        page = heights[start : start + rows * COLUMNS]
        lines = [max(page[i : i + COLUMNS]) for i in range(0, len(page), COLUMNS)]
        tallest = max(tallest, sum(lines) + (len(lines) - 1) * spacing)
    return tallest


class HereTodayPage(QWidget):
    """The board: cards of who is here and wants to be found, today's hosts, a way back."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HereTodayPage")
        self._entries: list[BoardEntry] = []
        self._page = 0
        self._per_page = PER_PAGE
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
        self._bottom = bottom
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
        self._arrange()
        self._fill()

    @property
    def per_page(self) -> int:
        return self._per_page

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._arrange():
            self._fill()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # A label refitted its font (after a resize, a new language): the room changed.
        ready = hasattr(self, "_bottom")  # not while __init__ builds the page
        if ready and event.type() == QEvent.Type.LayoutRequest and self._arrange():
            self._fill()
        return handled

    def _arrange(self) -> bool:
        """As many rows of cards as the page has room for (the title, help and the bottom row
        keep theirs); True when that changed."""
        layout = self._layout
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        spacing = self._grid.spacing()
        card_width = (width - (COLUMNS - 1) * spacing) // COLUMNS
        card = self.cards[0]
        heights = [card.height_for(entry, card_width) for entry in self._entries]
        fixed = margins.top() + margins.bottom() + 4 * layout.spacing()
        fixed += self.title.sizeHint().height() + self.help.heightForWidth(width)
        bottom = self._bottom
        wraps = bottom.hasHeightForWidth()
        fixed += bottom.heightForWidth(width) if wraps else bottom.sizeHint().height()
        room = self.height() - fixed
        rows = ROWS
        while rows > 1 and _tallest_page(heights, rows, spacing) > room:
            rows -= 1
        per_page = rows * COLUMNS
        if per_page == self._per_page:
            return False
        self._per_page = per_page
        self._page = 0
        return True

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
        if self._arrange():
            self._fill()

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
        if self._arrange():  # a longer help text leaves less room for cards
            self._fill()

    def _next_page(self) -> None:
        pages = max(1, -(-len(self._entries) // self._per_page))
        self._page = (self._page + 1) % pages
        self._fill()

    def _fill(self) -> None:
        per_page = self._per_page
        shown = self._entries[self._page * per_page : (self._page + 1) * per_page]
        for i, card in enumerate(self.cards):
            if i < len(shown):
                card.show_entry(shown[i])
                card.setVisible(True)
            else:
                card.setVisible(False)
        self.empty.setVisible(not self._entries)
        self.more.setVisible(len(self._entries) > per_page)
