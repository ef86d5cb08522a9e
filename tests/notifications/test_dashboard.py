"""The dashboard says how many messages wait unread in each case, counted by the same rule
as every other read path: never a count for a room the person may not open, never their own
messages, nothing once they have left."""

from __future__ import annotations

import itertools

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.cases import services as cases
from accord.cases.selectors import case_overviews
from accord.cases.vocabulary import Role
from accord.notifications.selectors import unread_by_case
from accord.rooms import services
from tests.cases.factories import appoint
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db

_keys = itertools.count(1)


def say(person, room, text):
    return services.message_post(
        actor=person, room=room, body=text, client_key=f"dash-{next(_keys)}"
    )


def unread(person):
    return unread_by_case(user=person.user, overviews=case_overviews(user=person.user))


def dashboard(person) -> str:
    client = Client()
    client.force_login(person.user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_each_person_counts_only_what_they_may_see_and_not_their_own():
    m = make_mediation()
    a, b = m.world.principals
    mediator = m.world.mediator
    say(a, m.room("joint"), "Fridays at five?")
    say(b, m.room("joint"), "Six works better")
    say(b, m.room("joint"), "Or Saturday morning")
    say(a, m.room("caucus:0"), "I could live with six")
    say(b, m.room("caucus:1"), "I would rather not drive at night")
    case_id = m.world.case.id
    assert unread(a) == {case_id: 2}  # B's two joint messages; never B's private session
    assert unread(b) == {case_id: 1}
    assert unread(mediator) == {case_id: 5}  # both private sessions and the joint room
    assert "2 new messages" in dashboard(a)
    assert "5 new messages" in dashboard(mediator)


def test_opening_the_room_clears_the_count_and_nothing_new_shows_nothing():
    m = make_mediation()
    a, b = m.world.principals
    joint = m.room("joint")
    assert unread(a) == {}
    assert "new message" not in dashboard(a)
    message = say(b, joint, "Six works better")
    assert unread(a) == {m.world.case.id: 1}
    joint.refresh_from_db()
    services.room_mark_read(actor=a, room=joint, seq=message.seq)
    assert unread(a) == {}
    assert "new message" not in dashboard(a)


def test_someone_who_left_counts_nothing_more():
    m = make_mediation(sides=3)
    a, b, c = m.world.principals
    say(b, m.room("joint"), "Six works better")
    assert unread(a) == {m.world.case.id: 1}
    cases.process_withdraw(actor=a, process=m.process)
    say(c, m.room("joint"), "Saturday then")
    assert unread(a) == {}
    assert "new message" not in dashboard(a)


def test_another_cases_people_see_no_count_for_it():
    m = make_mediation()
    other = make_mediation()
    say(m.world.principals[1], m.room("joint"), "Six works better")
    for person in (other.world.mediator, *other.world.principals):
        assert unread(person) == {}


def test_a_neutral_pays_the_same_queries_however_many_cases_run():
    first, second = make_mediation(), make_mediation()
    user = first.world.mediator.user
    # The first case's mediator co-mediates the second.
    co_mediator = appoint(second.world.mediator, second.world.case, Role.MEDIATOR, user=user)
    cases.process_accept_confidentiality(actor=co_mediator, process=second.process)
    say(first.world.principals[0], first.room("joint"), "Six works for me")
    say(second.world.principals[0], second.room("joint"), "Six works for me")

    def cost():
        overviews = case_overviews(user=user)
        with CaptureQueriesContext(connection) as captured:
            totals = unread_by_case(user=user, overviews=overviews)
        return len(captured), totals

    queries, totals = cost()
    assert totals == {first.world.case.id: 1, second.world.case.id: 1}
    assert queries == 2  # the rooms, then the one counting query
