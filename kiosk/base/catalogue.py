"""The kiosk's translation catalogues, read without Qt, for documents the core writes.

Screens translate through Qt (``ui.common.i18n``); the usage report is written by the admin CLI,
which must run without a display. Both read the same catalogues: the core marks its strings with
:func:`QT_TRANSLATE_NOOP` (which ``pyside6-lupdate`` collects, see tools/update_translations.py)
and looks them up here in ``resources/translations/kiosk_{lang}.ts``. One translation system,
one place where a translator works.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache

from resources import resource_path


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged (the English source)."""
    return text


@cache
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """Finished translations of one language: (context, English source) to translated text.

    A missing file or an unfinished entry is absent, so :func:`translate` falls back to English:
    a report in English beats no report.
    """
    path = resource_path("translations", f"kiosk_{lang}.ts")
    if not path.is_file():
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if node.text:
                found[(name, message.findtext("source") or "")] = node.text
    return found


def translate(lang: str, context: str, text: str) -> str:
    """``text`` (the English source) in ``lang``; English when there is no translation."""
    return catalogue(lang).get((context, text), text)
