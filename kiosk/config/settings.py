"""The kiosk's configuration: one TOML file, every key declared once with type, default and meaning.

The file is found by ``--config FILE``, then ``$KIOSK_CONFIG``, then ``kiosk.toml`` in the
platform's config directory. Any problem is reported as one ``ConfigError`` that names the file,
the key and what is wrong; the CLI turns it into exit code 2 without a traceback.
"""

from __future__ import annotations

import os
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import platformdirs

from kiosk.base.errors import ConfigError
from kiosk.config.central_auth import anchor_sqlite_url, resolve_central_url
from kiosk.config.schema import (
    LANGUAGES,
    READER_SCHEMA,
    REQUIRED,
    SCANNER_OPTIONS,
    SCHEMA,
    Key,
    parse_clock_time,
)
from kiosk.config.service_url import check_service_url, is_service_url
from kiosk.config.tomlfile import read_toml

if TYPE_CHECKING:
    from devices.frames import Parser

APP_NAME = "lab-kiosk"


@dataclass(frozen=True)
class ReaderConfig:
    name: str
    port: str
    protocol: str
    baud: int | None = None
    hold_off: float | None = None
    terminator: str | None = None
    idle_gap: float | None = None
    prefix: str | None = None
    suffix: str | None = None

    def parser_factory(self) -> Callable[[], Parser] | None:
        """A parser with this reader's options, or None for the protocol's defaults."""
        if self.protocol != "scanner" or all(
            getattr(self, name) is None for name in SCANNER_OPTIONS
        ):
            return None
        from devices.scanner import DEFAULT_GAP, ScannerParser

        gap = DEFAULT_GAP if self.idle_gap is None else self.idle_gap
        terminator = self.terminator or "any"
        return lambda: ScannerParser(
            terminator,
            gap=gap if gap > 0 or terminator == "none" else None,
            prefix=self.prefix or "",
            suffix=self.suffix or "",
        )


@dataclass(frozen=True)
class DoorConfig:
    """The ``[door]`` section: how a door display looks after itself (night, burn-in)."""

    night_start: time | None = None
    night_end: time = time(7, 0)
    night_mode: str = "dim"
    wake_seconds: float = 60.0
    burn_in_shift: int = 4


@dataclass(frozen=True)
class SoundConfig:
    """The ``[sound]`` section: cues for an answer on screen (ui/runtime/sound.py)."""

    cues: str = "auto"
    volume: int = 70
    command: str | None = None

    def enabled_for(self, role: str) -> bool:
        """``auto`` is on at a lobby (people turn away from the screen) and off at a door."""
        return self.cues == "on" or (self.cues == "auto" and role == "lobby")


@dataclass(frozen=True)
class NotifyConfig:
    """The ``[notify]`` section: how hosts are told that their visitor arrived."""

    method: str = "log"
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_security: str = "starttls"
    smtp_username: str | None = None
    smtp_password_file: Path | None = None
    sender: str | None = None
    retry_seconds: float = 15.0


def _notify_config(n: dict[str, Any], base: Path, label: str) -> NotifyConfig:
    if n["method"] == "smtp":
        for name in ("smtp_host", "sender"):
            if not n[name]:
                raise ConfigError(f'{label}: notify.{name}: required when notify.method is "smtp"')
    password = n["smtp_password_file"]
    return NotifyConfig(
        method=n["method"],
        smtp_host=n["smtp_host"],
        smtp_port=n["smtp_port"],
        smtp_security=n["smtp_security"],
        smtp_username=n["smtp_username"],
        smtp_password_file=base / Path(password).expanduser() if password else None,
        sender=n["sender"],
        retry_seconds=float(n["retry_seconds"]),
    )


@dataclass(frozen=True)
class InvitationsConfig:
    """The ``[invitations]`` section: who sends invitation e-mails, and their site texts."""

    delivery: str = "auto"
    address: Mapping[str, str] = field(default_factory=dict)  # language -> the Lab's address
    arrival: Mapping[str, str] = field(default_factory=dict)  # language -> arrival text
    max_attempts: int = 10
    lab_domains: tuple[str, ...] = ()  # lower case; a feed invites only addresses outside them
    calendar_days: int = 30

    def sends_here(self, central_url: str) -> bool:
        """Does the admin command (and `kiosk run`/`sync`) send, rather than the service?"""
        if is_service_url(central_url):  # a networked kiosk never reaches the central outbox
            return False
        if self.delivery == "auto":
            return central_url.startswith("sqlite")
        return self.delivery == "command"


