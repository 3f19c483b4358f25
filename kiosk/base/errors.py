"""Errors that carry a message meant for a person (CLI user, installer, host)."""


class KioskError(Exception):
    """An expected failure with a message fit to show as is. ``exit_code`` is used by the CLI."""

    exit_code = 1


class UsageError(KioskError):
    """Bad input on the command line or in the config file."""

    exit_code = 2


class ConfigError(UsageError):
    pass


class NotFound(KioskError):
    exit_code = 3


class Conflict(KioskError):
    exit_code = 4
