"""Guards on the live rooms' hot path, found by a hostile review: `message_post` reading the
writer's standing and mute with their row (cases.selectors.standing_questions / standing_remember,
rooms.visibility.muted_now), and a post over a socket delivered from the row it wrote
(rooms.selectors.posted_as_shown, delivery.load(posted=), consumers._post).

Each test names the promise it guards (DESIGN.md §4): a withdrawn, removed or firewalled
writer cannot post, nor can a relay carry what a departed side released, also when the
change commits while the write is being checked (`case_lock`); a stale copy of a place
neither lets someone write nor stops them; a frame reaches only the room's audience as it
stands."""

from __future__ import annotations

import pytest

from accord.cases import services as cases
from accord.cases.selectors import participations
from accord.cases.vocabulary import Role
from accord.core.errors import Conflict, Forbidden
from accord.realtime.consumers import CLOSE_FORBIDDEN
from accord.rooms import services
from accord.rooms.models import Message
from accord.rooms.visibility import can_post, can_view
from tests.cases.factories import join
from tests.races import assert_not_after, leave, pause, race, said_in_private
from tests.rooms import test_consumers as base
from tests.rooms.factories import make_mediation, named, start_process
from tests.rooms.test_consumers import frames, in_db, mediation, post, seqs

m = base.m
sockets = base.sockets

HOSTILE = "You are an idiot and a liar, you always do this!!!"


def place_of(person):
    """The person's place as a read path loads it (`participations`): a copy that remembers
    its standing per process for as long as it lives, as a socket's view holds it."""
    [place] = [p for p in participations(user=person.user, case=person.case) if p.id == person.id]
    return place


def written(room) -> list[str]:
    return list(Message.objects.filter(room=room).order_by("seq").values_list("body", flat=True))


# --- message_post: the writer's standing, read with their row under the room's lock --------


@pytest.mark.django_db
def test_a_copy_that_remembers_standing_cannot_post_once_its_side_left():
    """The socket's place remembers 'side still in'; message_post must judge the fresh row."""
    med = make_mediation(sides=3)
    a = med.world.principals[0]
    joint = med.room("joint")
    stale = place_of(a)
    assert can_post(stale, joint)  # its memo now says: side in, terms accepted
    cases.process_withdraw(actor=a, process=med.process)
    with pytest.raises(Forbidden, match=r"You cannot write in this room\."):
        services.message_post(actor=stale, room=joint, body="one last thing", client_key="k")
    assert written(joint) == []


@pytest.mark.django_db
def test_a_copy_that_remembers_missing_terms_is_not_refused_once_they_are_accepted():
    """Wrongly denied? A late party's copy remembers 'terms not accepted'; after accepting,
    the post goes through."""
    med = make_mediation()
    w = med.world
    late = join(w.mediator, w.case, Role.PRINCIPAL, w.sides[0])
    joint = med.room("joint")
    stale = place_of(late)
    assert not can_view(stale, joint)  # memo: terms missing
    cases.process_accept_confidentiality(actor=late, process=med.process)
    message = services.message_post(actor=stale, room=joint, body="Hello all", client_key="k")
    assert (message.seq, message.author_id) == (1, late.id)


@pytest.mark.django_db
def test_a_mediator_named_arbitrator_cannot_post_with_a_copy_from_before():
    """The firewall (invariant 3) on writing: a pending arbitrator place of the same person
    shuts the mediator place out, whatever its copy remembers."""
    med = make_mediation()
    w = med.world
    caucus = med.room("caucus:0")
    stale = place_of(w.mediator)
    assert can_post(stale, caucus)
    join(w.mediator, w.case, Role.ARBITRATOR, user=w.mediator.user)  # pending
    with pytest.raises(Forbidden, match=r"You cannot write in this room\."):
        services.message_post(actor=stale, room=caucus, body="What is your bottom line?",
                              client_key="k")  # fmt: skip
    assert written(caucus) == []


@pytest.mark.django_db
def test_standing_remembered_for_one_process_never_answers_for_the_next():
    """Two processes of one case: a side that left the first takes part in the second. A copy
    that remembers 'left' for the first may post in the second, and not in the first."""
    w = make_mediation(sides=3)
    c = w.world.principals[2]
    first = w.process
    first_joint = w.room("joint")
    cases.process_withdraw(actor=c, process=first)
    cases.process_end(actor=w.world.mediator, process=first, outcome="impasse")
    second = start_process(w.world, "mediation")
    second_joint = named(services.rooms_ensure(process=second))["joint"]
    assert second_joint.id != first_joint.id
    copy = place_of(c)
    assert not can_view(copy, first_joint)  # memo: left the first process
    message = services.message_post(actor=copy, room=second_joint, body="Back", client_key="k")
    assert message.room_id == second_joint.id
    with pytest.raises(Forbidden):
        services.message_post(actor=copy, room=first_joint, body="Back", client_key="k2")
    assert written(first_joint) == []


@pytest.mark.django_db
def test_a_mute_silences_its_person_in_its_room_only():
    """muted_now is asked of the locked room and the writer's row: another person's mute and
    a mute in the joint room never refuse a post elsewhere (expiry and lifting are covered
    in test_moderation)."""
    med = make_mediation()
    a, b = med.world.principals
    joint, caucus = med.room("joint"), med.room("caucus:0")
    services.participant_mute(actor=med.world.mediator, participant=a, room=joint, minutes=10)
    with pytest.raises(Forbidden):
        services.message_post(actor=a, room=joint, body="Let me speak", client_key="a1")
    services.message_post(actor=b, room=joint, body="B is not muted", client_key="b1")
    services.message_post(actor=a, room=caucus, body="Private", client_key="a2")
    assert (written(joint), written(caucus)) == (["B is not muted"], ["Private"])


