"""Running the service: its settings, its store connections, uvicorn, and systemd's watchdog.

Settings come from the command line (``--store``, ``--listen``) and an optional TOML file
(``[service]``: TLS certificate and key, pool size, limits). Connections to PostgreSQL carry a
statement timeout and TCP keepalives, so a stuck query or a silently dropped network fails
within seconds instead of holding a kiosk's request for ever.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ProgrammingError, SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from kiosk.base.clock import SystemClock
from kiosk.base.errors import ConfigError, UsageError
from kiosk.base.systemd import Notifier
from kiosk.config.central_auth import anchor_sqlite_url
from kiosk.config.tomlfile import read_toml
from kiosk.store.engine import Store, create_store_engine, is_at_head
from kiosk.sync.listener import TCP_KEEPALIVES

if TYPE_CHECKING:
    from kiosk.central.staff import StaffSettings

log = logging.getLogger(__name__)

ENV = "LAB_KIOSK_CENTRAL_SETTINGS"  # how worker processes receive the settings


@dataclass(frozen=True)
class ServiceSettings:
    store: str
    host: str = "127.0.0.1"
    port: int = 8443
    tls_cert: str | None = None
    tls_key: str | None = None
    pool_size: int = 10
    max_body: int = 2 * 1024 * 1024
    statement_timeout_ms: int = 15_000
    # A transaction left open (a stuck request) holds back the change feed's watermark and so
    # every kiosk's sync: PostgreSQL ends its session after this long idle inside it.
    idle_in_transaction_timeout_ms: int = 30_000
    tcp_user_timeout_ms: int = 20_000
    workers: int = 1
    notify: dict[str, Any] | None = None  # [notify]: the SMTP server invitation e-mails use
    # The staff console's actions: where the private signing key is (data_dir/signing-keys),
    # the site's zone and language, and the e-mails' site texts ([invitations]).
    data_dir: str | None = None
    timezone: str = "Europe/Helsinki"
    language: str = "fi"
    invitations: dict[str, dict[str, str]] | None = None


_KEYS = {
    "store": str,
    "listen": str,
    "tls_cert": str,
    "tls_key": str,
    "pool_size": int,
    "max_body": int,
    "statement_timeout_ms": int,
    "idle_in_transaction_timeout_ms": int,
    "tcp_user_timeout_ms": int,
    "workers": int,
    "data_dir": str,
    "timezone": str,
    "language": str,
}


def _notify_table(data: Any, path: Path) -> dict[str, Any] | None:
    """``[notify]`` checked as in kiosk.toml, kept as JSON for the worker processes."""
    from kiosk.config.settings import notify_section

    notify = notify_section(data, path)
    if notify.method != "smtp":
        return None
    values = asdict(notify)
    if notify.smtp_password_file is not None:
        values["smtp_password_file"] = str(notify.smtp_password_file.resolve())
    return values


def mail_sender(settings: ServiceSettings, store: Store) -> Any:
    """The sender loop of invitation e-mails for this process, or None without ``[notify]``."""
    if settings.notify is None:
        return None
    from zoneinfo import ZoneInfo

    from kiosk.central.mail_sender import MailSender
    from kiosk.config.settings import NotifyConfig
    from kiosk.lobby.invite_delivery import smtp_outbox

    values = dict(settings.notify)
    password = values.pop("smtp_password_file")
    notify = NotifyConfig(**values, smtp_password_file=Path(password) if password else None)
    outbox = smtp_outbox(store.engine, notify, ZoneInfo("UTC"), SystemClock())
    return MailSender(outbox, interval=notify.retry_seconds)


def parse_listen(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError(f"--listen: HOST:PORT, e.g. 0.0.0.0:8443, not {text[:60]!r}")
    return host.strip("[]") or "0.0.0.0", int(port)


def load_settings(
    config_file: str | None, store: str | None, listen: str | None, workers: int | None
) -> ServiceSettings:
    values: dict[str, Any] = {}
    if config_file:
        path = Path(config_file)
        data = read_toml(path)
        section = data.get("service", {})
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [service] must be a table")
        for key, value in section.items():
            kind = _KEYS.get(key)
            if kind is None:
                raise ConfigError(f"{path}: [service] {key}: unknown key ({', '.join(_KEYS)})")
            if not isinstance(value, kind) or isinstance(value, bool):
                raise ConfigError(f"{path}: [service] {key}: expected {kind.__name__}")
            values[key] = value
        for key in ("tls_cert", "tls_key", "data_dir"):
            if key in values:
                values[key] = str((path.parent / values[key]).resolve())
        if "store" in values:  # a relative SQLite file lies beside this file, as tls_cert does
            values["store"] = anchor_sqlite_url(values["store"], path.parent)
        if "notify" in data:
            values["notify"] = _notify_table(data["notify"], path)
        if "invitations" in data:
            from kiosk.config.settings import invitations_section

            texts = invitations_section(data["invitations"], path)
            values["invitations"] = {"address": dict(texts.address), "arrival": dict(texts.arrival)}
    if store:
        values["store"] = store
    if listen:
        values["listen"] = listen
    if workers:
        values["workers"] = workers
    if "store" not in values:
        raise UsageError("--store URL (or store = ... in [service]) is required")
    if "listen" in values:
        values["host"], values["port"] = parse_listen(values.pop("listen"))
    if ("tls_cert" in values) != ("tls_key" in values):
        raise ConfigError("[service] tls_cert and tls_key go together")
    for key in (
        "pool_size",
        "max_body",
        "statement_timeout_ms",
        "idle_in_transaction_timeout_ms",
        "tcp_user_timeout_ms",
        "workers",
    ):
        if key in values and values[key] < 1:
            raise ConfigError(f"[service] {key}: must be at least 1")
    settings = ServiceSettings(**values)
    staff_settings(settings)  # an unknown zone or language fails here, not in every worker
    return settings


def staff_settings(settings: ServiceSettings) -> StaffSettings:
    """What the staff console's endpoints need from the settings (a StaffSettings)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from kiosk.central.staff import StaffSettings
    from kiosk.lobby.invite_delivery import LANGS, MailSettings

    try:
        tz = ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"[service] timezone: unknown zone {settings.timezone!r}") from None
    if settings.language not in LANGS:
        raise ConfigError("[service] language: one of fi, sv, en")
    sender = (settings.notify or {}).get("sender")
    texts = settings.invitations or {}
    mail = None
    if sender:
        mail = MailSettings(sender, tz, texts.get("address", {}), texts.get("arrival", {}))
    data_dir = Path(settings.data_dir) if settings.data_dir else None
    return StaffSettings(tz, settings.language, data_dir, mail)


