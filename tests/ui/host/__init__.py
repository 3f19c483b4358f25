"""Tests of ui.host."""
