"""Turn domain errors raised below a view into the right HTTP response."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from accord.core.errors import AccordError, NotFound


class DomainErrorMiddleware:
    """`NotFound` becomes Django's 404 (the same page as a missing URL); others a plain page.

    Views may catch errors themselves to re-render a form with the message; this is the
    backstop that guarantees no domain error ever becomes a 500.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, NotFound):
            raise Http404 from exception
        if isinstance(exception, AccordError):
            return TemplateResponse(
                request,
                "core/error.html",
                {"message": exception.message},
                status=exception.status_code,
            ).render()
        return None
