"""Refusals in staff words: every code the service sends has a sentence in fi/sv/en without
CLI flags, and the console shows them for a refused invitation and failing CSV rows (the real
service in-process on loopback; SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.central.staff_refusals import CODES as SERVICE_CODES
from kiosk.central.staff_refusals import FALLBACK
from kiosk.console.client import StaffClient
from tests.console.helpers import Site, staff_site
from ui.common.i18n import LanguageManager
from ui.console.invite_form import to_qdate
from ui.console.invite_many import InviteMany
from ui.console.main import build_console
from ui.console.refusal_text import CODES, refusal_text
from ui.console.tables import cell
from ui.console.today_page import TodayPage
from ui.console.window import ConsoleWindow

WAIT = 15_000
PARAMS = {
    "limit": "200",
    "host": "ghost@lab.example",
    "address": "eeva@okm..fi",
    "column": "single_use",
    "value": "maybe",
    "columns": "name, host",
    "line": "4",
    "days": "14",
    "rooms": "nowhere",
    "since": "2026-11-01",
    "until": "2026-11-02",
    "retry_after": "30",
    "field": "name",
    "first": "2000",
    "last": "2100",
}


def test_every_code_the_service_sends_has_its_own_words() -> None:
    assert SERVICE_CODES - {FALLBACK} <= CODES


@pytest.mark.parametrize("code", ["fi", "sv"])
def test_no_flag_and_no_english_source_in_finnish_or_swedish(
    code: str, language: Callable[..., LanguageManager]
) -> None:
    language("en")
    english = {c: refusal_text(c, PARAMS, "x") for c in CODES}
    language(code)
    for refusal in sorted(CODES):
        text = refusal_text(refusal, PARAMS, "x")
        assert "--" not in text and text != english[refusal], (code, refusal, text)
    wrapped = refusal_text("refused", {}, "--valid-to is odd")
    assert wrapped.endswith(": --valid-to is odd") and not wrapped.startswith("The service")


def test_a_host_chosen_by_id_is_not_named_by_its_id(
    language: Callable[..., LanguageManager],
) -> None:
    language("en")
    by_id = refusal_text("unknown_host", {"host": "8c1d9f4e-0000-4000-8000-000000000001"}, "")
    assert by_id == "The chosen host is no longer known at the Lab."
    by_mail = refusal_text("unknown_host", {"host": "ghost@lab.example"}, "")
    assert by_mail == "No host “ghost@lab.example” is known at the Lab."


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        yield s


@pytest.fixture
def console(
    qtbot: QtBot, site: Site, language: Callable[..., LanguageManager]
) -> Iterator[tuple[ConsoleWindow, Callable[..., LanguageManager]]]:
    client: StaffClient = site.client()
    window = build_console(client, language("fi"), clock=site.service.clock)
    qtbot.addWidget(window)
    window.show()
    yield window, language
    window.close()
    client.close()


def _today(qtbot: QtBot, window: ConsoleWindow) -> TodayPage:
    window.show_page(TodayPage)
    qtbot.waitUntil(lambda: window.calls.pending == 0, timeout=WAIT)
    page = window.page(TodayPage)
    assert isinstance(page, TodayPage)
    return page


def test_a_refused_invitation_reads_in_finnish_then_swedish(
    qtbot: QtBot, console: tuple[ConsoleWindow, Callable[..., LanguageManager]], site: Site
) -> None:
    window, language = console
    today = _today(qtbot, window)
    form = today.invite
    qtbot.waitUntil(lambda: form.host.count() == 2, timeout=WAIT)
    form.host.setCurrentIndex(1)
    form.name.setText("Eeva Ek")
    form.email.setText("eeva@okm..fi")  # the form's own check lets it by; the service's not
    form.first_day.setDate(to_qdate(site.service.clock.now().date()))

    form.send()
    qtbot.waitUntil(lambda: window.problems.problem is not None, timeout=WAIT)

    assert window.problems.label.text() == "Ei tehty. ”eeva@okm..fi” ei ole sähköpostiosoite."
    language("sv")
    assert window.problems.label.text() == "Inte gjort. ”eeva@okm..fi” är inte en e-postadress."


def _checked(qtbot: QtBot, window: ConsoleWindow, csv: Path, data: bytes) -> InviteMany:
    """Today's "invite many" after the service checked ``data`` saved as ``csv``."""
    many = _today(qtbot, window).many
    csv.write_bytes(data)
    many.check(csv)
    qtbot.waitUntil(lambda: many.preview is not None, timeout=WAIT)
    return many


