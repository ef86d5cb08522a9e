"""Rooms, posting, corrections, attachments, releases and relays, through the services."""

from __future__ import annotations

import pytest

from accord.audit.models import AuditEvent
from accord.cases import services as cases
from accord.core.errors import Conflict, Forbidden, InvalidInput
from accord.rooms import services
from accord.rooms.models import Attachment, Message, Release, Room
from accord.rooms.selectors import messages_visible_to, rooms_visible_to
from accord.rooms.services import Upload
from accord.rooms.visibility import can_view
from tests.cases.factories import make_world
from tests.rooms.factories import make_mediation, named, start_process

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def m():
    return make_mediation()


def post(actor, room, body, key=None, **kw):
    return services.message_post(
        actor=actor,
        room=room,
        body=body,
        client_key=key or body[:60].replace(" ", "-") or "k",
        **kw,
    )


def test_rooms_follow_kind_and_format(m):
    assert sorted(m.rooms) == ["caucus:0", "caucus:1", "joint", "neutrals", "side:0", "side:1"]
    assert services.rooms_ensure(process=m.process) and Room.objects.count() == 6  # idempotent


def test_shuttle_only_mediation_has_no_joint_room():
    world = make_world()
    process = start_process(world, "mediation", "shuttle")
    assert "joint" not in named(services.rooms_ensure(process=process))


def test_arbitration_has_a_record_and_negotiation_has_no_caucus():
    world = make_world()
    negotiation = start_process(world, "negotiation")
    assert sorted(named(services.rooms_ensure(process=negotiation))) == [
        "joint",
        "side:0",
        "side:1",
    ]


def test_each_person_sees_only_their_rooms(m):
    a, b = m.world.principals
    mediator = m.world.mediator

    def names(p):
        return sorted(
            k for k, r in m.rooms.items() if r in rooms_visible_to(participant=p, process=m.process)
        )

    assert names(a) == ["caucus:0", "joint", "side:0"]
    assert names(b) == ["caucus:1", "joint", "side:1"]
    assert names(mediator) == ["caucus:0", "caucus:1", "joint", "neutrals"]


def test_posting_is_idempotent_and_numbered(m):
    a = m.world.principals[0]
    first = post(a, m.room("joint"), "Hello", key="k1")
    again = post(a, m.room("joint"), "Hello", key="k1")
    second = post(a, m.room("joint"), "Next", key="k2")
    assert first.id == again.id
    assert (first.seq, second.seq) == (1, 2)
    assert Message.objects.count() == 2
    with pytest.raises(Conflict, match="already used for another message"):
        post(a, m.room("joint"), "Different", key="k1")
    events = list(
        AuditEvent.objects.filter(action="message.posted").values_list("payload", flat=True)
    )
    assert len(events) == 2 and "Hello" not in str(events)


def test_a_correction_is_a_new_linked_message(m):
    a = m.world.principals[0]
    original = post(a, m.room("joint"), "Pick-up at 5", key="k1")
    fixed = post(a, m.room("joint"), "Pick-up at 6", key="k2", corrects=original)
    original.refresh_from_db()
    assert (original.body, fixed.corrects_id) == ("Pick-up at 5", original.id)
    b = m.world.principals[1]
    with pytest.raises(Forbidden, match="only your own"):
        post(b, m.room("joint"), "No", key="k3", corrects=original)


def test_nobody_posts_where_they_cannot_see(m):
    b = m.world.principals[1]
    for name in ("caucus:0", "side:0", "neutrals"):
        with pytest.raises(Forbidden, match="cannot write in this room"):
            post(b, m.room(name), "psst", key=f"x-{name}")
    assert Message.objects.count() == 0


