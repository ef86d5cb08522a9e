"""Cases, invitations, neutrality and process transitions, through the services."""

from __future__ import annotations

import pytest
from django.core import mail

from accord.accounts import services as accounts
from accord.accounts.models import MagicLink
from accord.audit.models import AuditEvent
from accord.audit.verify import verify_case
from accord.cases import services
from accord.cases.models import Case, Participant, Process
from accord.cases.selectors import access_case, access_participation, cases_for
from accord.cases.services.processes import start_blockers
from accord.cases.vocabulary import Outcome, ParticipantStatus, ProcessStatus, Role
from accord.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from tests.agreements.factories import draft, latest, sign
from tests.arbitration.factories import Arbitration, draft_terms, sign_terms
from tests.cases.factories import appoint, join, make_world, with_two_factor
from tests.factories import make_user
from tests.safety.factories import screen

pytestmark = pytest.mark.django_db


def events(case):
    return list(AuditEvent.objects.filter(case_id=case.id).values_list("action", flat=True))


# --- opening a case ----------------------------------------------------------------------


def test_a_party_opens_a_case_and_is_on_their_side():
    user = make_user()
    case, me = services.case_open(
        user=user,
        title="  Fence   line ",
        kind="neighbour",
        sides=["Us", "Them"],
        opener_role=Role.PRINCIPAL,
        opener_side="Us",
    )
    assert case.title == "Fence line"
    assert (me.role, me.side.label, me.status) == ("principal", "Us", "active")
    assert events(case) == ["case.opened", "side.added", "side.added", "participant.joined"]
    assert "Fence" not in str(AuditEvent.objects.filter(case_id=case.id).first().payload)
    assert verify_case(case.id).ok


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"title": " "}, "title", "A case needs a title of 1 to 200 characters."),
        ({"kind": "divorce"}, "kind", "Unknown kind of case."),
        ({"sides": ["Only"]}, "sides", "A dispute has at least two sides."),
        ({"sides": ["A", "a"]}, "sides", "Each side needs a different name."),
        ({"sides": ["A", ""]}, "sides", "A side needs a name of 1 to 80 characters."),
        ({"opener_role": "observer"}, "opener_role", None),
        ({"opener_side": "Nobody"}, "opener_side", "Say which side you are on."),
    ],
)
def test_opening_a_case_with_bad_input_changes_nothing(kwargs, field, message):
    base = {
        "title": "Dispute",
        "kind": "family",
        "sides": ["A", "B"],
        "opener_role": Role.PRINCIPAL,
        "opener_side": "A",
    }
    with pytest.raises(InvalidInput) as error:
        services.case_open(user=make_user(), **{**base, **kwargs})
    assert error.value.field == field
    if message:
        assert error.value.message == message
    assert not Case.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_neutral_opener_is_pending_until_declared_and_two_factor():
    user = make_user()
    case, mediator = services.case_open(
        user=user, title="T", kind="workplace", sides=["A", "B"], opener_role=Role.MEDIATOR
    )
    assert mediator.status == ParticipantStatus.PENDING
    with pytest.raises(Forbidden, match="Declare any conflicts"):
        services.neutral_take_effect(actor=mediator)
    services.neutral_declare_conflicts(actor=mediator, related_to=[], financial_interest=False)
    mediator.refresh_from_db()
    assert mediator.status == ParticipantStatus.PENDING  # no two-factor yet
    with pytest.raises(Forbidden, match="two-factor"):
        services.neutral_take_effect(actor=mediator)
    with_two_factor(user)
    mediator = services.neutral_take_effect(actor=mediator)
    assert mediator.status == ParticipantStatus.ACTIVE
    assert events(case)[-1] == "neutral.appointed"


def test_a_pending_neutral_cannot_manage_yet():
    user = make_user()
    case, mediator = services.case_open(
        user=user, title="T", kind="workplace", sides=["A", "B"], opener_role=Role.MEDIATOR
    )
    with pytest.raises(Forbidden, match="not in effect yet"):
        services.side_add(actor=mediator, case=case, label="C")
    assert case.sides.count() == 2


