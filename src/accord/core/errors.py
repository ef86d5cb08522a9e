"""Domain errors raised by services and translated to HTTP responses by the middleware.

`NotFound` covers both "does not exist" and "you may not know it exists": a case's existence is
private (DESIGN.md §4, invariant 6), so access functions never distinguish the two.
"""

from __future__ import annotations


class AccordError(Exception):
    """Base class of every error a service raises on purpose."""

    status_code = 400

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def details(self) -> dict[str, object]:
        """More for the caller than the message, e.g. the tone coach's reasons (JSON-ready)."""
        return {}


class NotFound(AccordError):
    """The object does not exist, or the actor may not know that it exists."""

    status_code = 404


class Forbidden(AccordError):
    """The actor can see the object but may not do this to it."""

    status_code = 403


class InvalidInput(AccordError):
    """The request is well-formed but its content breaks a rule; nothing was changed."""

    status_code = 400


class Conflict(AccordError):
    """The action clashes with the current state (already used, already signed, ...)."""

    status_code = 409
