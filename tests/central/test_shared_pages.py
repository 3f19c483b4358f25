"""Shared pages never cross a share: kiosks asking the same question at the same moment.

The service builds a page of the feed once and hands the same bytes to every kiosk of the same
share (kiosk/central/pages.py). Here two lobbies and doors of two rooms wake together, through
``/v1/wait?page=true`` and ``/v1/changes`` at once from the same cursor, each with its own token,
and each must read its own share: the walk-in's details only at the lobby where they walked in,
each room's bookings only at that room's door, and two doors of one room the same bytes.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx

from kiosk.central.api import MAX_PAGE
from kiosk.config.settings import load_config
from tests.central.helpers import kiosk_config
from tests.central.seeded_lab import WALKIN, WALKIN_ORG, Lab

KIOSKS = [
    ("lobby-1", "lobby", None),
    ("lobby-2", "lobby", None),
    ("door-aurora", "door", "aurora"),
    ("door-aurora-2", "door", "aurora"),
    ("door-room-01", "door", "room-01"),
]


def _token(config: Path) -> str:
    cfg = load_config(config)
    assert cfg.credential_file is not None
    return cfg.credential_file.read_text(encoding="ascii").strip()


async def _first_pages(url: str, tokens: dict[str, str]) -> dict[str, dict[str, bytes]]:
    """Every kiosk's first page from cursor 0, asked through both paths at the same moment."""
    params = {"after": "0:0", "limit": MAX_PAGE}
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:

        async def ask(kiosk: str, path: str) -> tuple[str, str, bytes]:
            headers = {"Authorization": f"Bearer {tokens[kiosk]}"}
            extra = {"page": "true", "timeout": 5} if path == "/v1/wait" else {}
            answer = await client.get(path, params={**params, **extra}, headers=headers)
            assert answer.status_code == 200, (kiosk, path, answer.text)
            return kiosk, path, answer.content

        asked = [ask(k, p) for _ in range(3) for k in tokens for p in ("/v1/wait", "/v1/changes")]
        pages: dict[str, dict[str, bytes]] = {kiosk: {} for kiosk in tokens}
        for kiosk, path, body in await asyncio.gather(*asked):
            if path == "/v1/wait":  # {"changed": true, "page": {...}}: the page's own bytes
                body = json.dumps(json.loads(body)["page"]).encode()
            else:
                body = json.dumps(json.loads(body)).encode()
            previous = pages[kiosk].setdefault(path, body)
            assert previous == body, f"{kiosk} read two different pages through {path}"
        return pages


def _changes(body: bytes) -> list[dict[str, Any]]:
    page = json.loads(body)
    assert not page["full"], "the seeded Lab fits one page"
    changes: list[dict[str, Any]] = page["changes"]
    return changes


def test_kiosks_waking_together_each_read_their_own_share(tmp_path: Path, lab: Lab) -> None:
    service = lab.service
    tokens = {k: _token(kiosk_config(tmp_path, service, k, role, room)) for k, role, room in KIOSKS}

    pages = asyncio.run(_first_pages(service.url, tokens))

    for kiosk, by_path in pages.items():  # both paths answer the same page
        assert by_path["/v1/wait"] == by_path["/v1/changes"], kiosk
    page = {kiosk: by_path["/v1/changes"] for kiosk, by_path in pages.items()}

    walkin = {
        kiosk: [c["payload"] for c in _changes(page[kiosk]) if c["entity"] == "visitors"]
        for kiosk in ("lobby-1", "lobby-2")
    }
    assert [v["organisation"] for v in walkin["lobby-2"] if v["name"] == WALKIN] == [WALKIN_ORG]
    assert [v["organisation"] for v in walkin["lobby-1"] if v["name"] == WALKIN] == [None]
    assert WALKIN_ORG.encode() not in page["lobby-1"]

    def rooms(kiosk: str) -> set[str]:
        return {c["payload"]["room_id"] for c in _changes(page[kiosk]) if c["entity"] == "bookings"}

    assert rooms("door-aurora") == {"aurora"}
    assert rooms("door-room-01") == {"room-01"}
    assert page["door-aurora"] == page["door-aurora-2"]  # one share: the same page
    for door in ("door-aurora", "door-room-01"):
        entities = {c["entity"] for c in _changes(page[door])}
        assert not entities & {"visitors", "invitations", "checkins", "signing_keys"}, door
