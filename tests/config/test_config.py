from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.base.errors import ConfigError
from kiosk.config.central_auth import anchor_sqlite_url
from kiosk.config.schema import SCHEMA
from kiosk.config.settings import load_config, parse_config

GOOD = """
[kiosk]
id = "lobby-1"
role = "lobby"
language = "sv"
data_dir = "data"

[central]
url = "sqlite:////srv/kiosk/central.db"

[[readers]]
name = "badge"
port = "/dev/ttyUSB0"
protocol = "rdm6300"
baud = 9600
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_complete_file_is_read_with_defaults_filled_in(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, GOOD))
    assert cfg.kiosk_id == "lobby-1"
    assert cfg.language == "sv"
    assert cfg.timezone == "Europe/Helsinki"
    assert cfg.data_dir == tmp_path / "data"  # relative to the config file
    assert cfg.site_key_file == tmp_path / "data" / "site.key"
    assert cfg.central_url == "sqlite:////srv/kiosk/central.db"
    assert cfg.readers[0].protocol == "rdm6300"
    assert cfg.readers[0].baud == 9600
    assert cfg.screen_ppi is None  # what the display reports


def test_the_panels_ppi_is_read_as_a_number(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, '[kiosk]\nid = "x"\nscreen_ppi = 149\n'))
    assert cfg.screen_ppi == 149.0 and isinstance(cfg.screen_ppi, float)


def test_the_environment_variable_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_CONFIG", str(write(tmp_path, GOOD)))
    assert load_config(None).kiosk_id == "lobby-1"


def test_central_defaults_to_a_file_in_the_data_dir(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, '[kiosk]\nid = "x"\ndata_dir = "d"\n'))
    assert cfg.central_url == f"sqlite:///{tmp_path / 'd' / 'central.db'}"


def test_a_relative_sqlite_central_url_lies_beside_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As every other path in the file: systemd starts the kiosk in /, a shell anywhere."""
    etc = tmp_path / "etc"
    etc.mkdir()
    monkeypatch.chdir(tmp_path)
    text = '[kiosk]\nid = "x"\n[central]\nurl = "sqlite:///data/central.db?timeout=5"\n'
    cfg = load_config(write(etc, text))
    assert cfg.central_url == f"sqlite:///{etc / 'data' / 'central.db'}?timeout=5"
    relative = load_config(Path("etc") / "kiosk.toml")  # a relative --config as well
    assert relative.central_url == cfg.central_url


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////srv/kiosk/central.db",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///file:central.db?mode=ro&uri=true",
        "https://kiosk.lab.example:8443",
    ],
)
def test_absolute_in_memory_and_other_urls_stay_as_they_are(url: str) -> None:
    assert anchor_sqlite_url(url, Path("/etc/lab-kiosk")) == url


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[kiosk]\nid = "x"\nlanguge = "fi"\n',
            "kiosk.languge: unknown key (did you mean 'language'?)",
        ),
        ('[kiosk]\nid = "x"\nlanguage = "de"\n', "kiosk.language: must be one of fi, sv, en"),
        ('[kiosk]\nid = "x"\nrole = "door"\n', 'kiosk.room: required when kiosk.role is "door"'),
        ('[kiosk]\nrole = "lobby"\n', "kiosk.id: required key is missing"),
        ('[kiosk]\nid = "x"\ntimezone = "Mars/Olympus"\n', "is not an IANA time zone name"),
        (
            '[kiosk]\nid = "x"\n[central]\nsync_interval = "fast"\n',
            "central.sync_interval: must be a number, not 'fast'",
        ),
        ('[kiosk]\nid = "x"\n[central]\nsync_interval = true\n', "central.sync_interval"),
        ('[kiosk]\nid = "x"\n[centrl]\n', "[centrl]: unknown key (did you mean 'central'?)"),
        (
            '[kiosk]\nid = "x"\n[[readers]]\nname = "b"\nport = "/dev/x"\nprotocol = "nfc9000"\n',
            "readers[0].protocol: must be one of",
        ),
        (
            '[kiosk]\nid = "x"\n[[readers]]\nname = "b"\nprotocol = "rdm6300"\n',
            "readers[0].port: required key is missing",
        ),
        ('[kiosk\nid = "x"\n', "TOML syntax error"),
        (
            '[kiosk]\nid = "x"\nscreen_ppi = 14.9\n',
            "kiosk.screen_ppi: must be the panel's pixels per inch, between 50 and 1000",
        ),
        ('[kiosk]\nid = "x"\nscreen_ppi = "149"\n', "kiosk.screen_ppi: must be a number"),
    ],
)
def test_each_problem_is_one_message_naming_file_and_key(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert expected in message
    assert info.value.exit_code == 2


def test_a_missing_file_is_reported_by_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_two_readers_with_one_name_are_refused() -> None:
    reader = {"name": "badge", "port": "/dev/x", "protocol": "rdm6300"}
    with pytest.raises(ConfigError, match="used twice"):
        parse_config({"kiosk": {"id": "x"}, "readers": [reader, reader]})


def test_every_key_is_documented() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "configuration.md").read_text(encoding="utf-8")
    from kiosk.config.schema import READER_SCHEMA

    for section, keys in SCHEMA.items():
        for key in keys:
            assert f"`{key}`" in docs, f"{section}.{key} is not in docs/configuration.md"
    for key in READER_SCHEMA:
        assert f"`{key}`" in docs


