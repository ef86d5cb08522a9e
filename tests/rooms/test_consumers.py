"""The room socket: who may open it, what reaches whom, resume without gaps or duplicates,
closing at once when access ends, posting over the socket."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import uuid

import pytest
import pytest_asyncio
from asgiref.sync import sync_to_async
from channels.layers import InMemoryChannelLayer, get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.db import connection
from django.test import Client

from accord.cases import services as cases
from accord.cases.services import _audit as audit_helpers
from accord.cases.vocabulary import Role
from accord.config.asgi import application
from accord.realtime.consumers import CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED
from accord.realtime.groups import user_group
from accord.realtime.publish import publish_now
from accord.rooms import services
from accord.rooms.models import Message
from accord.rooms.services import Upload, room_group
from accord.rooms.visibility import in_audience
from tests.cases.factories import appoint
from tests.factories import make_user
from tests.rooms.factories import make_mediation

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

ORIGIN = (b"origin", b"http://127.0.0.1")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ROOMS = ["joint", "caucus:0", "caucus:1", "side:0", "side:1", "neutrals"]


def in_db(fn):
    """Run ORM code from the test's event loop, closing the worker thread's connection after
    (a connection left open there would block dropping the PostgreSQL test database)."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        finally:
            connection.close()

    return sync_to_async(run)


@in_db
def session_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@in_db
def post(actor, room, body, key=None, **kw):
    return services.message_post(
        actor=actor, room=room, body=body, client_key=key or uuid.uuid4().hex, **kw
    )


class RoomSocket(WebsocketCommunicator):
    """A communicator that keeps what arrived while the test waited for the socket's ready."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pending: list[dict] = []


async def until_ready(socket) -> list[dict]:
    """The frames before the next `ready` (the end of a connect's or a resume's replay)."""
    got = []
    while (frame := await socket.receive_json_from(timeout=3))["kind"] != "ready":
        got.append(frame)
    return got


async def resume(socket, after) -> list[int]:
    await socket.send_json_to({"type": "resume", "after": after})
    got = await until_ready(socket)
    assert all(f["kind"] == "message" for f in got), got
    return [f["seq"] for f in got]


class Sockets:
    """Opens room sockets as a given user and closes them all at the end of the test."""

    def __init__(self):
        self.opened: list[WebsocketCommunicator] = []
        self.cookies: dict[object, str] = {}

    async def open(self, user, room_id, query: str = ""):
        headers = [ORIGIN]
        if user is not None:
            if user.pk not in self.cookies:
                self.cookies[user.pk] = await session_for(user)
            cookie = f"{settings.SESSION_COOKIE_NAME}={self.cookies[user.pk]}"
            headers.append((b"cookie", cookie.encode()))
        path = f"/ws/rooms/{room_id}/" + (f"?{query}" if query else "")
        communicator = RoomSocket(application, path, headers=headers)
        connected, code = await communicator.connect()
        self.opened.append(communicator)
        if connected:
            # Wait for the connect-time replay, so what the test does next happens after it.
            communicator.pending = await until_ready(communicator)
        return communicator, connected, code

    async def join(self, user, room_id, query: str = ""):
        communicator, connected, code = await self.open(user, room_id, query)
        assert connected, code
        return communicator

    async def close_all(self):
        for communicator in self.opened:
            # One the server closed has nothing left to clean up.
            with contextlib.suppress(Exception):
                await communicator.disconnect()


@pytest_asyncio.fixture
async def sockets():
    opened = Sockets()
    yield opened
    await opened.close_all()


@in_db
def mediation(**kwargs):
    """make_mediation(), with each person's user loaded (no lazy queries from async code)."""
    m = make_mediation(**kwargs)
    for p in [m.world.mediator, *m.world.principals, *m.world.advocates]:
        assert p.user is not None
    return m


@pytest_asyncio.fixture
async def m():
    return await mediation()


async def frames(communicator, quiet: float = 0.5, first: float = 3.0) -> list[dict]:
    """Everything the socket sends until it has been quiet for `quiet` seconds.

    The first frame gets `first` seconds: on a loaded machine (CI runs the suite on every
    core) the consumer's fetch and first template render can take longer than the quiet
    gap between frames of one burst. A test expecting nothing pays that wait.
    """
    received, communicator.pending = communicator.pending, []
    wait = quiet if received else first
    while not await communicator.receive_nothing(timeout=wait, interval=0.01):
        output = await communicator.receive_output()
        if output["type"] == "websocket.close":
            received.append({"closed": output.get("code")})
            break
        received.append(json.loads(output["text"]))
        wait = quiet
    return received


