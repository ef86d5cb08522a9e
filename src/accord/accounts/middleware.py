"""Serve each signed-in user in the language they chose on their account."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from accord.accounts.models import Language


class UserLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        language = getattr(user, "preferred_language", None)
        if user is not None and user.is_authenticated and language in Language.values:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
