"""The real commands, as IT runs them: enrol a door, serve, sync through the service, revoke."""

from __future__ import annotations

import json
import socket
import ssl
import stat
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from kiosk.central.service import AUTH_TTL
from kiosk.config.credential_file import TOKEN_FORMAT
from tests.e2e.conftest import kiosk_command, kiosk_env
from tests.e2e.serving import answers, free_port, serving
from tests.helpers import wait_for

pytestmark = pytest.mark.e2e

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_a_door_is_enrolled_syncs_through_the_service_and_is_revoked(
    tmp_path: Path, site: Path, run_kiosk: Run
) -> None:
    token = tmp_path / "door-aurora.token"
    done = run_kiosk(
        "admin", "--config", str(site), "enroll", "door-aurora", "--role", "door",
        "--room", "aurora", "--out", str(token),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert TOKEN_FORMAT.match(token.read_text(encoding="ascii").strip())
    with serving(f"sqlite:///{tmp_path / 'central.db'}") as url:
        door = tmp_path / "door.toml"
        door.write_text(
            '[kiosk]\nid = "door-aurora"\nrole = "door"\nroom = "aurora"\ndata_dir = "door"\n'
            f'[central]\nurl = "{url}"\ncredential_file = "{token}"\n',
            encoding="utf-8",
        )
        done = run_kiosk("sync", "--config", str(door), "--json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["outbox_depth"] == 0
        fleet = run_kiosk("admin", "--config", str(site), "fleet", "--json")
        assert [k["id"] for k in json.loads(fleet.stdout)] == ["door-aurora"]

        done = run_kiosk("admin", "--config", str(site), "revoke-kiosk", "door-aurora")
        assert done.returncode == 0, done.stderr
        time.sleep(AUTH_TTL)  # the service remembers a valid token this long at most
        done = run_kiosk("sync", "--config", str(door))
        assert done.returncode == 1
        assert "refused this kiosk's credential" in done.stderr
        assert "nothing was lost" in done.stderr


def test_enrolment_mistakes_get_one_clear_line(tmp_path: Path, site: Path, run_kiosk: Run) -> None:
    out = str(tmp_path / "t.token")
    cases = {  # exit 2: a usage mistake; 3: something named does not exist
        ("door-x", "--role", "door"): (2, "a door needs --room"),
        ("door-x", "--role", "door", "--room", "nowhere"): (3, "rooms: aurora"),
        ("Lobby 1!", "--role", "lobby"): (2, "kiosk id"),
    }
    for args, (code, message) in cases.items():
        done = run_kiosk("admin", "--config", str(site), "enroll", *args, "--out", out)
        assert done.returncode == code and message in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert not Path(out).exists()


def test_kiosks_refuse_database_credentials(tmp_path: Path, run_kiosk: Run) -> None:
    config = tmp_path / "lobby.toml"
    config.write_text(
        '[kiosk]\nid = "lobby-1"\ndata_dir = "lobby"\n'
        '[central]\nurl = "postgresql+psycopg://kiosk@db.lab.example/kiosk"\n',
        encoding="utf-8",
    )
    for command in ("sync", "run"):
        done = run_kiosk(command, "--config", str(config))
        assert done.returncode == 2, done.stderr
        assert "kiosk admin enroll" in done.stderr


def test_the_service_will_not_serve_a_store_that_was_never_set_up(
    tmp_path: Path, run_kiosk: Run
) -> None:
    store = f"sqlite:///{tmp_path / 'empty.db'}"
    done = run_kiosk("central", "serve", "--store", store, "--listen", "127.0.0.1:1")
    assert done.returncode == 2 and "kiosk admin init --central" in done.stderr
    done = run_kiosk("central", "serve", "--store", store, "--listen", "nowhere")
    assert done.returncode == 2 and "HOST:PORT" in done.stderr


def test_serve_is_ready_only_once_it_answers_and_pets_the_watchdog(
    tmp_path: Path, site: Path
) -> None:
    port = free_port()
    sock_path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as notify:
        notify.bind(str(sock_path))
        notify.settimeout(30)
        env = kiosk_env() | {"NOTIFY_SOCKET": str(sock_path), "WATCHDOG_USEC": "1500000"}
        store = f"sqlite:///{tmp_path / 'central.db'}"
        server = subprocess.Popen(
            [
                *kiosk_command(),
                "central",
                "serve",
                "--store",
                store,
                "--listen",
                f"127.0.0.1:{port}",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            first = notify.recv(64).decode()
            answered = answers(f"http://127.0.0.1:{port}")
            messages = [notify.recv(64).decode() for _ in range(2)]
        finally:
            server.terminate()
            _out, err = server.communicate(timeout=15)
    assert first == "READY=1" and answered
    assert messages == ["WATCHDOG=1", "WATCHDOG=1"]
    assert "Traceback" not in err


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key: the service's TLS and the kiosk's CA file."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kiosk-central.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "central.crt", tmp_path / "central.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_a_kiosk_syncs_over_tls_with_the_sites_own_ca(
    tmp_path: Path, site: Path, run_kiosk: Run
) -> None:
    cert, _key = _self_signed(tmp_path)
    token = tmp_path / "lobby-1.token"
    done = run_kiosk(
        "admin", "--config", str(site), "enroll", "lobby-1", "--role", "lobby", "--out", str(token)
    )
    assert done.returncode == 0, done.stderr
    port = free_port()
    service_config = tmp_path / "central.toml"
    service_config.write_text(
        f'[service]\nstore = "sqlite:///{tmp_path / "central.db"}"\n'
        f'listen = "127.0.0.1:{port}"\ntls_cert = "central.crt"\ntls_key = "central.key"\n',
        encoding="utf-8",
    )
    server = subprocess.Popen(
        [*kiosk_command(), "central", "serve", "--config", str(service_config)],
        env=kiosk_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"https://127.0.0.1:{port}"

    def answers() -> bool:
        try:
            trust = ssl.create_default_context(cafile=str(cert))
            return httpx.get(f"{url}/healthz", verify=trust, timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_for(lambda: answers() or server.poll() is not None, 30, "the TLS service")
        assert server.poll() is None
        lobby = tmp_path / "lobby.toml"
        base = f'[kiosk]\nid = "lobby-1"\ndata_dir = "lobby"\n[central]\nurl = "{url}"\n'
        lobby.write_text(
            base + f'credential_file = "{token}"\nca_file = "{cert}"\n', encoding="utf-8"
        )
        done = run_kiosk("sync", "--config", str(lobby))
        assert done.returncode == 0, done.stderr
        # Without the site's CA the kiosk does not trust the service, and says so.
        lobby.write_text(base + f'credential_file = "{token}"\n', encoding="utf-8")
        done = run_kiosk("sync", "--config", str(lobby))
        assert done.returncode == 1 and "unreachable" in done.stderr
    finally:
        server.terminate()
        server.communicate(timeout=15)
