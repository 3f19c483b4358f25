"""Tests of kiosk.store: opening stores and the migrations."""
