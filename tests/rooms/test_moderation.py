"""Tone coaching at the moment of posting, and the mediator's moderation (issue 8): holding
flagged posts for review, pausing the joint room, muting a writer. Each refusal changes
nothing; each action is an audit event."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.audit.models import AuditEvent
from accord.core import clock
from accord.core.errors import Conflict, Forbidden, InvalidInput
from accord.rooms import services
from accord.rooms.models import HeldMessage, Message, Mute, Room
from accord.rooms.selectors import messages_visible_to
from accord.rooms.services import HeldForReview, ToneCheck
from accord.rooms.visibility import can_post
from tests.rooms.factories import make_mediation
from tests.safety.factories import answer, confirm

pytestmark = pytest.mark.django_db

HOSTILE = "You are a useless idiot and you always lie. You'll regret this."
CALM = "Could we move the Friday pick-up to 5 pm?"


def snapshot() -> tuple[int, int, int, int]:
    return (
        Message.objects.count(),
        HeldMessage.objects.count(),
        Mute.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def m():
    return make_mediation()


def test_a_flagged_text_goes_back_to_its_writer_with_reasons_and_a_suggestion(m):
    a = m.world.principals[0]
    before = snapshot()
    with pytest.raises(ToneCheck) as refused:
        services.message_post(actor=a, room=m.room("joint"), body=HOSTILE, client_key="k")
    assert refused.value.field == "body"
    assert "send it anyway" in refused.value.message
    assessment = refused.value.assessment
    assert assessment.flagged
    assert "insult" in assessment.reasons
    assert assessment.suggestion
    assert snapshot() == before
    assert Room.objects.get(id=m.room("joint").id).last_seq == 0


def test_calm_text_is_posted_without_a_word_from_the_coach(m):
    a = m.world.principals[0]
    message = services.message_post(actor=a, room=m.room("joint"), body=CALM, client_key="k")
    assert message.seq == 1


def test_the_writer_may_send_it_anyway(m):
    a, b = m.world.principals
    message = services.message_post(
        actor=a, room=m.room("joint"), body=HOSTILE, client_key="k", send_anyway=True
    )
    assert [x.id for x in messages_visible_to(participant=b, room=m.room("joint"))] == [message.id]


def test_the_mediator_is_not_coached(m):
    message = services.message_post(
        actor=m.world.mediator, room=m.room("joint"), body=HOSTILE, client_key="k"
    )
    assert message.body == HOSTILE


def test_in_a_holding_room_a_flagged_post_waits_for_the_mediator_and_nobody_else_sees_it(m):
    a, b = m.world.principals
    joint = services.room_hold_flagged(actor=m.world.mediator, room=m.room("joint"), hold=True)
    assert joint.hold_flagged
    with pytest.raises(HeldForReview) as waiting:
        services.message_post(actor=a, room=joint, body=HOSTILE, client_key="k", send_anyway=True)
    held = waiting.value.held
    assert waiting.value.status_code == 202
    assert held.status == HeldMessage.Status.PENDING
    assert "insult" in held.reasons
    assert Message.objects.count() == 0
    assert messages_visible_to(participant=b, room=joint) == []
    # The resend of the same post finds the same hold, and adds nothing.
    with pytest.raises(HeldForReview) as again:
        services.message_post(actor=a, room=joint, body=HOSTILE, client_key="k", send_anyway=True)
    assert again.value.held.id == held.id
    assert HeldMessage.objects.count() == 1
    # The audit log knows a post was held, never its words.
    event = AuditEvent.objects.get(action="message.held")
    assert HOSTILE not in str(event.payload)


def test_the_key_of_a_held_post_cannot_carry_another_text_nor_go_elsewhere(m):
    a = m.world.principals[0]
    joint = services.room_hold_flagged(actor=m.world.mediator, room=m.room("joint"), hold=True)
    with pytest.raises(HeldForReview):
        services.message_post(actor=a, room=joint, body=HOSTILE, client_key="k", send_anyway=True)
    events = AuditEvent.objects.count()
    last_seqs = dict(Room.objects.values_list("id", "last_seq"))
    for room, body in ((joint, "Something calm instead."), (m.room("caucus:0"), HOSTILE)):
        with pytest.raises(Conflict, match="already used for another message"):
            services.message_post(actor=a, room=room, body=body, client_key="k", send_anyway=True)
    assert HeldMessage.objects.count() == 1
    assert Message.objects.count() == 0
    assert AuditEvent.objects.count() == events
    assert dict(Room.objects.values_list("id", "last_seq")) == last_seqs


def test_calm_posts_pass_straight_through_a_holding_room(m):
    a = m.world.principals[0]
    joint = services.room_hold_flagged(actor=m.world.mediator, room=m.room("joint"), hold=True)
    assert services.message_post(actor=a, room=joint, body=CALM, client_key="k").seq == 1


def test_approval_posts_it_as_its_writer_with_the_next_number_once(m):
    a, b = m.world.principals
    mediator = m.world.mediator
    joint = services.room_hold_flagged(actor=mediator, room=m.room("joint"), hold=True)
    services.message_post(actor=b, room=joint, body=CALM, client_key="first")
    with pytest.raises(HeldForReview) as waiting:
        services.message_post(actor=a, room=joint, body=HOSTILE, client_key="k", send_anyway=True)
    message = services.held_approve(actor=mediator, held=waiting.value.held)
    assert (message.seq, message.author_id, message.body) == (2, a.id, HOSTILE)
    assert [x.seq for x in messages_visible_to(participant=b, room=joint)] == [1, 2]
    before = snapshot()
    with pytest.raises(Conflict):
        services.held_approve(actor=mediator, held=waiting.value.held)
    with pytest.raises(Conflict):
        services.held_decline(actor=mediator, held=waiting.value.held)
    assert snapshot() == before
    # Its writer's resend now returns the posted message.
    again = services.message_post(
        actor=a, room=joint, body=HOSTILE, client_key="k", send_anyway=True
    )
    assert again.id == message.id


def test_a_declined_post_never_reaches_the_room(m):
    a, b = m.world.principals
    joint = services.room_hold_flagged(actor=m.world.mediator, room=m.room("joint"), hold=True)
    with pytest.raises(HeldForReview) as waiting:
        services.message_post(actor=a, room=joint, body=HOSTILE, client_key="k", send_anyway=True)
    held = services.held_decline(actor=m.world.mediator, held=waiting.value.held)
    assert held.status == HeldMessage.Status.DECLINED
    assert messages_visible_to(participant=b, room=joint) == []
    assert AuditEvent.objects.filter(action="message.declined").count() == 1


def test_parties_cannot_moderate_and_nothing_changes(m):
    a, b = m.world.principals
    joint = m.room("joint")
    before = snapshot()
    for attempt in (
        lambda: services.room_hold_flagged(actor=a, room=joint, hold=True),
        lambda: services.room_pause(actor=a, room=joint, paused=True),
        lambda: services.participant_mute(actor=a, room=joint, participant=b, minutes=10),
    ):
        with pytest.raises(Forbidden):
            attempt()
    joint.refresh_from_db()
    assert (joint.hold_flagged, joint.paused_at) == (False, None)
    assert snapshot() == before


def test_a_paused_joint_room_is_for_the_mediator_only_until_resumed(m):
    a = m.world.principals[0]
    mediator = m.world.mediator
    joint = services.room_pause(actor=mediator, room=m.room("joint"), paused=True)
    assert not can_post(a, joint)
    with pytest.raises(Forbidden, match="not write in it now"):
        services.message_post(actor=a, room=joint, body=CALM, client_key="k")
    services.message_post(actor=mediator, room=joint, body="Let us take a break.", client_key="m")
    # The private sessions stay open meanwhile.
    services.message_post(actor=a, room=m.room("caucus:0"), body=CALM, client_key="c")
    joint = services.room_pause(actor=mediator, room=joint, paused=False)
    assert services.message_post(actor=a, room=joint, body=CALM, client_key="k").seq == 2
    assert [e.action for e in AuditEvent.objects.filter(action__startswith="room.")] == [
        "room.paused",
        "room.resumed",
    ]


def test_only_the_joint_room_pauses(m):
    with pytest.raises(InvalidInput):
        services.room_pause(actor=m.world.mediator, room=m.room("caucus:0"), paused=True)


def test_a_muted_party_cannot_write_in_the_joint_room_until_it_ends_or_is_lifted(m):
    a, b = m.world.principals
    mediator = m.world.mediator
    joint = m.room("joint")
    mute = services.participant_mute(actor=mediator, room=joint, participant=a, minutes=15)
    with pytest.raises(Forbidden):
        services.message_post(actor=a, room=joint, body=CALM, client_key="k1")
    # The others, and a's private session, are not affected.
    services.message_post(actor=b, room=joint, body=CALM, client_key="b1")
    services.message_post(actor=a, room=m.room("caucus:0"), body=CALM, client_key="c1")
    with pytest.raises(Conflict):
        services.participant_mute(actor=mediator, room=joint, participant=a, minutes=5)
    services.mute_lift(actor=mediator, mute=mute)
    assert services.message_post(actor=a, room=joint, body=CALM, client_key="k2").seq == 2
    with pytest.raises(Conflict):
        services.mute_lift(actor=mediator, mute=mute)


def test_a_mute_ends_by_itself(m, monkeypatch):
    a = m.world.principals[0]
    joint = m.room("joint")
    services.participant_mute(actor=m.world.mediator, room=joint, participant=a, minutes=5)
    later = clock.now() + dt.timedelta(minutes=6)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert services.message_post(actor=a, room=joint, body=CALM, client_key="k").seq == 1


@pytest.mark.parametrize("minutes", [0, -5, 24 * 60 + 1, True])
def test_a_mute_needs_a_sensible_length(m, minutes):
    a = m.world.principals[0]
    before = snapshot()
    with pytest.raises(InvalidInput) as refused:
        services.participant_mute(
            actor=m.world.mediator, room=m.room("joint"), participant=a, minutes=minutes
        )
    assert refused.value.field == "minutes"
    assert snapshot() == before


def test_the_mediator_cannot_be_muted(m):
    with pytest.raises(InvalidInput):
        services.participant_mute(
            actor=m.world.mediator, room=m.room("joint"), participant=m.world.mediator, minutes=5
        )


def test_the_api_returns_the_coaching_and_posts_when_sent_anyway(m):
    from django.test import Client

    a = m.world.principals[0]
    client = Client()
    client.force_login(a.user)
    url = f"/api/v1/rooms/{m.room('joint').id}/messages"
    refused = client.post(
        url, {"body": HOSTILE, "client_key": "k"}, content_type="application/json"
    )
    assert refused.status_code == 400
    body = refused.json()
    assert body["field"] == "body"
    assert "insult" in body["tone"]["reasons"]
    assert body["tone"]["suggestion"]
    assert Message.objects.count() == 0
    sent = client.post(
        url,
        {"body": HOSTILE, "client_key": "k", "send_anyway": True},
        content_type="application/json",
    )
    assert sent.status_code == 201
    assert sent.json()["body"] == HOSTILE


def test_the_api_says_a_held_post_waits_for_review(m):
    from django.test import Client

    a = m.world.principals[0]
    services.room_hold_flagged(actor=m.world.mediator, room=m.room("joint"), hold=True)
    client = Client()
    client.force_login(a.user)
    response = client.post(
        f"/api/v1/rooms/{m.room('joint').id}/messages",
        {"body": HOSTILE, "client_key": "k", "send_anyway": True},
        content_type="application/json",
    )
    assert response.status_code == 202
    assert response.json()["held"]["status"] == "pending"
    assert Message.objects.count() == 0


def test_releasing_the_same_item_twice_makes_one_release_and_a_relay_resend_one_relay(m):
    a = m.world.principals[0]
    said = services.message_post(actor=a, room=m.room("caucus:0"), body=CALM, client_key="c")
    first = services.release_grant(actor=a, message=said, mode="verbatim", target=m.room("joint"))
    again = services.release_grant(actor=a, message=said, mode="verbatim", target=m.room("joint"))
    assert again.id == first.id
    relay = services.relay_post(actor=m.world.mediator, release=first, client_key="r")
    resend = services.relay_post(actor=m.world.mediator, release=first, client_key="r")
    assert resend.id == relay.id
    assert Message.objects.filter(relay_of=first).count() == 1


def test_the_joint_room_stays_paused_while_screening_requires_separate_rooms(m):
    answer(m.world.principals[1], m.process, threats="yes", same_room="separate")
    confirm(m.world.mediator, m.process, shuttle_only=True, staggered=True, rescreen=True)
    joint = m.room("joint")
    with pytest.raises(Conflict, match="separate rooms only"):
        services.room_pause(actor=m.world.mediator, room=joint, paused=False)
    joint.refresh_from_db()
    assert joint.paused_at is not None
    assert not AuditEvent.objects.filter(action="room.resumed").exists()
