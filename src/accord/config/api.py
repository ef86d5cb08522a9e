"""The JSON API root: /api/v1/, documented at /api/docs.

Routes call the same services as the pages, so the same rules hold. Domain errors become
JSON with the rule's wording; NotFound is one fixed body, whether missing or forbidden.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import NinjaAPI
from ninja.security import HttpBearer
from ninja.security import SessionAuth as SessionAuthBase

from accord.accounts.services import api_token_authenticate
from accord.agreements.api import router as agreements_router
from accord.arbitration.api import router as arbitration_router
from accord.bargaining.api import router as bargaining_router
from accord.cases.api import router as cases_router
from accord.core.errors import AccordError, NotFound
from accord.rooms.api import router as rooms_router
from accord.safety.api import router as safety_router


class TokenAuth(HttpBearer):
    """`Authorization: Bearer acc_…` from `accord token create`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(key=token)
        if user is not None:
            request.user = user
            # Scripts get answers in their account's language, as pages do.
            translation.activate(user.preferred_language)
        return user


class SessionAuth(SessionAuthBase):
    """The browser's session, with its CSRF check; skipped entirely without a session, so a
    script that sends no credentials gets 401, not a CSRF complaint."""

    def __call__(self, request: HttpRequest) -> Any:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super().__call__(request)


api = NinjaAPI(
    title="Accord API",
    version="1",
    description="Cases, processes and their rules, enforced as on the pages.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
    docs_url="/docs",
)

NOT_FOUND_BODY = {"detail": "Not found."}


@api.exception_handler(NotFound)
def _not_found(request: HttpRequest, exc: NotFound) -> HttpResponse:
    return api.create_response(request, NOT_FOUND_BODY, status=404)


@api.exception_handler(AccordError)
def _domain_error(request: HttpRequest, exc: AccordError) -> HttpResponse:
    body: dict[str, Any] = {"detail": exc.message}
    if exc.field:
        body["field"] = exc.field
    body.update(exc.details())
    return api.create_response(request, body, status=exc.status_code)


api.add_router("/", cases_router)
api.add_router("/", rooms_router)
api.add_router("/", safety_router)
api.add_router("/", bargaining_router)
api.add_router("/", agreements_router)
api.add_router("/", arbitration_router)

__all__ = ["api"]
