"""Database connections under ASGI: the live rooms' database thread keeps its SQLite
connection, and an HTTP request's thread closes its own when the request ends."""

from __future__ import annotations

import threading

import pytest
from channels.db import database_sync_to_async
from channels.testing import HttpCommunicator
from django.db import connection
from django.db.backends.signals import connection_created

from accord.config.asgi import application

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


def _sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("persistent connections are SQLite's (PostgreSQL lends from a pool)")


def _current() -> tuple[int, object]:
    """The thread and the raw connection a database call ran on, after a query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return threading.get_ident(), connection.connection


@database_sync_to_async
def _on_database_thread() -> tuple[int, object]:
    return _current()


@database_sync_to_async
def _close_database_thread_connection() -> None:
    connection.close()


async def test_the_live_database_thread_keeps_one_connection_across_calls():
    _sqlite_only()
    try:
        first_thread, first = await _on_database_thread()
        second_thread, second = await _on_database_thread()
        # Channels closes obsolete connections around every call: this one is kept.
        assert first_thread == second_thread
        assert first is second and first is not None
    finally:
        await _close_database_thread_connection()


async def test_an_http_request_closes_its_connection_in_its_own_thread():
    _sqlite_only()
    opened: list[tuple[int, object]] = []

    def record(sender, connection, **kwargs):
        opened.append((threading.get_ident(), connection))

    connection_created.connect(record)
    try:
        communicator = HttpCommunicator(
            application, "GET", "/healthz", headers=[(b"host", b"127.0.0.1")]
        )
        response = await communicator.get_response(timeout=10)
        await communicator.wait(timeout=10)  # the application's end, after the response
    finally:
        connection_created.disconnect(record)
    assert response["status"] == 200
    [(thread, wrapper)] = opened
    assert thread != threading.get_ident()
    # Closed by config.asgi as the request ended, not left open in a thread that is gone.
    assert wrapper.connection is None
