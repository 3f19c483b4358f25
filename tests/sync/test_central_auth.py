"""The central password comes from a private file or the environment, never the config file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from kiosk.base.errors import ConfigError
from kiosk.config.central_auth import PASSWORD_ENV
from kiosk.config.settings import parse_config

PG = "postgresql+psycopg://kiosk_lobby-1@db.example/kiosk"


def _config(tmp_path: Path, **central: str) -> dict[str, object]:
    return {"kiosk": {"id": "lobby-1", "data_dir": str(tmp_path)}, "central": central}


def test_password_file_must_be_private(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("s3cret 'x'\n", encoding="utf-8")
    secret.chmod(0o644)
    with pytest.raises(ConfigError, match=r"may be read by other users \(mode 0644\)"):
        parse_config(_config(tmp_path, url=PG, password_file=str(secret)), tmp_path / "k.toml")
    secret.chmod(0o600)
    cfg = parse_config(_config(tmp_path, url=PG, password_file=str(secret)), tmp_path / "k.toml")
    assert make_url(cfg.central_url).password == "s3cret 'x'"
    assert "s3cret" not in repr(cfg)


def test_missing_or_empty_password_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"central\.password_file: .* does not exist"):
        parse_config(_config(tmp_path, url=PG, password_file="nope"), tmp_path / "k.toml")
    empty = tmp_path / "empty"
    empty.write_text("", encoding="utf-8")
    empty.chmod(0o600)
    with pytest.raises(ConfigError, match="is empty"):
        parse_config(_config(tmp_path, url=PG, password_file=str(empty)), tmp_path / "k.toml")


def test_environment_password_and_tls_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "from-env")
    ca = tmp_path / "ca.pem"
    cfg = parse_config(_config(tmp_path, url=PG, sslmode="verify-full", sslrootcert=str(ca)))
    url = make_url(cfg.central_url)
    assert url.password == "from-env"
    assert url.query == {"sslmode": "verify-full", "sslrootcert": str(ca)}
    with pytest.raises(ConfigError, match=r"central\.sslmode: must be one of"):
        parse_config(_config(tmp_path, url=PG, sslmode="maybe"))


def test_tls_and_password_settings_need_a_postgresql_url(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"PostgreSQL central\.url only"):
        parse_config(_config(tmp_path, url="sqlite:////tmp/c.db", sslmode="require"))
