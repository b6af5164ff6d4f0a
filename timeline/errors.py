"""Typed errors whose messages tell a user what went wrong and what to do."""


class TimelineError(Exception):
    """Base of every error the library raises on purpose; the CLI prints its message."""


class InputError(TimelineError):
    """An input file, folder or manifest cannot be used."""


class StoreError(TimelineError):
    """The SQLite store cannot be opened, read or written."""


class NotFoundError(TimelineError):
    """An event, article or path asked for does not exist."""