def test_scanner_options_build_a_parser_that_strips_and_ends_reads() -> None:
    cfg = parse_config(
        {
            "kiosk": {"id": "x"},
            "readers": [
                {
                    "name": "qr",
                    "port": "/dev/x",
                    "protocol": "scanner",
                    "terminator": "tab",
                    "prefix": "]Q1",
                    "idle_gap": 0,
                },
            ],
        }
    )
    factory = cfg.readers[0].parser_factory()
    assert factory is not None
    reads = factory().feed(b"]Q1LK1:ABC\tnext")
    assert [r.value for r in reads] == ["LK1:ABC"]  # type: ignore[union-attr]


def test_defaults_need_no_custom_parser() -> None:
    cfg = parse_config(
        {"kiosk": {"id": "x"}, "readers": [{"name": "qr", "port": "/dev/x", "protocol": "scanner"}]}
    )
    assert cfg.readers[0].parser_factory() is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"protocol": "rdm6300", "prefix": "x"}, 'readers[0].prefix: only for protocol "scanner"'),
        ({"protocol": "scanner", "terminator": "none", "idle_gap": 0}, "must be above 0"),
        ({"protocol": "scanner", "terminator": "semicolon"}, "readers[0].terminator: must be one"),
    ],
)
def test_bad_scanner_options_are_named(extra: dict[str, object], message: str) -> None:
    reader = {"name": "qr", "port": "/dev/x", **extra}
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_config({"kiosk": {"id": "x"}, "readers": [reader]})


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "POSTGRES"])
def test_a_plain_postgres_url_gets_our_driver_and_its_password_file(
    tmp_path: Path, scheme: str
) -> None:
    (tmp_path / "db.password").write_text("s3cret\n", encoding="utf-8")
    (tmp_path / "db.password").chmod(0o600)
    cfg = load_config(
        write(
            tmp_path,
            f'[kiosk]\nid = "admin"\n[central]\nurl = "{scheme}://kiosk_admin@db.lab/kiosk"\n'
            'password_file = "db.password"\n',
        )
    )
    assert cfg.central_url == "postgresql+psycopg://kiosk_admin:s3cret@db.lab/kiosk"
    plain = load_config(
        write(tmp_path, f'[kiosk]\nid = "a"\n[central]\nurl = "{scheme}://u@db/k"\n')
    )
    assert plain.central_url == "postgresql+psycopg://u@db/k"


@pytest.mark.parametrize(
    "value", ["[" * 100_000 + "]" * 100_000, "{a = " * 5000 + "1" + "}" * 5000, "[" * 40 + "]" * 40]
)
def test_a_deeply_nested_file_is_one_message(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError, match="nested more than 32 levels") as caught:
        load_config(write(tmp_path, f"[kiosk]\nid = {value}\n"))
    assert "\n" not in str(caught.value)


def test_a_deep_value_of_the_wrong_type_is_named_briefly(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"kiosk\.id: must be a string") as caught:
        load_config(write(tmp_path, "[kiosk]\nid = " + "[" * 20 + "]" * 20 + "\n"))
    assert len(str(caught.value)) < 300


def test_data_dir_defaults_to_systemds_state_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, '[kiosk]\nid = "door-1"\n')
    monkeypatch.setenv("STATE_DIRECTORY", "/var/lib/lab-kiosk:/var/lib/other")
    assert load_config(path).data_dir == Path("/var/lib/lab-kiosk")
    monkeypatch.delenv("STATE_DIRECTORY")
    assert load_config(path).data_dir != Path("/var/lib/lab-kiosk")
    assert load_config(path).log_file == "auto"
    with pytest.raises(ConfigError, match=r"kiosk\.log_file: must be one of auto, yes, no"):
        load_config(write(tmp_path, '[kiosk]\nid = "door-1"\nlog_file = "sometimes"\n'))


