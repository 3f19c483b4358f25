"""Translations: complete, up to date with the code, and switchable while the kiosk runs."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from tools import update_translations
from ui.common.i18n import LANGUAGES, LanguageManager, locale_for, qm_path, stretch_text

TS_DIR = update_translations.TRANSLATIONS_DIR
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|%\d")


def messages(code: str) -> list[ET.Element]:
    return list(ET.parse(TS_DIR / f"kiosk_{code}.ts").getroot().iter("message"))


def translations_of(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = node.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [node.text or ""]


def test_committed_translations_are_up_to_date_with_the_code() -> None:
    """lupdate + lrelease into a scratch copy must reproduce the committed files byte for byte.

    If this fails: run ``python -m tools.update_translations``, translate what is new in the
    .ts files, run it again, and commit .ts and .qm together.
    """
    assert update_translations.stale_files() == []


def _translate_calls(path: Path) -> list[ast.Call]:
    """``QCoreApplication.translate(...)`` and ``QT_TRANSLATE_NOOP(...)`` (a table's marks)."""
    return [
        node
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and (
            (
                isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "QCoreApplication"
            )
            or (isinstance(node.func, ast.Name) and node.func.id == "QT_TRANSLATE_NOOP")
        )
    ]


def _marked_passthrough() -> tuple[Path, range]:
    """Where ``ui.common.i18n.translate_marked`` stands: the one call translating a variable."""
    path = update_translations.SOURCE_DIR / "common" / "i18n.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef) and node.name == "translate_marked":
            return path, range(node.lineno, (node.end_lineno or node.lineno) + 1)
    raise AssertionError("ui.common.i18n.translate_marked is gone")


def test_every_string_the_screens_translate_is_in_the_translation_files() -> None:
    """lupdate only extracts ``QCoreApplication.translate("Context", "literal")`` (and
    ``self.tr("literal")``, and ``QT_TRANSLATE_NOOP("Context", "literal")`` marking a table's
    entry): a string passed through an alias (``tr = ...translate``) or a helper (``_tr(text)``)
    is extracted wrongly or not at all, and stays English on screen. Only
    ``translate_marked``, which translates the marked table entries, passes a variable."""
    known: set[tuple[str | None, str | None]] = set()
    for context in ET.parse(TS_DIR / "kiosk_fi.ts").getroot().iter("context"):
        for message in context.iter("message"):
            known.add((context.findtext("name"), message.findtext("source")))
    missing, dynamic = [], []
    passthrough_file, passthrough_lines = _marked_passthrough()
    for path in update_translations.source_files():
        text = path.read_text(encoding="utf-8")
        if re.search(r"=\s*QCoreApplication\.translate\s*$", text, re.MULTILINE):
            dynamic.append(f"{path.name}: binds QCoreApplication.translate to another name")
        for call in _translate_calls(path):
            args = call.args[:2]
            if len(args) < 2 or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                if path == passthrough_file and call.lineno in passthrough_lines:
                    continue
                dynamic.append(f"{path.name}:{call.lineno}: not two string literals")
                continue
            key = (args[0].value, args[1].value)  # type: ignore[attr-defined]
            if key not in known:
                missing.append(f"{path.name}:{call.lineno}: {key}")
    assert dynamic == [] and missing == []


@pytest.mark.parametrize("code", ["fi", "sv"])
def test_finnish_and_swedish_are_complete(code: str) -> None:
    unfinished = [
        m.findtext("source")
        for m in messages(code)
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
        or not all(translations_of(m))
    ]
    assert unfinished == []


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_translations_keep_the_placeholders(code: str) -> None:
    for message in messages(code):
        source = message.findtext("source") or ""
        for text in translations_of(message):
            if text:
                assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                    source,
                    text,
                )


def test_every_language_has_a_compiled_file() -> None:
    for code in LANGUAGES:
        assert qm_path(code).is_file(), code


def test_language_buttons_are_endonyms() -> None:
    assert LANGUAGES == {"fi": "Suomi", "sv": "Svenska", "en": "English"}


@pytest.mark.parametrize(
    ("code", "free", "welcome"),
    [("fi", "Vapaa", "Tervetuloa"), ("sv", "Ledigt", "Välkommen"), ("en", "Free", "Welcome")],
)
def test_switching_language_installs_translations_and_locale(
    language: Callable[..., LanguageManager], code: str, free: str, welcome: str
) -> None:
    manager = language(code)
    assert manager.language == code
    assert QCoreApplication.translate("DoorScreen", "Free") == free
    assert QCoreApplication.translate("LobbyScreen", "Welcome") == welcome
    assert QLocale().language() == locale_for(code).language()


def test_waiting_changes_are_counted_in_each_language(
    language: Callable[..., LanguageManager],
) -> None:
    from ui.common.widgets.status_strip import _waiting

    language("en")
    assert _waiting(1) == "1 change waiting to be sent"
    assert _waiting(3) == "3 changes waiting to be sent"
    language("fi")
    assert _waiting(1) == "1 muutos odottaa lähetystä"
    assert _waiting(3) == "3 muutosta odottaa lähetystä"
    language("sv")
    assert _waiting(1) == "1 ändring väntar på att skickas"
    assert _waiting(3) == "3 ändringar väntar på att skickas"


def test_language_changed_is_emitted_once_per_real_change(
    qapp: QApplication, language: Callable[..., LanguageManager]
) -> None:
    manager = language("fi")
    seen: list[str] = []
    manager.language_changed.connect(seen.append)
    manager.set_language("fi")
    manager.set_language("sv")
    assert seen == ["sv"]


def test_unknown_language_is_refused(qapp: QApplication) -> None:
    manager = LanguageManager(qapp)
    with pytest.raises(ValueError, match="unsupported language"):
        manager.set_language("de")
    assert manager.language is None


def test_missing_qm_file_falls_back_to_english(
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr("ui.common.i18n.qm_path", lambda code: tmp_path / f"kiosk_{code}.qm")
    manager = LanguageManager(qapp)
    try:
        manager.set_language("fi")
        assert QCoreApplication.translate("DoorScreen", "Free") == "Free"
        assert "not found" in caplog.text
    finally:
        manager.shutdown()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_stretch_doubles_words_but_keeps_placeholders() -> None:
    assert stretch_text("Free until {time}", 2) == "FreeFree untiluntil {time}"
    assert stretch_text("%n min", 3) == "%n minminmin"
    assert stretch_text("Tervetuloa, {name}!", 1) == "Tervetuloa, {name}!"
    assert stretch_text("Tervetuloa, {name}!", 2).format(name="Aino") == (
        "TervetuloaTervetuloa, Aino!"
    )


def test_stretched_language_stretches_every_string(
    language: Callable[..., LanguageManager],
) -> None:
    language("fi", stretch=2)
    assert QCoreApplication.translate("DoorScreen", "Free") == "VapaaVapaa"
    assert QCoreApplication.translate("DoorScreen", "Not in any .ts") == "NotNot inin anyany .tsts"
