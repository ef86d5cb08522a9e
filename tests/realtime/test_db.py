"""Where live views run their database work (accord.realtime.db)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from channels.db import database_sync_to_async
from django.db import connection

from accord.realtime import db as live_db

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


def _thread_after(seconds: float) -> str:
    time.sleep(seconds)
    return threading.current_thread().name


async def test_on_sqlite_live_work_stays_on_the_one_database_thread():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    assert not live_db.concurrent()
    names = await asyncio.gather(*(live_db.in_db(_thread_after)(0.01) for _ in range(4)))
    channels_thread = await database_sync_to_async(_thread_after)(0)
    assert set(names) == {channels_thread}


async def test_on_postgresql_live_work_runs_on_a_few_threads_at_once():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    assert live_db.concurrent()
    started = time.monotonic()
    names = await asyncio.gather(
        *(live_db.in_db(_thread_after)(0.3) for _ in range(live_db.THREADS))
    )
    # Side by side, not one after the other.
    assert time.monotonic() - started < 0.3 * live_db.THREADS * 0.75
    assert len(set(names)) == live_db.THREADS
    assert all(name.startswith("accord-live-db") for name in names)