# --- sides and invitations -----------------------------------------------------------------


def test_three_or_more_sides():
    world = make_world(sides=3)
    side = services.side_add(actor=world.mediator, case=world.case, label="Aunt")
    assert [s.label for s in world.case.sides.all()] == [
        "Applicant",
        "Respondent",
        "Grandparents",
        "Aunt",
    ]
    with pytest.raises(Conflict, match="already has a side"):
        services.side_add(actor=world.mediator, case=world.case, label="aunt")
    with pytest.raises(Forbidden, match="Only the case's mediator or coordinator can do this"):
        services.side_add(actor=world.principals[0], case=world.case, label="Uncle")
    assert world.case.sides.count() == 4
    assert side.position == 3


def test_invitation_is_emailed_and_joins_in_one_click(django_capture_on_commit_callbacks):
    world = make_world()
    with django_capture_on_commit_callbacks(execute=True):
        participant, issued = services.participant_invite(
            actor=world.mediator,
            case=world.case,
            email="Lawyer@Example.org",
            role=Role.ADVOCATE,
            side=world.sides[0],
        )
    assert participant.status == ParticipantStatus.INVITED
    assert mail.outbox[-1].to == ["lawyer@example.org"]
    assert issued.url in mail.outbox[-1].body
    link, user = accounts.magic_link_consume(token=issued.token, display_name="Lee Lawyer")
    participant.refresh_from_db()
    assert (participant.user, participant.status) == (user, ParticipantStatus.ACTIVE)
    assert access_case(user=user, case_id=world.case.id) == world.case
    assert link.next_url == f"/cases/{world.case.id}/"


def test_a_party_may_bring_only_their_own_helpers():
    world = make_world()
    a, _b = world.principals
    services.participant_invite(
        actor=a, case=world.case, email="s@example.org", role=Role.SUPPORT, side=world.sides[0]
    )
    before = Participant.objects.count()
    for role, side, message in [
        (
            Role.ADVOCATE,
            world.sides[1],
            "A party may invite an advocate or a support person for their own side only.",
        ),
        (
            Role.MEDIATOR,
            None,
            "This case already has a mediator or coordinator, or an invitation to one: they "
            "appoint any other neutral.",
        ),
        (Role.PRINCIPAL, world.sides[0], "The case's mediator or coordinator invites the other"),
    ]:
        with pytest.raises(Forbidden) as refused:
            services.participant_invite(
                actor=a, case=world.case, email="x@example.org", role=role, side=side
            )
        assert refused.value.message.startswith(message)
    assert Participant.objects.count() == before


def test_observers_only_in_training_cases():
    world = make_world()
    with pytest.raises(Forbidden, match="training cases"):
        services.participant_invite(
            actor=world.mediator, case=world.case, email="o@example.org", role=Role.OBSERVER
        )


def test_a_side_member_cannot_be_a_neutral_and_vice_versa():
    world = make_world()
    party_user = world.principals[0].user
    with pytest.raises(Forbidden, match="member of a side cannot be a neutral"):
        services.participant_invite(
            actor=world.mediator, case=world.case, email=party_user.email, role=Role.ARBITRATOR
        )
    with pytest.raises(Forbidden, match="neutral of this case cannot also belong to a side"):
        services.participant_invite(
            actor=world.mediator,
            case=world.case,
            email=world.mediator.user.email,
            role=Role.PRINCIPAL,
            side=world.sides[0],
        )


def test_joining_is_refused_if_it_would_put_one_person_on_two_sides():
    world = make_world()
    someone = make_user()
    _, first = services.participant_invite(
        actor=world.mediator,
        case=world.case,
        email=someone.email,
        role=Role.SUPPORT,
        side=world.sides[0],
    )
    _, second = services.participant_invite(
        actor=world.mediator,
        case=world.case,
        email=someone.email,
        role=Role.ADVOCATE,
        side=world.sides[1],
    )
    accounts.magic_link_consume(token=first.token)
    with pytest.raises(Forbidden, match="already belongs to a side"):
        accounts.magic_link_consume(token=second.token)
    second.link.refresh_from_db()
    assert second.link.used_at is None  # the refused link stays unused


