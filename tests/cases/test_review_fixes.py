"""The defects a review proved (see the review's tests) now refused or hidden: a party who
opened the case has no power over the other sides; the arbitrator firewall holds in both
directions; a late joiner of a confidential process sees nothing before accepting its terms;
a double-submitted conflict declaration is processed once."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord.accounts import services as accounts
from accord.audit.models import AuditEvent
from accord.cases import services
from accord.cases.models import Case, ConflictDeclaration, Participant
from accord.cases.selectors import (
    Waiting,
    case_overviews,
    has_mediated,
    med_arb_consented_side_ids,
)
from accord.cases.vocabulary import ParticipantStatus, ProcessStatus, Role
from accord.core.errors import Conflict, Forbidden, NotFound
from accord.rooms import services as rooms
from accord.rooms.selectors import access_room, messages_visible_to
from accord.rooms.visibility import in_audience
from tests.cases.factories import appoint, join, make_world, with_two_factor
from tests.cases.test_api import api
from tests.cases.test_pages_intake import as_user, field_error, key, url
from tests.factories import make_user
from tests.rooms.factories import named, start_process

pytestmark = pytest.mark.django_db


def state(case: Case) -> tuple:
    """Everything a refused intake action could have changed."""
    return (
        sorted(Participant.objects.filter(case=case).values_list("id", "status", "role")),
        AuditEvent.objects.filter(case_id=case.id).count(),
        case.sides.count(),
    )


def party_opened(*, with_mediator: bool = False):
    """Party A opens a case and invites party B (and, optionally, the first mediator), as
    the intake flow has a party do before any neutral exists."""
    case, a = services.case_open(
        user=make_user(name="Party A"),
        title="Separation",
        kind="family",
        sides=["Me", "Them"],
        opener_role=Role.PRINCIPAL,
        opener_side="Me",
    )
    side_a, side_b = case.sides.order_by("position")
    b = join(a, case, Role.PRINCIPAL, side_b)
    mediator = appoint(a, case, Role.MEDIATOR) if with_mediator else None
    return case, a, b, side_a, side_b, mediator


# --- 1. the opener is a party like any other -------------------------------------------------


def test_an_advocate_who_opens_a_case_for_a_client_sets_it_up_for_that_side_only():
    case, lawyer = services.case_open(
        user=make_user(name="Family lawyer"),
        title="Separation",
        kind="family",
        sides=["My client", "Other parent"],
        opener_role=Role.ADVOCATE,
        opener_side="My client",
    )
    mine, theirs = case.sides.order_by("position")
    client = join(lawyer, case, Role.PRINCIPAL, mine)
    other = join(lawyer, case, Role.PRINCIPAL, theirs)
    assert (client.side_id, other.side_id) == (mine.id, theirs.id)
    before = state(case)
    with pytest.raises(Forbidden, match="own side only"):
        join(lawyer, case, Role.SUPPORT, theirs)
    with pytest.raises(Forbidden, match="already has a party"):
        join(lawyer, case, Role.PRINCIPAL, mine)
    with pytest.raises(Forbidden, match="may remove only"):
        services.participant_remove(actor=lawyer, participant=other)
    assert state(case) == before
    mediator = appoint(lawyer, case, Role.MEDIATOR)
    assert mediator.status == ParticipantStatus.ACTIVE


def test_a_party_opener_still_sets_up_the_case_before_any_neutral():
    _case, a, b, _side_a, side_b, mediator = party_opened(with_mediator=True)
    assert (b.role, b.side_id, b.status) == (Role.PRINCIPAL, side_b.id, ParticipantStatus.ACTIVE)
    assert (mediator.role, mediator.status) == (Role.MEDIATOR, ParticipantStatus.ACTIVE)
    assert mediator.invited_by_id == a.id


@pytest.mark.parametrize(
    ("role", "side_name", "message"),
    [
        (
            Role.SUPPORT,
            "b",
            "A party may invite an advocate or a support person for their own side only.",
        ),
        (
            Role.ADVOCATE,
            "b",
            "A party may invite an advocate or a support person for their own side only.",
        ),
        (
            Role.PRINCIPAL,
            "b",
            "This side already has a party: only the case's mediator can add another.",
        ),
        (
            Role.PRINCIPAL,
            "a",
            "This side already has a party: only the case's mediator can add another.",
        ),
        (
            Role.ARBITRATOR,
            None,
            "Only the case's mediator or coordinator can appoint this neutral.",
        ),
        (Role.EXPERT, None, "Only the case's mediator or coordinator can appoint this neutral."),
    ],
)
def test_a_party_opener_cannot_staff_the_other_side_or_pick_other_neutrals(
    role, side_name, message
):
    case, a, _b, side_a, side_b, _m = party_opened()
    side = {"a": side_a, "b": side_b, None: None}[side_name]
    before = state(case)
    with pytest.raises(Forbidden) as refused:
        services.participant_invite(
            actor=a, case=case, email="friend@example.org", role=role, side=side
        )
    assert refused.value.message == message
    assert state(case) == before


def test_once_a_mediator_runs_the_case_parties_no_longer_invite_parties_or_neutrals():
    case, a, b, _side_a, _side_b, _m = party_opened(with_mediator=True)
    third = services.side_add(
        actor=case.participants.get(role=Role.MEDIATOR), case=case, label="Grandparents"
    )
    before = state(case)
    for actor, role, side, message in [
        (a, Role.PRINCIPAL, third, "The case's mediator or coordinator invites the other parties."),
        (
            b,
            Role.MEDIATOR,
            None,
            "This case already has a mediator or coordinator, or an invitation to one: they "
            "appoint any other neutral.",
        ),
        (a, Role.COORDINATOR, None, None),
    ]:
        with pytest.raises(Forbidden) as refused:
            services.participant_invite(
                actor=actor, case=case, email="x@example.org", role=role, side=side
            )
        if message:
            assert refused.value.message == message
    assert state(case) == before


def test_a_party_who_did_not_open_the_case_has_the_same_powers():
    case, _a, b, _side_a, side_b, _m = party_opened()
    helper, _issued = services.participant_invite(
        actor=b, case=case, email="friend@example.org", role=Role.SUPPORT, side=side_b
    )
    assert (helper.side_id, helper.status) == (side_b.id, ParticipantStatus.INVITED)
    mediator, _issued = services.participant_invite(
        actor=b, case=case, email="med@example.org", role=Role.MEDIATOR
    )
    assert mediator.status == ParticipantStatus.INVITED


def test_the_review_scenario_a_cannot_plant_a_reader_in_bs_side_room():
    case, a, b, _side_a, side_b, _m = party_opened()
    before = state(case)
    with pytest.raises(Forbidden):
        join(a, case, Role.SUPPORT, side_b)
    assert state(case) == before
    # B's own lawyer stays; A cannot remove them.
    b_lawyer = join(b, case, Role.ADVOCATE, side_b)
    before = state(case)
    with pytest.raises(Forbidden) as refused:
        services.participant_remove(actor=a, participant=b_lawyer)
    assert refused.value.message.startswith(
        "A party may remove only their own side's advocate or support person"
    )
    assert state(case) == before
    b_lawyer.refresh_from_db()
    assert b_lawyer.status == ParticipantStatus.ACTIVE


def test_a_party_cannot_remove_the_other_party_or_the_mediator_they_appointed():
    case, a, b, _side_a, _side_b, mediator = party_opened(with_mediator=True)
    for person in (b, mediator):
        before = state(case)
        with pytest.raises(Forbidden) as refused:
            services.participant_remove(actor=a, participant=person)
        assert "Ask the mediator for anything else." in refused.value.message
        assert state(case) == before
        person.refresh_from_db()
        assert person.status == ParticipantStatus.ACTIVE


def test_a_party_removes_their_own_helper_and_takes_back_an_unused_invitation():
    case, a, b, side_a, _side_b, mediator = party_opened(with_mediator=True)
    own_lawyer = join(a, case, Role.ADVOCATE, side_a)
    services.participant_remove(actor=a, participant=own_lawyer)
    own_lawyer.refresh_from_db()
    assert own_lawyer.status == ParticipantStatus.REMOVED
    mistyped, _issued = services.participant_invite(
        actor=a, case=case, email="typo@exmaple.org", role=Role.SUPPORT, side=side_a
    )
    services.participant_remove(actor=a, participant=mistyped)
    mistyped.refresh_from_db()
    assert mistyped.status == ParticipantStatus.REMOVED
    # B's own invitation is B's to take back, not A's.
    b_helper, _issued = services.participant_invite(
        actor=b, case=case, email="bs-friend@example.org", role=Role.SUPPORT, side=b.side
    )
    before = state(case)
    with pytest.raises(Forbidden):
        services.participant_remove(actor=a, participant=b_helper)
    assert state(case) == before
    # The mediator still removes anyone.
    services.participant_remove(actor=mediator, participant=b_helper)
    b_helper.refresh_from_db()
    assert b_helper.status == ParticipantStatus.REMOVED


def test_a_planted_advocate_can_no_longer_bind_the_other_side_to_arbitration():
    case, a, _b, _side_a, side_b, _m = party_opened()
    before = state(case)
    with pytest.raises(Forbidden):
        join(a, case, Role.ADVOCATE, side_b)
    with pytest.raises(Forbidden):
        appoint(a, case, Role.ARBITRATOR)
    assert state(case) == before


def test_other_peoples_addresses_are_for_the_mediator_only_in_the_api():
    case, a, b, _side_a, _side_b, mediator = party_opened(with_mediator=True)
    as_party = api(a).get(f"/cases/{case.id}").json()
    shown = {p["id"]: p["email"] for p in as_party["participants"]}
    assert shown[str(a.id)] == a.user.email
    assert shown[str(b.id)] is None and shown[str(mediator.id)] is None
    as_mediator = api(mediator).get(f"/cases/{case.id}").json()
    assert {p["email"] for p in as_mediator["participants"]} == {
        a.user.email,
        b.user.email,
        mediator.user.email,
    }


def test_other_peoples_addresses_are_for_the_mediator_only_on_the_pages(client):
    case, a, b, _side_a, _side_b, mediator = party_opened(with_mediator=True)
    as_user(client, a)
    for name in ("case", "people"):
        body = client.get(url(name, case_id=case.id)).content.decode()
        assert a.user.email in body
        assert b.user.email not in body
        assert mediator.user.email not in body
    as_user(client, mediator)
    for name in ("case", "people"):
        body = client.get(url(name, case_id=case.id)).content.decode()
        assert b.user.email in body and a.user.email in body


def test_the_people_page_offers_a_party_the_set_up_steps_only_while_nobody_runs_the_case(client):
    case, a = services.case_open(
        user=make_user(),
        title="Fence",
        kind="neighbour",
        sides=["North", "South"],
        opener_role=Role.PRINCIPAL,
        opener_side="North",
    )
    _north, south = case.sides.order_by("position")
    as_user(client, a)
    body = client.get(url("people", case_id=case.id)).content.decode()
    assert 'value="principal"' in body
    assert south.label in re.search(r'<select name="side".*?</select>', body, re.S)[0]
    appointing = body[body.index(url("appoint", case_id=case.id)) :]
    assert 'value="mediator"' in appointing and 'value="coordinator"' in appointing
    assert 'value="arbitrator"' not in body and 'value="expert"' not in body
    assert url("side_add", case_id=case.id) not in body

    # Inviting the other party through the page works, and A sees the address they typed.
    response = client.post(
        url("invite", case_id=case.id),
        {
            "email": "south@example.org",
            "role": "principal",
            "side": str(south.id),
            "submission": key(),
        },
    )
    assert response["Location"] == url("people", case_id=case.id)
    body = client.get(url("people", case_id=case.id)).content.decode()
    assert "south@example.org" in body
    assert 'value="principal"' not in body  # every side has its party now

    # A support person for South is refused next to the form; nothing changed.
    before = state(case)
    refused = client.post(
        url("invite", case_id=case.id),
        {"email": "spy@example.org", "role": "support", "side": str(south.id), "submission": key()},
    )
    assert refused.status_code == 200
    assert "Select a valid choice" in field_error(refused, "side")
    assert "spy@example.org" in refused.content.decode()  # what they typed is kept
    assert state(case) == before

    # An arbitrator cannot be chosen on the appointment form by a party.
    refused = client.post(
        url("appoint", case_id=case.id),
        {"email": "arb@example.org", "role": "arbitrator", "submission": key()},
    )
    assert "Select a valid choice" in field_error(refused, "role")
    assert state(case) == before


# --- 2. the arbitrator firewall, both ways -------------------------------------------------


ARBITRATING = (
    "This person is an arbitrator in this case, so they cannot also mediate or coordinate it."
)


@pytest.mark.parametrize("role", [Role.MEDIATOR, Role.COORDINATOR])
def test_a_sitting_arbitrator_cannot_be_appointed_to_facilitate(role):
    w = make_world()
    person = with_two_factor(make_user(name="Neutral N"))
    arbitrator = appoint(w.mediator, w.case, Role.ARBITRATOR, user=person)
    assert arbitrator.status == ParticipantStatus.ACTIVE
    before = state(w.case)
    with pytest.raises(Forbidden) as refused:
        services.participant_invite(actor=w.mediator, case=w.case, email=person.email, role=role)
    assert refused.value.message == ARBITRATING
    assert state(w.case) == before


def test_an_invitation_to_mediate_is_refused_once_the_person_arbitrates():
    """Invited to mediate first, appointed arbitrator before using the link: the link is
    refused and stays unused."""
    w = make_world()
    person = with_two_factor(make_user(name="Neutral N"))
    place, issued = services.participant_invite(
        actor=w.mediator, case=w.case, email=person.email, role=Role.MEDIATOR
    )
    appoint(w.mediator, w.case, Role.ARBITRATOR, user=person)
    before = state(w.case)
    with pytest.raises(Forbidden) as refused:
        accounts.magic_link_consume(token=issued.token)
    assert refused.value.message == ARBITRATING
    place.refresh_from_db()
    assert (place.status, place.user_id) == (ParticipantStatus.INVITED, None)
    assert state(w.case) == before


def test_a_pending_mediator_cannot_take_effect_while_arbitrating():
    w = make_world()
    person = with_two_factor(make_user(name="Neutral N"))
    mediator = join(w.mediator, w.case, Role.MEDIATOR, user=person)  # pending, not declared
    # Having accepted the mediator's place, they need med-arb consent to arbitrate...
    arbitrator = appoint(w.mediator, w.case, Role.ARBITRATOR, user=person)
    assert arbitrator.status == ParticipantStatus.PENDING
    # ...and while that arbitrator place is pending, the mediator's cannot take effect.
    services.neutral_declare_conflicts(actor=mediator, related_to=[], financial_interest=False)
    mediator.refresh_from_db()
    assert mediator.status == ParticipantStatus.PENDING
    with pytest.raises(Forbidden) as refused:
        services.neutral_take_effect(actor=mediator)
    assert refused.value.message == ARBITRATING
    mediator.refresh_from_db()
    assert mediator.status == ParticipantStatus.PENDING


def test_a_mediator_named_arbitrator_loses_every_mediation_room_at_once():
    """Appointed arbitrator while mediating (pending until every side consents to med-arb):
    from that moment the mediator place opens no room of the mediation."""
    w = make_world()
    process = start_process(w, "mediation")
    rs = named(rooms.rooms_ensure(process=process))
    rooms.message_post(actor=w.principals[0], room=rs["caucus:0"], body="bottom line 40k",
                       client_key="c1")  # fmt: skip
    for name in ("joint", "caucus:0", "caucus:1", "neutrals"):
        assert in_audience(w.mediator, rs[name])
    pending = join(w.mediator, w.case, Role.ARBITRATOR, user=w.mediator.user)
    assert pending.status == ParticipantStatus.PENDING
    w.mediator.refresh_from_db()
    for name in ("joint", "caucus:0", "caucus:1", "neutrals"):
        assert not in_audience(w.mediator, rs[name])
        with pytest.raises(NotFound):
            access_room(user=w.mediator.user, room_id=rs[name].id)
    # The parties keep their rooms.
    assert in_audience(w.principals[0], rs["caucus:0"])


def test_a_coordinator_who_becomes_arbitrator_needs_every_sides_med_arb_consent():
    w = make_world()
    person = with_two_factor(make_user(name="Coordinator C"))
    coordinator = appoint(w.mediator, w.case, Role.COORDINATOR, user=person)
    assert has_mediated(case=w.case, user_id=person.id)
    arbitrator = appoint(w.mediator, w.case, Role.ARBITRATOR, user=person)
    assert arbitrator.status == ParticipantStatus.PENDING
    assert med_arb_consented_side_ids(w.case) == set()
    with pytest.raises(Forbidden) as refused:
        services.neutral_take_effect(actor=arbitrator)
    assert refused.value.message == (
        "This person mediated or coordinated in this case: every side must first record "
        "informed consent to med-arb."
    )
    arbitrator.refresh_from_db()
    coordinator.refresh_from_db()
    assert (arbitrator.status, coordinator.status) == ("pending", "active")
    # The parties are asked for their consent, as for a mediator.
    overview = case_overviews(user=w.principals[0].user, case=w.case)[0]
    assert Waiting.MED_ARB_CONSENT in [item.kind for item in overview.waiting]
    for p in w.principals:
        services.med_arb_consent_give(actor=p)
    services.neutral_take_effect(actor=arbitrator)
    coordinator.refresh_from_db()
    assert coordinator.status == ParticipantStatus.REMOVED  # the firewall ends the other place


def test_the_audience_rule_costs_one_query_at_most():
    w = make_world(advocates=True)
    process = start_process(w, "mediation")
    rs = named(rooms.rooms_ensure(process=process))
    for who in (w.mediator, w.principals[0], w.advocates[1]):
        for name in ("joint", "caucus:0", "side:1", "neutrals"):
            with CaptureQueriesContext(connection) as queries:
                in_audience(who, rs[name])
            assert len(queries) <= 1, (who.role, name, [q["sql"] for q in queries])


# --- 3. confidentiality terms before seeing a confidential process ------------------------


def test_a_late_joiner_sees_nothing_until_they_accept_the_terms():
    w = make_world()
    process = start_process(w, "mediation")
    rs = named(rooms.rooms_ensure(process=process))
    rooms.message_post(actor=w.principals[1], room=rs["caucus:1"], body="our real limit",
                       client_key="c1")  # fmt: skip
    lawyer = join(w.mediator, w.case, Role.ADVOCATE, w.sides[1])
    for name in ("joint", "caucus:1", "side:1"):
        with pytest.raises(NotFound):
            access_room(user=lawyer.user, room_id=rs[name].id)
    # The dashboard shows them the step, while the mediation runs.
    overview = case_overviews(user=lawyer.user, case=w.case)[0]
    assert [(i.kind, i.process) for i in overview.needs_me] == [(Waiting.ACCEPT_TERMS, process)]
    services.process_accept_confidentiality(actor=lawyer, process=process)
    room, viewer = access_room(user=lawyer.user, room_id=rs["caucus:1"].id)
    assert [m.body for m in messages_visible_to(participant=viewer, room=room)] == [
        "our real limit"
    ]


def test_a_late_co_mediator_accepts_the_terms_before_hearing_any_caucus():
    w = make_world()
    process = start_process(w, "mediation")
    rs = named(rooms.rooms_ensure(process=process))
    co = appoint(w.mediator, w.case, Role.MEDIATOR)
    assert co.status == ParticipantStatus.ACTIVE
    assert not in_audience(co, rs["caucus:0"]) and not in_audience(co, rs["neutrals"])
    services.process_accept_confidentiality(actor=co, process=process)
    assert in_audience(co, rs["caucus:0"]) and in_audience(co, rs["neutrals"])


def test_a_process_without_terms_needs_no_acceptance():
    w = make_world()
    process = start_process(w, "negotiation")
    assert process.status == ProcessStatus.ACTIVE
    rs = named(rooms.rooms_ensure(process=process))
    lawyer = join(w.mediator, w.case, Role.ADVOCATE, w.sides[0])
    access_room(user=lawyer.user, room_id=rs["joint"].id)


# --- 4. a conflict declaration submitted twice -----------------------------------------------


def test_a_double_submitted_declaration_is_recorded_and_takes_effect_once():
    w = make_world()
    neutral = join(w.mediator, w.case, Role.EXPERT, user=with_two_factor(make_user()))
    first_read = Participant.objects.get(id=neutral.id)
    second_read = Participant.objects.get(id=neutral.id)  # both read PENDING
    services.neutral_declare_conflicts(actor=first_read, related_to=[], financial_interest=False)
    before = state(w.case)
    with pytest.raises(Conflict) as refused:
        services.neutral_declare_conflicts(
            actor=second_read, related_to=[], financial_interest=False
        )
    assert refused.value.message == "You have already made this declaration."
    assert state(w.case) == before
    assert ConflictDeclaration.objects.filter(participant_id=neutral.id).count() == 1
    appointed = AuditEvent.objects.filter(
        case_id=w.case.id, action="neutral.appointed", object_id=str(neutral.id)
    )
    assert appointed.count() == 1


def test_a_racing_declaration_is_judged_on_the_fresh_row():
    """The second submission declares a conflict, read while the place was still pending:
    it is judged on the locked, fresh row (now in effect), so it declines the place once."""
    w = make_world()
    neutral = join(w.mediator, w.case, Role.EXPERT, user=with_two_factor(make_user()))
    stale = Participant.objects.get(id=neutral.id)
    services.neutral_declare_conflicts(actor=neutral, related_to=[], financial_interest=False)
    services.neutral_declare_conflicts(actor=stale, related_to=[], financial_interest=True)
    neutral.refresh_from_db()
    assert neutral.status == ParticipantStatus.DECLINED
    actions = list(
        AuditEvent.objects.filter(case_id=w.case.id, object_id=str(neutral.id))
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions.count("neutral.appointed") == 1
    assert actions.count("neutral.not_appointed") == 1
