"""The staff console: a windowed app on staff computers that talks to the central service."""