def test_the_same_role_twice_is_refused():
    world = make_world()
    email = world.principals[0].user.email
    with pytest.raises(Conflict, match="already has this role"):
        services.participant_invite(
            actor=world.mediator,
            case=world.case,
            email=email,
            role=Role.PRINCIPAL,
            side=world.sides[0],
        )


# --- neutrality -----------------------------------------------------------------------------


def test_a_declared_relationship_prevents_the_appointment():
    world = make_world()
    neutral = join(world.mediator, world.case, Role.ARBITRATOR, user=with_two_factor(make_user()))
    services.neutral_declare_conflicts(
        actor=neutral,
        related_to=[world.principals[0]],
        financial_interest=False,
        details="We were colleagues.",
    )
    neutral.refresh_from_db()
    assert neutral.status == ParticipantStatus.DECLINED
    with pytest.raises(Conflict, match="not pending"):
        services.neutral_take_effect(actor=neutral)
    assert events(world.case)[-2:] == ["neutral.declared", "neutral.not_appointed"]
    assert "colleagues" not in str(AuditEvent.objects.filter(case_id=world.case.id).last().payload)


def test_a_financial_interest_prevents_the_appointment():
    world = make_world()
    neutral = join(world.mediator, world.case, Role.MEDIATOR, user=with_two_factor(make_user()))
    services.neutral_declare_conflicts(actor=neutral, related_to=[], financial_interest=True)
    neutral.refresh_from_db()
    assert neutral.status == ParticipantStatus.DECLINED


def test_declaring_someone_from_another_case_is_refused():
    world, other = make_world(), make_world()
    neutral = join(world.mediator, world.case, Role.EXPERT, user=with_two_factor(make_user()))
    with pytest.raises(InvalidInput, match="only participants of this case"):
        services.neutral_declare_conflicts(
            actor=neutral, related_to=[other.principals[0]], financial_interest=False
        )
    assert not neutral.declarations.exists()


def test_the_mediator_may_arbitrate_only_with_every_sides_med_arb_consent():
    world = make_world()
    a, b = world.principals
    mediator_user = world.mediator.user
    arbitrator = join(world.mediator, world.case, Role.ARBITRATOR, user=mediator_user)
    services.neutral_declare_conflicts(actor=arbitrator, related_to=[], financial_interest=False)
    arbitrator.refresh_from_db()
    assert arbitrator.status == ParticipantStatus.PENDING
    with pytest.raises(Forbidden, match="every side must first record informed consent"):
        services.neutral_take_effect(actor=arbitrator)
    services.med_arb_consent_give(actor=a)
    with pytest.raises(Conflict):
        services.med_arb_consent_give(actor=a)
    with pytest.raises(Forbidden):
        services.neutral_take_effect(actor=arbitrator)
    services.med_arb_consent_give(actor=b)
    arbitrator = services.neutral_take_effect(actor=arbitrator)
    assert arbitrator.status == ParticipantStatus.ACTIVE


# --- access ---------------------------------------------------------------------------------


def test_strangers_and_missing_cases_get_the_same_not_found():
    world = make_world()
    stranger = make_user()
    with pytest.raises(NotFound) as for_stranger:
        access_case(user=stranger, case_id=world.case.id)
    with pytest.raises(NotFound) as for_missing:
        access_case(user=world.principals[0].user, case_id="00000000-0000-0000-0000-000000000000")
    with pytest.raises(NotFound) as for_garbage:
        access_case(user=world.principals[0].user, case_id="not-a-uuid")
    assert str(for_stranger.value) == str(for_missing.value) == str(for_garbage.value)
    assert list(cases_for(user=stranger)) == []


def test_a_removed_participant_loses_access_but_not_history():
    world = make_world()
    b = world.principals[1]
    services.participant_remove(actor=world.mediator, participant=b)
    with pytest.raises(NotFound):
        access_participation(user=b.user, case_id=world.case.id)
    assert Participant.objects.get(id=b.id).status == ParticipantStatus.REMOVED
    with pytest.raises(Forbidden, match="cannot remove yourself"):
        services.participant_remove(actor=world.mediator, participant=world.mediator)