@pytest.mark.parametrize(
    ("uploads", "message"),
    [
        ([Upload("a.exe", b"MZ\x90\x00\x00")], "not a PDF, PNG, JPEG or plain-text file"),
        ([Upload("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))], "larger than 10 MB"),
        ([Upload("empty.txt", b"")], "is empty"),
        ([Upload(f"{i}.txt", b"x") for i in range(6)], "At most 5 files"),
    ],
)
def test_bad_attachments_are_refused_and_nothing_is_posted(m, uploads, message):
    a = m.world.principals[0]
    with pytest.raises(InvalidInput, match=message):
        post(a, m.room("joint"), "see attached", key="att", uploads=uploads)
    assert not Message.objects.exists() and not Attachment.objects.exists()


def test_attachments_are_content_addressed_and_downloads_audited(m):
    a, b = m.world.principals
    one = post(a, m.room("joint"), "v1", key="1", uploads=[Upload("plan.pdf", PDF)])
    two = post(a, m.room("caucus:0"), "again", key="2", uploads=[Upload("copy.pdf", PDF)])
    att1, att2 = one.attachments.get(), two.attachments.get()
    assert att1.blob_id == att2.blob_id and att1.blob.content_type == "application/pdf"
    path = services.attachment_open(actor=b, attachment=att1)
    assert path.read_bytes() == PDF
    assert AuditEvent.objects.filter(action="attachment.downloaded").count() == 1
    with pytest.raises(Forbidden):
        services.attachment_open(actor=b, attachment=att2)  # a's private session
    assert AuditEvent.objects.filter(action="attachment.downloaded").count() == 1


def test_release_and_relay_verbatim(m):
    a, b = m.world.principals
    mediator = m.world.mediator
    secret = post(a, m.room("caucus:0"), "We could accept alternate weekends.", key="s")
    assert not can_view(b, secret)
    with pytest.raises(Forbidden, match="Only the mediator"):
        services.relay_post(
            actor=b,
            release=services.release_grant(
                actor=m.world.principals[0],
                message=post(m.world.principals[0], m.room("caucus:0"), "tmp", key="t"),
                mode="gist",
                target=m.room("joint"),
            ),
            client_key="r0",
        )
    release = services.release_grant(
        actor=a, message=secret, mode="verbatim", target=m.room("caucus:1")
    )
    relay = services.relay_post(actor=mediator, release=release, client_key="r1")
    assert (relay.room, relay.body, relay.relay_of_id) == (
        m.room("caucus:1"),
        secret.body,
        release.id,
    )
    release.refresh_from_db()
    assert release.status == "used"
    with pytest.raises(Conflict, match="can no longer be taken back"):
        services.release_revoke(actor=a, release=release)
    assert [x.body for x in messages_visible_to(participant=b, room=m.room("caucus:1"))] == [
        secret.body
    ]


def test_gist_relay_uses_the_mediators_words(m):
    a = m.world.principals[0]
    secret = post(a, m.room("caucus:0"), "Bottom line 40k", key="s")
    release = services.release_grant(actor=a, message=secret, mode="gist", target=m.room("joint"))
    with pytest.raises(InvalidInput, match="own words"):
        services.relay_post(actor=m.world.mediator, release=release, client_key="r")
    relay = services.relay_post(
        actor=m.world.mediator, release=release, body="They have room to move.", client_key="r"
    )
    assert relay.body == "They have room to move."


def test_unreleased_or_revoked_items_cannot_be_relayed(m):
    a = m.world.principals[0]
    secret = post(a, m.room("caucus:0"), "private", key="s")
    release = services.release_grant(
        actor=a, message=secret, mode="verbatim", target=m.room("joint")
    )
    services.release_revoke(actor=a, release=release)
    before = Message.objects.count()
    with pytest.raises(Conflict, match="not released"):
        services.relay_post(actor=m.world.mediator, release=release, client_key="r")
    assert Message.objects.count() == before


def test_what_a_side_released_goes_no_further_once_it_has_left():
    """Leaving takes away a side's means to take a release back, so the mediator may no
    longer carry it anywhere."""
    three = make_mediation(sides=3)
    a = three.world.principals[0]
    secret = post(a, three.room("caucus:0"), "We could accept alternate weekends.", key="s")
    release = services.release_grant(
        actor=a, message=secret, mode="verbatim", target=three.room("joint")
    )
    cases.process_withdraw(actor=a, process=three.process)
    before = Message.objects.count()
    with pytest.raises(Conflict, match="has left the process"):
        services.relay_post(actor=three.world.mediator, release=release, client_key="r")
    assert Message.objects.count() == before
    release.refresh_from_db()
    assert release.status == "open"


def test_only_the_sides_principal_releases_its_own_caucus_items(m):
    a, b = m.world.principals
    secret = post(a, m.room("caucus:0"), "private", key="s")
    joint = post(a, m.room("joint"), "public", key="p")
    for actor, message in [(b, secret), (m.world.mediator, secret), (a, joint)]:
        with pytest.raises(Forbidden, match="Only a party can release"):
            services.release_grant(
                actor=actor, message=message, mode="verbatim", target=m.room("joint")
            )
    with pytest.raises(InvalidInput, match="another side's private session"):
        services.release_grant(actor=a, message=secret, mode="verbatim", target=m.room("side:1"))
    assert not Release.objects.exists()


def test_withdrawal_takes_the_room_away_at_once(m):
    a, b = m.world.principals
    world3 = m.world
    cases.process_withdraw(actor=b, process=m.process)
    assert rooms_visible_to(participant=b, process=m.process) == []
    with pytest.raises(Forbidden):
        post(a, m.room("joint"), "hello?", key="after")  # the mediation ended
    assert world3.case.id == m.process.case_id
