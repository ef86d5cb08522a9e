import channels.consumer
import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.db import connection
from django.test import Client

from accord.config.asgi import application
from accord.realtime.consumers import CLOSE_UNAUTHENTICATED
from accord.realtime.groups import user_group
from accord.realtime.publish import publish_now
from tests.factories import make_user

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

ORIGIN = (b"origin", b"http://127.0.0.1")


async def connect(cookie: str | None = None, origin=ORIGIN):
    headers = [origin] if origin else []
    if cookie:
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
    communicator = WebsocketCommunicator(application, "/ws/me/", headers=headers)
    connected, code = await communicator.connect()
    return communicator, connected, code


@sync_to_async
def signed_in_session():
    try:
        user = make_user()
        client = Client()
        client.force_login(user)
        return user, client.cookies[settings.SESSION_COOKIE_NAME].value
    finally:
        # This runs in asgiref's worker thread; a connection left open there would block
        # dropping the PostgreSQL test database at the end of the run.
        connection.close()


async def test_anonymous_sockets_are_refused():
    _communicator, connected, code = await connect()
    assert not connected
    assert code == CLOSE_UNAUTHENTICATED


async def test_a_signed_in_user_gets_events_addressed_to_them():
    user, cookie = await signed_in_session()
    communicator, connected, _ = await connect(cookie)
    assert connected
    await sync_to_async(publish_now)(user_group(user.id), {"type": "notify", "data": {"n": 1}})
    assert await communicator.receive_json_from(timeout=5) == {
        "kind": "notification",
        "data": {"n": 1},
    }
    await communicator.disconnect()


async def test_events_for_someone_else_never_arrive():
    _user, cookie = await signed_in_session()
    other, _ = await signed_in_session()
    communicator, connected, _ = await connect(cookie)
    assert connected
    await sync_to_async(publish_now)(user_group(other.id), {"type": "notify", "data": {"n": 2}})
    assert await communicator.receive_nothing(timeout=0.2)
    await communicator.disconnect()


async def test_revoking_access_closes_the_socket():
    user, cookie = await signed_in_session()
    communicator, connected, _ = await connect(cookie)
    assert connected
    await sync_to_async(publish_now)(user_group(user.id), {"type": "access.revoked"})
    assert (await communicator.receive_output(timeout=5))["type"] == "websocket.close"


async def test_a_foreign_origin_is_refused():
    _, cookie = await signed_in_session()
    _communicator, connected, _ = await connect(cookie, origin=(b"origin", b"https://evil.example"))
    assert not connected


async def test_an_access_change_does_not_break_the_personal_socket():
    user, cookie = await signed_in_session()
    communicator, connected, _ = await connect(cookie)
    assert connected
    await sync_to_async(publish_now)(user_group(user.id), {"type": "access.changed", "case": "x"})
    await sync_to_async(publish_now)(user_group(user.id), {"type": "notify", "data": {"n": 3}})
    assert await communicator.receive_json_from(timeout=5) == {
        "kind": "notification",
        "data": {"n": 3},
    }
    await communicator.disconnect()


async def test_events_reach_handlers_without_a_trip_through_the_database_thread(monkeypatch):
    """Channels would first send every message through the one database thread to close stale
    connections; the consumers here reach the database only through database_sync_to_async,
    which does that itself, so a live event waits for no one's database work."""
    trips = []

    async def counted():
        trips.append(1)

    monkeypatch.setattr(channels.consumer, "aclose_old_connections", counted)
    user, cookie = await signed_in_session()
    communicator, connected, _ = await connect(cookie)
    assert connected
    for n in range(3):
        await sync_to_async(publish_now)(user_group(user.id), {"type": "notify", "data": {"n": n}})
    for n in range(3):
        assert await communicator.receive_json_from(timeout=5) == {
            "kind": "notification",
            "data": {"n": n},
        }
    assert trips == []
    await communicator.disconnect()
