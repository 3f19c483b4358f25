"""The staff console on the demo's machine: its config, a sender and a signing key.

``kiosk demo --console`` and ``kiosk screenshot --screen console-*`` open the console against
the demo's central store through the in-process service (``kiosk.console.embedded``). Inviting
from it needs what an admin sets up on the machine that invites: a From address for the
invitation e-mails (queued; the demo sends none) and the current signing key in the console's
data folder: the demo's admin folder (``Demo.write_console_config``), where the demo's
invitations were signed; when none was made yet, one is made as ``kiosk admin keys create``
makes it.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.config.settings import Config, load_config
from kiosk.demo.data import Demo
from kiosk.security.signing_keys import list_keys, new_key, private_key_path
from kiosk.store.engine import open_store

DEMO_SENDER = "lab-kiosk@lab.example"


def console_config(demo: Demo, lang: str, at: datetime) -> Config:
    path = demo.write_console_config(lang)
    with path.open("a", encoding="utf-8") as f:
        f.write(f'\n[notify]\nsender = "{DEMO_SENDER}"\n')
    config = load_config(path)
    store = open_store(demo.central_url)
    try:
        with store.engine.begin() as conn:
            current = next((k for k in list_keys(conn) if k.current), None)
            if current is None or not private_key_path(config.data_dir, current.key_id).exists():
                new_key(conn, config.data_dir, at)
    finally:
        store.dispose()
    return config
