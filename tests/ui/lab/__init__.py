"""Tests of ui.lab."""