async def seqs(communicator, quiet: float = 0.5) -> list[int]:
    got = await frames(communicator, quiet)
    assert all(f.get("kind") == "message" for f in got), got
    return [f["seq"] for f in got]


async def closed_with(communicator) -> int:
    output = await communicator.receive_output(timeout=5)
    assert output["type"] == "websocket.close", output
    return output["code"]


# Who may open a room socket.


async def test_strangers_and_non_audience_are_refused_like_a_missing_room(m, sockets):
    a, b = m.world.principals
    stranger = await in_db(make_user)()
    expected = (False, CLOSE_FORBIDDEN)
    missing = await sockets.open(a.user, uuid.uuid4())
    malformed = await sockets.open(a.user, "not-a-room")
    assert missing[1:] == malformed[1:] == expected
    for user, name in [
        (stranger, "joint"),
        (b.user, "caucus:0"),
        (b.user, "side:0"),
        (b.user, "neutrals"),
        (m.world.mediator.user, "side:0"),
        (a.user, "caucus:1"),
    ]:
        assert (await sockets.open(user, m.room(name).id))[1:] == expected, (user, name)
    _, connected, code = await sockets.open(None, m.room("joint").id)
    assert (connected, code) == (False, CLOSE_UNAUTHENTICATED)
    # The audience gets in.
    for p, name in [(a, "caucus:0"), (b, "joint"), (m.world.mediator, "neutrals")]:
        await sockets.join(p.user, m.room(name).id)


# Live delivery.


async def test_the_audience_receives_posts_live_with_the_full_message(m, sockets):
    a, b = m.world.principals
    mediator = m.world.mediator
    joint = m.room("joint")
    listeners = [await sockets.join(p.user, joint.id) for p in (a, b, mediator)]
    message = await post(a, joint, "Pick-up at 5 on Fridays", uploads=[Upload("plan.pdf", PDF)])
    attachment = await in_db(lambda: message.attachments.get())()
    expected = {
        "kind": "message",
        "seq": 1,
        "id": str(message.id),
        "author": a.user.display_name,
        "role": Role.PRINCIPAL,
        "body": "Pick-up at 5 on Fridays",
        "corrects": None,
        "relay_of": None,
        "attachments": [
            {
                "id": str(attachment.id),
                "filename": "plan.pdf",
                "content_type": "application/pdf",
                "size": len(PDF),
            }
        ],
        "at": message.created_at.isoformat().replace("+00:00", "Z"),
    }
    for listener, person in zip(listeners, (a, b, mediator), strict=True):
        [got] = await frames(listener)
        # The page's own partial, rendered for each person (see test_consumers_html.py).
        html = got.pop("html")
        assert got == expected
        assert 'data-seq="1"' in html and "Pick-up at 5 on Fridays" in html
        assert ('<strong class="who">You</strong>' in html) == (person == a)
    correction = await post(a, joint, "Pick-up at 6", corrects=message)
    for listener in listeners:
        [got] = await frames(listener)
        assert (got["seq"], got["corrects"]) == (2, str(message.id))
    assert correction.seq == 2


async def test_side_b_never_receives_side_a_private_session(m, sockets):
    a, b = m.world.principals
    mediator = m.world.mediator
    b_sockets = [await sockets.join(b.user, m.room(n).id) for n in ("joint", "caucus:1", "side:1")]
    assert not (await sockets.open(b.user, m.room("caucus:0").id))[1]
    a_caucus = await sockets.join(a.user, m.room("caucus:0").id)
    secrets = []
    for i in range(4):
        author = a if i % 2 == 0 else mediator
        secrets.append(await post(author, m.room("caucus:0"), f"Our bottom line is {i}"))
    secrets.append(await post(a, m.room("side:0"), "Between us: we would settle"))
    control = await post(a, m.room("joint"), "Hello everyone")
    seen_by_b = [f for s in b_sockets for f in await frames(s)]
    assert [f["id"] for f in seen_by_b] == [str(control.id)]
    assert not any("bottom line" in json.dumps(f) or "settle" in json.dumps(f) for f in seen_by_b)
    assert await seqs(a_caucus) == [1, 2, 3, 4]