def invitations_config(i: Mapping[str, Any]) -> InvitationsConfig:
    address = {lang: i[f"address_{lang}"] or i["address_fi"] for lang in LANGUAGES}
    arrival = {lang: i[f"arrival_{lang}"] for lang in LANGUAGES}
    return InvitationsConfig(
        delivery=i["delivery"],
        address={k: v for k, v in address.items() if v},
        arrival={k: v for k, v in arrival.items() if v},
        max_attempts=i["max_attempts"],
        lab_domains=tuple(dict.fromkeys(d.lower() for d in i["lab_domains"])),
        calendar_days=i["calendar_days"],
    )


@dataclass(frozen=True)
class Config:
    path: Path | None
    kiosk_id: str
    role: str
    room: str | None
    language: str
    timezone: str
    data_dir: Path
    fullscreen: bool
    central_url: str = field(repr=False)  # may carry the password: show it via safe_url only
    sync_interval: float
    site_key_file: Path
    welcome_seconds: float
    repeat_tap_seconds: float
    readers: tuple[ReaderConfig, ...] = field(default_factory=tuple)
    repeat_scan_seconds: float = 120.0
    notify: NotifyConfig = NotifyConfig()
    invitations: InvitationsConfig = InvitationsConfig()
    idle_seconds: float = 90.0
    privacy_notice: str | None = None
    retention_days: int = 90
    auto_checkout_at: time | None = None
    door: DoorConfig = DoorConfig()
    camera: bool = True
    host_photos_dir: Path | None = None
    evacuation_printer: str | None = None
    credential_file: Path | None = None  # the device token for the central sync service
    ca_file: Path | None = None  # the CA the sync service's certificate chains to
    sound: SoundConfig = SoundConfig()
    screen_ppi: float | None = None  # the panel's real density, for 9 mm touch targets
    log_file: str = "auto"  # rotating files in data_dir/logs: auto (not under systemd), yes, no

    @property
    def uses_service(self) -> bool:
        """Syncs through the central sync service (http/https), not with a store URL."""
        return is_service_url(self.central_url)

    @property
    def local_store_path(self) -> Path:
        return self.data_dir / "kiosk.db"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def default_data_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """systemd's ``StateDirectory=`` (``$STATE_DIRECTORY``, the first if it lists several) when
    the unit has one, else the user's data folder."""
    state = environ.get("STATE_DIRECTORY", "").split(":")[0]
    return Path(state) if state else platformdirs.user_data_path(APP_NAME)


def default_config_path() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "kiosk.toml"


def find_config_path(explicit: str | os.PathLike[str] | None) -> Path:
    if explicit:
        return Path(explicit)
    env = os.environ.get("KIOSK_CONFIG")
    if env:
        return Path(env)
    return default_config_path()


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    path = find_config_path(explicit)
    return parse_config(read_toml(path), path)


def _unknown(where: str, name: str, known: Mapping[str, object]) -> str:
    import difflib  # only for a mistyped key

    hint = difflib.get_close_matches(name, list(known), n=1)
    suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
    return f"{where}: unknown key{suggestion}; known keys: {', '.join(known)}"


def _typename(t: type | tuple[type, ...]) -> str:
    names = {
        str: "a string",
        bool: "true or false",
        int: "a whole number",
        float: "a number",
        list: "a list",
    }
    if isinstance(t, tuple):
        return "a number" if set(t) == {int, float} else " or ".join(names[x] for x in t)
    return names[t]


def _section(path: Path | None, where: str, data: Any, schema: Mapping[str, Key]) -> dict[str, Any]:
    label = str(path) if path else "<config>"
    if not isinstance(data, dict):
        raise ConfigError(f"{label}: [{where}] must be a table")
    for name in data:
        if name not in schema:
            raise ConfigError(f"{label}: {_unknown(f'{where}.{name}', name, schema)}")
    out: dict[str, Any] = {}
    for name, key in schema.items():
        value = data.get(name, key.default)
        if value is REQUIRED:
            raise ConfigError(f"{label}: {where}.{name}: required key is missing")
        if value is not None and name in data:
            bad_type = not isinstance(value, key.type) or (
                isinstance(value, bool) and key.type is not bool
            )
            if bad_type:
                raise ConfigError(
                    f"{label}: {where}.{name}: must be {_typename(key.type)}, "
                    f"not {reprlib.repr(value)}"  # bounded: a value may be long or deep
                )
            problem = key.check(value) if key.check else None
            if problem:
                raise ConfigError(f"{label}: {where}.{name}: {problem}")
        out[name] = value
    return out


def notify_section(data: Any, path: Path) -> NotifyConfig:
    """A ``[notify]`` table from another file (the central service's settings), checked and
    read exactly as in ``kiosk.toml``."""
    return _notify_config(_section(path, "notify", data, SCHEMA["notify"]), path.parent, str(path))


def invitations_section(data: Any, path: Path) -> InvitationsConfig:
    """An ``[invitations]`` table from another file (the central service's settings: the
    Lab's address and arrival texts of the e-mails the staff console sends)."""
    return invitations_config(_section(path, "invitations", data, SCHEMA["invitations"]))


