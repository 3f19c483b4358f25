"""Tests of kiosk.security: tokens, keys, host sign-in."""
