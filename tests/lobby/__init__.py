"""Tests of kiosk.lobby: check-in, walk-in, check-out, invitations, retention, notices."""
