"""The balance meter: counts per side, the session-gap estimate, the mediator-only page
(live by htmx polling) and the shared summary that carries numbers, never words."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from accord.accounts.services import api_token_create
from accord.core.errors import Conflict, Forbidden
from accord.rooms import services as rooms
from accord.rooms.models import Message
from accord.safety import services
from accord.safety.selectors import (
    MESSAGE_ALLOWANCE,
    SESSION_GAP,
    balance_for,
    balance_summary_text,
    sitting_time,
)
from tests.factories import make_user
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db
T = dt.datetime(2030, 1, 1, 10, 0, tzinfo=dt.UTC)


def minutes(n):
    return dt.timedelta(minutes=n)


def test_sitting_time_follows_the_session_gap_rule():
    assert sitting_time([]) == dt.timedelta()
    assert sitting_time([T]) == MESSAGE_ALLOWANCE
    # 10:00, 10:10, 10:20 are one sitting (gaps under 15 min); 11:00 starts another.
    times = [T, T + minutes(10), T + minutes(20), T + minutes(60)]
    assert sitting_time(times) == minutes(20) + MESSAGE_ALLOWANCE + MESSAGE_ALLOWANCE
    assert sitting_time([T, T + SESSION_GAP]) == SESSION_GAP + MESSAGE_ALLOWANCE
    assert sitting_time([T, T + SESSION_GAP + minutes(1)]) == 2 * MESSAGE_ALLOWANCE


@pytest.fixture
def m():
    m = make_mediation(advocates=True)
    a, b = m.world.principals
    lawyer_a = m.world.advocates[0]
    mediator = m.world.mediator
    n = iter(range(1000))

    def say(who, room, body):
        rooms.message_post(actor=who, room=m.room(room), body=body, client_key=f"b{next(n)}")

    say(a, "joint", "a" * 60)
    say(lawyer_a, "joint", "l" * 20)
    say(b, "joint", "b" * 20)
    say(mediator, "joint", "m" * 500)  # the mediator's words count for no side
    say(a, "caucus:0", "x" * 10)
    say(mediator, "caucus:0", "y" * 5)
    say(b, "caucus:1", "z" * 7)
    return m


def test_counts_per_side(m):
    balance = balance_for(viewer=m.world.mediator, process=m.process)
    a, b = balance.sides
    assert (a.joint_messages, a.joint_characters, a.joint_share) == (2, 80, 80)
    assert (b.joint_messages, b.joint_characters, b.joint_share) == (1, 20, 20)
    assert (a.caucus_messages_by_side, a.caucus_characters_by_side) == (1, 10)
    assert (a.caucus_messages_by_neutral, a.caucus_characters_by_neutral) == (1, 5)
    assert (b.caucus_messages_by_side, b.caucus_messages_by_neutral) == (1, 0)
    assert a.neutral_time == MESSAGE_ALLOWANCE and b.neutral_time == dt.timedelta()


@pytest.mark.parametrize("who", ["principal", "advocate"])
def test_the_meter_is_the_mediators_only(m, who):
    person = m.world.principals[0] if who == "principal" else m.world.advocates[1]
    assert balance_for(viewer=person, process=m.process) is None
    before = Message.objects.count()
    with pytest.raises(Forbidden):
        services.balance_share(actor=person, process=m.process, client_key="s1")
    assert Message.objects.count() == before


def test_the_shared_summary_has_numbers_and_names_only_and_is_posted_once(m):
    text = balance_summary_text(balance_for(viewer=m.world.mediator, process=m.process))
    assert "Applicant 80%" in text and "Respondent 20%" in text
    for secret in ("aaa", "xxx", "zzz", "yyy"):
        assert secret not in text
    first = services.balance_share(actor=m.world.mediator, process=m.process, client_key="s1")
    again = services.balance_share(actor=m.world.mediator, process=m.process, client_key="s1")
    assert first.id == again.id and first.room == m.room("joint") and first.body == text


def test_no_joint_room_no_sharing():
    m = make_mediation(fmt="shuttle")
    before = Message.objects.count()
    with pytest.raises(Conflict):
        services.balance_share(actor=m.world.mediator, process=m.process, client_key="s1")
    assert Message.objects.count() == before


def test_pages_and_api(m):
    url = reverse("safety:balance", kwargs={"process_id": m.process.id})
    share = reverse("safety:balance_share", kwargs={"process_id": m.process.id})
    mediator = Client()
    mediator.force_login(m.world.mediator.user)
    page = mediator.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and 'hx-trigger="every 5s"' in html and "80%" in html
    fragment = mediator.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "80%" in fragment

    party = Client()
    party.force_login(m.world.principals[0].user)
    assert party.get(url).status_code == 403
    assert party.post(share).status_code == 403
    stranger = Client()
    stranger.force_login(make_user())
    real, fake = (
        stranger.get(url),
        stranger.get(reverse("safety:balance", kwargs={"process_id": uuid.uuid4()})),
    )
    assert real.status_code == fake.status_code == 404 and real.content == fake.content
    before = Message.objects.count()
    assert stranger.post(share).status_code == 404
    assert Message.objects.count() == before

    assert mediator.post(share, {"submission": "c" * 32}).status_code == 302
    assert mediator.post(share, {"submission": "c" * 32}).status_code == 302
    assert Message.objects.count() == before + 1

    _t, key = api_token_create(user=m.world.mediator.user, name="t")
    api = Client(headers={"Authorization": f"Bearer {key}"})
    body = api.get(f"/api/v1/processes/{m.process.id}/balance").json()
    assert [s["joint_share_percent"] for s in body["sides"]] == [80, 20]
    _t, key = api_token_create(user=m.world.principals[1].user, name="t")
    refused = Client(headers={"Authorization": f"Bearer {key}"}).get(
        f"/api/v1/processes/{m.process.id}/balance"
    )
    assert refused.status_code == 403
