"""Live delivery benchmark: Accord's room sockets against a bare ASGI broadcast server.

Run from the repository root (a script that prints figures, not a test):

    .venv/bin/python benchmarks/realtime.py             # 200 clients in 50 rooms, ~1.5 min
    .venv/bin/python benchmarks/realtime.py --quick     # 40 clients in 10 rooms, ~30 s
    .venv/bin/python benchmarks/realtime.py --floor     # also the floor of persisting (c)
    .venv/bin/python benchmarks/realtime.py --clients 400 --rooms 100 --messages 5 --interval 20
    source scripts/services.sh && services_start && \\
        .venv/bin/python benchmarks/realtime.py --use-env   # PostgreSQL + Redis from the env

Two servers, one after the other, each a uvicorn process on a free loopback port:

(a) Accord itself (`accord.config.asgi:application`, production settings with throwaway keys)
    on a temporary SQLite database and the in-memory channel layer, or, with --use-env, on
    DATABASE_URL and REDIS_URL (its tables are migrated and benchmark rows are added to it).
    A setup step creates, through the services, one negotiation case per room with one party
    per client on its own side, starts it, and signs every client in (a session cookie).
(b) A bare ASGI broadcast server defined below: no Django, no database; a room is an
    in-process set of sockets and a post is numbered and sent to every member.

The same client program drives both: N WebSocket clients (the `websockets` library, no
compression) spread evenly over M rooms; each client posts K messages over its socket at a
steady rate (one every --interval seconds, clients staggered). Latency is the time from a
post's send to its receipt at each other client of the room, measured in this one process
with one monotonic clock. deliveries/s counts receipts at other clients from the first post to
the last receipt; posts/s is posts over the same span. cpu ms/post is the server process's
CPU time while the clients posted, per post, and load the machine's 1-minute load average
after each run: on a shared machine a CPU-bound server's latency grows with the others' load
far more than the bare server's, so read a ratio together with them. A hard timeout
(--timeout) bounds the whole run; both servers are stopped by the script whatever happens.

With --floor, a third server runs between them: (c) the floor of persisting with Django,
Accord's own stack (settings, session authentication, channel layer, live database thread)
serving a consumer that does only what no post can skip: number the message under the room's
lock and write its row in one transaction, then publish the frame itself after commit. No
access check, audit chain, tone coach, read or rendering. It tells how much of the gap to
the bare server any persisted post pays here, and how much is Accord's own work.

The goal (reported, not asserted) is Accord's p99 within 2x the bare server's.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import math
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ORIGIN = "http://127.0.0.1"
START_TIMEOUT = 60.0
DRAIN_TIMEOUT = 20.0


# (b) The bare broadcast server: a raw ASGI app, rooms are in-process sets of queues.

_bare_rooms: dict[str, set[asyncio.Queue[str]]] = {}
_bare_seq: dict[str, int] = {}


async def bare_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Accept any /ws/rooms/<id>/ socket; number each post and send it to the whole room."""
    if scope["type"] != "websocket":
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 404, "headers": []})
            await send({"type": "http.response.body", "body": b""})
        return
    room = scope["path"]
    if (await receive())["type"] != "websocket.connect":
        return
    await send({"type": "websocket.accept"})
    outbox: asyncio.Queue[str] = asyncio.Queue()
    members = _bare_rooms.setdefault(room, set())
    members.add(outbox)
    writer = asyncio.create_task(_bare_writer(outbox, send))
    outbox.put_nowait(json.dumps({"kind": "ready", "seq": _bare_seq.get(room, 0)}))
    try:
        while True:
            event = await receive()
            if event["type"] == "websocket.disconnect":
                break
            if event["type"] != "websocket.receive" or not event.get("text"):
                continue
            request = json.loads(event["text"])
            if request.get("type") != "post":
                continue
            seq = _bare_seq[room] = _bare_seq.get(room, 0) + 1
            frame = json.dumps(
                {
                    "kind": "message",
                    "seq": seq,
                    "id": f"{room}{seq}",
                    "author": "someone",
                    "role": "principal",
                    "body": request["body"],
                    "corrects": None,
                    "relay_of": None,
                    "attachments": [],
                    "at": time.time(),
                }
            )
            for member in members:
                member.put_nowait(frame)
            outbox.put_nowait(
                json.dumps({"kind": "posted", "client_key": request["client_key"], "seq": seq})
            )
    finally:
        members.discard(outbox)
        writer.cancel()


