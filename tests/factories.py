"""Factories shared across apps; data is set up through services, as a user would create it."""

from __future__ import annotations

import itertools

from accord.accounts import services
from accord.accounts.models import User

_counter = itertools.count(1)
PASSWORD = "correct horse battery staple 42"


def make_user(
    *, email: str | None = None, name: str | None = None, password: str | None = PASSWORD
) -> User:
    n = next(_counter)
    return services.user_create(
        email=email or f"person{n}@example.org",
        display_name=name or f"Person {n}",
        password=password,
    )
