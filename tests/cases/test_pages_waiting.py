"""The selector behind the dashboard: what each case waits on from the person looking.

(Kept beside the page tests it serves; it tests `selectors.case_overviews` directly.)
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord.cases import services
from accord.cases.rules import rules_for
from accord.cases.selectors import Waiting, case_overviews
from accord.cases.services.processes import start_blockers
from accord.cases.vocabulary import ParticipantStatus, Role
from tests.cases.factories import join, make_world, with_two_factor
from tests.factories import make_user
from tests.safety.factories import answer, confirm, screen

pytestmark = pytest.mark.django_db


def kinds(user, process=None):
    """The user's waiting kinds, in order, optionally only those about one process."""
    return [
        item.kind
        for overview in case_overviews(user=user)
        for item in overview.waiting
        if process is None or (item.process is not None and item.process.id == process.id)
    ]


def may_start_now(user, process):
    return Waiting.START in kinds(user, process)


def test_someone_in_no_case_has_nothing():
    assert case_overviews(user=make_user()) == []


def test_a_new_neutral_is_walked_through_the_appointment():
    world = make_world()
    user = make_user()
    neutral = join(world.mediator, world.case, Role.EXPERT, user=user)
    assert neutral.status == ParticipantStatus.PENDING
    assert kinds(user) == [Waiting.DECLARE_CONFLICTS]
    services.neutral_declare_conflicts(actor=neutral, related_to=[], financial_interest=False)
    assert kinds(user) == [Waiting.TWO_FACTOR]
    with_two_factor(user)
    assert kinds(user) == [Waiting.TAKE_UP_APPOINTMENT]
    services.neutral_take_effect(actor=neutral)
    assert kinds(user) == []


def test_a_neutral_who_declares_a_conflict_leaves_the_dashboard():
    world = make_world()
    user = with_two_factor(make_user())
    neutral = join(world.mediator, world.case, Role.EXPERT, user=user)
    services.neutral_declare_conflicts(
        actor=neutral, related_to=[world.principals[0]], financial_interest=False
    )
    assert case_overviews(user=user) == []


def test_a_proposed_mediation_asks_each_person_for_their_part():
    world = make_world()
    a, b = world.principals
    mediator = world.mediator
    process = services.process_propose(actor=a, case=world.case, kind="mediation")
    # A proposed it, so A's side consented; everyone still has the terms to accept, and each
    # party their private safety answers.
    assert kinds(a.user, process) == [Waiting.ACCEPT_TERMS, Waiting.SCREENING_ANSWER]
    assert kinds(b.user, process) == [
        Waiting.CONSENT,
        Waiting.ACCEPT_TERMS,
        Waiting.SCREENING_ANSWER,
    ]
    assert kinds(mediator.user, process) == [Waiting.ACCEPT_TERMS]

    services.process_consent(actor=b, process=process)
    for person in (a, b):
        services.process_accept_confidentiality(actor=person, process=process)
    answer(a, process)
    assert kinds(a.user, process) == [Waiting.OTHERS]
    assert kinds(b.user, process) == [Waiting.SCREENING_ANSWER]
    # The neutral reviews once every party has answered, not before.
    assert kinds(mediator.user, process) == [Waiting.ACCEPT_TERMS]
    answer(b, process)
    assert kinds(b.user, process) == [Waiting.OTHERS]
    assert kinds(mediator.user, process) == [Waiting.ACCEPT_TERMS, Waiting.SCREENING_REVIEW]

    services.process_accept_confidentiality(actor=mediator, process=process)
    assert kinds(mediator.user, process) == [Waiting.SCREENING_REVIEW]
    assert start_blockers(process)  # screening is not complete
    confirm(mediator, process)
    assert start_blockers(process) == []
    assert kinds(mediator.user, process) == [Waiting.START]
    assert kinds(a.user, process) == [Waiting.OTHERS]  # only the mediator starts a mediation

    services.process_start(actor=mediator, process=process)
    assert kinds(a.user) == kinds(b.user) == kinds(mediator.user) == []


def test_someone_who_joins_a_running_mediation_must_accept_the_terms():
    world = make_world()
    a, b = world.principals
    process = services.process_propose(actor=a, case=world.case, kind="mediation")
    services.process_consent(actor=b, process=process)
    for person in (a, b, world.mediator):
        services.process_accept_confidentiality(actor=person, process=process)
    screen(process)
    services.process_start(actor=world.mediator, process=process)
    lawyer = join(world.mediator, world.case, Role.ADVOCATE, world.sides[0])
    assert kinds(lawyer.user) == [Waiting.ACCEPT_TERMS]
    services.process_accept_confidentiality(actor=lawyer, process=process)
    assert kinds(lawyer.user) == []


