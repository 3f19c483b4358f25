"""Tests of ui.camera."""
