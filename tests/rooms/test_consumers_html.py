"""The socket renders the page's own partials: each message frame's `html` is what the room
page shows that person for that message, release changes re-render it, a room whose state
changed says so, and none of it costs a query per message."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.accounts.services import user_update_profile
from accord.cases import services as cases
from accord.cases.vocabulary import Role
from accord.rooms import consumers, delivery, services
from accord.rooms.models import Room
from accord.rooms.selectors import access_room, messages_visible_to, room_view, viewer_for
from accord.rooms.services import Upload
from accord.rooms.visibility import can_post, in_audience
from tests.cases.factories import appoint, join
from tests.rooms import test_consumers as base
from tests.rooms.factories import make_mediation
from tests.rooms.test_consumers import PDF, ROOMS, frames, in_db, mediation, post

# The socket tests' fixtures, shared: a mediation, and sockets closed after each test.
m = base.m
sockets = base.sockets

CSRF = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')


@in_db
def room_page(person, room) -> str:
    client = Client()
    client.force_login(person.user)
    response = client.get(reverse("rooms:room", kwargs={"room_id": room.id}))
    assert response.status_code == 200
    # The socket's copy has no CSRF field: its forms post through htmx, whose header the
    # page's <body> carries.
    return CSRF.sub("", response.content.decode())


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_each_frame_carries_the_pages_own_rendering_for_its_person(m, sockets):
    a, b = m.world.principals
    mediator = m.world.mediator
    joint, caucus = m.room("joint"), m.room("caucus:0")
    listeners = {
        (a, "joint"): await sockets.join(a.user, joint.id),
        (b, "joint"): await sockets.join(b.user, joint.id),
        (a, "caucus:0"): await sockets.join(a.user, caucus.id),
        (mediator, "caucus:0"): await sockets.join(mediator.user, caucus.id),
    }
    await post(a, joint, "Pick-up at 5 on Fridays", uploads=[Upload("plan.pdf", PDF)])
    await post(a, caucus, "We could live with 6")
    for (person, name), socket in listeners.items():
        [frame] = await frames(socket)
        html = frame["html"]
        assert html.startswith(f'<li class="msg own" id="msg-{frame["id"]}"') == (person == a)
        # Byte for byte what the page shows this person for this message.
        assert html in await room_page(person, m.room(name)), (person.role, name)
    a_caucus = listeners[(a, "caucus:0")]
    mediator_caucus = listeners[(mediator, "caucus:0")]
    # The party gets the release controls on their own item; the mediator does not.
    await post(a, caucus, "And we could drive both ways")
    [mine], [theirs] = await frames(a_caucus), await frames(mediator_caucus)
    assert 'class="release-form"' in mine["html"]
    assert "release-form" not in theirs["html"]
    assert '<strong class="who">You</strong>' in mine["html"]
    assert f'<strong class="who">{a.user.display_name}</strong>' in theirs["html"]


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_release_changes_re_render_the_item_for_each_person(m, sockets):
    a = m.world.principals[0]
    caucus = m.room("caucus:0")
    mine = await sockets.join(a.user, caucus.id)
    theirs = await sockets.join(m.world.mediator.user, caucus.id)
    message = await post(a, caucus, "We could live with 6")
    await frames(mine), await frames(theirs)
    release = await in_db(services.release_grant)(
        actor=a, message=message, mode="gist", target=m.room("joint")
    )
    [granted] = await frames(mine)
    assert (granted["kind"], granted["status"], granted["message_id"], granted["seq"]) == (
        "release_changed",
        "open",
        str(message.id),
        1,
    )
    assert "Waiting for the mediator" in granted["html"] and "Take back" in granted["html"]
    assert granted["html"] in await room_page(a, caucus)
    [seen] = await frames(theirs)
    assert "Waiting for the mediator" in seen["html"] and "Take back" not in seen["html"]
    await in_db(services.release_revoke)(actor=a, release=release)
    [revoked] = await frames(mine)
    assert revoked["status"] == "revoked"
    assert "Taken back" in revoked["html"] and "Take back<" not in revoked["html"]


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_the_room_says_when_it_ended_and_nothing_about_who_left(sockets):
    m = await mediation(sides=2)
    a, b = m.world.principals
    joint = await sockets.join(a.user, m.room("joint").id)
    await in_db(cases.process_withdraw)(actor=b, process=m.process)
    [changed] = await frames(joint)
    assert (changed["kind"], changed["can_post"], changed["ended"]) == ("room_changed", False, True)
    html = changed["html"]
    assert "This mediation has ended. You can still read what was said here." in html
    assert "Leave mediation" not in html
    assert b.user.display_name not in html and "withdr" not in html.lower()
    assert html in await room_page(a, m.room("joint"))


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_the_mediator_sees_a_departed_sides_session_close(sockets):
    m = await mediation(sides=3)
    a, _b, c = m.world.principals
    theirs = await sockets.join(m.world.mediator.user, m.room("caucus:2").id)
    joint = await sockets.join(a.user, m.room("joint").id)
    await in_db(cases.process_withdraw)(actor=c, process=m.process)
    [changed] = await frames(theirs)
    assert (changed["kind"], changed["can_post"], changed["ended"]) == (
        "room_changed",
        False,
        False,
    )
    assert "Grandparents is no longer taking part." in changed["html"]
    assert await frames(joint) == []  # nothing changed for A in the joint room


def cost(fn) -> int:
    with CaptureQueriesContext(connection) as queries:
        fn()
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["joint", "caucus:0"])
def test_rendering_costs_no_query_per_message(name):
    """A page of frames costs the queries the JSON-only socket made (one more in a private
    session, for its items' releases), however many messages it holds."""
    world = make_mediation()
    a = world.world.principals[0]
    room = world.room(name)
    room, viewer = access_room(user=a.user, room_id=room.id)
    view = room_view(viewer=viewer, room=room)

    def before_html(after: int) -> None:
        place = viewer_for(user=a.user, room=room)
        for message in messages_visible_to(participant=place, room=room, after_seq=after):
            consumers.render(message)

    def with_html(after: int) -> None:
        assert consumers._page(a.user, room, view, after, consumers.PAGE)

    def talk(n: int) -> None:
        message = services.message_post(
            actor=a,
            room=room,
            body=f"Thought {n}",
            client_key=f"k{n}",
            uploads=[Upload(f"{n}.pdf", PDF)],
        )
        if name.startswith("caucus"):
            services.release_grant(
                actor=a, message=message, mode="gist", target=world.room("joint")
            )

    talk(0)
    one = cost(lambda: with_html(0))
    assert one == cost(lambda: before_html(0)) + (1 if name.startswith("caucus") else 0)
    for n in range(1, 15):
        talk(n)
    relay_room = world.room("joint")
    # Relays carry their origin: loaded with the page, in one more query for a page that
    # holds any (never one per message), so plain pages need no join for them.
    relays = 1 if name == "joint" else 0
    for n in range(2 * relays):
        release = services.release_grant(
            actor=a,
            message=services.message_post(
                actor=a,
                room=world.room("caucus:0"),
                body=("A point to share", "Another point to share")[n],
                client_key=f"r{n}",
            ),
            mode="verbatim",
            target=relay_room,
        )
        services.relay_post(actor=world.world.mediator, release=release, client_key=f"relay{n}")
    assert cost(lambda: with_html(0)) == one + relays
    assert cost(lambda: with_html(0)) == cost(lambda: before_html(0)) + (
        1 if name.startswith("caucus") else 0
    )


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_paused_room_says_so_live_and_its_composer_comes_back(m, sockets):
    a = m.world.principals[0]
    mediator = m.world.mediator
    joint = m.room("joint")
    party = await sockets.join(a.user, joint.id)
    neutral = await sockets.join(mediator.user, joint.id)
    await in_db(services.room_pause)(actor=mediator, room=joint, paused=True)
    [paused] = await frames(party)
    assert (paused["kind"], paused["can_post"], paused["ended"]) == ("room_changed", False, False)
    assert "The mediator has paused this room for now." in paused["html"]
    assert "composer_html" not in paused
    assert await frames(neutral) == []  # the mediator still writes: nothing changed for them
    await in_db(services.room_pause)(actor=mediator, room=joint, paused=False)
    [resumed] = await frames(party)
    assert resumed["can_post"] is True and "paused" not in resumed["html"]
    assert f'<form method="post" action="/rooms/{joint.id}/"' in resumed["composer_html"]
    assert 'name="client_key" value="' in resumed["composer_html"]


@pytest.mark.django_db
def test_one_rendering_per_reader_class_is_byte_for_byte_each_persons_own():
    """The sockets of a room share one rendering per reader class (rooms/delivery.py). For
    every person in every room, with releases granted, taken back and relayed, files,
    corrections and another language, the shared text is exactly the frame their own read
    would send; and in the joint room fewer renderings than readers serve everyone."""
    world = make_mediation(advocates=True)
    w = world.world
    co = appoint(w.mediator, w.case, Role.MEDIATOR)
    second = join(w.mediator, w.case, Role.PRINCIPAL, w.sides[0])  # two parties on side A
    # Who joins a running mediation sees nothing until they accept its terms.
    for late in (co, second):
        cases.process_accept_confidentiality(actor=late, process=world.process)
    a, b = w.principals
    user_update_profile(user=b.user, display_name=b.user.display_name, preferred_language="fr")
    people = [w.mediator, co, a, second, b, *w.advocates]
    for person in people:
        person.refresh_from_db()
    keys = iter(range(1000))

    def say(person, name, text, **kwargs):
        return services.message_post(
            actor=person, room=world.room(name), body=text, client_key=f"k{next(keys)}", **kwargs
        )

    for name in ROOMS:
        room = world.room(name)
        for person in people:
            if can_post(person, room):
                say(person, name, f"{person.role} says hello in {name}")
    first = say(a, "joint", "Pick-up at 5", uploads=[Upload("plan.pdf", PDF)])
    say(a, "joint", "Pick-up at 6", corrects=first)
    mine = say(a, "caucus:0", "We could live with 6")
    theirs = say(w.advocates[0], "caucus:0", "Our client may accept alternate weekends")
    shared = services.release_grant(
        actor=a, message=mine, mode="verbatim", target=world.room("joint")
    )
    services.release_grant(actor=second, message=mine, mode="gist", target=world.room("caucus:1"))
    taken_back = services.release_grant(
        actor=a, message=theirs, mode="gist", target=world.room("joint")
    )
    services.release_revoke(actor=a, release=taken_back)
    services.relay_post(actor=w.mediator, release=shared, client_key="relay-1")
    for name in ROOMS:
        room = Room.objects.select_related("process__case", "side").get(id=world.room(name).id)
        readers = []
        for person in people:
            if not in_audience(person, room):
                continue
            fresh, viewer = access_room(user=person.user, room_id=room.id)
            language = person.user.preferred_language or "en"
            readers.append(
                (
                    person,
                    delivery.Reader(
                        view=room_view(viewer=viewer, room=fresh),
                        language=language,
                        access_seq=delivery.audit_head(case_id=w.case.id),
                    ),
                )
            )
        batch = delivery.load(
            readers=[reader for _person, reader in readers], after=0, hint=room.last_seq
        )
        assert batch.entries is not None and batch.complete
        assert [entry.seq for entry in batch.entries] == list(range(1, room.last_seq + 1))
        for person, reader in readers:
            own = consumers._page(person.user, room, reader.view, 0, consumers.PAGE)
            shared_texts = [
                entry.texts[delivery.render_key(entry.message, reader.view, reader.language)]
                for entry in batch.entries
            ]
            assert shared_texts == [json.dumps(frame) for frame in own], (name, person.role)
        if name == "joint":
            assert len(readers) == 7
            assert all(len(entry.texts) <= 3 for entry in batch.entries)


@pytest.mark.django_db
def test_a_live_post_is_delivered_from_its_row_exactly_as_a_read_would_show_it(monkeypatch):
    """A post over a socket is delivered from the row it wrote (selectors.posted_as_shown),
    without reading the room back. For every person who may write in every room, with
    readers in two languages and advocates, each reader's frame is the one their own read
    sends; and where something came in between, the room is read as before."""
    world = make_mediation(advocates=True)
    w = world.world
    a, b = w.principals
    user_update_profile(user=b.user, display_name=b.user.display_name, preferred_language="fr")
    people = [w.mediator, a, b, *w.advocates]
    reads = []
    real_read = delivery.messages_shown_to

    def counted(**kwargs):
        reads.append(kwargs["after_seq"])
        return real_read(**kwargs)

    monkeypatch.setattr(delivery, "messages_shown_to", counted)
    keys = iter(range(1000))
    for name in ROOMS:
        room = Room.objects.select_related("process__case", "side").get(id=world.room(name).id)
        audience = []
        for person in people:
            person.refresh_from_db()
            if in_audience(person, room):
                fresh, viewer = access_room(user=person.user, room_id=room.id)
                view = room_view(viewer=viewer, room=fresh)
                language = person.user.preferred_language or "en"
                reader = delivery.Reader(
                    view=view, language=language, access_seq=delivery.audit_head(case_id=w.case.id)
                )
                audience.append((person, view, reader))
        for person, view, _reader in audience:
            if not view.can_post:
                continue
            room.refresh_from_db()
            after = room.last_seq
            posted = consumers._post(
                person.user,
                view,
                f"{person.role} writes in {name}",
                f"k{next(keys)}",
                after,
                [reader for _p, _v, reader in audience],
            )
            assert posted.message is not None and posted.batch is not None
            assert reads == [], name  # delivered from the row
            (entry,) = posted.batch.entries
            assert posted.batch.complete and entry.seq == after + 1
            for other, other_view, reader in audience:
                (own,) = consumers._page(other.user, room, other_view, after, consumers.PAGE)
                key = delivery.render_key(entry.message, other_view, reader.language)
                assert entry.texts[key] == json.dumps(own), (name, person.role, other.role)
    # A socket behind the room (a message came in between) reads it, both messages in order.
    room = Room.objects.select_related("process__case", "side").get(id=world.room("joint").id)
    fresh, viewer = access_room(user=a.user, room_id=room.id)
    view = room_view(viewer=viewer, room=fresh)
    reader = delivery.Reader(
        view=view, language="en", access_seq=delivery.audit_head(case_id=w.case.id)
    )
    services.message_post(actor=b, room=room, body="In between", client_key="between")
    behind = room.last_seq
    posted = consumers._post(a.user, view, "After it", "after-it", behind, [reader])
    assert reads == [behind]
    assert [entry.message.body for entry in posted.batch.entries] == ["In between", "After it"]
