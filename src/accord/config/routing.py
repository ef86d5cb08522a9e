"""Every WebSocket route of the project, gathered from the apps that own them."""

from __future__ import annotations

from typing import Any

from accord.realtime.routing import websocket_urlpatterns as realtime_patterns
from accord.rooms.routing import websocket_urlpatterns as rooms_patterns

websocket_urlpatterns: list[Any] = [*realtime_patterns, *rooms_patterns]