def _state_directory() -> Path:
    unit = (Path(__file__).parents[2] / "deploy" / "lab-kiosk.service").read_text("utf-8")
    (name,) = re.findall(r"^StateDirectory=(\S+)$", unit, re.MULTILINE)
    return Path("/var/lib") / name


@pytest.mark.parametrize("doc", ["configuration.md", "deploy.md"])
def test_the_documented_kiosk_data_dir_is_the_units_state_directory(doc: str) -> None:
    import tomllib

    text = (Path(__file__).parents[2] / "docs" / doc).read_text(encoding="utf-8")
    kiosks = [
        tomllib.loads(block)["kiosk"]
        for block in re.findall(r"```toml\n(.*?)```", text, re.DOTALL)
        if "[kiosk]" in block
    ]
    screens = [k for k in kiosks if not k["id"].startswith("admin")]
    assert screens, f"no kiosk example in {doc}"
    for kiosk in screens:
        if "data_dir" in kiosk:
            assert Path(kiosk["data_dir"]) == _state_directory(), kiosk["id"]


def test_the_kiosk_unit_gives_up_on_a_mistake_that_repeats_at_every_start() -> None:
    """A door with a room that does not exist exits 2 at once: with ``RestartSec`` seconds
    between starts, systemd's default limit (5 starts in 10 s) is never reached, so the unit
    sets its own, and the limit must be reachable by restarts that fail at once."""
    unit = (Path(__file__).parents[2] / "deploy" / "lab-kiosk.service").read_text("utf-8")
    settings = dict(re.findall(r"^(\w+)=(\S+)", unit, re.MULTILINE))
    assert settings["Restart"] == "on-failure"
    interval, burst = int(settings["StartLimitIntervalSec"]), int(settings["StartLimitBurst"])
    assert burst * int(settings["RestartSec"]) < interval
    section = unit.index("[Unit]"), unit.index("[Service]")
    assert section[0] < unit.index("StartLimitBurst=") < section[1]  # a [Unit] setting


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("vm.fi", "invitations.lab_domains: must be a list, not 'vm.fi'"),
        (["vm.fi", 3], "invitations.lab_domains: must be a list of domain names, not 3"),
        (["@vm.fi"], "invitations.lab_domains: '@vm.fi' is not a domain name like vm.fi"),
        (["https://vm.fi"], "'https://vm.fi' is not a domain name"),
        (["fi"], "'fi' is not a domain name"),
    ],
)
def test_a_wrong_lab_domain_is_named(value: object, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_config({"kiosk": {"id": "x"}, "invitations": {"lab_domains": value}})


def test_lab_domains_are_read_in_lower_case_once_each() -> None:
    cfg = parse_config(
        {"kiosk": {"id": "x"}, "invitations": {"lab_domains": ["VM.fi", "tyo20.fi", "vm.fi"]}}
    )
    assert cfg.invitations.lab_domains == ("vm.fi", "tyo20.fi")
    assert cfg.invitations.calendar_days == 30


def _documented_configs() -> list[tuple[str, str]]:
    """Every kiosk.toml the README and docs show: ```toml blocks and ``<<'TOML'`` heredocs."""
    root = Path(__file__).parents[2]
    found = []
    for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        blocks = re.findall(r"```toml\n(.*?)```", text, re.DOTALL)
        blocks += re.findall(r"<<'TOML'\n(.*?)\nTOML\n", text, re.DOTALL)
        found += [(doc.name, b) for b in blocks if re.search(r"^\s*\[(kiosk|central)\]", b, re.M)]
    return found


def test_every_documented_kiosk_toml_loads() -> None:
    """A newcomer copies them: each must pass the loader (kiosk.id is required, say)."""
    import tomllib

    configs = _documented_configs()
    assert {"README.md", "configuration.md", "deploy.md", "console.md"} <= {d for d, _ in configs}
    for doc, block in configs:
        try:
            parse_config(tomllib.loads(block), Path("/etc/lab-kiosk/kiosk.toml"))
        except ConfigError as exc:
            pytest.fail(f"{doc}: {exc}")
    consoles = [b for d, b in configs if d == "console.md"]
    assert any("credential_file" in b for b in consoles)  # the console.toml of a staff member