def open_service_store(settings: ServiceSettings) -> Store:
    """The central store with a bounded pool; refuses a store that is not at the newest schema.

    How a dead PostgreSQL shows: a query on a dropped connection fails at once and the pool
    pings each connection before lending it (``pool_pre_ping``, set for every PostgreSQL
    engine), so a restarted server costs one 503 per request in flight, not a poisoned pool. A
    silently dropped network fails a query within ``tcp_user_timeout_ms`` (data unacknowledged)
    and an idle connection after the keepalives (10 + 3 x 5 s); a new connection within
    ``connect_timeout``; a request waiting for a free connection within ``pool_timeout``. Every
    such failure is a ``SQLAlchemyError``, which the app answers with 503.
    """
    kwargs: dict[str, Any] = {}
    if settings.store.startswith("postgresql"):
        kwargs = {
            "pool_size": settings.pool_size,
            "max_overflow": 0,
            "pool_timeout": 10,
            "connect_args": {
                "connect_timeout": 5,
                "options": (
                    f"-c statement_timeout={settings.statement_timeout_ms} "
                    "-c idle_in_transaction_session_timeout="
                    f"{settings.idle_in_transaction_timeout_ms}"
                ),
                **TCP_KEEPALIVES,
                "tcp_user_timeout": settings.tcp_user_timeout_ms,
                "application_name": "kiosk-central",
            },
        }
    engine = create_store_engine(settings.store, **kwargs)
    where = engine.url.render_as_string(hide_password=True)
    try:
        engine.connect().close()
    except SQLAlchemyError as exc:
        # Its own message: a database that does not exist or cannot be reached is no
        # schema question, and `init --central` would fail the same way.
        engine.dispose()
        lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise ConfigError(
            f"central store {where}: the database cannot be reached or does not exist "
            f"({lines[0] if lines else type(exc).__name__}); check the URL, that the database "
            "was created (createdb), and that this machine may connect to it"
        ) from None
    if not is_at_head(engine):
        engine.dispose()
        _refuse_missing_grants(engine, where)
        raise ConfigError(
            f"central store {where}: behind the newest schema (or not set up): "
            "run `kiosk admin init --central` against it first"
        )
    return Store(engine, sessionmaker(engine, expire_on_commit=False))


