"""Errors shared by every layer, in one taxonomy.

Each entry point maps them once: the CLI (``earmark.cli.app``) to an exit code, the service
(``earmark.service.problems``) to an HTTP status and an RFC 9457 problem+json body.

=============  =================================================  ====  ====
error          meaning                                            exit  HTTP
=============  =================================================  ====  ====
BadInput       input a user can fix; names the field               2    422
NotFound       the record or entry named does not exist            2    404
Refused        a transition or shipment the rules do not allow     2    409
Forbidden      the caller's role may not do this                   1    403
DataError      bundled or supplied regulatory data is unusable     1    500
StoreError     the record store cannot be opened or used           1    503
=============  =================================================  ====  ====

Field names are in domain terms (``on``, ``as_of``, ``review``), not option spellings; the
CLI shows them as they are.
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

    def __reduce__(self) -> tuple[type[BadInput], tuple[str, str]]:
        # Rebuilt from its parts when it crosses processes (raised on a Dask worker).
        return type(self), (self.field, self.message)


class NotFound(BadInput):
    """The record, entry or key named by a field does not exist."""


class Refused(BadInput):
    """A transition or shipment the rules do not allow in the record's present state
    (a conflict with that state): names what and why."""


class Forbidden(EarmarkError):
    """The caller is known but its role does not allow the action."""

    def __init__(self, action: str, role: str) -> None:
        super().__init__(f"the role {role} may not {action}")
        self.action = action
        self.role = role

    def __reduce__(self) -> tuple[type[Forbidden], tuple[str, str]]:
        return type(self), (self.action, self.role)


class DataError(EarmarkError):
    """The bundled or supplied regulatory data is missing, corrupt or inconsistent."""


class StoreError(EarmarkError):
    """The record store cannot be opened or used (unreachable server, not an earmark store)."""
