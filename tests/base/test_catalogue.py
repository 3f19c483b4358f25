"""The Qt-free reader of the translation catalogues (the core's documents use it)."""

from __future__ import annotations

from kiosk.base.catalogue import QT_TRANSLATE_NOOP, catalogue, translate


def test_it_reads_the_screens_catalogue_without_qt() -> None:
    assert translate("fi", "DoorScreen", "Free") == "Vapaa"
    assert translate("sv", "DoorScreen", "Free") == "Ledigt"
    assert translate("sv", "Report", "Usage report") == "Användningsrapport"


def test_english_or_anything_untranslated_stays_as_written() -> None:
    assert translate("en", "Report", "Usage report") == "Usage report"
    assert translate("fi", "Report", "No such source text") == "No such source text"
    assert translate("xx", "Report", "Usage report") == "Usage report"  # no catalogue at all
    assert catalogue("xx") == {}


def test_the_marker_returns_its_text() -> None:
    assert QT_TRANSLATE_NOOP("Report", "Busiest hours") == "Busiest hours"
