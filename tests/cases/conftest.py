"""A whole cast (one person per role) is built once per test module and each test runs in a
savepoint inside it, so hundreds of rule tests do not each rebuild ten participants."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from accord.audit import triggers
from tests.cases.factories import Cast, make_cast


@pytest.fixture(scope="module")
def _cast_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            triggers.install(connection)
            yield make_cast()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def cast(_cast_once, db) -> Cast:
    return _cast_once
