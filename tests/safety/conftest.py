"""The whole cast (one person per role) is built once per module; each test runs in a
savepoint inside it (the fixtures of tests/cases/conftest.py, reused)."""

from __future__ import annotations

from tests.cases.conftest import _cast_once, cast

__all__ = ["_cast_once", "cast"]
