"""Helpers for the token CLI tests: run an admin command, read the central store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.config.settings import load_config
from kiosk.store.engine import open_store
from tests.stores import dump

HOST = "mikko@lab.example"


def admin(config: Path, *args: str) -> int:
    return main(["admin", "--config", str(config), *args])


def run_json(config: Path, capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert admin(config, *args, "--json") == 0
    return json.loads(capsys.readouterr().out)


def central_dump(config: Path) -> dict[str, list[tuple[object, ...]]]:
    store = open_store(load_config(config).central_url, migrate=False)
    try:
        return dump(store)
    finally:
        store.dispose()


def public_keys(config: Path) -> dict[str, bytes]:
    from kiosk.security.signing_keys import verification_keys

    store = open_store(load_config(config).central_url, migrate=False)
    try:
        with store.engine.connect() as conn:
            return verification_keys(conn)
    finally:
        store.dispose()


def read_qr_codes(image: object) -> list[object]:
    """The QR codes in ``image`` (a card PNG opened with Pillow).

    QR codes only: with every format allowed, zxing-cpp now and then also reads a card's printed
    text or rule lines as a short 1D barcode (seen: "4750"), depending on the name and date.
    """
    import zxingcpp

    return list(zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode))  # type: ignore[arg-type]
