"""Starting a kiosk: the entry point, the screen commands, the composition root and its wiring."""