def service_grants(login: str) -> str:
    """What the database owner runs once so that ``login`` may do the service's work, also on
    the tables later upgrades add."""
    return (
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {login}; "
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {login}; "
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON "
        f"TABLES TO {login}; ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON "
        f"SEQUENCES TO {login}"
    )


def _refuse_missing_grants(engine: Engine, where: str) -> None:
    """A PostgreSQL login without the table rights looks like a store that is not set up
    (it may not read ``alembic_version``): say which it is, and the grants."""
    if engine.dialect.name != "postgresql":
        return
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT version_num FROM alembic_version"))
    except ProgrammingError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient privilege
            return
        login = engine.url.username or "this login"
        raise ConfigError(
            f"central store {where}: the login {login} may not read the store's tables; as "
            f"the database owner (psql), grant it the service's rights: {service_grants(login)}"
        ) from None
    finally:
        engine.dispose()


def app_from_environment() -> Any:
    """The app of one worker process (uvicorn ``--workers``), settings from ``ENV``."""
    from kiosk.central.api import create_app
    from kiosk.central.service import CentralService

    settings = ServiceSettings(**json.loads(os.environ[ENV]))
    store = open_service_store(settings)
    sender = mail_sender(settings, store)
    if sender is not None:
        sender.start()  # a daemon thread: it ends with the process
    return create_app(
        CentralService(store, SystemClock()),
        max_body=settings.max_body,
        staff=staff_settings(settings),
    )


def serve(settings: ServiceSettings) -> None:
    import uvicorn

    open_service_store(settings).dispose()  # fail early and clearly, before binding the port
    os.environ[ENV] = json.dumps(asdict(settings))
    log.info(
        "central sync service on %s:%d (%s, %d worker(s))",
        settings.host,
        settings.port,
        "TLS" if settings.tls_cert else "plain HTTP: put it behind a TLS proxy",
        settings.workers,
    )
    notifier = Notifier()
    if notifier.enabled:
        threading.Thread(
            target=_supervise, args=(notifier, settings), name="systemd-notify", daemon=True
        ).start()
    uvicorn.run(
        "kiosk.central.server:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        ssl_certfile=settings.tls_cert,
        ssl_keyfile=settings.tls_key,
        log_config=None,
        access_log=False,  # a line per kiosk request would drown the journal; errors still log
        timeout_keep_alive=30,
        proxy_headers=False,
    )
    notifier.stopping()


def _supervise(notifier: Notifier, settings: ServiceSettings) -> None:
    """READY=1 once the service answers its own health check, then WATCHDOG=1 while it does:
    systemd restarts a service whose HTTP loop hangs, not only one whose process died."""
    import httpx

    host = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host
    host = "[::1]" if host == "::" else (f"[{host}]" if ":" in host else host)
    scheme = "https" if settings.tls_cert else "http"
    url = f"{scheme}://{host}:{settings.port}/healthz"
    interval = (notifier.watchdog_seconds or 20.0) / 3
    ready = False
    while True:
        try:  # the certificate names the public host, not the loopback: not checked here
            healthy = httpx.get(url, timeout=interval, verify=False).status_code == 200
        except httpx.HTTPError:
            healthy = False
        if healthy and not ready:
            ready = notifier.ready()
        if healthy and notifier.watchdog_seconds is not None:
            notifier.watchdog()
        threading.Event().wait(interval if ready else 0.2)
