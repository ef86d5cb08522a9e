from __future__ import annotations

from typing import Any

from django.urls import path

from accord.realtime.consumers import UserConsumer

# Typed loosely: Django's `path` stubs expect HTTP views, Channels' router takes ASGI apps.
websocket_urlpatterns: list[Any] = [
    path("ws/me/", UserConsumer.as_asgi()),  # type: ignore[arg-type]  # an ASGI app, not a view
]
