"""The staff console's core (``kiosk console``): what staff see and send, and the client that
asks the central sync service for it with a staff credential. Qt-free: the windows live in
``ui.console`` and call the client off the GUI thread."""