# --- under concurrency: the check and the commit of one post --------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("leaving", ["withdraw", "removed"])
def test_a_post_checked_just_before_its_writer_left_does_not_land_after_the_leaving(
    monkeypatch, leaving
):
    """A withdrawn or removed writer cannot post, also when the leaving commits while their
    post is being checked: message_post takes the case's lock after the room's and before
    its checks, so the leaving waits or is seen. Under the room's lock alone, the post
    landed after the leaving on PostgreSQL (SQLite's BEGIN IMMEDIATE serialised the two)."""
    med = make_mediation(sides=3)
    a = med.world.principals[0]
    joint = med.room("joint")
    change, gone = leave(med, a, leaving)
    # _tone runs after can_post, before the row is written.
    paused = pause(monkeypatch, services, "_tone", before=True)
    outcome = race(
        lambda: services.message_post(
            actor=a, room=joint, body="My side's real offer", client_key="race"
        ),
        change,
        paused,
    )
    # Posted: it must precede the leaving, never follow it. Else refused, and nothing written.
    assert_not_after(med.world.case.id, outcome, "message.posted", gone, refusal=Forbidden)
    if "first" not in outcome:
        assert written(joint) == []


@pytest.mark.django_db(transaction=True)
def test_a_relay_checked_just_before_its_source_side_left_does_not_land_after_the_leaving(
    monkeypatch,
):
    """What a side released goes no further once the side has left, also when the
    withdrawal commits while the relay is being checked: relay_post locks the release, the
    target room, then the case, and re-reads the mediator, so the withdrawal waits, or is
    seen and the relay refused."""
    s = said_in_private()
    med, a, joint, said = s.med, s.party, s.joint, s.message
    release = services.release_grant(actor=a, message=said, mode="verbatim", target=joint)
    # _next_seq runs after every check of relay_post, before writing.
    paused = pause(monkeypatch, services, "_next_seq", before=True)
    outcome = race(
        lambda: services.relay_post(actor=med.world.mediator, release=release, client_key="carry"),
        lambda: cases.process_withdraw(actor=a, process=med.process),
        paused,
    )
    assert_not_after(
        med.world.case.id, outcome, "release.relayed", "process.side_left", refusal=Conflict
    )
    if "first" not in outcome:
        assert written(joint) == []


# --- a post over a socket, delivered from its row -------------------------------------------


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_live_post_never_reaches_a_mediator_just_named_arbitrator(sockets):
    """Accepting an arbitrator invitation publishes no access event, yet shuts the same
    person's mediator place out of every mediation room (invariant 3). A party's post over a
    socket in their private session, delivered from its row, must not reach the mediator's
    socket: the case's audit chain (participant.joined) makes it check again and close."""
    med = await mediation()
    w = med.world
    a = w.principals[0]
    caucus = med.room("caucus:0")
    party = await sockets.join(a.user, caucus.id)
    neutral = await sockets.join(w.mediator.user, caucus.id)
    await post(a, caucus, "Before")
    assert await seqs(party) == [1] and await seqs(neutral) == [1]
    await in_db(join)(w.mediator, w.case, Role.ARBITRATOR, user=w.mediator.user)
    assert await frames(neutral) == []  # no event told the socket
    secret = "Our bottom line is 40k"
    await party.send_json_to({"type": "post", "body": secret, "client_key": "after-arb"})
    got = await frames(party)
    assert [(f["kind"], f.get("seq")) for f in got] == [("message", 2), ("posted", 2)]
    assert await frames(neutral) == [{"closed": CLOSE_FORBIDDEN}]


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_flagged_post_over_a_socket_reaches_nobody_and_writes_nothing(m, sockets):
    """Over a socket there is no 'send anyway': the coach's refusal goes back to the writer
    alone, in a room that holds flagged posts too."""
    a, b = m.world.principals
    joint = m.room("joint")
    await in_db(services.room_hold_flagged)(actor=m.world.mediator, room=joint, hold=True)
    writer = await sockets.join(a.user, joint.id)
    reader = await sockets.join(b.user, joint.id)
    await writer.send_json_to({"type": "post", "body": HOSTILE, "client_key": "hot"})
    got = await frames(writer)
    assert [(f["kind"], f.get("client_key")) for f in got] == [("error", "hot")]
    assert await frames(reader) == []
    assert await in_db(Message.objects.count)() == 0


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_posts_from_two_sockets_at_once_reach_every_socket_once_in_order(m, sockets):
    """'No message came between': two sockets post at the same time from the same place in
    the room; whichever is numbered second cannot be served from its row alone."""
    a, b = m.world.principals
    joint = m.room("joint")
    one = await sockets.join(a.user, joint.id)
    two = await sockets.join(b.user, joint.id)
    three = await sockets.join(m.world.mediator.user, joint.id)
    for i in range(3):
        await one.send_json_to({"type": "post", "body": f"A {i}", "client_key": f"a{i}"})
        await two.send_json_to({"type": "post", "body": f"B {i}", "client_key": f"b{i}"})
    for socket in (one, two):
        got = await frames(socket)
        assert [f["seq"] for f in got if f["kind"] == "message"] == [1, 2, 3, 4, 5, 6]
        assert len([f for f in got if f["kind"] == "posted"]) == 3
    assert await seqs(three) == [1, 2, 3, 4, 5, 6]
