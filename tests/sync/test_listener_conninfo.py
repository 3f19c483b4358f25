"""The LISTEN connection's libpq settings: keepalives unless the URL says otherwise."""

from __future__ import annotations

from psycopg.conninfo import conninfo_to_dict

from kiosk.sync.listener import conninfo_for


def test_a_listen_connection_gives_up_on_a_silent_network_within_seconds() -> None:
    params = conninfo_to_dict(conninfo_for("postgresql+psycopg://kiosk@db.example/lab"))
    assert params["keepalives"] == "1"
    # idle 10 s + 3 probes x 5 s, and at most 20 s of unanswered data: dead within 30 s.
    assert int(params["keepalives_idle"]) + 3 * int(params["keepalives_interval"]) <= 30
    assert params["keepalives_count"] == "3"
    assert params["tcp_user_timeout"] == "20000"
    assert params["connect_timeout"] == "3"


def test_the_url_overrides_them() -> None:
    url = "postgresql+psycopg://kiosk@db.example/lab?keepalives_idle=1&tcp_user_timeout=2000"
    params = conninfo_to_dict(conninfo_for(url))
    assert (params["keepalives_idle"], params["tcp_user_timeout"]) == ("1", "2000")
    assert params["keepalives_interval"] == "5"
