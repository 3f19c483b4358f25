"""A config file that breaks the TOML reader is one line and exit 2 from the real command."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("value", ["[" * 50_000 + "]" * 50_000, "{a = " * 3000 + "1" + "}" * 3000])
@pytest.mark.parametrize("command", [["admin", "room", "list"], ["run"], ["sync", "status"]])
def test_a_deeply_nested_config_is_one_line_and_exit_2(
    tmp_path: Path,
    run_kiosk,
    value: str,
    command: list[str],  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[kiosk]\nid = {value}\n", encoding="utf-8")
    done = run_kiosk(*command, "--config", str(path))
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"kiosk: {path}: values nested more than 32 levels deep (arrays or tables); "
        "a kiosk config needs at most three"
    ]


@pytest.mark.parametrize(
    ("central", "expected"),
    [
        (
            'credential_file = "missing.token"',
            "missing.token: not found; enrol this kiosk on the admin machine "
            "(kiosk admin enroll lobby-9 --role lobby --out lobby-9.token)",
        ),
        ('credential_file = "good.token"\nca_file = "absent.crt"', "absent.crt: not found"),
        ('credential_file = "good.token"\nca_file = "kiosk.toml"', "not a PEM CA certificate"),
    ],
)
@pytest.mark.parametrize("command", ["run", "sync"])
def test_a_missing_token_or_a_bad_ca_file_is_one_line_and_exit_2(
    tmp_path: Path,
    run_kiosk,
    central: str,
    expected: str,
    command: str,  # type: ignore[no-untyped-def]
) -> None:
    """Not a traceback and exit 1, which systemd would restart for ever."""
    from kiosk.config.credential_file import write_token_file
    from kiosk.security.badges import create_site_key

    (tmp_path / "data").mkdir()
    create_site_key(tmp_path / "data" / "site.key")
    write_token_file(tmp_path / "good.token", "lkd1." + "A" * 43)
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[kiosk]\nid = "lobby-9"\nrole = "lobby"\ndata_dir = "data"\n'
        f'[central]\nurl = "https://127.0.0.1:9"\n{central}\n',
        encoding="utf-8",
    )
    limit = ["--exit-after", "5"] if command == "run" else []
    done = run_kiosk(command, "--config", str(path), *limit)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    said = [line for line in done.stderr.splitlines() if line.startswith("kiosk: ")]
    assert len(said) == 1 and expected in said[0], done.stderr


@pytest.mark.parametrize("command", [["run", "--exit-after", "5"], ["sync"], ["admin", "init"]])
def test_a_data_dir_this_user_may_not_create_names_the_command_that_fixes_it(
    tmp_path: Path,
    run_kiosk,
    command: list[str],  # type: ignore[no-untyped-def]
) -> None:
    """sysfs refuses every new folder, to root as well: a real refusal wherever tests run."""
    import getpass

    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nid = "lobby-9"\ndata_dir = "/sys/lab-kiosk-test"\n', "utf-8")
    done = run_kiosk(*command, "--config", str(path))
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        f"kiosk: data_dir /sys/lab-kiosk-test: this user ({getpass.getuser()}) may not create "
        f"or write it; make it theirs: sudo install -d -o {getpass.getuser()} -m 0700 "
        "/sys/lab-kiosk-test"
    )
