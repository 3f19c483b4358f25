"""Demo data for ``kiosk demo``, screenshots and ``kiosk admin report --demo``."""
