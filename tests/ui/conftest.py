"""Fixtures for the screens: the site zone and languages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from ui.common.i18n import LanguageManager

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def tz() -> ZoneInfo:
    return HELSINKI


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[..., LanguageManager]]:
    """``language("fi")`` switches the app's language (``stretch=2`` for long-word tests).

    Translators and the default locale are process-wide, so everything is put back afterwards.
    """
    original = QLocale()
    managers: list[LanguageManager] = []

    def switch(code: str, stretch: int = 1) -> LanguageManager:
        for old in managers:
            old.shutdown()
        manager = LanguageManager(qapp, stretch=stretch)
        manager.set_language(code)
        managers.append(manager)
        qapp.processEvents()  # deliver the posted LanguageChange events
        return manager

    yield switch
    for manager in managers:
        manager.shutdown()
        manager.deleteLater()
    QLocale.setDefault(original)
    qapp.processEvents()
