"""What every JSON API router shares: the error body and the responses it documents.

The API root (accord.config.api) turns the services' errors into these bodies; each router
lists them on its operations so the OpenAPI document says what a caller may get back.
"""

from __future__ import annotations

from typing import Any

from ninja import Schema


class ErrorOut(Schema):
    """A refusal: what went wrong in words, and the input field it concerns, if any. Some
    refusals add their own details (the tone coach's reasons and suggestion, for one)."""

    detail: str
    field: str | None = None


# The refusals any operation may answer with; routers use it as their `response` base.
ERRORS: dict[int, Any] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
}
