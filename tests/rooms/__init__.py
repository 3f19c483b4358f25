"""Tests of kiosk.rooms: doors, door actions, modes, policies."""
