"""The console's main window: a side list of pages, the problem banner, a language choice.

A normal desktop window (never full screen), laid out for 1280x800 and up. The pages share the
one ``ConsoleCalls`` worker, so nothing any page asks for blocks the window; what goes wrong is
shown in the banner above the pages, in the language chosen in the header.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.i18n import LANGUAGES
from ui.console.banner import MessageBanner, ProblemBanner
from ui.console.calls import ConsoleCalls
from ui.console.page import ConsolePage
from ui.console.style import console_stylesheet


class ConsoleWindow(QMainWindow):
    def __init__(
        self,
        calls: ConsoleCalls,
        pages: Sequence[ConsolePage],
        *,
        language: str,
        where: str = "",
        on_language: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.setObjectName("ConsoleWindow")
        self.setStyleSheet(console_stylesheet())
        self.calls = calls
        self.pages = list(pages)
        self._staff_name = ""
        self._where = where  # the service's address, or "this machine"

        header = QFrame(self)
        header.setObjectName("ConsoleHeader")
        self.title = QLabel(header)
        self.title.setProperty("role", "heading")
        self.who = QLabel(header)
        self.busy = QLabel(header)  # says the service is being asked; the window stays usable
        self.busy.setObjectName("consoleBusy")
        self.busy.hide()
        calls.busy_changed.connect(self.busy.setVisible)
        self.language_label = QLabel(header)
        self.language = QComboBox(header)
        self.language.setObjectName("consoleLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # endonyms: never translated
        self.language.setCurrentIndex(list(LANGUAGES).index(language))
        self.language.currentIndexChanged.connect(
            lambda i: on_language(str(self.language.itemData(i)))
        )
        self.language_label.setBuddy(self.language)
        top = QHBoxLayout(header)
        top.setContentsMargins(16, 8, 16, 8)
        top.addWidget(self.title)
        top.addSpacing(24)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.who)
        top.addSpacing(24)
        top.addWidget(self.language_label)
        top.addWidget(self.language)

        self.problems = ProblemBanner(self)
        self.notice = MessageBanner("NoticeBanner", self)
        calls.problem.connect(self.problems.show_problem)
        calls.answered.connect(self.problems.service_answered)

        self.nav = QListWidget(self)
        self.nav.setObjectName("ConsoleNav")
        self.nav.setFixedWidth(200)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.nav.addItem(page.title())
            self.stack.addWidget(page)
            page.notice.connect(lambda text: self.notice.say(text))
        self.nav.currentRowChanged.connect(self._show_page)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        root = QWidget(self)
        column = QVBoxLayout(root)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addWidget(self.problems)
        column.addWidget(self.notice)
        column.addLayout(body, 1)
        self.setCentralWidget(root)
        self.setMinimumSize(960, 600)
        self.resize(1280, 800)
        # Tab goes as the eye does: language, messages, the page list, then the page.
        QWidget.setTabOrder(self.language, self.problems.close_button)
        QWidget.setTabOrder(self.problems.close_button, self.notice.close_button)
        QWidget.setTabOrder(self.notice.close_button, self.nav)
        self._retranslate()
        self.nav.setCurrentRow(0)

    def set_staff_name(self, name: str) -> None:
        """Who the credential acts as (the service's answer to "who am I")."""
        self._staff_name = name
        self._retranslate()

    def page(self, cls: type[ConsolePage]) -> ConsolePage:
        return next(p for p in self.pages if isinstance(p, cls))

    def show_page(self, cls: type[ConsolePage]) -> None:
        self.nav.setCurrentRow(self.pages.index(self.page(cls)))

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.pages[row].shown()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        title = self.tr("Lab Kiosk – staff console")
        self.setWindowTitle(f"{title} – {self._where}" if self._where else title)
        self.title.setText(self.tr("Staff console"))
        self.busy.setText(self.tr("Asking the service…"))
        if self._staff_name:
            self.who.setText(self.tr("Signed in as {name}").format(name=self._staff_name))
        self.language_label.setText(self.tr("&Language"))
        self.language.setAccessibleName(self.tr("Language"))
        self.nav.setAccessibleName(self.tr("Pages"))
        for row, page in enumerate(self.pages):
            item = self.nav.item(row)
            if item is not None:
                item.setText(page.title())
                item.setData(Qt.ItemDataRole.AccessibleTextRole, page.title())

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages:
            page.stop()
        self.calls.shutdown()  # the call under way finishes; its answer is dropped
        super().closeEvent(event)