# --- processes ------------------------------------------------------------------------------


def mediation(world, **flags):
    process = services.process_propose(
        actor=world.principals[0], case=world.case, kind="mediation", **flags
    )
    for p in world.principals[1:]:
        services.process_consent(actor=p, process=process)
    for p in [world.mediator, *world.principals, *world.advocates]:
        services.process_accept_confidentiality(actor=p, process=process)
    screen(process)
    return services.process_start(actor=world.mediator, process=process)


def test_negotiation_confidentiality_must_be_chosen_alike_by_every_side():
    world = make_world()
    a, b = world.principals
    process = services.process_propose(actor=a, case=world.case, kind="negotiation")
    services.process_consent(actor=b, process=process)
    assert any("choose confidentiality explicitly" in x for x in start_blockers(process))
    services.process_choose_confidentiality(actor=a, process=process, confidential=True)
    services.process_choose_confidentiality(actor=b, process=process, confidential=False)
    with pytest.raises(Forbidden, match="chose differently"):
        services.process_start(actor=a, process=process)
    assert Process.objects.get(id=process.id).status == ProcessStatus.PROPOSED
    services.process_choose_confidentiality(actor=b, process=process, confidential=True)
    services.process_start(actor=a, process=process)
    process.refresh_from_db()
    assert (process.status, process.confidential) == ("active", True)


def test_mediation_needs_everyone_to_accept_the_terms():
    world = make_world()
    a, b = world.principals
    process = services.process_propose(actor=a, case=world.case, kind="mediation")
    services.process_consent(actor=b, process=process)
    services.process_accept_confidentiality(actor=a, process=process)
    with pytest.raises(Forbidden, match="accept the confidentiality terms; 2 still to accept"):
        services.process_start(actor=world.mediator, process=process)
    with pytest.raises(Conflict, match="already accepted"):
        services.process_accept_confidentiality(actor=a, process=process)


def test_court_ordered_mediation_never_blocks_withdrawal():
    world = make_world()
    process = mediation(world, court_ordered=True, court_reference="FAM-1")
    assert process.court_ordered
    services.process_withdraw(actor=world.principals[1], process=process)
    process.refresh_from_db()
    assert (process.status, process.outcome, process.binding) == ("ended", "withdrawn", False)


def test_a_mediator_never_decides():
    world = make_world()
    process = mediation(world)
    with pytest.raises(Forbidden, match="not a possible outcome"):
        services.process_end(actor=world.mediator, process=process, outcome=Outcome.AWARD)
    # Nor does the mediator settle for the parties: only what every side signed.
    with pytest.raises(Conflict, match="only once every side has signed it"):
        services.process_end(actor=world.mediator, process=process, outcome=Outcome.AGREEMENT)
    version = latest(draft(world.mediator, process))
    for party in world.principals:
        sign(party, version)
    services.process_end(actor=world.mediator, process=process, outcome=Outcome.AGREEMENT)
    process.refresh_from_db()
    assert (process.outcome, process.binding) == ("agreement", False)


def test_three_party_mediation_continues_after_one_withdraws():
    world = make_world(sides=3)
    process = mediation(world)
    services.process_withdraw(actor=world.principals[2], process=process)
    process.refresh_from_db()
    assert process.status == ProcessStatus.ACTIVE
    with pytest.raises(Forbidden, match="Your side has left"):
        services.process_withdraw(actor=world.principals[2], process=process)
    services.process_withdraw(actor=world.principals[0], process=process)
    process.refresh_from_db()
    assert (process.status, process.outcome) == ("ended", "withdrawn")


