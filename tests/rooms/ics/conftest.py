"""Fixtures shared by the calendar tests: an initialised admin config and a local feed server."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli.main import main
from tests.helpers import admin_config

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def config(tmp_path: Path, central_url: str) -> Path:
    path = admin_config(tmp_path, central_url)
    assert main(["admin", "--config", str(path), "room", "add", "aurora", "--name", "Aurora"]) == 0
    return path


@pytest.fixture
def feed_server() -> Iterator[str]:
    """A local HTTP server with the fixtures at /feed.ics and a 404 for anything else."""
    body = (FIXTURES / "feed_v1.ics").read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.split("?", 1)[0] != "/feed.ics":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="feed-server")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
