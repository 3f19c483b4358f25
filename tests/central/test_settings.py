"""The service's settings file: the fuses against a dead or silent PostgreSQL are settable."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.base.errors import ConfigError
from kiosk.central.server import ServiceSettings, load_settings


def test_the_timeouts_come_from_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "central.toml"
    path.write_text(
        '[service]\nstore = "sqlite:///c.db"\nstatement_timeout_ms = 4000\n'
        "tcp_user_timeout_ms = 9000\n",
        encoding="utf-8",
    )
    settings = load_settings(str(path), None, None, None)
    assert (settings.statement_timeout_ms, settings.tcp_user_timeout_ms) == (4000, 9000)
    defaults = ServiceSettings(store="sqlite:///c.db")
    assert (defaults.statement_timeout_ms, defaults.tcp_user_timeout_ms) == (15_000, 20_000)


def test_a_zero_timeout_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "central.toml"
    path.write_text('[service]\nstore = "sqlite:///c.db"\ntcp_user_timeout_ms = 0\n', "utf-8")
    with pytest.raises(ConfigError, match="tcp_user_timeout_ms: must be at least 1"):
        load_settings(str(path), None, None, None)


def test_a_relative_sqlite_store_lies_beside_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """systemd starts the service in /: the file must not depend on the working directory."""
    (tmp_path / "etc").mkdir()
    path = tmp_path / "etc" / "central.toml"
    path.write_text('[service]\nstore = "sqlite:///central.db"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = load_settings(str(path), None, None, None)
    assert settings.store == f"sqlite:///{tmp_path / 'etc' / 'central.db'}"
    # --store on the command line is the operator's own path, relative to where they are
    assert load_settings(str(path), "sqlite:///here.db", None, None).store == "sqlite:///here.db"


def test_a_login_without_the_table_rights_is_told_the_grants(pg_url: str) -> None:
    """Not "behind the newest schema (or not set up)", which sent installers to init again."""
    import uuid

    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from kiosk.central.server import open_service_store, service_grants
    from kiosk.store.engine import open_store

    owner = open_store(pg_url)  # the database owner's migrations, as `init --central` runs them
    login = f"kiosk_svc_{uuid.uuid4().hex[:8]}"
    with owner.engine.begin() as conn:
        conn.execute(text(f"CREATE ROLE {login} LOGIN"))
    url = make_url(pg_url).set(username=login).render_as_string(hide_password=False)
    try:
        with pytest.raises(ConfigError, match=f"the login {login} may not read") as refused:
            open_service_store(ServiceSettings(store=url))
        assert "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES" in str(refused.value)
        with owner.engine.begin() as conn:
            for statement in service_grants(login).split("; "):
                conn.execute(text(statement))
        open_service_store(ServiceSettings(store=url)).dispose()  # the grants are enough
    finally:
        with owner.engine.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {login}"))
            conn.execute(text(f"DROP ROLE {login}"))
        owner.dispose()