def test_negotiation_asks_each_side_to_choose_and_to_agree():
    world = make_world()
    a, b = world.principals
    process = services.process_propose(actor=a, case=world.case, kind="negotiation")
    assert kinds(a.user, process) == [Waiting.CHOOSE_CONFIDENTIALITY]
    assert kinds(b.user, process) == [Waiting.CONSENT, Waiting.CHOOSE_CONFIDENTIALITY]
    assert kinds(world.mediator.user, process) == []  # a mediator takes no part in it

    services.process_consent(actor=b, process=process)
    services.process_choose_confidentiality(actor=a, process=process, confidential=True)
    services.process_choose_confidentiality(actor=b, process=process, confidential=False)
    assert kinds(a.user, process) == [Waiting.AGREE_ON_CONFIDENTIALITY]
    assert kinds(b.user, process) == [Waiting.AGREE_ON_CONFIDENTIALITY]
    assert not may_start_now(a.user, process)

    services.process_choose_confidentiality(actor=b, process=process, confidential=True)
    assert start_blockers(process) == []
    assert kinds(a.user, process) == [Waiting.START]  # a party starts a negotiation
    assert kinds(b.user, process) == [Waiting.START]


def test_a_side_that_declined_is_asked_nothing_more():
    world = make_world(sides=3)
    a, b, c = world.principals
    process = services.process_propose(actor=a, case=world.case, kind="negotiation")
    services.process_withdraw(actor=c, process=process)  # declining cancels the proposal
    assert kinds(c.user, process) == []
    assert kinds(b.user, process) == []


def test_med_arb_waits_on_every_side_then_on_the_neutral():
    world = make_world()
    a, b = world.principals
    mediator_user = world.mediator.user
    arbitrator = join(world.mediator, world.case, Role.ARBITRATOR, user=mediator_user)
    services.neutral_declare_conflicts(actor=arbitrator, related_to=[], financial_interest=False)
    arbitrator.refresh_from_db()
    assert arbitrator.status == ParticipantStatus.PENDING
    assert kinds(a.user) == kinds(b.user) == [Waiting.MED_ARB_CONSENT]
    assert kinds(mediator_user) == [Waiting.OTHERS]

    services.med_arb_consent_give(actor=a)
    assert kinds(a.user) == []
    assert kinds(b.user) == [Waiting.MED_ARB_CONSENT]
    services.med_arb_consent_give(actor=b)
    assert kinds(mediator_user) == [Waiting.TAKE_UP_APPOINTMENT]


@pytest.mark.parametrize("kind", ["mediation", "negotiation", "collaborative_law"])
def test_start_is_offered_exactly_when_nothing_blocks_it(kind):
    """The selector judges readiness from preloaded facts; it must agree with the service."""
    world = make_world(advocates=True)
    a, b = world.principals
    rules = rules_for(kind)
    people = [world.mediator, *world.principals, *world.advocates]
    process = services.process_propose(actor=a, case=world.case, kind=kind)
    steps = [lambda: services.process_consent(actor=b, process=process)]
    if rules.confidentiality_terms_accepted_by_all:
        steps += [
            lambda person=person: services.process_accept_confidentiality(
                actor=person, process=process
            )
            for person in people
            if person.role in rules.participant_roles
        ]
    if rules.confidentiality_chosen_by_sides:
        steps += [
            lambda principal=principal: services.process_choose_confidentiality(
                actor=principal, process=process, confidential=True
            )
            for principal in world.principals
        ]
    if rules.screened:
        steps += [lambda principal=principal: answer(principal, process) for principal in (a, b)]
        steps += [lambda: confirm(world.mediator, process)]
    for step in [lambda: None, *steps]:
        step()
        process.refresh_from_db()
        ready = start_blockers(process) == []
        for person in people:
            expected = ready and person.role in rules.started_by
            assert may_start_now(person.user, process) == expected, (kind, person.role)
    assert start_blockers(process) == []


def _queries(user):
    with CaptureQueriesContext(connection) as captured:
        case_overviews(user=user)
    return len(captured)


def test_the_dashboard_query_count_does_not_grow_with_cases(django_assert_max_num_queries):
    user = with_two_factor(make_user())
    counts = []
    for _ in range(3):
        world = make_world()
        join(world.mediator, world.case, Role.ADVOCATE, world.sides[1], user=user)
        services.process_propose(actor=world.principals[0], case=world.case, kind="mediation")
        counts.append(_queries(user))
    assert counts[0] == counts[1] == counts[2]
    with django_assert_max_num_queries(10):
        overviews = case_overviews(user=user)
    assert len(overviews) == 3
    assert all(
        [i.kind for i in o.waiting] == [Waiting.CONSENT, Waiting.ACCEPT_TERMS] for o in overviews
    )
