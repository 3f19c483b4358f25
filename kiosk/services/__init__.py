"""Services: the kiosk's use cases. Each takes its store, clock and collaborators as arguments."""
