"""Outcomes that claim agreement, or bind, rest on signed documents.

"Agreement" and "partial agreement" are recorded only once the process has a settlement every
remaining side's parties signed (the agreements app's end check); an arbitration binds only by
a signed award or a settlement every party signed; collaborative lawyers never follow the
matter into a contested process. Each refusal changes nothing.
"""

from __future__ import annotations

import pytest

from accord.agreements.models import Agreement, AttemptCertificate, Signature
from accord.agreements.services import attempt_certificate_issue
from accord.audit.models import AuditEvent
from accord.cases import services as cases
from accord.cases.checks import registered_end_blockers
from accord.cases.models import Participant, Process
from accord.cases.vocabulary import Outcome, ParticipantStatus, ProcessStatus, Role
from accord.core.errors import Conflict, Forbidden
from tests.agreements.factories import draft, latest, sign
from tests.arbitration.factories import agree_terms, make_arbitration
from tests.cases.factories import join, make_world
from tests.rooms.factories import make_mediation, start_process

pytestmark = pytest.mark.django_db

NOT_SIGNED = (
    "An agreement is recorded only once every side has signed it. Write it on the agreements "
    "page and have every party sign it first."
)
PARTIAL_NOT_SIGNED = (
    "A partial agreement is recorded only once every side has signed a text of what they "
    "agreed. Write it on the agreements page and have every party sign it first."
)


def snapshot(case):
    return (
        AuditEvent.objects.filter(case_id=case.id).count(),
        list(
            Process.objects.filter(case=case)
            .order_by("created_at")
            .values_list("id", "status", "outcome", "binding", "ended_at")
        ),
        list(
            Participant.objects.filter(case=case)
            .order_by("created_at")
            .values_list("id", "status", "disqualified")
        ),
        AttemptCertificate.objects.filter(process__case=case).count(),
    )


def refused(case, call, message, error=Conflict):
    before = snapshot(case)
    with pytest.raises(error) as raised:
        call()
    assert raised.value.message == message
    assert snapshot(case) == before


def compulsory_negotiation(world) -> Process:
    a, b = world.principals
    process = cases.process_propose(actor=a, case=world.case, kind="negotiation", compulsory=True)
    cases.process_consent(actor=b, process=process)
    for party in (a, b):
        cases.process_choose_confidentiality(actor=party, process=process, confidential=True)
    return cases.process_start(actor=a, process=process)


# --- 1. one person cannot record "agreement" for everyone --------------------------------------


def test_one_side_cannot_end_a_compulsory_negotiation_as_agreed():
    world = make_world()
    a, b = world.principals
    process = compulsory_negotiation(world)
    with pytest.raises(Forbidden):
        cases.process_withdraw(actor=a, process=process)  # walking away is refused...
    # ...and so is claiming an agreement nobody signed.
    end = lambda outcome: cases.process_end(actor=a, process=process, outcome=outcome)  # noqa: E731
    refused(world.case, lambda: end(Outcome.AGREEMENT), NOT_SIGNED)
    refused(world.case, lambda: end(Outcome.PARTIAL_AGREEMENT), PARTIAL_NOT_SIGNED)
    # Signed by one side only: still no agreement.
    version = latest(draft(a, process))
    sign(a, version)
    refused(world.case, lambda: end(Outcome.AGREEMENT), NOT_SIGNED)
    # Once both sides signed, either side records it.
    sign(b, version)
    ended = end(Outcome.AGREEMENT)
    assert (ended.status, ended.outcome, ended.binding) == ("ended", "agreement", False)


def test_a_new_version_voids_the_signatures_an_agreement_rested_on():
    world = make_world()
    a, b = world.principals
    process = compulsory_negotiation(world)
    agreement = draft(a, process)
    sign(a, latest(agreement))
    from accord.agreements.services import agreement_revise

    agreement_revise(actor=b, agreement=agreement, body="Other terms.", based_on=1)
    sign(b, latest(agreement))  # a's signature was on version 1: voided
    assert Signature.objects.filter(voided_at__isnull=True).count() == 1
    refused(
        world.case,
        lambda: cases.process_end(actor=b, process=process, outcome=Outcome.AGREEMENT),
        NOT_SIGNED,
    )


