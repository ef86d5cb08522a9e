"""The rooms' WebSocket route."""

from __future__ import annotations

from typing import Any

from django.urls import path

from accord.rooms.consumers import RoomConsumer

# Typed loosely: Django's `path` stubs expect HTTP views, Channels' router takes ASGI apps.
# `str`, not `uuid`: a malformed id must be refused exactly like a missing room.
websocket_urlpatterns: list[Any] = [
    path("ws/rooms/<str:room_id>/", RoomConsumer.as_asgi()),  # type: ignore[arg-type]  # ASGI app
]
