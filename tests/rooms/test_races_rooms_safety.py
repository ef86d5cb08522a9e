"""Check-then-act races in rooms (releases, moderation, held posts) and safety (response
requests, reminders).

Nothing a withdrawal or a removal forbids lands after it: a person who left does not
release, moderate or ask, and a side that left is neither reminded nor recorded as not
answering. What holds it: each service takes the case's lock (`case_lock`) after its own
rows and before its checks, and re-reads the actor; reminders ask `request_stands` again
under the request's lock. Each test pauses one service between its checks and its write
(the harness: tests/races.py) and commits the change from another thread meanwhile. SQLite
(BEGIN IMMEDIATE) hides a race inside a transaction: run them on PostgreSQL too
(DATABASE_URL=postgres://...)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from accord.cases import services as cases
from accord.cases.vocabulary import Role
from accord.core import clock
from accord.core.errors import Conflict
from accord.rooms import services
from accord.rooms.models import HeldMessage, Message, Mute, Release
from accord.safety import services as safety
from accord.safety.models import NonResponse, ResponseRequest
from tests.cases.factories import appoint
from tests.races import actions, assert_not_after, leave, pause, race, said_in_private
from tests.rooms.factories import make_mediation

HOSTILE = "You are an idiot and a liar, you always do this!!!"


# --- rooms -----------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("leaving", ["withdraw", "removed"])
def test_a_release_granted_as_its_granter_left_does_not_land_after_the_leaving(
    monkeypatch, leaving
):
    """A party who left can no longer let their side's private words out: release_grant
    judges the granter afresh under the message's lock and the case's, so the leaving
    waits or is seen. It checked them before its transaction, and the release landed after
    the leaving on both databases."""
    s = said_in_private()
    med, a, joint, said = s.med, s.party, s.joint, s.message
    change, gone = leave(med, a, leaving)
    paused = pause(monkeypatch, services, "can_view")
    outcome = race(
        lambda: services.release_grant(actor=a, message=said, mode="verbatim", target=joint),
        change,
        paused,
    )
    assert_not_after(med.world.case.id, outcome, "release.granted", gone)
    if "first" not in outcome:
        assert not Release.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("leaving", ["withdraw", "removed"])
def test_a_held_post_approved_as_its_writer_left_does_not_land_after_the_leaving(
    monkeypatch, leaving
):
    """held_approve posts in the writer's name only while they are still in the room:
    `_moderator` locks the room, then the case, and the held row and its writer are read
    after, so a withdrawal or removal waits or is seen. Under the room's and the held row's
    locks alone, the words reached the others after the writer left (PostgreSQL)."""
    med = make_mediation(sides=3)
    a = med.world.principals[0]
    joint = med.room("joint")
    services.room_hold_flagged(actor=med.world.mediator, room=joint, hold=True)
    with pytest.raises(services.HeldForReview):
        services.message_post(actor=a, room=joint, body=HOSTILE, client_key="h", send_anyway=True)
    held = HeldMessage.objects.get(author=a)
    change, gone = leave(med, a, leaving)
    paused = pause(monkeypatch, services, "_append", before=True)
    outcome = race(
        lambda: services.held_approve(actor=med.world.mediator, held=held),
        change,
        paused,
    )
    assert_not_after(med.world.case.id, outcome, "message.approved", gone)
    if "first" not in outcome:
        assert not Message.objects.filter(room=joint).exists()


@pytest.mark.django_db(transaction=True)
def test_a_mute_checked_as_its_mediator_was_removed_does_not_land_after_the_removal(
    monkeypatch,
):
    """Moderation is the mediator's alone, also while a co-mediator removes them: `_moderator`
    (mute, pause, hold, lift, approve, decline) locks the room, then the case, then reads the
    mediator. Reading them with no case lock, a removed mediator still muted a party after
    the removal (PostgreSQL)."""
    med = make_mediation(sides=3)
    w = med.world
    co = appoint(w.mediator, w.case, Role.MEDIATOR)
    cases.process_accept_confidentiality(actor=co, process=med.process)
    joint = med.room("joint")
    a = w.principals[0]
    paused = pause(monkeypatch, services, "is_muted")
    outcome = race(
        lambda: services.participant_mute(actor=w.mediator, room=joint, participant=a, minutes=10),
        lambda: cases.participant_remove(actor=co, participant=w.mediator),
        paused,
    )
    assert_not_after(w.case.id, outcome, "participant.muted", "participant.removed")
    if "first" not in outcome:
        assert not Mute.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_release_revoked_while_it_is_relayed_is_either_relayed_or_taken_back(monkeypatch):
    """A release is never both relayed and taken back: relay_post and release_revoke both
    lock the release row first, so one waits for the other."""
    s = said_in_private()
    med, a, joint, said = s.med, s.party, s.joint, s.message
    release = services.release_grant(actor=a, message=said, mode="verbatim", target=joint)
    paused = pause(monkeypatch, services, "_next_seq", before=True)
    outcome = race(
        lambda: services.relay_post(actor=med.world.mediator, release=release, client_key="c"),
        lambda: services.release_revoke(actor=a, release=release),
        paused,
    )
    status = Release.objects.get(id=release.id).status
    relayed = Message.objects.filter(room=joint, relay_of=release).exists()
    assert (status, relayed) in {(Release.Status.USED, True), (Release.Status.REVOKED, False)}
    assert ("first" in outcome) == relayed and ("second" in outcome) != relayed, outcome
    if relayed:
        assert isinstance(outcome["second_refused"], Conflict)


# --- safety: response requests ---------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_request_asked_as_its_asker_withdrew_does_not_land_after_the_withdrawal(
    monkeypatch,
):
    """A party who withdrew asks nothing more of anyone: request_ask locks the room, then
    the case, then re-reads the asker, so the withdrawal waits or is seen. Under the room's
    lock alone, the other side was asked by someone who had left (PostgreSQL)."""
    med = make_mediation(sides=3)
    a = med.world.principals[0]
    paused = pause(monkeypatch, safety, "check_ask_response")
    outcome = race(
        lambda: safety.request_ask(
            actor=a,
            room=med.room("joint"),
            side=med.world.sides[1],
            topic="the holiday plan",
            due_at=clock.now() + dt.timedelta(hours=48),
            client_key="ask",
        ),
        lambda: cases.process_withdraw(actor=a, process=med.process),
        paused,
    )
    assert_not_after(med.world.case.id, outcome, "response_request.asked", "process.side_left")
    if "first" not in outcome:
        assert not ResponseRequest.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("due", ["soon", "missed"])
def test_a_side_that_withdrew_as_reminders_ran_is_neither_reminded_nor_recorded(monkeypatch, due):
    """A side that left is never reminded nor recorded as not answering (`_still_asked`),
    also when it withdraws after reminders_send listed what is due: under the request's lock
    each reminder asks `request_stands` (and who is asked) again, and a missed date also
    takes the case's lock. Asking only whether the request was open, both databases sent the
    reminder or recorded the non-response after the side had left."""
    med = make_mediation(sides=3)
    w = med.world
    asked = w.principals[1]
    due_at = clock.now() + dt.timedelta(hours=48)
    request = safety.request_ask(
        actor=w.principals[0],
        room=med.room("joint"),
        side=w.sides[1],
        topic="the holiday plan",
        due_at=due_at,
        client_key="ask",
    )
    mail.outbox.clear()
    if due == "soon":
        paused = pause(monkeypatch, safety, "members_asked")
        moment = due_at - dt.timedelta(hours=12)
    else:
        paused = pause(monkeypatch, safety, "requests_overdue")
        moment = due_at + dt.timedelta(hours=1)
    race(
        lambda: safety.reminders_send(now=moment),
        lambda: cases.process_withdraw(actor=asked, process=med.process),
        paused,
    )
    assert "process.side_left" in actions(w.case.id)
    assert [m.to for m in mail.outbox if asked.user.email in m.to] == []
    assert not NonResponse.objects.filter(request=request).exists()
    assert "response_request.missed" not in actions(w.case.id)


@pytest.mark.django_db(transaction=True)
def test_a_release_granted_while_a_post_lands_in_its_target_room_lets_both_land(monkeypatch):
    """A release and a post in its target room both land, neither deadlocked: the release,
    under the case's lock, inserts a row whose foreign key checks the room (FOR KEY SHARE on
    PostgreSQL) while the post holds the room and waits for the case's lock; rooms are locked
    FOR NO KEY UPDATE, which that check does not wait for."""
    s = said_in_private()
    med, a, joint, said = s.med, s.party, s.joint, s.message
    b = med.world.principals[1]
    paused = pause(monkeypatch, services, "can_view")
    outcome = race(
        lambda: services.release_grant(actor=a, message=said, mode="verbatim", target=joint),
        lambda: services.message_post(actor=b, room=joint, body="Shall we start?", client_key="b"),
        paused,
    )
    assert "first" in outcome and "second" in outcome, outcome
    assert Release.objects.filter(message=said, target=joint).exists()
