"""The ASGI application: HTTP through Django, WebSockets through Channels."""

from __future__ import annotations

import os
from typing import Any

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.asgi import get_asgi_application
from django.db import connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.config.settings.production")
# Django must be set up before anything imports models (the consumers do).
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from accord.config.routing import websocket_urlpatterns  # noqa: E402


class ClosingHTTP:
    """Django's HTTP handler, closing the request's database connections when it ends.

    Under ASGI each HTTP request runs its synchronous code in a thread of its own, which ends
    with the request. A persistent connection (SQLite keeps one, env.database) would stay
    open in that dead thread until the garbage collector found it: close it at once, in the
    thread that opened it. The outer context makes this the thread Django's handler uses (an
    inner ThreadSensitiveContext defers to the outermost one). WebSockets are not concerned:
    their database work runs in threads that live as long as the process.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        async with ThreadSensitiveContext():
            try:
                await self.app(scope, receive, send)
            finally:
                await sync_to_async(connections.close_all)()


application = ProtocolTypeRouter(
    {
        "http": ClosingHTTP(django_asgi_app),
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
