"""Sharing a position or interest where there is no mediator (negotiation): the side's notes
live in its side room, and a party of the side shares one item at a time into the joint room,
itself. It is recorded, shows where it came from, and shows as shared; nothing else of the
side's notes ever reaches the other side. In mediation the side releases to the mediator."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from accord.audit.models import AuditEvent
from accord.bargaining import selectors, services
from accord.bargaining.models import InterestShare
from accord.bargaining.vocabulary import ShareState
from accord.cases import services as cases
from accord.cases.vocabulary import Role
from accord.core.errors import Conflict, Forbidden
from accord.rooms import services as rooms
from accord.rooms.models import Message, Release, RoomKind
from accord.rooms.selectors import messages_visible_to
from tests.bargaining.factories import key, make_negotiation, make_table
from tests.cases.factories import join

pytestmark = pytest.mark.django_db

SHARED = "The children need a stable routine during the school week."
KEPT = "We could live with alternate weeks if we had to."


def record(t, person, text, kind="interest", category="need"):
    return services.interest_record(
        actor=person,
        issue=t.issues[0],
        kind=kind,
        category=category if kind == "interest" else "",
        text=text,
        client_key=key(),
    )


def snapshot():
    return (
        InterestShare.objects.count(),
        Message.objects.count(),
        Release.objects.count(),
        AuditEvent.objects.count(),
    )


def browser(participant) -> Client:
    client = Client()
    client.force_login(participant.user)
    return client


def page(t) -> str:
    url = reverse("bargaining:workspace", kwargs={"process_id": t.process.id})
    return url


def test_a_party_shares_one_item_into_the_joint_room_and_it_shows_as_shared():
    t = make_negotiation()
    mine = record(t, t.a, SHARED)
    kept = record(t, t.a, KEPT, kind="position")
    assert mine.message.room.kind == RoomKind.SIDE
    assert selectors.share_states([mine, kept]) == {
        mine.id: ShareState.PRIVATE,
        kept.id: ShareState.PRIVATE,
    }
    share = services.interest_share_joint(actor=t.a, interest=mine)
    joint = t.m.room("joint")
    assert (share.message.room_id, share.message.author_id, share.shared_by_id) == (
        joint.id,
        t.a.id,
        t.a.id,
    )
    assert share.message.body == (
        "From our notes on “Weekdays” (Why it matters to us: A need):\n" + SHARED
    )
    assert selectors.share_states([mine, kept]) == {
        mine.id: ShareState.SHARED,
        kept.id: ShareState.PRIVATE,
    }
    # The other side reads the shared item through the joint room, and nothing else.
    assert [
        s.interest_id for s in selectors.shared_with_everyone(viewer=t.b, process=t.process)
    ] == [mine.id]
    assert selectors.interests_visible_to(viewer=t.b, process=t.process) == []
    assert [m.body for m in messages_visible_to(participant=t.b, room=joint)] == [
        share.message.body
    ]
    event = AuditEvent.objects.get(action="interest.shared")
    assert event.payload == {
        "interest": str(mine.id),
        "message": str(share.message_id),
        "room": str(joint.id),
    }
    # A second submit shares nothing twice.
    before = snapshot()
    assert services.interest_share_joint(actor=t.a, interest=mine) == share
    assert snapshot() == before


def test_only_a_party_of_the_side_that_wrote_it_shares_and_a_refusal_changes_nothing():
    t = make_negotiation(advocates=True)
    mine = record(t, t.a, SHARED)
    support = join(t.a, t.m.world.case, Role.SUPPORT, t.m.world.sides[0])
    before = snapshot()
    with pytest.raises(Forbidden, match="Only the side that wrote it"):
        services.interest_share_joint(actor=t.b, interest=mine)
    with pytest.raises(Forbidden, match="Only a party of this side"):
        services.interest_share_joint(actor=t.m.world.advocates[0], interest=mine)
    with pytest.raises(Forbidden, match="Only a party or their advocate"):
        services.interest_share_joint(actor=support, interest=mine)
    assert snapshot() == before
    assert selectors.share_states([mine]) == {mine.id: ShareState.PRIVATE}


def test_in_a_negotiation_through_advocates_the_sides_advocate_shares():
    t = make_negotiation(fmt="advocates", advocates=True)
    mine = record(t, t.a, SHARED)
    before = snapshot()
    with pytest.raises(Forbidden, match="Your advocate speaks for your side"):
        services.interest_share_joint(actor=t.a, interest=mine)
    assert snapshot() == before
    advocate = t.m.world.advocates[0]
    share = services.interest_share_joint(actor=advocate, interest=mine)
    assert share.message.author_id == advocate.id and share.shared_by_id == advocate.id


def test_once_the_negotiation_has_ended_nothing_more_is_shared():
    t = make_negotiation()
    mine = record(t, t.a, SHARED)
    cases.process_withdraw(actor=t.b, process=t.process)
    before = snapshot()
    with pytest.raises(Conflict, match="not under way"):
        services.interest_share_joint(actor=t.a, interest=mine)
    assert snapshot() == before


def test_in_mediation_the_side_releases_to_the_mediator_with_the_same_states():
    t = make_table()
    mine = record(t, t.a, SHARED)
    assert mine.message.room.kind == RoomKind.CAUCUS
    before = snapshot()
    with pytest.raises(Conflict, match="let the mediator share it"):
        services.interest_share_joint(actor=t.a, interest=mine)
    assert snapshot() == before
    joint = t.m.room("joint")
    release = services.interest_share(actor=t.a, interest=mine, mode="verbatim", target=joint)
    assert selectors.share_states([mine]) == {mine.id: ShareState.ALLOWED}
    rooms.release_revoke(actor=t.a, release=release)
    assert selectors.share_states([mine]) == {mine.id: ShareState.PRIVATE}
    release = services.interest_share(actor=t.a, interest=mine, mode="verbatim", target=joint)
    rooms.relay_post(actor=t.mediator, release=release, client_key="relay-1")
    assert selectors.share_states([mine]) == {mine.id: ShareState.SHARED}
    # The joint-room list is for items the sides shared themselves.
    assert selectors.shared_with_everyone(viewer=t.b, process=t.process) == []


def test_sharing_on_the_page_and_what_each_side_sees():
    t = make_negotiation()
    mine = record(t, t.a, SHARED)
    kept = record(t, t.a, KEPT, kind="position")
    a, b = browser(t.a), browser(t.b)
    own = a.get(page(t)).content.decode()
    assert own.count("Not shared: only your side can read it.") == 2
    assert own.count("Share this with the other side") == 2
    other = b.get(page(t)).content.decode()
    assert SHARED not in other and KEPT not in other
    share_url = reverse("bargaining:interest_share", kwargs={"interest_id": mine.id})
    # The other side cannot even name the item: the same 404 as for an id that is nowhere.
    nothing = b.post(reverse("bargaining:interest_share", kwargs={"interest_id": uuid.uuid4()}))
    refused = b.post(share_url)
    assert refused.status_code == 404 and refused.content == nothing.content
    assert InterestShare.objects.count() == 0
    assert a.post(share_url).status_code == 302
    assert a.post(share_url).status_code == 302  # a double submit: still one share
    assert InterestShare.objects.count() == 1
    other = b.get(page(t)).content.decode()
    assert SHARED in other and KEPT not in other
    assert f"Shared by {t.a.user.display_name} on" in other
    assert "Share this with the other side" not in other
    own = a.get(page(t)).content.decode()
    assert "Shared with everyone: it is in the joint room." in own
    assert own.count("Share this with the other side") == 1  # the kept one only
    assert (
        f'action="{reverse("bargaining:interest_share", kwargs={"interest_id": kept.id})}"' in own
    )
