"""`kiosk central serve` settings for the staff console: the signing key's folder, the site's
zone and language, and the e-mails' texts."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.base.errors import ConfigError
from kiosk.central.server import load_settings, staff_settings


def test_staff_settings_come_from_the_service_file(tmp_path: Path) -> None:
    path = tmp_path / "central.toml"
    path.write_text(
        '[service]\nstore = "sqlite:///c.db"\ndata_dir = "keys-here"\n'
        'timezone = "Europe/Stockholm"\nlanguage = "sv"\n'
        '[notify]\nmethod = "smtp"\nsmtp_host = "127.0.0.1"\nsender = "lab@lab.example"\n'
        '[invitations]\naddress_fi = "Mariankatu 9"\naddress_sv = "Mariegatan 9"\n',
        encoding="utf-8",
    )
    staff = staff_settings(load_settings(str(path), None, None, None))
    assert staff.tz == ZoneInfo("Europe/Stockholm") and staff.language == "sv"
    assert staff.data_dir == (tmp_path / "keys-here").resolve()
    assert staff.mail is not None and staff.mail.sender == "lab@lab.example"
    assert staff.mail.address["sv"] == "Mariegatan 9" and staff.mail.address["en"] == "Mariankatu 9"


def test_without_notify_the_staff_console_sends_no_email(tmp_path: Path) -> None:
    staff = staff_settings(load_settings(None, "sqlite:///c.db", None, None))
    assert staff.mail is None and staff.data_dir is None and staff.language == "fi"


def test_an_unknown_zone_fails_at_start(tmp_path: Path) -> None:
    path = tmp_path / "central.toml"
    path.write_text('[service]\nstore = "sqlite:///c.db"\ntimezone = "Mars/Olympus"\n', "utf-8")
    with pytest.raises(ConfigError, match="timezone"):
        load_settings(str(path), None, None, None)
