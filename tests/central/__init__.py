"""Tests of kiosk.central: the sync service over real HTTP on the loopback."""