def test_compulsory_negotiation_ends_only_at_impasse():
    world = make_world()
    a, b = world.principals
    process = services.process_propose(
        actor=a, case=world.case, kind="negotiation", compulsory=True
    )
    services.process_consent(actor=b, process=process)
    for p in (a, b):
        services.process_choose_confidentiality(actor=p, process=process, confidential=False)
    services.process_start(actor=b, process=process)
    with pytest.raises(Forbidden) as refused:
        services.process_withdraw(actor=a, process=process)
    assert refused.value.message == (
        "In compulsory negotiation a side cannot withdraw; declare impasse instead."
    )
    services.process_declare_impasse(actor=a, process=process)
    process.refresh_from_db()
    assert (process.status, process.outcome) == ("ended", "impasse")


def test_moving_from_mediation_to_arbitration_needs_every_sides_consent():
    world = make_world()
    a, b = world.principals
    process = mediation(world)
    arbitration = services.process_move(actor=a, process=process, kind="arbitration")
    process.refresh_from_db()
    assert (process.outcome, arbitration.follows_id) == ("impasse", process.id)
    arbitrator = appoint(world.mediator, world.case, Role.ARBITRATOR)
    with pytest.raises(Forbidden, match="Every side must consent; still waiting for: Respondent"):
        services.process_start(actor=arbitrator, process=arbitration)
    services.process_consent(actor=b, process=arbitration)
    # Consent is not the arbitration agreement: every party signs its terms first.
    with pytest.raises(Forbidden, match="Every party must sign the arbitration agreement"):
        services.process_start(actor=arbitrator, process=arbitration)
    arb = Arbitration(world, arbitration, arbitrator)
    draft_terms(arb)
    sign_terms(arb)
    services.process_start(actor=arbitrator, process=arbitration)
    with pytest.raises(Forbidden, match="binds every side"):
        services.process_withdraw(actor=a, process=arbitration)
    with pytest.raises(Forbidden, match="by signing it"):
        services.process_end(actor=arbitrator, process=arbitration, outcome=Outcome.AWARD)
    arbitration.refresh_from_db()
    assert arbitration.status == "active"
    services.process_end(
        actor=arbitrator, process=arbitration, outcome=Outcome.AWARD, award_signed=True
    )
    arbitration.refresh_from_db()
    assert (arbitration.outcome, arbitration.binding) == ("award", True)
    assert verify_case(world.case.id).ok


def test_declining_a_proposal_cancels_it_and_allows_another():
    world = make_world()
    a, b = world.principals
    process = services.process_propose(actor=a, case=world.case, kind="mediation")
    with pytest.raises(Conflict, match="already proposed"):
        services.process_propose(actor=b, case=world.case, kind="negotiation")
    services.process_withdraw(actor=b, process=process)
    process.refresh_from_db()
    assert process.status == ProcessStatus.CANCELLED
    services.process_propose(actor=b, case=world.case, kind="negotiation")


def test_collaborative_law_termination_disqualifies_the_lawyers():
    world = make_world(advocates=True)
    a, b = world.principals
    process = services.process_propose(actor=a, case=world.case, kind="collaborative_law")
    services.process_consent(actor=b, process=process)
    # The mediator who ran intake takes no part in collaborative law.
    for p in [*world.principals, *world.advocates]:
        services.process_accept_confidentiality(actor=p, process=process)
    services.process_start(actor=a, process=process)
    services.process_withdraw(actor=b, process=process)
    process.refresh_from_db()
    assert process.outcome == Outcome.TERMINATED
    lawyers = Participant.objects.filter(case=world.case, role=Role.ADVOCATE)
    assert {(p.status, p.disqualified) for p in lawyers} == {("removed", True)}
    with pytest.raises(Forbidden, match="cannot act again here"):
        services.participant_invite(
            actor=world.mediator,
            case=world.case,
            email=world.advocates[0].email,
            role=Role.ADVOCATE,
            side=world.sides[0],
        )


def test_two_processes_cannot_run_at_once():
    world = make_world()
    process = mediation(world)
    negotiation = services.process_propose(
        actor=world.principals[0], case=world.case, kind="negotiation"
    )
    assert "Another process is under way: it must end first." in start_blockers(negotiation)
    assert process.status == "active"


def test_every_invitation_link_is_single_use():
    make_world()
    links = MagicLink.objects.filter(payload__kind="case")
    assert links.count() == 2
    assert all(link.used_at for link in links)
