"""The sockets of one room in one process share their reads (rooms/delivery.py): one database
read per event however many sockets listen, none for the room's other sockets when the post
came over a socket, and an access check only when the case's audit chain shows a change that
is not room talk. A lost "access.changed" or "room.settings" event is still healed by the next
message event, and a socket whose person left never receives what follows."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from accord.cases import services as cases
from accord.cases.services import _audit as audit_helpers
from accord.realtime.consumers import CLOSE_FORBIDDEN
from accord.rooms import consumers, delivery, services
from accord.rooms.delivery import Batch
from tests.rooms import test_consumers as base
from tests.rooms.factories import make_mediation
from tests.rooms.test_consumers import frames, in_db, mediation, post, seqs

m = base.m
sockets = base.sockets


class Calls:
    """Counts calls to functions of the delivery path, passing them through."""

    def __init__(self, monkeypatch):
        self.counts: dict[str, int] = {}
        self.monkeypatch = monkeypatch

    def watch(self, module, name: str) -> None:
        real = getattr(module, name)

        def counted(*args, **kwargs):
            self.counts[name] = self.counts.get(name, 0) + 1
            return real(*args, **kwargs)

        self.monkeypatch.setattr(module, name, counted)

    def __getitem__(self, name: str) -> int:
        return self.counts.get(name, 0)

    def reset(self) -> None:
        self.counts.clear()


@pytest.fixture
def calls(monkeypatch):
    watched = Calls(monkeypatch)
    watched.watch(delivery, "load")
    watched.watch(delivery, "messages_shown_to")
    watched.watch(delivery, "render_missing")
    watched.watch(consumers, "_page")
    watched.watch(consumers, "_checked_view")
    return watched


# One read per event, per room and process.


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_n_sockets_in_a_room_cost_one_read_per_event(m, sockets, calls):
    a, b = m.world.principals
    mediator = m.world.mediator
    joint = m.room("joint")
    listeners = [
        await sockets.join(person.user, joint.id) for person in (a, b, mediator, b, mediator)
    ]
    calls.reset()
    first = await post(a, joint, "Pick-up at 5 on Fridays")
    got = [await frames(listener) for listener in listeners]
    assert [[f["id"] for f in frames_] for frames_ in got] == [[str(first.id)]] * 5
    assert (calls["load"], calls["messages_shown_to"]) == (1, 1)
    # Nobody read for themselves, nobody's access was checked again, nothing rendered late.
    assert (calls["_page"], calls["_checked_view"], calls["render_missing"]) == (0, 0, 0)
    calls.reset()
    for i in range(3):
        await post(b, joint, f"More {i}")
    assert [await seqs(listener) for listener in listeners] == [[2, 3, 4]] * 5
    assert calls["load"] <= 3 and calls["_page"] == 0 and calls["_checked_view"] == 0


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_post_over_a_socket_costs_the_rooms_other_sockets_no_read(m, sockets, calls):
    a, b = m.world.principals
    mediator = m.world.mediator
    joint = m.room("joint")
    poster = await sockets.join(a.user, joint.id)
    others = [await sockets.join(p.user, joint.id) for p in (b, mediator)]
    calls.reset()
    await poster.send_json_to(
        {"type": "post", "body": "Can we meet on Tuesday?", "client_key": "k1"}
    )
    mine = await frames(poster)
    assert [f["kind"] for f in mine] == ["message", "posted"]
    assert '<strong class="who">You</strong>' in mine[0]["html"]
    for listener in others:
        [frame] = await frames(listener)
        assert (frame["id"], frame["seq"]) == (mine[1]["id"], 1)
        assert '<strong class="who">You</strong>' not in frame["html"]
    # The poster's database call served everyone from the row it wrote: no read at all.
    assert (calls["load"], calls["messages_shown_to"], calls["_page"]) == (1, 0, 0)


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_the_shared_read_is_forgotten_when_the_rooms_sockets_close(m, sockets):
    a, b = m.world.principals
    joint = m.room("joint")
    one = await sockets.join(a.user, joint.id)
    two = await sockets.join(b.user, joint.id)
    await post(a, joint, "hello")
    await frames(one), await frames(two)
    feed = delivery.feed_of(joint.id)
    assert feed is not None and len(feed.listeners) == 2 and feed.latest is not None
    await one.disconnect()
    assert delivery.feed_of(joint.id) is feed and len(feed.listeners) == 1
    await two.disconnect()
    assert delivery.feed_of(joint.id) is None


# Access is checked again when the audit chain shows a change; lost events are healed.


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("posted_over", ["socket", "service"])
async def test_a_lost_access_event_closes_the_leavers_socket_and_no_other(
    sockets, monkeypatch, posted_over
):
    m = await mediation(sides=3)
    a, b, c = m.world.principals
    joint = m.room("joint")
    a_joint = await sockets.join(a.user, joint.id)
    b_joint = await sockets.join(b.user, joint.id)
    await post(a, joint, "Before anyone leaves")
    for socket in (a_joint, b_joint):
        assert await seqs(socket) == [1]
    # C joins last, so C's check is the most recent: the shared read is made as C.
    c_joint = await sockets.join(c.user, joint.id)
    monkeypatch.setattr(audit_helpers, "publish_on_commit", lambda group, event: None)
    await in_db(cases.process_withdraw)(actor=c, process=m.process)
    assert await frames(c_joint) == []  # the access.changed event was lost
    secret = "Now that C has gone: our real offer"
    if posted_over == "socket":
        await b_joint.send_json_to({"type": "post", "body": secret, "client_key": "after-c"})
    else:
        await post(b, joint, secret)
    assert await frames(c_joint) == [{"closed": CLOSE_FORBIDDEN}]
    assert await seqs(a_joint) == [2]
    got = await frames(b_joint)
    assert [(f["kind"], f.get("seq")) for f in got if f["kind"] == "message"] == [("message", 2)]


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_room_talk_never_costs_an_access_check(m, sockets, calls):
    a, b = m.world.principals
    joint = m.room("joint")
    listener = await sockets.join(b.user, joint.id)
    calls.reset()
    for i in range(4):
        await post(a, joint, f"m{i}")
    assert await seqs(listener) == [1, 2, 3, 4]
    assert calls["_checked_view"] == 0


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_lost_settings_event_is_healed_by_the_next_message(m, sockets, monkeypatch, calls):
    a = m.world.principals[0]
    mediator = m.world.mediator
    joint = m.room("joint")
    party = await sockets.join(a.user, joint.id)
    real = services.publish_on_commit

    def lossy(group, event):
        if event.get("type") != "room.settings":
            real(group, event)

    monkeypatch.setattr(services, "publish_on_commit", lossy)
    await in_db(services.room_pause)(actor=mediator, room=joint, paused=True)
    assert await frames(party) == []  # the room.settings event was lost
    calls.reset()
    await post(mediator, joint, "Let us take a break and meet each side")
    got = await frames(party)
    assert [f["kind"] for f in got] == ["room_changed", "message"]
    assert (got[0]["can_post"], got[0]["ended"]) == (False, False)
    assert "The mediator has paused this room for now." in got[0]["html"]
    assert calls["_checked_view"] == 1
    # Checked once: the next message needs no check.
    calls.reset()
    await post(mediator, joint, "Back soon")
    assert await seqs(party) == [2]
    assert calls["_checked_view"] == 0


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_sockets_joining_during_a_burst_get_every_message_once_in_order(m, sockets):
    """A socket may register while shared reads are under way (one made before its check
    cannot vouch for it): it checks or reads for itself, and misses and repeats nothing."""
    a, b = m.world.principals
    joint = m.room("joint")
    early = await sockets.join(a.user, joint.id)
    posted = [post(a, joint, f"burst {i}") for i in range(5)]
    late_join = sockets.join(b.user, joint.id, "after=0")
    results = await asyncio.gather(*posted, late_join)
    late = results[-1]
    # What came before its ready (kept in `pending`), then live: each message once, in order.
    assert await seqs(late) == [1, 2, 3, 4, 5]
    assert await seqs(early) == [1, 2, 3, 4, 5]


# The shared read's own rules.


def batch(**kwargs) -> Batch:
    values = {
        "after": 4,
        "entries": (),
        "complete": True,
        "known": 6,
        "floor": 10,
        "head": 20,
        "changed": None,
    }
    return Batch(**{**values, **kwargs})


def test_a_read_vouches_only_for_sockets_checked_after_the_last_change():
    quiet = batch()
    assert quiet.vouches_for(10) and quiet.vouches_for(15)
    assert not quiet.vouches_for(9)  # checked before the read's floor: unknown, check again
    changed = batch(changed=14)
    assert not changed.vouches_for(10) and not changed.vouches_for(13)
    assert changed.vouches_for(14) and changed.vouches_for(20)


def test_a_read_serves_an_event_only_if_made_after_its_commit_and_from_the_sockets_place():
    read = batch()
    assert read.covers(6, sent_high=4) and read.covers(5, sent_high=5)
    assert not read.covers(7, sent_high=5)  # message 7 may have committed after the read
    assert not read.covers(6, sent_high=3)  # message 4 would be missing
    unshared = batch(entries=None)
    assert unshared.covers(6, sent_high=3)  # it only carries the audit state


@pytest.mark.django_db
def test_audit_state_tells_room_talk_from_changes_of_the_audience():
    world = make_mediation(sides=3)
    a, _b, c = world.world.principals
    case_id = world.world.case.id
    start = delivery.audit_head(case_id=case_id)
    services.message_post(
        actor=a, room=world.room("joint"), body="hi", client_key=str(uuid.uuid4())
    )
    assert delivery.audit_state(case_id=case_id, after=start) == (start + 1, None)
    cases.process_withdraw(actor=c, process=world.process)
    head, changed = delivery.audit_state(case_id=case_id, after=start)
    assert changed == start + 2 and head >= changed
    assert delivery.audit_state(case_id=case_id, after=head) == (head, None)
