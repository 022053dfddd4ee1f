"""Errors a user can act on: the CLI prints them as one line and exits 2."""


class InputError(ValueError):
    """The input cannot be checked as given (unreadable, empty, too large, unknown language)."""
