"""`kiosk admin invite import`: good rows stored with cards, bad rows reported by line, unstored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from tests.security.tokens.helpers import HOST, admin, central_dump, read_qr_codes

CSV = """name,host,organisation,valid_from,valid_to,single_use
Åsa Öberg,{host},Valtiokonttori,2030-03-12,,yes
Bad Date,{host},,someday,,
Nobody's Guest,nobody@x.fi,,,,
Backwards,{host},,2030-03-12,2030-03-10,
Pekka Puupää,{host},,2030-03-12T09:00,2030-03-12T17:00,no
Odd Flag,{host},,,,maybe
"""


def test_import_keeps_good_rows_and_reports_bad_ones(
    keyed: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "guests.csv"
    source.write_text(CSV.format(host=HOST), encoding="utf-8")
    out = tmp_path / "cards"
    out.mkdir()
    capsys.readouterr()
    assert admin(keyed, "invite", "import", str(source), "--out", str(out), "--json") == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [i["line"] for i in data["imported"]] == [2, 6]
    assert [r["line"] for r in data["refused"]] == [3, 4, 5, 7]
    for line, text in ((3, "not an ISO date"), (4, "no person"), (5, "must be after")):
        assert f"line {line}: " in captured.err and text in captured.err
    assert "line 7: single_use" in captured.err

    rows = central_dump(keyed)
    assert len(rows["visitors"]) == 2 and len(rows["invitations"]) == 2
    assert "Bad Date" not in repr(rows) and "Odd Flag" not in repr(rows)
    cards = sorted(out.glob("*.png"))
    assert len(cards) == 2
    for item in data["imported"]:
        found = read_qr_codes(Image.open(item["card"]))
        assert [b.text for b in found] == [item["token"]]
    summary = (out / "invitations.csv").read_text(encoding="utf-8")
    assert "Åsa Öberg" in summary and "Pekka Puupää" in summary


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nimi,isäntä\nA,b\n", "header must name"),
        ("name,host,shoe_size\nA,b,42\n", "unknown: shoe_size"),
    ],
)
def test_a_wrong_file_changes_nothing(
    keyed: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    message: str,
) -> None:
    source = tmp_path / "guests.csv"
    source.write_text(text, encoding="utf-8")
    before = central_dump(keyed)
    capsys.readouterr()
    assert admin(keyed, "invite", "import", str(source), "--out", str(tmp_path)) == 2
    assert message in capsys.readouterr().err
    assert central_dump(keyed) == before
    assert admin(keyed, "invite", "import", str(tmp_path / "none.csv"), "--out", str(tmp_path)) == 2
    assert admin(keyed, "invite", "import", str(source), "--out", str(tmp_path / "no")) == 2
    assert central_dump(keyed) == before


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [("cp1252", ";", False), ("utf-8", ";", True), ("utf-8", "\t", False)],
)
def test_files_from_finnish_excel_are_read(
    keyed: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    encoding: str,
    delimiter: str,
    bom: bool,
) -> None:
    """Excel on Finnish Windows saves "CSV" with ``;`` in Windows-1252, "CSV UTF-8" with a BOM."""
    rows = [
        ["name", "host", "organisation"],
        ["Åsa Öberg", HOST, "Valtiokonttori, Helsinki"],
        ['=HYPERLINK("http://x","a")', HOST, ""],
    ]
    text = "".join(delimiter.join(row) + "\r\n" for row in rows)
    source = tmp_path / "guests.csv"
    source.write_bytes(("\ufeff" if bom else "").encode() + text.encode(encoding))
    out = tmp_path / "cards"
    out.mkdir()
    capsys.readouterr()
    assert admin(keyed, "invite", "import", str(source), "--out", str(out), "--json") == 0
    assert [i["line"] for i in json.loads(capsys.readouterr().out)["imported"]] == [2, 3]
    assert ("Windows-1252" in caplog.text) == (encoding == "cp1252")
    visitors = central_dump(keyed)["visitors"]
    assert len(visitors) == 2
    assert "Åsa Öberg" in repr(visitors) and "'=HYPERLINK(" in repr(visitors)  # stored as typed
    summary = (out / "invitations.csv").read_bytes()
    assert summary.startswith(b"\xef\xbb\xbf")  # Excel opens ä and ö right
    text_out = summary.decode("utf-8-sig")
    assert "Åsa Öberg" in text_out
    assert ",'=HYPERLINK(" in text_out.replace('"', "")  # shown as text, never run


def test_hidden_characters_fail_their_row_naming_the_column(
    keyed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A BOM at the start of the file is Excel's, not text; one inside a value is refused."""
    source = tmp_path / "guests.csv"
    source.write_bytes(
        (
            "\ufeffname;host;organisation\r\n"
            f"Åsa Öberg;{HOST};\r\n"
            f"Ee\ufeffva;{HOST};\r\n"
            f"Olli;{HOST};\u202eOKM\r\n"
        ).encode()
    )
    out = tmp_path / "cards"
    out.mkdir()
    capsys.readouterr()
    assert admin(keyed, "invite", "import", str(source), "--out", str(out), "--json") == 1
    captured = capsys.readouterr()
    assert [i["line"] for i in json.loads(captured.out)["imported"]] == [2]
    assert "line 3: name contains an invisible or control character (U+FEFF)" in captured.err
    assert "line 4: organisation contains an invisible or control character (U+202E)" in (
        captured.err
    )
    assert "\u202e" not in captured.err and "\ufeff" not in captured.err
    rows = central_dump(keyed)
    assert len(rows["visitors"]) == 1 and len(rows["invitations"]) == 1
