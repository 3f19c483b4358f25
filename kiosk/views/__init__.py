"""Plain, Qt-free view models: what the screens draw, built by the services, drawn by ``ui``."""