async def test_release_changes_and_relays_reach_only_who_may_see_them(m, sockets):
    a, b = m.world.principals
    mediator = m.world.mediator
    source = [await sockets.join(p.user, m.room("caucus:0").id) for p in (a, mediator)]
    target = await sockets.join(b.user, m.room("caucus:1").id)
    secret = await post(a, m.room("caucus:0"), "We could accept alternate weekends.")
    for s in source:
        await frames(s)
    release = await in_db(services.release_grant)(
        actor=a, message=secret, mode="verbatim", target=m.room("caucus:1")
    )
    for s in source:
        assert [shape(f) for f in await frames(s)] == [
            {"kind": "release_changed", "id": str(release.id), "status": "open", "seq": 1}
        ]
    assert await frames(target) == []
    relay = await in_db(services.relay_post)(actor=mediator, release=release, client_key="r1")
    [got] = await frames(target)
    assert (got["id"], got["body"], got["relay_of"], got["author"]) == (
        str(relay.id),
        "We could accept alternate weekends.",
        {"granted_by": a.user.display_name, "mode": "verbatim"},
        mediator.user.display_name,
    )
    # The source private session hears that its release was used.
    for s in source:
        assert [shape(f) for f in await frames(s)] == [
            {"kind": "release_changed", "id": str(release.id), "status": "used", "seq": 1}
        ]


def shape(frame: dict) -> dict:
    """A release_changed frame without its rendered html (checked in test_consumers_html.py)."""
    assert frame["message_id"] and "html" in frame, frame
    return {k: v for k, v in frame.items() if k not in ("html", "message_id")}


async def test_events_meant_for_other_live_views_are_ignored(m, sockets):
    a = m.world.principals[0]
    socket = await sockets.join(a.user, m.room("joint").id)
    await sync_to_async(publish_now)(user_group(a.user.pk), {"type": "notify", "data": {}})
    await sync_to_async(publish_now)(user_group(a.user.pk), {"type": "no.such.handler"})
    other_case = str(uuid.uuid4())
    await sync_to_async(publish_now)(
        user_group(a.user.pk), {"type": "access.changed", "case": other_case}
    )
    assert await frames(socket) == []
    message = await post(a, m.room("joint"), "still here")
    assert [f["id"] for f in await frames(socket)] == [str(message.id)]


# Resume: no gaps, no duplicates.


async def test_resume_after_n_returns_exactly_the_missed_messages(m, sockets):
    a = m.world.principals[0]
    joint = m.room("joint")
    for i in range(5):
        await post(a, joint, f"m{i + 1}")
    socket = await sockets.join(a.user, joint.id, "after=2")
    assert await seqs(socket) == [3, 4, 5]
    await post(a, joint, "m6")
    assert await seqs(socket) == [6]
    fresh = await sockets.join(a.user, joint.id, "after=0")
    assert await seqs(fresh) == [1, 2, 3, 4, 5, 6]
    live_only = await sockets.join(a.user, joint.id)
    assert await seqs(live_only) == []


async def test_a_resume_message_fills_the_gap_without_duplicates(m, sockets):
    a = m.world.principals[0]
    joint = m.room("joint")
    for i in range(5):
        await post(a, joint, f"m{i + 1}")
    socket = await sockets.join(a.user, joint.id)  # starts at the room's end
    await post(a, joint, "m6")
    assert await seqs(socket) == [6]
    sent = [6]
    for after, expected in [(3, [4, 5]), (1, [2, 3]), (4, []), (0, [1]), (0, []), (6, [])]:
        got = await resume(socket, after)
        assert got == expected, after
        sent += got
    assert sorted(sent) == [1, 2, 3, 4, 5, 6]
    # A client that holds more than the socket sent skips ahead.
    assert await resume(socket, 9) == []
    for i in range(4):
        await post(a, joint, f"later{i}")  # 7..10
    assert await seqs(socket) == [10]


async def test_a_dropped_event_is_healed_by_the_next_one(m, sockets, monkeypatch):
    a, b = m.world.principals
    joint = m.room("joint")
    listener = await sockets.join(b.user, joint.id, "after=0")
    real = services.publish_on_commit
    dropped = []

    def lossy(group, event):
        if event.get("type") == "room.message" and event["seq"] in (1, 3):
            dropped.append(event["seq"])
            return
        real(group, event)

    monkeypatch.setattr(services, "publish_on_commit", lossy)
    await post(a, joint, "one")
    assert await seqs(listener) == []  # its event was lost
    await post(a, joint, "two")
    assert await seqs(listener) == [1, 2]
    await post(a, joint, "three")
    await post(a, joint, "four")
    assert await seqs(listener) == [3, 4]
    assert dropped == [1, 3]


async def test_reordered_and_repeated_events_send_each_message_once_in_order(
    m, sockets, monkeypatch
):
    a, b = m.world.principals
    joint = m.room("joint")
    listener = await sockets.join(b.user, joint.id, "after=0")
    monkeypatch.setattr(services, "publish_on_commit", lambda group, event: None)
    messages = [await post(a, joint, f"m{i}") for i in range(3)]
    assert await seqs(listener) == []
    for message in reversed(messages * 2):
        await sync_to_async(publish_now)(
            room_group(joint.id),
            {"type": "room.message", "room": str(joint.id), "seq": message.seq, "id": "x"},
        )
    assert await seqs(listener) == [1, 2, 3]


