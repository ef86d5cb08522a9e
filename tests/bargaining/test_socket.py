"""The workspace's "look again" hints over a real socket (/ws/me/, the app's ASGI stack): the
frame a page listens for arrives for a change its person can see, and nothing arrives for
another side's private move (here, an answer to the mediator's proposal)."""

from __future__ import annotations

import datetime as dt

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.db import connection
from django.test import Client

from accord.bargaining import services
from accord.config.asgi import application
from accord.core import clock
from tests.bargaining.factories import add_issue, key, make_table

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

ORIGIN = (b"origin", b"http://127.0.0.1")


def in_db(function):
    """Run ORM work in asgiref's thread, closing its connection after (PostgreSQL)."""

    def run(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        finally:
            connection.close()

    return sync_to_async(run)


@in_db
def scene():
    t = make_table()
    proposal = services.proposal_put(
        actor=t.mediator,
        process=t.process,
        terms=[(t.issues[0], t.option(0, "Alternate"), None)],
        deadline=clock.now() + dt.timedelta(days=1),
        client_key=key(),
    )
    cookies = {}
    for name, person in (("a", t.a), ("b", t.b), ("med", t.mediator)):
        client = Client()
        client.force_login(person.user)
        cookies[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return t, proposal, cookies


async def socket(cookie):
    communicator = WebsocketCommunicator(
        application,
        "/ws/me/",
        headers=[ORIGIN, (b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode())],
    )
    connected, _code = await communicator.connect()
    assert connected
    return communicator


async def test_a_page_hears_what_it_may_see_and_nothing_of_a_private_answer():
    t, proposal, cookies = await scene()
    sockets = {name: await socket(cookie) for name, cookie in cookies.items()}
    await in_db(services.proposal_answer)(actor=t.a, proposal=proposal, accept=True)
    hint = {
        "kind": "notification",
        "data": {"kind": "bargaining", "process": str(t.process.id), "topic": "proposal"},
    }
    assert await sockets["a"].receive_json_from(timeout=3) == hint  # A's own answer
    assert await sockets["b"].receive_nothing(timeout=0.3)
    assert await sockets["med"].receive_nothing(timeout=0.3)
    await in_db(add_issue)(t.mediator, t.process, "Car", ["A keeps it", "B keeps it"])
    for name in ("a", "b", "med"):
        assert await sockets[name].receive_json_from(timeout=3) == {
            "kind": "notification",
            "data": {"kind": "bargaining", "process": str(t.process.id), "topic": "agenda"},
        }
    for communicator in sockets.values():
        await communicator.disconnect()
