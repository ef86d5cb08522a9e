"""A message posted on one app server reaches a socket on another, through Redis.

Two real uvicorn processes share the test database and REDIS_URL, as two app servers behind a
reverse proxy would (DESIGN.md §6). They run the test settings, so the session cookies made
here validate there; their DATABASE_URL names the test database itself (the test runner's
`TEST.NAME` only matters to the runner). Skipped without REDIS_URL: CI runs the suite again on
PostgreSQL + Redis (scripts/services.sh), where it runs.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from accord.rooms.models import Message
from tests.rooms.factories import make_mediation

pytestmark = [
    pytest.mark.django_db(transaction=True),  # the servers must see committed rows
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="needs REDIS_URL (a Redis channel layer shared by two servers); "
        "run under scripts/services.sh, as CI's PostgreSQL + Redis pass does",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
ORIGIN = "http://127.0.0.1"
START_TIMEOUT = 30.0
RECEIVE_TIMEOUT = 10.0


def database_url() -> str:
    """The test database, as a URL the servers' settings read."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    auth = quote(db["USER"] or "")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"])
    host = db["HOST"] or "localhost"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(stack: ExitStack, log_dir: str, name: str) -> int:
    """Start one uvicorn process on a free loopback port; it is stopped when `stack` closes."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "accord.config.settings.test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": os.environ["REDIS_URL"],
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
    }
    log_path = Path(log_dir) / f"{name}.log"
    log = stack.enter_context(log_path.open("wb"))
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "accord.config.asgi:application",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--lifespan",
        "off",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    stack.callback(stop, process)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server {name} exited: {log_path.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return port
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"server {name} did not listen within {START_TIMEOUT}s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


async def next_frame(ws, kind: str) -> dict:
    """The next frame of `kind`, within the bounded timeout."""
    async with asyncio.timeout(RECEIVE_TIMEOUT):
        while True:
            frame = json.loads(await ws.recv())
            if frame["kind"] == kind:
                return frame


async def exchange(
    url_a: str, url_b: str, cookie_a: str, cookie_b: str, idle: float = 0.0
) -> tuple[dict, dict]:
    """Client 1 on server A posts over its socket; client 2 on server B receives it.

    `idle`: seconds both sockets stay quiet before the post.
    """
    options = {"origin": ORIGIN, "proxy": None, "open_timeout": RECEIVE_TIMEOUT}
    async with (
        connect(url_a, additional_headers={"Cookie": cookie_a}, **options) as one,
        connect(url_b, additional_headers={"Cookie": cookie_b}, **options) as two,
    ):
        await next_frame(one, "ready")
        await next_frame(two, "ready")
        await asyncio.sleep(idle)
        request = {"type": "post", "body": "Posted on A, read on B", "client_key": "across-1"}
        await one.send(json.dumps(request))
        posted = await next_frame(one, "posted")
        received = await next_frame(two, "message")
        return posted, received


def across_two_servers(idle: float = 0.0) -> None:
    m = make_mediation()
    a, b = m.world.principals
    joint = m.room("joint")
    cookies = session_cookie(a.user), session_cookie(b.user)
    with ExitStack() as stack:
        log_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="accord-two-servers-"))
        port_a = start_server(stack, log_dir, "a")
        port_b = start_server(stack, log_dir, "b")
        path = f"/ws/rooms/{joint.id}/"
        urls = f"ws://127.0.0.1:{port_a}{path}", f"ws://127.0.0.1:{port_b}{path}"
        try:
            posted, received = asyncio.run(exchange(*urls, *cookies, idle=idle))
        except (TimeoutError, OSError, ConnectionClosed) as error:
            logs = {p.name: p.read_text(errors="replace") for p in Path(log_dir).glob("*.log")}
            pytest.fail(f"no delivery across servers ({error!r}); server logs: {logs}")
    message = Message.objects.get()
    assert posted == {"kind": "posted", "client_key": "across-1", "id": str(message.id), "seq": 1}
    assert (received["id"], received["body"], received["author"]) == (
        str(message.id),
        "Posted on A, read on B",
        a.user.display_name,
    )


def test_a_message_posted_on_one_server_reaches_a_client_on_another():
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"].startswith("channels_redis")
    across_two_servers()


def test_a_socket_idle_longer_than_redis_read_timeout_still_receives():
    """redis-py 8 reads with a 5 s socket timeout by default, which killed idle consumers;
    the channel layer's host options in settings turn it off."""
    across_two_servers(idle=7.0)
