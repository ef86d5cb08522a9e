"""Read settings from the environment, failing with one clear line that names the variable.

django-environ parses the URLs; this wrapper only makes every failure say which variable
was wrong and why, so a malformed setting stops start-up with a message a person can act on.
"""

from __future__ import annotations

import base64
import binascii
import os
from pathlib import Path
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

_env = environ.Env()

_SQLITE_SCHEMES = {"sqlite"}
_DB_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql", "psql"}


class SettingError(ImproperlyConfigured):
    """A setting from the environment is missing or malformed."""


def _fail(name: str, why: str) -> SettingError:
    return SettingError(f"{name}: {why}")


def raw(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else None


def boolean(name: str, default: bool) -> bool:
    value = raw(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise _fail(name, f"expected true or false, got {value!r}")


def integer(name: str, default: int, *, minimum: int = 0) -> int:
    value = raw(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise _fail(name, f"expected a whole number, got {value!r}") from None
    if number < minimum:
        raise _fail(name, f"must be at least {minimum}, got {number}")
    return number


def string_list(name: str, default: list[str]) -> list[str]:
    value = raw(name)
    if value is None:
        return default
    items = [item.strip() for item in value.split(",") if item.strip()]
    if not items:
        raise _fail(name, "expected a comma-separated list, got nothing")
    return items


def database(name: str, default: str) -> dict[str, Any]:
    value = raw(name) or default
    scheme = value.split("://", 1)[0].lower() if "://" in value else ""
    if scheme not in _DB_SCHEMES:
        raise _fail(
            name,
            "expected sqlite:///path or postgres://user:pass@host:port/name, got " + repr(value),
        )
    try:
        config: dict[str, Any] = dict(_env.db_url_config(value))
    except Exception as exc:  # django-environ raises several types; all mean "malformed"
        raise _fail(name, f"could not parse {value!r} ({exc})") from None
    if scheme in _SQLITE_SCHEMES:
        if not config.get("NAME") or config["NAME"] == ":memory:":
            raise _fail(name, "a SQLite URL needs a file path, e.g. sqlite:///var/accord.sqlite3")
        parent = Path(str(config["NAME"])).parent
        if not parent.is_dir():
            raise _fail(name, f"the folder {parent} does not exist")
        # WAL lets readers run beside the writer; IMMEDIATE takes the write lock at BEGIN so
        # two writers queue instead of failing with "database is locked" halfway through.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        # Keep each thread's connection open: opening one costs the PRAGMAs above, and
        # closing the last one checkpoints the log (up to 150 ms seen), which the live rooms'
        # one database thread paid on every call (benchmarks/realtime.py). The health check
        # replaces a connection left broken. HTTP requests under ASGI run in a thread of
        # their own that ends with the request: its connection is closed with it
        # (config/asgi.py), never handed to another thread.
        config["CONN_MAX_AGE"] = None
        config["CONN_HEALTH_CHECKS"] = True
    else:
        if not config.get("NAME"):
            raise _fail(name, "the PostgreSQL URL names no database")
        # Under ASGI a persistent connection would be pinned to a thread that may not reuse
        # it, and one new connection per call made live rooms crawl (benchmarks/realtime.py):
        # Django's psycopg pool lends a connection per request or consumer call instead.
        config["CONN_MAX_AGE"] = 0
        config.setdefault("OPTIONS", {})["pool"] = {"min_size": 2, "max_size": 20, "timeout": 10}
        # channels issue 2176: the live server child must find the same test database.
        config["TEST"] = {"NAME": f"test_{config['NAME']}"}
    return config


def redis_url(name: str) -> str | None:
    value = raw(name)
    if value is None:
        return None
    if not value.startswith(("redis://", "rediss://", "unix://")):
        raise _fail(name, f"expected redis://host:port/db, got {value!r}")
    return value


def email(name: str, default: str) -> dict[str, Any]:
    value = raw(name) or default
    try:
        config: dict[str, Any] = dict(_env.email_url_config(value))
    except Exception as exc:
        raise _fail(name, f"could not parse {value!r} ({exc})") from None
    if not config.get("EMAIL_BACKEND"):
        raise _fail(name, f"unknown e-mail scheme in {value!r}")
    return config


def ed25519_private_key(name: str) -> bytes | None:
    value = raw(name)
    if value is None:
        return None
    try:
        key = base64.b64decode(value, validate=True)
    except binascii.Error:
        raise _fail(name, "expected the base64 of a 32-byte Ed25519 private key") from None
    if len(key) != 32:
        raise _fail(name, f"expected 32 bytes once decoded, got {len(key)}")
    return key


def ed25519_public_keys(name: str) -> dict[str, bytes]:
    """`key_id:base64,key_id:base64`: older checkpoint keys that verification still trusts."""
    value = raw(name)
    if value is None:
        return {}
    keys: dict[str, bytes] = {}
    for item in value.split(","):
        key_id, sep, encoded = item.strip().partition(":")
        if not sep or not key_id:
            raise _fail(name, f"expected key_id:base64 pairs, got {item.strip()!r}")
        try:
            key = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            raise _fail(name, f"the key for {key_id!r} is not valid base64") from None
        if len(key) != 32:
            raise _fail(name, f"the key for {key_id!r} must be 32 bytes once decoded")
        keys[key_id] = key
    return keys
