"""A kiosk process for the SIGKILL test: check-ins and sync cycles, forever, until killed.

Run as ``python -m tests.sync.kiosk_loop LOCAL_DB CENTRAL_URL KIOSK_ID PERSON_ID`` from the
repository root. It prints ``committed N`` after each burst of locally committed check-ins and
``cycled`` after each sync cycle, so the test can kill it in the middle of one.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from kiosk.base.clock import SystemClock
from kiosk.store.engine import open_local_store
from kiosk.sync.engine import SyncEngine
from tests.sync.helpers import checkin_locally


def main(argv: list[str]) -> int:
    local_path, url, kiosk_id, person = argv
    clock = SystemClock()
    store = open_local_store(Path(local_path))
    engine = SyncEngine(
        store, url, kiosk_id=kiosk_id, role="lobby", room_id=None, clock=clock, batch_size=3
    )
    engine.cycle()
    print("ready", flush=True)
    committed = 0
    while True:
        for _ in range(7):
            checkin_locally(store, uuid.UUID(person), kiosk_id, clock.now())
            committed += 1
        print(f"committed {committed}", flush=True)
        engine.cycle()
        print("cycled", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
