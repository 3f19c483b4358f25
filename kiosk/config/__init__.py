"""``kiosk.toml``: every key declared once, loaded and checked; central credentials kept apart."""
