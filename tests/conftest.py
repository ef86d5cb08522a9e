"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest
from django.db import connection, connections
from hypothesis import settings as hypothesis_settings

from accord.audit import triggers

# Property tests explore the same examples on every run: CI results never depend on luck, and
# no example database is written into the checkout.
hypothesis_settings.register_profile("accord", derandomize=True, database=None)
hypothesis_settings.load_profile("accord")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, with every other connection to them closed before they
    are dropped: PostgreSQL refuses to drop a database in use. Connections opened by the
    live rooms' threads and by async tests' contexts (Django keeps connections per context)
    can outlive their test; the test session's own database user ends them."""
    yield
    with django_db_blocker.unblock():
        for alias in connections:
            if connections[alias].vendor != "postgresql":
                continue
            with connections[alias].cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            connections[alias].close_pool()


@pytest.fixture(autouse=True)
def _audit_triggers(request: pytest.FixtureRequest):
    """Keep the append-only triggers on for every database test.

    Transactional tests (and the browser tests' live server) end with a flush that deletes
    every row, which the triggers rightly refuse: drop them just for that flush. The next
    database test installs them again.
    """
    names = set(request.fixturenames)
    if not names & {"db", "transactional_db", "live_server", "django_db_setup"} and not (
        request.node.get_closest_marker("django_db")
    ):
        yield
        return
    request.getfixturevalue("django_db_setup")
    transactional = bool(names & {"transactional_db", "live_server"}) or any(
        m.kwargs.get("transaction") for m in request.node.iter_markers("django_db")
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    triggers.install(connection)
    yield
    if transactional:
        triggers.remove(connection)