def test_the_mediator_records_a_settlement_only_once_the_parties_signed_it():
    m = make_mediation()
    world, mediator = m.world, m.world.mediator
    a, b = world.principals
    end = lambda: cases.process_end(  # noqa: E731
        actor=mediator, process=m.process, outcome=Outcome.AGREEMENT
    )
    refused(world.case, end, NOT_SIGNED)
    # Nothing ended, so nothing can be certified to a court as settled.
    with pytest.raises(Conflict, match="once the process is over"):
        attempt_certificate_issue(actor=mediator, process=m.process)
    # The mediator's own draft, unsigned, changes nothing either.
    version = latest(draft(mediator, m.process))
    refused(world.case, end, NOT_SIGNED)
    for party in (a, b):
        sign(party, version)
    ended = end()
    assert (ended.outcome, ended.binding) == ("agreement", False)
    certificate = attempt_certificate_issue(actor=mediator, process=ended)
    assert certificate.facts["result"] == "settled"


def test_a_partial_agreement_needs_a_signed_text_too():
    m = make_mediation()
    world, mediator = m.world, m.world.mediator
    end = lambda: cases.process_end(  # noqa: E731
        actor=mediator, process=m.process, outcome=Outcome.PARTIAL_AGREEMENT
    )
    refused(world.case, end, PARTIAL_NOT_SIGNED)
    version = latest(draft(mediator, m.process, title="Holidays only"))
    for party in world.principals:
        sign(party, version)
    ended = end()
    assert ended.outcome == "partial_agreement"
    assert attempt_certificate_issue(actor=mediator, process=ended).facts["result"] == (
        "settled_in_part"
    )


def test_a_side_that_left_need_not_sign():
    m = make_mediation(sides=3)
    world, mediator = m.world, m.world.mediator
    a, b, c = world.principals
    cases.process_withdraw(actor=c, process=m.process)
    version = latest(draft(mediator, m.process))
    sign(a, version)
    assert registered_end_blockers(m.process, Outcome.AGREEMENT) == [NOT_SIGNED]
    sign(b, version)
    assert registered_end_blockers(m.process, Outcome.AGREEMENT) == []
    ended = cases.process_end(actor=mediator, process=m.process, outcome=Outcome.AGREEMENT)
    assert ended.outcome == "agreement"


def test_other_outcomes_need_no_signature():
    m = make_mediation()
    assert registered_end_blockers(m.process, Outcome.IMPASSE) == []
    ended = cases.process_declare_impasse(actor=m.world.mediator, process=m.process)
    assert ended.outcome == "impasse"


# --- 2. an arbitration binds only by a signed award or a signed settlement --------------------


def test_the_arbitrator_cannot_record_a_binding_agreement_nobody_signed():
    arb = make_arbitration()
    agree_terms(arb)
    case = arb.world.case
    end = lambda: cases.process_end(  # noqa: E731
        actor=arb.arbitrator, process=arb.process, outcome=Outcome.AGREEMENT
    )
    refused(case, end, NOT_SIGNED)
    # The signed arbitration agreement is no settlement.
    assert Agreement.objects.filter(process=arb.process, kind="arbitration").get().status == (
        "signed"
    )
    a, b = arb.parties
    version = latest(draft(a, arb.process, title="Settlement"))
    sign(a, version)
    refused(case, end, NOT_SIGNED)
    sign(b, version)
    ended = end()
    ended.refresh_from_db()
    # A settlement every party signed, recorded by the arbitrator: a consent award, binding.
    assert (ended.status, ended.outcome, ended.binding) == ("ended", "agreement", True)


def test_no_award_binds_unless_signed_from_the_award_page():
    arb = make_arbitration()
    agree_terms(arb)
    refused(
        arb.world.case,
        lambda: cases.process_end(actor=arb.arbitrator, process=arb.process, outcome=Outcome.AWARD),
        "An award is recorded by signing it, with its reasons, on the arbitration page.",
        error=Forbidden,
    )


def test_nothing_but_the_arbitrators_signed_outcomes_binds():
    world = make_world()
    a, b = world.principals
    process = compulsory_negotiation(world)
    version = latest(draft(a, process))
    for party in (a, b):
        sign(party, version)
    ended = cases.process_end(actor=a, process=process, outcome=Outcome.AGREEMENT)
    ended.refresh_from_db()
    assert ended.binding is False


# --- 4. collaborative lawyers never follow the matter into a contest -------------------------


def lawyers_of(world):
    return list(Participant.objects.filter(id__in=[p.id for p in world.advocates]))


