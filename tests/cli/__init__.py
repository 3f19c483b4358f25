"""Tests of kiosk.cli that span command groups."""