# Access ends: the socket closes at once.


@pytest.mark.parametrize("sides", [2, 3])
async def test_withdrawal_closes_the_withdrawn_sides_sockets_at_once(sockets, sides):
    m = await mediation(sides=sides)
    a, b = m.world.principals[:2]
    b_sockets = [await sockets.join(b.user, m.room(n).id) for n in ("joint", "caucus:1")]
    a_joint = await sockets.join(a.user, m.room("joint").id)
    await in_db(cases.process_withdraw)(actor=b, process=m.process)
    for socket in b_sockets:
        assert await closed_with(socket) == CLOSE_FORBIDDEN
    # The others stay; with two sides the mediation ended, and that is all they are told.
    got = await frames(a_joint)
    if sides == 2:
        assert [(f["kind"], f["can_post"], f["ended"]) for f in got] == [
            ("room_changed", False, True)
        ]
    else:
        assert got == []
    assert (await sockets.open(b.user, m.room("joint").id))[1:] == (False, CLOSE_FORBIDDEN)
    if sides == 3:
        message = await post(a, m.room("joint"), "We carry on")
        assert [f["id"] for f in await frames(a_joint)] == [str(message.id)]


async def test_removal_closes_the_removed_persons_socket_at_once(m, sockets):
    a, b = m.world.principals
    b_joint = await sockets.join(b.user, m.room("joint").id)
    a_joint = await sockets.join(a.user, m.room("joint").id)
    await in_db(cases.participant_remove)(actor=m.world.mediator, participant=b)
    assert await closed_with(b_joint) == CLOSE_FORBIDDEN
    assert await frames(a_joint) == []


async def test_a_lost_access_event_still_closes_the_socket_before_anything_leaks(
    sockets, monkeypatch
):
    m = await mediation(sides=3)
    a, b = m.world.principals[:2]
    b_joint = await sockets.join(b.user, m.room("joint").id)
    monkeypatch.setattr(audit_helpers, "publish_on_commit", lambda group, event: None)
    await in_db(cases.process_withdraw)(actor=b, process=m.process)
    assert await frames(b_joint) == []  # the access.changed event was lost
    await post(a, m.room("joint"), "Now that B has gone: our real offer")
    assert await frames(b_joint) == [{"closed": CLOSE_FORBIDDEN}]


# Posting over the socket.


async def test_posting_over_the_socket_with_a_repeated_key_yields_one_message(m, sockets):
    a, b = m.world.principals
    joint = m.room("joint")
    poster = await sockets.join(a.user, joint.id)
    listener = await sockets.join(b.user, joint.id)
    request = {"type": "post", "body": "Can we meet on Tuesday?", "client_key": "k-1"}
    await poster.send_json_to(request)
    first = await frames(poster)
    await poster.send_json_to(request)  # a resend after a flaky network
    second = await frames(poster)
    stored = await in_db(lambda: list(Message.objects.values_list("id", "seq", "body")))()
    assert len(stored) == 1
    message_id, seq, body = stored[0]
    posted = {"kind": "posted", "client_key": "k-1", "id": str(message_id), "seq": seq}
    assert [f["kind"] for f in first] == ["message", "posted"]
    assert (first[0]["id"], first[0]["body"], first[1]) == (str(message_id), body, posted)
    assert second == [posted]
    assert [f["id"] for f in await frames(listener)] == [str(message_id)]


async def test_errors_come_back_as_json_and_the_socket_stays_usable(m, sockets):
    a = m.world.principals[0]
    socket = await sockets.join(a.user, m.room("joint").id)
    await socket.send_to(text_data="{not json")
    await socket.send_to(bytes_data=b"\x00\x01")
    await socket.send_json_to(["a", "list"])
    await socket.send_json_to({"type": "dance"})
    await socket.send_json_to({"type": "post", "body": 5, "client_key": "k"})
    await socket.send_json_to({"type": "resume", "after": -1})
    await socket.send_json_to({"type": "resume", "after": True})
    await socket.send_json_to({"type": "post", "body": "  ", "client_key": "k-empty"})
    await socket.send_json_to({"type": "post", "body": "hi", "client_key": "no spaces!"})
    got = await frames(socket)
    assert [f["kind"] for f in got] == ["error"] * 9
    assert got[0] == {"kind": "error", "detail": "Send a JSON object."}
    assert got[7] == {
        "kind": "error",
        "detail": "Write something or attach a file.",
        "client_key": "k-empty",
    }
    assert "client key" in got[8]["detail"]
    await socket.send_json_to({"type": "post", "body": "first", "client_key": "k-2"})
    await socket.send_json_to({"type": "post", "body": "other words", "client_key": "k-2"})
    got = await frames(socket)
    assert [f["kind"] for f in got] == ["message", "posted", "error"]
    assert got[2]["detail"] == "This client key was already used for another message."
    bad_query = await sockets.join(a.user, m.room("joint").id, "after=soon")
    assert [f["kind"] for f in await frames(bad_query)] == ["error"]
    assert await in_db(Message.objects.count)() == 1


