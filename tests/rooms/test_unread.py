"""What is new for a person: unread counts per room, from the same visibility rule as every
other read path, marked as read when the page shows the messages, never moving back, and
refused (with the room's usual 404) to anyone outside the room."""

from __future__ import annotations

import itertools
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from accord.core.errors import Forbidden, InvalidInput
from accord.rooms import services
from accord.rooms.models import ReadMark
from accord.rooms.selectors import rooms_for_user, unread_counts
from tests.factories import make_user
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db


_keys = itertools.count(1)


def say(person, room, text):
    return services.message_post(actor=person, room=room, body=text, client_key=f"k{next(_keys)}")


def counts(person, m):
    return unread_counts(
        user=person.user, rooms=rooms_for_user(user=person.user, process=m.process)
    )


def page(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_counts_follow_what_each_person_may_see_and_leave_out_their_own():
    m = make_mediation()
    a, b = m.world.principals
    mediator = m.world.mediator
    joint, caucus_a = m.room("joint"), m.room("caucus:0")
    say(a, joint, "Fridays at five?")
    say(b, joint, "Six works better")
    say(a, caucus_a, "I could live with six")
    assert counts(a, m) == {joint.id: 1}  # B's message; A's own are not news to A
    assert counts(b, m) == {joint.id: 1}  # never A's private session, not even its count
    assert counts(mediator, m) == {joint.id: 2, caucus_a.id: 1}


def test_opening_the_room_marks_it_read_and_a_mark_never_moves_back():
    m = make_mediation()
    a, b = m.world.principals
    joint = m.room("joint")
    for n in range(3):
        say(a, joint, f"point {n}")
    assert counts(b, m) == {joint.id: 3}
    assert page(b.user).get(reverse("rooms:room", kwargs={"room_id": joint.id})).status_code == 200
    assert counts(b, m) == {}
    say(a, joint, "one more")
    assert counts(b, m) == {joint.id: 1}
    services.room_mark_read(actor=b, room=joint, seq=2)  # backwards: unchanged
    assert ReadMark.objects.get(user=b.user, room=joint).seq == 3
    assert counts(b, m) == {joint.id: 1}
    joint.refresh_from_db()
    services.room_mark_read(actor=b, room=joint, seq=99)  # clamped to the last
    assert ReadMark.objects.get(user=b.user, room=joint).seq == 4
    assert counts(b, m) == {}


def test_the_room_tabs_and_the_case_page_show_the_counts():
    m = make_mediation()
    a, b = m.world.principals
    joint = m.room("joint")
    say(b, joint, "Hello")
    say(b, joint, "Are you there?")
    client = page(a.user)
    case_page = client.get(reverse("cases:case", kwargs={"case_id": m.world.case.id}))
    assert "2 new messages" in case_page.content.decode()
    caucus = client.get(reverse("rooms:room", kwargs={"room_id": m.room("caucus:0").id}))
    assert "2 new messages" in caucus.content.decode()  # on the joint room's tab


def test_the_page_reports_live_messages_seen():
    m = make_mediation()
    a, b = m.world.principals
    joint = m.room("joint")
    say(a, joint, "first")
    say(a, joint, "second")
    url = reverse("rooms:read", kwargs={"room_id": joint.id})
    client = page(b.user)
    assert client.post(url, {"seq": "1"}).status_code == 204
    assert counts(b, m) == {joint.id: 1}
    refused = client.post(url, {"seq": "soon"})
    assert refused.status_code == 400
    assert "number of the last message" in refused.content.decode()
    assert counts(b, m) == {joint.id: 1}
    assert client.get(url).status_code == 405


def test_outsiders_get_the_rooms_404_and_nothing_is_written():
    m = make_mediation()
    b = m.world.principals[1]
    caucus_a = m.room("caucus:0")
    client = page(b.user)
    forbidden = client.post(reverse("rooms:read", kwargs={"room_id": caucus_a.id}), {"seq": "1"})
    missing = client.post(reverse("rooms:read", kwargs={"room_id": uuid.uuid4()}), {"seq": "1"})
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content
    stranger = page(make_user())
    assert stranger.post(reverse("rooms:read", kwargs={"room_id": caucus_a.id})).status_code == 404
    with pytest.raises(Forbidden):
        services.room_mark_read(actor=b, room=caucus_a, seq=1)
    with pytest.raises(InvalidInput):
        services.room_mark_read(actor=b, room=m.room("joint"), seq=-1)
    assert not ReadMark.objects.exists()