async def _bare_writer(outbox: asyncio.Queue[str], send: Any) -> None:
    while True:
        await send({"type": "websocket.send", "text": await outbox.get()})


def serve_bare(port: int) -> None:
    import uvicorn

    uvicorn.run(
        bare_app, host="127.0.0.1", port=port, lifespan="off", access_log=False, log_level="warning"
    )


# (c) The floor of persisting with Django: Accord's stack, one row per post and nothing else.


def serve_floor(port: int) -> None:
    import django
    import uvicorn

    django.setup()
    from channels.auth import AuthMiddlewareStack
    from channels.generic.websocket import AsyncJsonWebsocketConsumer
    from channels.routing import ProtocolTypeRouter, URLRouter
    from channels.security.websocket import AllowedHostsOriginValidator
    from django.db import transaction
    from django.db.models import F
    from django.urls import path

    from accord.cases.models import Participant
    from accord.realtime.db import in_db
    from accord.rooms.models import Message, Room

    def author_of(user: Any, room_id: str) -> Any:
        room = Room.objects.select_related("process").get(id=room_id)
        return Participant.objects.get(user=user, case_id=room.process.case_id).id

    def write(room_id: str, author_id: Any, body: str, key: str) -> dict[str, Any]:
        with transaction.atomic():
            Room.objects.filter(id=room_id).update(last_seq=F("last_seq") + 1)
            seq = Room.objects.values_list("last_seq", flat=True).get(id=room_id)
            message = Message.objects.create(
                # Its own keys: the same clients posted these keys to Accord before.
                room_id=room_id,
                seq=seq,
                author_id=author_id,
                body=body,
                client_key=f"f-{key}",
            )
        return {"kind": "message", "seq": seq, "id": str(message.id), "body": body}

    class Floor(AsyncJsonWebsocketConsumer):  # type: ignore[misc]
        async def connect(self) -> None:
            self.room_id = self.scope["url_route"]["kwargs"]["room_id"]
            self.author = await in_db(author_of)(self.scope["user"], self.room_id)
            await self.channel_layer.group_add(f"floor-{self.room_id}", self.channel_name)
            await self.accept()
            await self.send_json({"kind": "ready"})

        async def receive_json(self, content: dict[str, Any], **kwargs: Any) -> None:
            body, key = content["body"], content["client_key"]
            frame = await in_db(write)(self.room_id, self.author, body, key)
            await self.channel_layer.group_send(
                f"floor-{self.room_id}", {"type": "floor.message", "frame": frame}
            )
            await self.send_json({"kind": "posted", "client_key": key, "seq": frame["seq"]})

        async def floor_message(self, event: dict[str, Any]) -> None:
            await self.send_json(event["frame"])

    app = ProtocolTypeRouter(
        {
            "websocket": AllowedHostsOriginValidator(
                AuthMiddlewareStack(URLRouter([path("ws/rooms/<uuid:room_id>/", Floor.as_asgi())]))
            )
        }
    )
    uvicorn.run(
        app, host="127.0.0.1", port=port, lifespan="off", access_log=False, log_level="warning"
    )


# (a) Accord: settings, setup through the services, the server.


def accord_env(args: argparse.Namespace, var_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": args.settings,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "AUDIT_SIGNING_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
        "ACCORD_VAR_DIR": str(var_dir),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
    }
    if args.use_env:
        if not os.environ.get("DATABASE_URL"):
            sys.exit("--use-env needs DATABASE_URL (and REDIS_URL for the Redis layer)")
    else:
        env["DATABASE_URL"] = f"sqlite:///{var_dir / 'bench.sqlite3'}"
        env.pop("REDIS_URL", None)
    return env


