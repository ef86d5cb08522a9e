"""The base consumer every live view builds on, and the per-user notification consumer."""

from __future__ import annotations

from typing import Any

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from accord.realtime.groups import user_group

# Close codes in the 4000-4999 range are for applications (RFC 6455 §7.4.2).
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403


class AuthenticatedConsumer(AsyncJsonWebsocketConsumer):
    """Refuses anonymous sockets; subclasses say which groups the user may join.

    `allowed_groups()` is where a subclass applies the visibility rule; it must return only
    groups the user may read. The consumer joins them on connect and leaves them on close.
    Subclasses reach the database only through `accord.realtime.db.in_db` (Channels'
    `database_sync_to_async`, on more than one thread where the database allows it).
    """

    joined: list[str]
    user: Any  # the authenticated user, set on connect

    async def connect(self) -> None:
        self.joined = []
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.user = user
        groups = await self.allowed_groups()
        if groups is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        for group in groups:
            await self.channel_layer.group_add(group, self.channel_name)
            self.joined.append(group)
        await self.accept()
        await self.on_joined()

    async def dispatch(self, message: dict[str, Any]) -> None:
        """Run the message's handler, without Channels' per-message connection cleanup.

        Channels (4.2+) sends every message through the one database thread first, to close
        stale connections, even when the handler never touches the database: each live event
        then queued behind whatever database work was running, and then had to wait for its
        own turn. Handlers here reach the database only through `in_db`,
        which does that cleanup around each call itself.
        """
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def disconnect(self, code: int) -> None:
        for group in getattr(self, "joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)
        self.joined = []

    async def allowed_groups(self) -> list[str] | None:
        """Groups to join, or None to refuse the socket. Override in subclasses."""
        raise NotImplementedError

    async def on_joined(self) -> None:
        """Hook after accept, e.g. to replay what the client missed."""

    async def access_revoked(self, event: dict[str, Any]) -> None:
        """A service revoked this user's access: close the socket at once."""
        await self.close(code=CLOSE_FORBIDDEN)

    async def access_changed(self, event: dict[str, Any]) -> None:
        """Someone's access in one of the user's cases changed. Views that show case content
        re-check it (see rooms.consumers); a socket that shows none has nothing to do."""


class UserConsumer(AuthenticatedConsumer):
    """One socket per signed-in tab for events addressed to that person."""

    async def allowed_groups(self) -> list[str] | None:
        return [user_group(self.user.pk)]

    async def notify(self, event: dict[str, Any]) -> None:
        await self.send_json({"kind": "notification", "data": event.get("data", {})})