async def test_posting_where_one_may_read_but_not_write_is_an_error(sockets):
    m = await mediation(sides=2)
    a, b = m.world.principals
    socket = await sockets.join(a.user, m.room("joint").id)
    await in_db(cases.process_withdraw)(actor=b, process=m.process)  # the mediation ends
    assert [f["kind"] for f in await frames(socket)] == ["room_changed"]
    await socket.send_json_to({"type": "post", "body": "hello?", "client_key": "late"})
    assert await frames(socket) == [
        {
            "kind": "error",
            "detail": "You can read this room but not write in it now.",
            "client_key": "late",
        }
    ]


# What the channel layer carries, and who ends up with each message.


class RecordingLayer(InMemoryChannelLayer):
    """Remembers each group send with the channels that were in the group at that moment."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sent: list[tuple[str, dict, set[str]]] = []

    async def group_send(self, group, message):
        self.sent.append((group, dict(message), set(self.groups.get(group, {}))))
        await super().group_send(group, message)

    def user_of(self, channel: str) -> str | None:
        for group, members in self.groups.items():
            if group.startswith("user.") and channel in members:
                return group.removeprefix("user.")
        return None


@pytest.fixture
def recording(settings):
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": f"{__name__}.RecordingLayer", "CONFIG": {"capacity": 1000}}
    }
    layer = get_channel_layer()
    assert isinstance(layer, RecordingLayer)
    return layer


@in_db
def bigger_mediation():
    """Two sides with principals and advocates, and a co-mediator, so each room differs."""
    m = make_mediation(advocates=True)
    co = appoint(m.world.mediator, m.world.case, Role.MEDIATOR)
    # Someone who joins a running mediation sees nothing until they accept its terms.
    cases.process_accept_confidentiality(actor=co, process=m.process)
    people = [m.world.mediator, co, *m.world.principals, *m.world.advocates]
    for p in people:
        p.refresh_from_db()
        assert p.user is not None
    return m, people


@in_db
def audience(room, people):
    return {str(p.user_id) for p in people if in_audience(p, room)}


async def test_event_recipients_equal_each_rooms_audience(recording, sockets):
    m, people = await bigger_mediation()
    # Everyone tries every room; only the audience gets in.
    socket_of = {}
    for name in ROOMS:
        room = m.room(name)
        members = await audience(room, people)
        for p in people:
            communicator, connected, _code = await sockets.open(p.user, room.id)
            assert connected == (str(p.user_id) in members), (name, p.role)
            if connected:
                socket_of[(str(p.user_id), name)] = communicator
    posts = {}
    for name in ROOMS:
        room = m.room(name)
        members = await audience(room, people)
        writer = next(p for p in people if str(p.user_id) in members)
        posts[name] = [await post(writer, room, f"in {name} #{i}") for i in range(3)]
    everything = await asyncio.gather(*(frames(s) for s in socket_of.values()))
    received: dict[str, set[str]] = {}
    for (user_id, _name), got in zip(socket_of, everything, strict=True):
        for frame in got:
            received.setdefault(frame["id"], set()).add(user_id)
    for name in ROOMS:
        room = m.room(name)
        members = await audience(room, people)
        assert len(members) >= 1
        for message in posts[name]:
            assert received[str(message.id)] == members, name
        # The layer carried only "look again" hints to this room's group, never the content.
        room_sends = [
            (event, channels)
            for group, event, channels in recording.sent
            if group == room_group(room.id)
        ]
        assert len(room_sends) == 3
        for event, channels in room_sends:
            assert set(event) == {"type", "room", "seq", "id"}
            assert {recording.user_of(c) for c in channels} == members
    sizes = {name: len(await audience(m.room(name), people)) for name in ROOMS}
    assert sizes == {
        "joint": 6,
        "caucus:0": 4,
        "caucus:1": 4,
        "side:0": 2,
        "side:1": 2,
        "neutrals": 2,
    }