def setup(clients: int, rooms: int) -> dict[str, Any]:
    """Create the people, cases and rooms through the services; print what the clients need."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from accord.accounts import services as accounts
    from accord.cases import services as cases
    from accord.cases.vocabulary import Role
    from accord.rooms import services as rooms_services
    from accord.rooms.models import RoomKind

    call_command("migrate", verbosity=0, interactive=False)
    run = secrets.token_hex(4)
    plan = []
    for r, size in enumerate(room_sizes(clients, rooms)):
        users = [
            accounts.user_create(
                email=f"bench-{run}-{r}-{i}@example.org", display_name=f"Client {r}.{i}"
            )
            for i in range(size)
        ]
        labels = [f"Side {i + 1}" for i in range(size)]
        case, opener = cases.case_open(
            user=users[0],
            title=f"Benchmark room {r}",
            kind="other",
            sides=labels,
            opener_role=Role.PRINCIPAL,
            opener_side=labels[0],
        )
        sides = list(case.sides.order_by("position"))
        parties = [opener]
        for user, side in zip(users[1:], sides[1:], strict=True):
            party, issued = cases.participant_invite(
                actor=opener,
                case=case,
                email=user.email,
                role=Role.PRINCIPAL,
                side=side,
                send_email=False,
            )
            accounts.magic_link_consume(token=issued.token)
            party.refresh_from_db()
            parties.append(party)
        process = cases.process_propose(actor=opener, case=case, kind="negotiation")
        for party in parties[1:]:
            cases.process_consent(actor=party, process=process)
        for party in parties:
            cases.process_choose_confidentiality(actor=party, process=process, confidential=True)
        process = cases.process_start(actor=opener, process=process)
        joint = next(
            room
            for room in rooms_services.rooms_ensure(process=process)
            if room.kind == RoomKind.JOINT
        )
        cookies = []
        for user in users:
            client = Client()
            client.force_login(user)
            cookies.append(f"sessionid={client.cookies['sessionid'].value}")
        plan.append({"room": str(joint.id), "cookies": cookies})
    return {"rooms": plan}


def room_sizes(clients: int, rooms: int) -> list[int]:
    """Clients spread as evenly as possible; each room needs 2 to 12 (one side each)."""
    sizes = [clients // rooms + (1 if r < clients % rooms else 0) for r in range(rooms)]
    if min(sizes) < 2 or max(sizes) > 12:
        sys.exit(f"{clients} clients in {rooms} rooms gives rooms of {sizes[0]}: need 2 to 12")
    return sizes


# Processes: start, wait until they listen, always stop.


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""


def start(name: str, command: list[str], env: dict[str, str], port: int, log: Path) -> Server:
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )
    server = Server(name, process, port, log)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited at start:\n{server.tail()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    stop(server)
    raise RuntimeError(f"{name} did not listen within {START_TIMEOUT:.0f}s:\n{server.tail()}")


def stop(server: Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=10)


def uvicorn_command(port: int) -> list[str]:
    return [
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


# The clients.


@dataclass
class Result:
    name: str
    clients: int
    rooms: int
    messages: int
    expected: int
    latencies: list[float] = field(default_factory=list)
    posts: int = 0
    errors: int = 0
    first_send: float = math.inf
    last_receipt: float = 0.0
    closed: int = 0  # sockets the server closed before the client was done
    # The server process's CPU time while the clients posted (sockets already open), and the
    # machine's 1-minute load average at the end: on a shared machine a CPU-bound server's
    # latency grows with the others' load, the bare server's hardly at all.
    server_cpu: float = math.nan
    load_after: float = math.nan

    @property
    def span(self) -> float:
        return max(self.last_receipt - self.first_send, 1e-9)

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)] * 1000


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    # Fields 14 and 15 of stat(5), counted after the command name's closing parenthesis.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def drive(
    name: str, port: int, plan: list[dict[str, Any]], args: argparse.Namespace, pid: int
) -> Result:
    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosed

    members = [(r, cookie) for r, room in enumerate(plan) for cookie in room["cookies"]]
    sizes = [len(room["cookies"]) for room in plan]
    result = Result(
        name,
        len(members),
        len(plan),
        args.messages,
        expected=sum(args.messages * s * (s - 1) for s in sizes),
    )
    sent_at: dict[str, float] = {}
    done = asyncio.Event()
    gate = asyncio.Semaphore(25)  # connections opened at once

    async def open_socket(room: int, cookie: str) -> Any:
        url = f"ws://127.0.0.1:{port}/ws/rooms/{plan[room]['room']}/"
        async with gate:
            ws = await connect(
                url,
                origin=ORIGIN,
                additional_headers={"Cookie": cookie},
                proxy=None,
                compression=None,
                open_timeout=30,
                ping_interval=None,
                max_queue=None,
            )
            while json.loads(await ws.recv())["kind"] != "ready":
                pass
        return ws

    async def read(ws: Any, me: int) -> None:
        with contextlib.suppress(Exception):
            async for raw in ws:
                now = time.perf_counter()
                frame = json.loads(raw)
                if frame["kind"] == "message":
                    poster = int(frame["body"].split(":", 1)[0])
                    if poster != me:
                        result.latencies.append(now - sent_at[frame["body"]])
                        result.last_receipt = max(result.last_receipt, now)
                        if len(result.latencies) >= result.expected:
                            done.set()
                elif frame["kind"] == "error":
                    result.errors += 1

    async def post(ws: Any, me: int, t0: float) -> None:
        offset = args.interval * me / len(members)  # spread the clients over one interval
        for k in range(args.messages):
            delay = t0 + offset + k * args.interval - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            body = f"{me}:{k}"
            sent_at[body] = now = time.perf_counter()
            result.first_send = min(result.first_send, now)
            try:
                await ws.send(
                    json.dumps({"type": "post", "body": body, "client_key": f"b{me}-{k}"})
                )
            except ConnectionClosed:
                result.closed += 1
                return
            result.posts += 1

    sockets = await asyncio.gather(*(open_socket(r, c) for r, c in members))
    readers = [asyncio.create_task(read(ws, i)) for i, ws in enumerate(sockets)]
    try:
        cpu_before = cpu_seconds(pid)
        t0 = time.perf_counter() + 0.5
        await asyncio.gather(*(post(ws, i, t0) for i, ws in enumerate(sockets)))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), DRAIN_TIMEOUT)
        result.server_cpu = cpu_seconds(pid) - cpu_before
        result.load_after = os.getloadavg()[0]
    finally:
        await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
        for task in readers:
            task.cancel()
        await asyncio.gather(*readers, return_exceptions=True)
    return result


# Report.


def report(results: list[Result]) -> str:
    header = (
        f"{'server':<34} {'clients':>7} {'rooms':>5} {'msgs':>4} {'delivered':>11} "
        f"{'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'deliv/s':>8} {'posts/s':>8} "
        f"{'cpu ms/post':>11} {'load':>5}"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        lines.append(
            f"{r.name:<34} {r.clients:>7} {r.rooms:>5} {r.messages:>4} "
            f"{len(r.latencies):>5}/{r.expected:<5} {r.percentile(0.50):>8.1f} "
            f"{r.percentile(0.99):>8.1f} {max(r.latencies, default=math.nan) * 1000:>8.1f} "
            f"{len(r.latencies) / r.span:>8.0f} {r.posts / r.span:>8.1f} "
            f"{r.server_cpu * 1000 / max(r.posts, 1):>11.1f} {r.load_after:>5.2f}"
        )
    lines.extend(f"{r.name}: {r.errors} error frames" for r in results if r.errors)
    lines.extend(f"{r.name}: {r.closed} sockets closed early" for r in results if r.closed)
    accord, bare = results[0], results[-1]
    if len(results) > 1 and accord.latencies and bare.latencies:
        p99 = accord.percentile(0.99) / bare.percentile(0.99)
        p50 = accord.percentile(0.50) / bare.percentile(0.50)
        verdict = "met" if p99 <= 2 else "NOT met"
        lines.append(f"p99 ratio Accord / bare: {p99:.1f}x (goal: within 2x, {verdict})")
        lines.append(f"p50 ratio Accord / bare: {p50:.1f}x")
    if len(results) == 3 and results[1].latencies and bare.latencies:
        floor = results[1]
        lines.append(
            f"p99 ratio floor / bare: {floor.percentile(0.99) / bare.percentile(0.99):.1f}x, "
            f"Accord / floor: {accord.percentile(0.99) / floor.percentile(0.99):.1f}x"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, help="WebSocket clients (200)")
    parser.add_argument("--rooms", type=int, help="rooms, 2 to 12 clients each (50)")
    parser.add_argument("--messages", type=int, help="posts per client (3)")
    parser.add_argument("--interval", type=float, help="seconds between one client's posts (12)")
    parser.add_argument(
        "--quick", action="store_true", help="40 clients, 10 rooms, 3 messages every 4 s"
    )
    parser.add_argument(
        "--use-env", action="store_true", help="Accord on DATABASE_URL and REDIS_URL from the env"
    )
    parser.add_argument(
        "--settings",
        default="accord.config.settings.production",
        help="Django settings module for Accord's setup and server (production settings)",
    )
    parser.add_argument("--logs", metavar="DIR", help="keep the servers' logs in this folder")
    parser.add_argument("--timeout", type=float, default=300.0, help="hard limit, seconds (300)")
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also run the floor of persisting with Django (one row per post, nothing else)",
    )
    parser.add_argument("--serve-bare", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--serve-floor", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    defaults = (40, 10, 3, 4.0) if args.quick else (200, 50, 3, 12.0)
    for name, default in zip(("clients", "rooms", "messages", "interval"), defaults, strict=True):
        if getattr(args, name) is None:
            setattr(args, name, default)

    if args.serve_bare:
        serve_bare(args.serve_bare)
        return 0
    if args.serve_floor:
        serve_floor(args.serve_floor)
        return 0
    if args.setup:
        print(json.dumps(setup(args.clients, args.rooms)))
        return 0
    room_sizes(args.clients, args.rooms)  # refuse impossible shapes before any work

    def out_of_time(*_: object) -> None:
        raise TimeoutError(f"hard timeout of {args.timeout:.0f}s reached")

    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(math.ceil(args.timeout))
    servers: list[Server] = []
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        var_dir = Path(tmp)
        env = accord_env(args, var_dir)
        try:
            print(
                f"setup: {args.clients} people in {args.rooms} negotiation cases, through the "
                "services...",
                flush=True,
            )
            started = time.monotonic()
            made = subprocess.run(  # noqa: S603
                [
                    sys.executable,
                    __file__,
                    "--setup",
                    f"--clients={args.clients}",
                    f"--rooms={args.rooms}",
                ],
                env=env,
                cwd=ROOT,
                capture_output=True,
                check=False,
                timeout=args.timeout,
            )
            if made.returncode != 0:
                print(made.stderr.decode(errors="replace")[-3000:], file=sys.stderr)
                return 1
            plan = json.loads(made.stdout.decode().strip().splitlines()[-1])["rooms"]
            print(f"setup took {time.monotonic() - started:.1f}s", flush=True)
            sizes = sorted(set(room_sizes(args.clients, args.rooms)))
            print(
                f"load: {args.clients} clients in rooms of {'/'.join(map(str, sizes))}, each "
                f"posting {args.messages} messages one every {args.interval:g}s "
                f"({args.clients / args.interval:.1f} posts/s offered); "
                f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} before the run",
                flush=True,
            )
            layer = "Redis layer" if env.get("REDIS_URL") else "in-memory layer"
            database = (
                "PostgreSQL" if args.use_env and "postgres" in env["DATABASE_URL"] else "SQLite"
            )
            results = []
            runs: list[tuple[str, list[str], dict[str, str]]] = [
                (f"Accord ({database}, {layer})", ["accord"], env),
                ("bare ASGI broadcast (no database)", ["--serve-bare"], {**os.environ}),
            ]
            if args.floor:
                runs.insert(1, ("floor: Django, one row per post", ["--serve-floor"], env))
            for name, how, server_env in runs:
                port = free_port()
                argv_ = (
                    uvicorn_command(port)
                    if how == ["accord"]
                    else [sys.executable, __file__, f"{how[0]}={port}"]
                )
                log_dir = Path(args.logs) if args.logs else var_dir
                server = start(name, argv_, server_env, port, log_dir / f"server-{port}.log")
                servers.append(server)
                print(f"running: {name} on 127.0.0.1:{port}", flush=True)
                try:
                    result = asyncio.run(drive(name, port, plan, args, server.process.pid))
                except Exception:
                    print(f"{name} failed; its log ends:\n{server.tail()}", file=sys.stderr)
                    raise
                results.append(result)
                stop(server)
                if result.closed or result.errors or len(result.latencies) < result.expected:
                    print(
                        f"{name}: incomplete run; its log ends:\n{server.tail()}", file=sys.stderr
                    )
            print()
            print(report(results))
            return 0
        finally:
            signal.alarm(0)
            for server in servers:
                stop(server)


if __name__ == "__main__":
    sys.exit(main())
