"""Who sees what: a role x object x action matrix, written out by hand from DESIGN.md §4 and
checked against every read path of the services and selectors (the consumer is covered in
test_consumers.py). On every refused write, nothing changes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction

from accord.audit import triggers
from accord.audit.models import AuditEvent
from accord.cases import services as cases
from accord.cases.vocabulary import Role
from accord.core.errors import AccordError, NotFound
from accord.rooms import services
from accord.rooms.models import Message, Release
from accord.rooms.selectors import (
    access_attachment,
    access_message,
    access_release,
    access_room,
    messages_visible_to,
    rooms_visible_to,
)
from accord.rooms.services import Upload
from tests.cases.factories import appoint, join, make_world
from tests.factories import make_user
from tests.rooms.factories import named, start_process

pytestmark = pytest.mark.django_db

WHO = [
    "principal_a",
    "principal_b",
    "advocate_a",
    "advocate_b",
    "support_a",
    "mediator",
    "co_mediator",
    "arbitrator",
    "observer",
    "other_mediator",
    "stranger",
    "anonymous",
    "withdrawn",
]
# Rooms of the mediation: (name, readers, writers). Written from DESIGN.md §4, not from code.
SIDE_A = {"principal_a", "advocate_a", "support_a"}
SIDE_B = {"principal_b", "advocate_b"}
MEDIATORS = {"mediator", "co_mediator"}
TABLE = {
    "joint": (SIDE_A | SIDE_B | MEDIATORS | {"observer"}, SIDE_A | SIDE_B | MEDIATORS),
    "caucus:0": (SIDE_A | MEDIATORS, SIDE_A | MEDIATORS),
    "caucus:1": (SIDE_B | MEDIATORS, SIDE_B | MEDIATORS),
    "side:0": (SIDE_A, SIDE_A),
    "side:1": (SIDE_B, SIDE_B),
    "neutrals": (MEDIATORS, MEDIATORS),
}
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker):
    """A training mediation with three sides; side C's party withdrew. Built once."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            triggers.install(connection)
            world = make_world(sides=3, advocates=False, practice=True)
            m = world.mediator
            a_side, b_side, _c_side = world.sides
            people = {
                "principal_a": world.principals[0],
                "principal_b": world.principals[1],
                "withdrawn": world.principals[2],
                "advocate_a": join(m, world.case, Role.ADVOCATE, a_side),
                "advocate_b": join(m, world.case, Role.ADVOCATE, b_side),
                "support_a": join(m, world.case, Role.SUPPORT, a_side),
                "mediator": m,
                "co_mediator": appoint(m, world.case, Role.MEDIATOR),
                "arbitrator": appoint(m, world.case, Role.ARBITRATOR),
                "observer": join(m, world.case, Role.OBSERVER),
            }
            other = make_world()
            people["other_mediator"] = other.mediator
            world.principals = [people["principal_a"], people["principal_b"], people["withdrawn"]]
            world.advocates = [
                people["advocate_a"],
                people["advocate_b"],
                people["support_a"],
                people["co_mediator"],
                people["observer"],
            ]
            process = start_process(world, "mediation")
            rooms = named(services.rooms_ensure(process=process))
            items = {}
            for name, room in rooms.items():
                writer = sorted(TABLE.get(name, (set(), {"mediator"}))[1] or {"mediator"})[0]
                if name.endswith(":2"):
                    writer = "withdrawn"
                items[name] = services.message_post(
                    actor=people[writer],
                    room=room,
                    body=f"in {name}",
                    client_key=f"seed-{name}",
                    uploads=[Upload(f"{name}.pdf", PDF)],
                )
            release = services.release_grant(
                actor=people["principal_a"],
                message=items["caucus:0"],
                mode="verbatim",
                target=rooms["caucus:1"],
            )
            cases.process_withdraw(actor=people["withdrawn"], process=process)
            yield {
                "people": people,
                "rooms": rooms,
                "items": items,
                "release": release,
                "process": process,
            }
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def user_of(scene, who):
    if who == "anonymous":
        return AnonymousUser()
    if who == "stranger":
        return make_user()
    return scene["people"][who].user