def test_moving_collaborative_law_to_arbitration_disqualifies_the_lawyers():
    world = make_world(advocates=True)
    process = start_process(world, "collaborative_law")
    nxt = cases.process_move(actor=world.principals[0], process=process, kind="arbitration")
    process.refresh_from_db()
    assert (process.status, process.outcome) == (ProcessStatus.ENDED, "impasse")
    for lawyer in lawyers_of(world):
        assert (lawyer.status, lawyer.disqualified) == (ParticipantStatus.REMOVED, True)
    # A disqualified lawyer cannot consent to the arbitration for their side.
    before = snapshot(world.case)
    with pytest.raises(Forbidden):
        cases.process_consent(actor=world.advocates[1], process=nxt)
    assert snapshot(world.case) == before
    events = AuditEvent.objects.filter(case_id=world.case.id, action="participant.disqualified")
    assert events.count() == 2


def test_a_collaborative_lawyer_does_not_move_the_case_on():
    world = make_world(advocates=True)
    process = start_process(world, "collaborative_law")
    refused(
        world.case,
        lambda: cases.process_move(actor=world.advocates[0], process=process, kind="mediation"),
        "Moving on ends the collaborative process without agreement, and its lawyers then "
        "withdraw: a party moves the case on.",
        error=Forbidden,
    )


@pytest.mark.parametrize(
    ("ending", "disqualified"),
    [
        ("impasse", True),
        ("terminated", True),
        ("withdrawn", True),
        ("agreement", False),
        ("partial_agreement", False),
    ],
)
def test_the_clause_applies_to_every_ending_without_agreement(ending, disqualified):
    world = make_world(advocates=True)
    a, b = world.principals
    process = start_process(world, "collaborative_law")
    if ending == "impasse":
        cases.process_declare_impasse(actor=world.advocates[0], process=process)
    elif ending == "terminated":
        cases.process_end(actor=a, process=process, outcome=Outcome.TERMINATED)
    elif ending == "withdrawn":
        cases.process_withdraw(actor=b, process=process)
    else:
        version = latest(draft(a, process))
        for party in (a, b):
            sign(party, version)
        cases.process_end(actor=world.advocates[0], process=process, outcome=ending)
    for lawyer in lawyers_of(world):
        assert lawyer.disqualified is disqualified
        assert lawyer.status == (
            ParticipantStatus.REMOVED if disqualified else ParticipantStatus.ACTIVE
        )


def test_after_a_partial_agreement_the_lawyers_do_not_follow_into_arbitration():
    world = make_world(advocates=True)
    a, b = world.principals
    process = start_process(world, "collaborative_law")
    version = latest(draft(a, process, title="Holidays only"))
    for party in (a, b):
        sign(party, version)
    cases.process_end(actor=a, process=process, outcome=Outcome.PARTIAL_AGREEMENT)
    assert all(lawyer.is_current for lawyer in lawyers_of(world))
    # A new lawyer for the contest, hired after the collaborative process ended, may act.
    new_lawyer = join(world.mediator, world.case, Role.ADVOCATE, world.sides[1])
    # The rest goes to arbitration: proposing it is the contest the lawyers may not follow.
    nxt = cases.process_propose(actor=a, case=world.case, kind="arbitration")
    for lawyer in lawyers_of(world):
        assert (lawyer.status, lawyer.disqualified) == (ParticipantStatus.REMOVED, True)
    new_lawyer.refresh_from_db()
    assert (new_lawyer.status, new_lawyer.disqualified) == (ParticipantStatus.ACTIVE, False)
    cases.process_consent(actor=new_lawyer, process=nxt)


# --- the registry ------------------------------------------------------------------------------


def test_every_ending_asks_the_registered_end_checks(monkeypatch):
    """Cases knows nothing of signatures: it asks whatever other apps registered, on every
    path that ends a process, and the first blocker refuses the ending unchanged."""
    from accord.cases import checks

    monkeypatch.setattr(checks, "_end_checks", list(checks._end_checks))

    def held(process, outcome):
        return ["Held for the test."] if outcome == Outcome.IMPASSE else []

    checks.register_end_check(held)
    checks.register_end_check(held)  # twice: no effect
    assert checks._end_checks.count(held) == 1
    m = make_mediation()
    refused(
        m.world.case,
        lambda: cases.process_declare_impasse(actor=m.world.mediator, process=m.process),
        "Held for the test.",
    )
    # Other outcomes are not held by this check.
    cases.process_withdraw(actor=m.world.principals[1], process=m.process)
    m.process.refresh_from_db()
    assert (m.process.status, m.process.outcome) == ("ended", "withdrawn")
