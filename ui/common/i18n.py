"""Languages of the kiosk: Finnish, Swedish and English, switchable while the kiosk runs.

Source strings are English, in code, wrapped in ``QCoreApplication.translate(context, text)`` so
``tools/update_translations.py`` (pyside6-lupdate) can extract them into
``resources/translations/kiosk_{fi,sv,en}.ts``; the compiled ``.qm`` files sit beside them.
A table of fixed messages marks its literals with ``QT_TRANSLATE_NOOP(context, text)`` instead
and translates an entry where it is shown (``translate_marked``).
Placeholders are Python ``str.format`` names (``{name}``, ``{time}``) so translators can move
them.

``LanguageManager`` installs one translator at a time and sets Qt's default locale to match, so
words (translator) and dates/times (``ui.common.formatting``) always switch together. Qt then sends
``QEvent.LanguageChange`` to every widget; screens re-render their texts in ``changeEvent``.

``StretchTranslator`` is the layout stress test (after Vorta's ``TRANS_SCALE``): it makes every
word several times longer and unbreakable, like Finnish compounds
("kokoustilavarausjärjestelmä"), so tests and screenshots show whether layouts survive.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator, Signal

from resources import resource_path

log = logging.getLogger(__name__)

# Endonyms: each language's button is always labelled in that language, never translated.
LANGUAGES: dict[str, str] = {"fi": "Suomi", "sv": "Svenska", "en": "English"}

_LOCALES: dict[str, tuple[QLocale.Language, QLocale.Country]] = {
    "fi": (QLocale.Language.Finnish, QLocale.Country.Finland),
    "sv": (QLocale.Language.Swedish, QLocale.Country.Finland),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

#: PySide6's ``QT_TRANSLATE_NOOP(context, text)``, typed (its stub returns ``object``). It marks
#: a literal for lupdate where a table holds it and returns it unchanged; translate the table's
#: entry where it is shown, with :func:`translate_marked` and the same context.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

_PLACEHOLDER = re.compile(r"(\{[A-Za-z_][A-Za-z0-9_]*\}|%n)")
_WORD = re.compile(r"\w+")


def locale_for(code: str) -> QLocale:
    """The QLocale used for a language code (Finland's Swedish, British English)."""
    try:
        language, country = _LOCALES[code]
    except KeyError:
        raise ValueError(f"unsupported language {code!r}; use one of {sorted(LANGUAGES)}") from None
    return QLocale(language, country)


def qm_path(code: str) -> Path:
    """Where the compiled translations of a language live."""
    return resource_path("translations", f"kiosk_{code}.qm")


def translate_marked(context: str, text: str) -> str:
    """Translate ``text`` from a table, marked there with ``QT_TRANSLATE_NOOP(context, text)``.

    The one ``QCoreApplication.translate`` call in ``ui/`` whose arguments are not literals
    (``tests/ui/common/test_translations.py`` holds every other call to literals).
    """
    return QCoreApplication.translate(context, text)


def stretch_text(text: str, factor: int) -> str:
    """Repeat every word ``factor`` times without spaces; placeholders stay intact.

    ``"Free until {time}"`` becomes ``"FreeFree untiluntil {time}"`` at factor 2: twice as long
    and with words that cannot be wrapped, which is how long Finnish compounds behave.
    """
    if factor <= 1:
        return text
    pieces = _PLACEHOLDER.split(text)
    for i in range(0, len(pieces), 2):  # even indices are text, odd ones placeholders
        pieces[i] = _WORD.sub(lambda m: m.group(0) * factor, pieces[i])
    return "".join(pieces)


class StretchTranslator(QTranslator):
    """Answers every lookup with the (inner) translation, stretched by ``factor``.

    Installed last, it is asked first, so it sees every string the UI translates, including
    those without a translation (it then stretches the English source).
    """

    def __init__(
        self, inner: QTranslator | None, factor: int = 2, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._inner = inner
        self._factor = factor

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        translated: str | None = None
        if self._inner is not None:
            translated = self._inner.translate(context, source_text, disambiguation, n)
        return stretch_text(translated or source_text, self._factor)

    def isEmpty(self) -> bool:
        return False


class LanguageManager(QObject):
    """Switches the kiosk's language: translator, default locale, and the change event.

    ``stretch`` > 1 wraps the translator in ``StretchTranslator`` (tests, layout checks).
    """

    language_changed = Signal(str)

    def __init__(
        self, app: QCoreApplication, stretch: int = 1, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._stretch = stretch
        self._language: str | None = None
        self._installed: list[QTranslator] = []

    @property
    def language(self) -> str | None:
        """The current language code, or None before the first ``set_language``."""
        return self._language

    def set_language(self, code: str) -> None:
        """Switch to ``"fi"``, ``"sv"`` or ``"en"``; unknown codes raise ``ValueError``.

        A missing or unreadable ``.qm`` file is logged and the kiosk carries on in English:
        a visitor seeing English beats a lobby screen that does not start.
        """
        locale = locale_for(code)
        if code == self._language:
            return
        translators = self._load(code)
        QLocale.setDefault(locale)
        for old in self._installed:
            self._app.removeTranslator(old)
        for new in translators:
            self._app.installTranslator(new)
        had_translators = bool(self._installed)
        self._installed = translators
        self._language = code
        if not translators and not had_translators:
            # Nothing was (un)installed, so Qt sends no event; the locale still changed.
            QCoreApplication.sendEvent(self._app, QEvent(QEvent.Type.LanguageChange))
        self.language_changed.emit(code)

    def shutdown(self) -> None:
        """Remove our translators (tests reuse one QApplication)."""
        for old in self._installed:
            self._app.removeTranslator(old)
        self._installed = []
        self._language = None

    def _load(self, code: str) -> list[QTranslator]:
        path = qm_path(code)
        candidate = QTranslator(self)
        translator = candidate if candidate.load(str(path)) else None
        if translator is None and code != "en":
            log.error("translations for %r not found or unreadable at %s", code, path)
        if self._stretch > 1:
            return [StretchTranslator(translator, self._stretch, self)]
        return [translator] if translator is not None else []
