"""One place to ask the time, so tests can pin it and every timestamp is aware UTC."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    """Return the current time as an aware UTC datetime."""
    return timezone.now()