def test_failing_csv_rows_read_in_swedish_then_finnish(
    qtbot: QtBot,
    console: tuple[ConsoleWindow, Callable[..., LanguageManager]],
    tmp_path: Path,
) -> None:
    window, language = console
    language("sv")
    many = _checked(
        qtbot,
        window,
        tmp_path / "guests.csv",
        b"name,host,email\n"
        b" ,mikko@lab.example,\n"
        b"Olli Oja,nobody@lab.example,\n"
        b"Tuuli Tie,mikko@lab.example,\n",
    )

    assert [cell(many.failing, r, 3) for r in range(many.failing.rowCount())] == [
        "Besökarens namn saknas.",
        "Labbet känner ingen värd ”nobody@lab.example”.",
    ]
    language("fi")
    assert [cell(many.failing, r, 3) for r in range(2)] == [
        "Vieraan nimi puuttuu.",
        "Labissa ei tunneta vastaanottajaa ”nobody@lab.example”.",
    ]
    assert not any("--" in cell(many.failing, r, 3) for r in range(2))


def test_a_hidden_character_names_its_row_and_column_in_finnish_then_swedish(
    qtbot: QtBot,
    console: tuple[ConsoleWindow, Callable[..., LanguageManager]],
    tmp_path: Path,
) -> None:
    window, language = console
    many = _checked(
        qtbot,
        window,
        tmp_path / "guests.csv",  # "CSV UTF-8" from Excel: its BOM is no hidden character
        (
            "\ufeffname;host;organisation\r\n"
            "Tuuli Tie;mikko@lab.example;\r\n"
            "Olli Oja;mikko@lab.example;Valtio\u200bkonttori\r\n"
            "\u202eevil\u202c Visitor;mikko@lab.example;\r\n"
        ).encode(),
    )

    rows = [[cell(many.failing, r, c) for c in range(4)] for r in range(many.failing.rowCount())]
    assert rows == [
        ["3", "Olli Oja", "organisation",
         "Sarakkeessa organisation on näkymätön merkki tai ohjausmerkki "
         "(U+200B): poista se ja tallenna tiedosto uudelleen."],
        ["4", "evil Visitor", "name",
         "Sarakkeessa name on näkymätön merkki tai ohjausmerkki (U+202E): "
         "poista se ja tallenna tiedosto uudelleen."],
    ]  # fmt: skip
    language("sv")
    assert cell(many.failing, 0, 3) == (
        "Kolumn organisation har ett osynligt tecken eller ett styrtecken (U+200B): "
        "ta bort det och spara filen igen."
    )
    assert many.preview.ok_count == 1 and many.import_button.isEnabled()


def test_each_kind_of_bad_row_has_its_own_words_in_each_language(
    qtbot: QtBot,
    console: tuple[ConsoleWindow, Callable[..., LanguageManager]],
    tmp_path: Path,
) -> None:
    from tests.console.test_staff_row_reasons import BAD, HEADER

    window, language = console
    data = (HEADER + "".join(f"{r}\n" for r in BAD)).encode()
    many = _checked(qtbot, window, tmp_path / "guests.csv", data)

    expected = list(BAD.values())
    words: dict[str, list[str]] = {}
    for lang in ("fi", "sv", "en"):
        language(lang)
        rows = [[cell(many.failing, r, c) for c in range(4)] for r in range(len(expected))]
        assert [row[0] for row in rows] == [str(n) for n in range(2, 2 + len(expected))]
        assert [row[2] for row in rows] == [
            column for _code, column in expected
        ]  # never translated
        words[lang] = [row[3] for row in rows]
        by_kind = {code: why for (code, _), why in zip(expected, words[lang], strict=True)}
        assert len(set(by_kind.values())) == len(by_kind), (lang, by_kind)  # a kind, its words
        for why in words[lang]:
            assert "out of range" not in why and "--" not in why and "said no" not in why, why
    for lang in ("fi", "sv"):
        assert all(a != b for a, b in zip(words[lang], words["en"], strict=True)), words[lang]
    assert words["fi"][2] == "Sarake valid_from: ”9999-12-31” ei ole vuosien 2000–2100 välillä."
    assert words["sv"][3] == "Kolumn valid_to: ”9999-12-31” ligger utanför åren 2000–2100."
    assert words["en"][0] == "The end is before the start."
