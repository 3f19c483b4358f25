"""Tests of kiosk.base and the logging policy."""
