"""Errors shared by every layer.

:class:`BadInput` is the one error for input a user can fix: it names the field and says what
is wrong. The CLI turns it into one line on stderr and exit code 2; the service into HTTP 422.
"""

from __future__ import annotations


class EarmarkError(Exception):
    """Base class of earmark's own errors."""


class BadInput(EarmarkError):
    """Input that cannot be used as given: names the field and what is wrong with it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class DataError(EarmarkError):
    """The bundled or supplied regulatory data is missing, corrupt or inconsistent."""


class StoreError(EarmarkError):
    """The record store cannot be opened or used (unreachable server, not an earmark store)."""
