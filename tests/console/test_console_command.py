"""``kiosk console``: which service it reaches and with what, before any window opens.

The windows are the GUI package's (``console_app``); here a stand-in takes the session and
uses its client, as the windows would, so the connection is the real one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.config.credential_file import write_token_file
from kiosk.console.client import ConsoleSession
from tests.console.helpers import Site, staff_site


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    with staff_site(tmp_path, f"sqlite:///{tmp_path / 'central.db'}") as s:
        yield s


def _run(argv: list[str]) -> list[tuple[str, str, str]]:
    seen: list[tuple[str, str, str]] = []

    def console_app(session: ConsoleSession) -> int:
        seen.append((session.client.whoami().name, session.language, session.where))
        return 0

    assert main(argv, defaults={"console_app": console_app}) == 0
    return seen


def test_console_with_url_and_credential(tmp_path: Path, site: Site) -> None:
    token = tmp_path / "mikko.token"
    write_token_file(token, site.staff_token())
    seen = _run(["console", "--url", site.service.url, "--credential", str(token), "--lang", "sv"])
    assert seen == [("Mikko Korhonen", "sv", site.service.url)]


def test_console_with_a_config_naming_the_service(tmp_path: Path, site: Site) -> None:
    token = tmp_path / "mikko.token"
    write_token_file(token, site.staff_token())
    config = tmp_path / "console.toml"
    config.write_text(
        f'[kiosk]\nid = "console-1"\nlanguage = "en"\ndata_dir = "data"\n'
        f'[central]\nurl = "{site.service.url}"\ncredential_file = "{token}"\n',
        encoding="utf-8",
    )
    assert _run(["console", "--config", str(config)]) == [
        ("Mikko Korhonen", "en", site.service.url)
    ]


def test_console_refuses_database_credentials_and_half_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[kiosk]\nid = "c"\ndata_dir = "data"\n'
        '[central]\nurl = "postgresql+psycopg://kiosk:secret@db.lab.example/kiosk"\n',
        encoding="utf-8",
    )
    defaults = {"console_app": lambda session: 0}
    assert main(["console", "--config", str(config)], defaults=defaults) == 2
    assert "only through the central sync service" in capsys.readouterr().err
    assert main(["console", "--url", "https://x.example"], defaults=defaults) == 2
    assert "go together" in capsys.readouterr().err
    assert main(["console", "--url", "https://x.example", "--credential", "f"]) == 2
    assert "GUI package" in capsys.readouterr().err  # python -m kiosk: no windows to open


def test_a_missing_credential_file_names_the_flag_and_the_staff_enrolment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    defaults = {"console_app": lambda session: 0}
    missing = str(tmp_path / "nosuch.token")
    args = ["console", "--url", "https://x.example", "--credential", missing]
    assert main(args, defaults=defaults) == 2
    err = capsys.readouterr().err
    assert f"--credential {missing}: not found" in err
    assert "--role staff --person" in err
    assert "central.credential_file" not in err and "lobby|door" not in err


def test_a_kiosk_token_or_a_revoked_one_is_refused_before_any_window(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not a window of empty pages: one line saying the service refused it, and what to do."""
    from kiosk.central.credentials import enroll

    opened: list[ConsoleSession] = []
    defaults = {"console_app": opened.append}
    with site.service.store.engine.begin() as conn:
        door = enroll(conn, "door-aurora", "door", "aurora", site.service.clock.now())
    token = tmp_path / "door-aurora.token"
    write_token_file(token, door)
    args = ["console", "--url", site.service.url, "--credential", str(token)]
    assert main(args, defaults=defaults) == 2
    err = capsys.readouterr().err
    assert f"--credential {token}: the service refused it: this credential is not a staff" in err
    assert "kiosk admin enroll NAME --role staff --person PERSON" in err
    write_token_file(token, "lkd1." + "A" * 43)  # unknown, as a revoked one is
    assert main(args, defaults=defaults) == 2
    assert "unknown or revoked" in capsys.readouterr().err
    assert opened == []


def test_an_unreachable_service_still_opens_the_window_which_says_it_is_offline(
    tmp_path: Path,
) -> None:
    import socket

    with socket.socket() as closed:  # a loopback port nobody listens on
        closed.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{closed.getsockname()[1]}"
    token = tmp_path / "mikko.token"
    write_token_file(token, "lkd1." + "A" * 43)
    opened: list[ConsoleSession] = []
    args = ["console", "--url", url, "--credential", str(token)]
    assert main(args, defaults={"console_app": lambda s: opened.append(s) or 0}) == 0
    assert [s.where for s in opened] == [url]