def parse_config(data: Mapping[str, Any], path: Path | None = None) -> Config:
    label = str(path) if path else "<config>"
    sections = {"readers", *SCHEMA}
    for name in data:
        if name not in sections:
            raise ConfigError(f"{label}: {_unknown(f'[{name}]', name, dict.fromkeys(sections))}")
    values = {name: _section(path, name, data.get(name, {}), keys) for name, keys in SCHEMA.items()}
    k, c, s, lob = values["kiosk"], values["central"], values["security"], values["lobby"]

    if k["role"] == "door" and not k["room"]:
        raise ConfigError(f'{label}: kiosk.room: required when kiosk.role is "door"')

    readers_raw = data.get("readers", [])
    if not isinstance(readers_raw, list):
        raise ConfigError(f"{label}: readers: use [[readers]] tables, one per reader")
    readers: list[ReaderConfig] = []
    for i, item in enumerate(readers_raw):
        r = _section(path, f"readers[{i}]", item, READER_SCHEMA)
        if any(r["name"] == other.name for other in readers):
            raise ConfigError(f"{label}: readers[{i}].name: '{r['name']}' is used twice")
        for option in SCANNER_OPTIONS:
            if r[option] is not None and r["protocol"] != "scanner":
                raise ConfigError(f'{label}: readers[{i}].{option}: only for protocol "scanner"')
        if r["terminator"] == "none" and r["idle_gap"] == 0:
            raise ConfigError(
                f'{label}: readers[{i}].idle_gap: must be above 0 when terminator is "none" '
                "(nothing else would end a read)"
            )
        readers.append(
            ReaderConfig(
                r["name"],
                r["port"],
                r["protocol"],
                r["baud"],
                None if r["hold_off"] is None else float(r["hold_off"]),
                r["terminator"],
                None if r["idle_gap"] is None else float(r["idle_gap"]),
                r["prefix"],
                r["suffix"],
            )
        )

    base = path.parent if path else Path.cwd()
    data_dir = base / Path(k["data_dir"]).expanduser() if k["data_dir"] else default_data_dir()
    central_url = resolve_central_url(
        anchor_sqlite_url(c["url"], base) if c["url"] else f"sqlite:///{data_dir / 'central.db'}",
        password_file=base / Path(c["password_file"]).expanduser() if c["password_file"] else None,
        sslmode=c["sslmode"],
        sslrootcert=base / Path(c["sslrootcert"]).expanduser() if c["sslrootcert"] else None,
        label=label,
    )
    if is_service_url(central_url):
        check_service_url(central_url, label)
    site_key = (
        base / Path(s["site_key_file"]).expanduser()
        if s["site_key_file"]
        else data_dir / "site.key"
    )
    return Config(
        path=path,
        kiosk_id=k["id"],
        role=k["role"],
        room=k["room"],
        language=k["language"],
        timezone=k["timezone"],
        data_dir=data_dir,
        fullscreen=k["fullscreen"],
        log_file=k["log_file"],
        screen_ppi=None if k["screen_ppi"] is None else float(k["screen_ppi"]),
        central_url=central_url,
        credential_file=base / Path(c["credential_file"]).expanduser()
        if c["credential_file"]
        else None,
        ca_file=base / Path(c["ca_file"]).expanduser() if c["ca_file"] else None,
        sync_interval=float(c["sync_interval"]),
        site_key_file=site_key,
        welcome_seconds=float(lob["welcome_seconds"]),
        repeat_tap_seconds=float(lob["repeat_tap_seconds"]),
        readers=tuple(readers),
        door=_door_config(values["door"]),
        sound=SoundConfig(**values["sound"]),
        repeat_scan_seconds=float(lob["repeat_scan_seconds"]),
        notify=_notify_config(values["notify"], base, label),
        invitations=invitations_config(values["invitations"]),
        idle_seconds=float(lob["idle_seconds"]),
        privacy_notice=lob["privacy_notice"],
        retention_days=lob["retention_days"],
        auto_checkout_at=parse_clock_time(lob["auto_checkout_at"])
        if lob["auto_checkout_at"]
        else None,
        camera=lob["camera"],
        evacuation_printer=lob["evacuation_printer"],
        host_photos_dir=base / Path(lob["host_photos_dir"]).expanduser()
        if lob["host_photos_dir"]
        else None,
    )


def _door_config(d: Mapping[str, Any]) -> DoorConfig:
    return DoorConfig(
        night_start=parse_clock_time(d["night_start"]) if d["night_start"] else None,
        night_end=parse_clock_time(d["night_end"]),
        night_mode=d["night_mode"],
        wake_seconds=float(d["wake_seconds"]),
        burn_in_shift=d["burn_in_shift"],
    )