def readers(name):
    """Side C withdrew: its rooms are closed to it; the mediators keep what C told them."""
    if name == "caucus:2":
        return MEDIATORS
    return TABLE[name][0] if name in TABLE else set()


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("name", [*TABLE, "caucus:2", "side:2"])
def test_read_paths(db, scene, who, name):
    room, item = scene["rooms"][name], scene["items"][name]
    attachment = item.attachments.get()
    user = user_of(scene, who)
    allowed = who in readers(name)
    paths = [
        lambda: access_room(user=user, room_id=room.id),
        lambda: access_message(user=user, message_id=item.id),
        lambda: access_attachment(user=user, attachment_id=attachment.id),
    ]
    for path in paths:
        if allowed:
            path()
        else:
            with pytest.raises(NotFound):
                path()
    if who in scene["people"]:
        person = scene["people"][who]
        listed = room in rooms_visible_to(participant=person, process=scene["process"])
        read = item in messages_visible_to(participant=person, room=room)
        assert (listed, read) == (allowed, allowed)
        before = AuditEvent.objects.count()
        if allowed:
            assert services.attachment_open(actor=person, attachment=attachment).exists()
            assert AuditEvent.objects.count() == before + 1
        else:
            with pytest.raises(AccordError):
                services.attachment_open(actor=person, attachment=attachment)
            assert AuditEvent.objects.count() == before


@pytest.mark.parametrize("who", [w for w in WHO if w not in ("stranger", "anonymous")])
@pytest.mark.parametrize("name", list(TABLE))
def test_post(db, scene, who, name):
    person = scene["people"][who]
    room = scene["rooms"][name]
    allowed = who in TABLE[name][1]
    before = (Message.objects.count(), AuditEvent.objects.count())
    if allowed:
        services.message_post(actor=person, room=room, body="hello", client_key=f"t-{who}-{name}")
        assert Message.objects.count() == before[0] + 1
        return
    with pytest.raises(AccordError):
        services.message_post(actor=person, room=room, body="hello", client_key=f"t-{who}-{name}")
    assert (Message.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.parametrize("who", WHO)
def test_releases_are_seen_by_the_side_and_the_mediators_only(db, scene, who):
    release = scene["release"]
    user = user_of(scene, who)
    if who in SIDE_A | MEDIATORS:
        access_release(user=user, release_id=release.id)
    else:
        with pytest.raises(NotFound):
            access_release(user=user, release_id=release.id)


@pytest.mark.parametrize("who", [w for w in WHO if w in SIDE_A | SIDE_B | MEDIATORS])
def test_only_the_mediators_relay_and_only_the_sides_party_revokes(db, scene, who):
    person = scene["people"][who]
    release = scene["release"]
    before = (
        Message.objects.count(),
        AuditEvent.objects.count(),
        Release.objects.get(id=release.id).status,
    )
    if who in MEDIATORS:
        services.relay_post(actor=person, release=release, client_key=f"relay-{who}")
        assert Release.objects.get(id=release.id).status == "used"
        return
    if who == "principal_a":
        services.release_revoke(actor=person, release=release)
        assert Release.objects.get(id=release.id).status == "revoked"
        return
    with pytest.raises(AccordError):
        services.relay_post(actor=person, release=release, client_key=f"relay-{who}")
    with pytest.raises(AccordError):
        services.release_revoke(actor=person, release=release)
    assert (
        Message.objects.count(),
        AuditEvent.objects.count(),
        Release.objects.get(id=release.id).status,
    ) == before


def test_stranger_and_missing_ids_are_indistinguishable(db, scene):
    stranger = make_user()
    errors = []
    for room_id in [scene["rooms"]["caucus:0"].id, "00000000-0000-0000-0000-000000000000", "x"]:
        with pytest.raises(NotFound) as error:
            access_room(user=stranger, room_id=room_id)
        errors.append((type(error.value), error.value.message))
    assert len(set(errors)) == 1


def test_the_arbitrator_never_sees_mediation_even_after_med_arb(db, scene):
    """The same person mediated, every side consented to med-arb: once arbitrator, the
    mediation rooms are gone for them."""
    people = scene["people"]
    case = people["mediator"].case
    for key in ("principal_a", "principal_b"):
        cases.med_arb_consent_give(actor=people[key])
    from accord.cases.models import MedArbConsent, Side

    for side in Side.objects.filter(case=case).exclude(
        id__in=MedArbConsent.objects.values("side_id")
    ):
        MedArbConsent.objects.create(
            case=case, side=side, given_by=people["principal_a"], acknowledgement="t"
        )
    mediator_user = people["co_mediator"].user
    arbitrator = join(people["mediator"], case, Role.ARBITRATOR, user=mediator_user)
    cases.neutral_declare_conflicts(actor=arbitrator, related_to=[], financial_interest=False)
    arbitrator.refresh_from_db()
    assert arbitrator.status == "active"
    for name in TABLE:
        with pytest.raises(NotFound):
            access_room(user=mediator_user, room_id=scene["rooms"][name].id)
