"""Tests of ui.shell: the composition root, start-up, whole kiosks."""
