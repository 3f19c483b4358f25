"""``python -m kiosk``: the core commands only (admin, sync, devices), never Qt."""

from kiosk.cli import main

raise SystemExit(main())
