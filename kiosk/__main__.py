"""``python -m kiosk``: the core commands only (admin, sync, devices), never Qt."""

from kiosk.cli.main import main

raise SystemExit(main())
