"""Settings come from the environment; a malformed one stops start-up with one clear line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from accord.config import env

GOOD_PRODUCTION = {
    "SECRET_KEY": "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz",
    "AUDIT_SIGNING_KEY": "A" * 43 + "=",
    "ALLOWED_HOSTS": "accord.example.org",
}


def run_accord(*args, **environ):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "accord.cli", *args],
        env={**base, **environ},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DATABASE_URL", "mysql://x/y", "DATABASE_URL: expected sqlite:///path or postgres://"),
        ("DATABASE_URL", "sqlite:////no/such/dir/db", "DATABASE_URL: the folder /no/such/dir does"),
        ("REDIS_URL", "localhost:6379", "REDIS_URL: expected redis://host:port/db"),
        ("EMAIL_URL", "pigeon://coop", "EMAIL_URL:"),
        ("DEBUG", "maybe", "DEBUG: expected true or false, got 'maybe'"),
        ("SECRET_KEY", "short", "SECRET_KEY: required in production"),
        ("AUDIT_SIGNING_KEY", "not base64!", "AUDIT_SIGNING_KEY: expected the base64"),
        ("AXES_FAILURE_LIMIT", "lots", "AXES_FAILURE_LIMIT: expected a whole number"),
    ],
)
def test_a_malformed_setting_stops_start_up_with_one_line(tmp_path, variable, value, expected):
    environ = {**GOOD_PRODUCTION, "ACCORD_VAR_DIR": str(tmp_path), variable: value}
    result = run_accord("check", **environ)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("accord: configuration error: " + expected.split(":")[0])
    assert expected in lines[0]


def test_production_settings_pass_check_deploy_with_no_warnings(tmp_path):
    result = run_accord(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        ACCORD_VAR_DIR=str(tmp_path),
        **GOOD_PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_default_database_is_sqlite_in_wal_with_immediate_transactions(tmp_path):
    config = env.database("DATABASE_URL_UNSET_FOR_TEST", f"sqlite:///{tmp_path / 'a.sqlite3'}")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    # Each thread keeps its connection (config/asgi.py closes an HTTP request's).
    assert (config["CONN_MAX_AGE"], config["CONN_HEALTH_CHECKS"]) == (None, True)


def test_postgres_urls_get_no_persistent_connections_and_a_fixed_test_name(monkeypatch):
    monkeypatch.setenv("DB_TEST", "postgres://u:p@127.0.0.1:5432/accord")
    config = env.database("DB_TEST", "sqlite:///x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["CONN_MAX_AGE"], config["TEST"]) == (
        "accord",
        0,
        {"NAME": "test_accord"},
    )


def test_email_url_defaults_to_the_console():
    assert env.email("EMAIL_URL_UNSET_FOR_TEST", "consolemail://")["EMAIL_BACKEND"] == (
        "django.core.mail.backends.console.EmailBackend"
    )


def test_verify_keys_are_parsed_and_checked(monkeypatch):
    monkeypatch.setenv("K", "old:" + "A" * 43 + "=")
    assert env.ed25519_public_keys("K") == {"old": bytes(32)}
    monkeypatch.setenv("K", "old")
    with pytest.raises(env.SettingError, match="K: expected key_id:base64 pairs"):
        env.ed25519_public_keys("K")


def test_the_wal_database_is_really_in_wal_mode(db):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    # A file (pytest-xdist adds _gw<n> to each worker's copy), never :memory:.
    assert ".sqlite3" in Path(connection.settings_dict["NAME"]).name


def test_keygen_needs_no_configuration():
    result = run_accord("audit", "keygen")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("AUDIT_SIGNING_KEY=")
