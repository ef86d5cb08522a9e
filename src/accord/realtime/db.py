"""Where live views run their database work: one thread on SQLite, a few on PostgreSQL.

`channels.db.database_sync_to_async` sends every call of every socket in a process to one
thread. Live rooms then wait for each other's database round trips one after the other: on
PostgreSQL a post and its read took ~55 ms of that thread, and a busy server could not keep
up (benchmarks/realtime.py). PostgreSQL serves concurrent transactions by itself (row locks,
and the audit chain's advisory lock per case), and each thread borrows its own connection
from the pool for the length of one call; so there, calls run on a small pool of threads.

SQLite keeps the one thread: it writes one transaction at a time anyway (IMMEDIATE), a
second writer would only wait in SQLite's busy handler, which sleeps in steps of up to
100 ms, and the Python work holds the GIL whatever the thread. That thread keeps its
connection open between calls (config.env).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from channels.db import database_sync_to_async
from django.db import connections

from accord.config import env

P = ParamSpec("P")
R = TypeVar("R")

# Threads for live database work on PostgreSQL (LIVE_DB_THREADS, 1 for the one thread):
# enough to overlap round trips and the database's own work, few enough to stay well inside
# the connection pool (max_size 20) next to HTTP requests.
THREADS = env.integer("LIVE_DB_THREADS", 4, minimum=1)

_executor: ThreadPoolExecutor | None = None


def concurrent() -> bool:
    """Whether the default database takes live work from several threads at once."""
    return THREADS > 1 and connections["default"].vendor == "postgresql"


def _pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="accord-live-db")
    return _executor


def in_db(func: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    """`func` as a coroutine that runs in a database thread, with Channels' connection
    upkeep around each call (stale connections closed, a pooled one handed back)."""
    if concurrent():
        return database_sync_to_async(func, thread_sensitive=False, executor=_pool())
    return database_sync_to_async(func)
