"""Who is asking, for the JSON API's operations."""

from __future__ import annotations

from django.http import HttpRequest

from accord.accounts.models import User
from accord.core.errors import NotFound


def api_user(request: HttpRequest) -> User:
    """The person the API root's authentication found. It always sets one on the operations
    it guards; anything else is refused as not found, never guessed."""
    user = getattr(request, "auth", None)
    if not isinstance(user, User):
        raise NotFound
    return user
