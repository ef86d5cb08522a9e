"""Every rule of rules.py, tried by every role: the allowed role succeeds, every other role is
refused with the rule's wording, and nothing changes when refused."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.arbitration import services as arbitration
from accord.audit.models import AuditEvent
from accord.cases import services
from accord.cases.models import (
    ConfidentialityAcceptance,
    ConfidentialityChoice,
    Participant,
    Process,
    ProcessConsent,
    SideDeparture,
)
from accord.cases.rules import RULES
from accord.cases.services.processes import start_blockers
from accord.cases.vocabulary import (
    Leaving,
    Outcome,
    ProcessKind,
    ProcessStatus,
    Role,
)
from accord.core import clock
from accord.core.errors import AccordError, Conflict, Forbidden, InvalidInput
from tests.agreements.factories import draft, latest, sign
from tests.cases.factories import ROLE_KEYS, Cast
from tests.safety.factories import screen

pytestmark = pytest.mark.django_db

KINDS = list(ProcessKind)


def snapshot(cast: Cast):
    case = cast.case
    return (
        AuditEvent.objects.filter(case_id=case.id).count(),
        list(Process.objects.filter(case=case).values_list("id", "status", "outcome", "binding")),
        ProcessConsent.objects.filter(process__case=case).count(),
        ConfidentialityChoice.objects.filter(process__case=case).count(),
        ConfidentialityAcceptance.objects.filter(process__case=case).count(),
        SideDeparture.objects.filter(process__case=case).count(),
        list(Participant.objects.filter(case=case).values_list("id", "status", "disqualified")),
    )


def propose(cast: Cast, kind: str, **flags) -> Process:
    return services.process_propose(actor=cast["principal_a"], case=cast.case, kind=kind, **flags)


def ready(cast: Cast, kind: str, **flags) -> Process:
    """A proposed process with every precondition of its kind satisfied."""
    process = propose(cast, kind, **flags)
    services.process_consent(actor=cast["principal_b"], process=process)
    rules = RULES[ProcessKind(kind)]
    if rules.confidentiality_chosen_by_sides:
        for key in ("principal_a", "principal_b"):
            services.process_choose_confidentiality(
                actor=cast[key], process=process, confidential=True
            )
    if rules.confidentiality_terms_accepted_by_all:
        for key in ROLE_KEYS:
            if cast.role_of(key) in rules.participant_roles:
                services.process_accept_confidentiality(actor=cast[key], process=process)
    screen(process)
    if rules.neutral_decides:
        sign_arbitration_agreement(cast, process)
    process.refresh_from_db()
    assert start_blockers(process) == []
    return process


def sign_arbitration_agreement(cast: Cast, process: Process) -> None:
    """The arbitrator writes the terms and both parties sign them (the arbitration app
    holds an arbitration back until then: tests/arbitration/test_services.py)."""
    terms = arbitration.terms_draft(
        actor=cast["arbitrator"],
        process=process,
        terms=arbitration.TermsInput(
            scope=["Who pays for the repair?"],
            rules="Written submissions.",
            deadlines={side.id: clock.now() + dt.timedelta(days=7) for side in cast.sides},
            award_days=30,
        ),
        based_on=None,
    )
    for party in ("principal_a", "principal_b"):
        sign(cast[party], terms.version)


def started(cast: Cast, kind: str, **flags) -> Process:
    process = ready(cast, kind, **flags)
    starter = next(k for k in ROLE_KEYS if cast.role_of(k) in RULES[ProcessKind(kind)].started_by)
    return services.process_start(actor=cast[starter], process=process)


def attempt(cast: Cast, allowed: bool, call, error=Forbidden, message=None):
    before = snapshot(cast)
    if allowed:
        call()
        assert snapshot(cast) != before
        return
    with pytest.raises(error) as raised:
        call()
    if message is not None:
        assert raised.value.message == message
    assert snapshot(cast) == before


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("key", ROLE_KEYS)
def test_started_by(cast, kind, key):
    process = ready(cast, kind)
    allowed = cast.role_of(key) in RULES[kind].started_by
    attempt(cast, allowed, lambda: services.process_start(actor=cast[key], process=process))
    process.refresh_from_db()
    assert process.status == (ProcessStatus.ACTIVE if allowed else ProcessStatus.PROPOSED)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("key", ROLE_KEYS)
def test_declares_impasse(cast, kind, key):
    process = started(cast, kind)
    allowed = cast.role_of(key) in RULES[kind].declares_impasse
    attempt(
        cast, allowed, lambda: services.process_declare_impasse(actor=cast[key], process=process)
    )
    if allowed:
        process.refresh_from_db()
        assert (process.status, process.outcome, process.binding) == ("ended", "impasse", False)


def _outcome_cases():
    for kind in KINDS:
        allowed = list(RULES[kind].outcomes)
        outside = next(o for o in Outcome if o not in RULES[kind].outcomes)
        for outcome in [*allowed, outside]:
            yield kind, outcome


@pytest.mark.parametrize(("kind", "outcome"), list(_outcome_cases()))
@pytest.mark.parametrize("key", ROLE_KEYS)
def test_outcomes(cast, kind, outcome, key):
    process = started(cast, kind)
    if outcome in (Outcome.AGREEMENT, Outcome.PARTIAL_AGREEMENT):
        # An agreement is recorded only once every side signed one (test_outcomes_signed.py
        # shows it refused without): here it is signed, so the role alone decides.
        version = latest(draft(cast["principal_a"], process))
        for party in ("principal_a", "principal_b"):
            sign(cast[party], version)
    allowed = cast.role_of(key) in RULES[kind].outcomes.get(outcome, frozenset())
    attempt(
        cast,
        allowed,
        # An award is ended by signing it (the arbitration app's service passes award_signed;
        # tests/cases/test_services.py shows a bare award refused).
        lambda: services.process_end(
            actor=cast[key], process=process, outcome=outcome, award_signed=True
        ),
    )
    process.refresh_from_db()
    if allowed:
        assert (process.status, process.outcome) == ("ended", outcome)
        # Only the arbitrator's outcomes in arbitration bind anyone: a signed award, or a
        # settlement every side signed (a consent award).
        assert process.binding == (kind == ProcessKind.ARBITRATION and key == "arbitrator")
        assert process.binding == (outcome in RULES[kind].binding_outcomes)
    else:
        assert process.status == "active"


@pytest.mark.parametrize(
    ("kind", "compulsory"),
    [(k, False) for k in KINDS] + [(k, True) for k in KINDS if RULES[k].may_be_compulsory],
)
@pytest.mark.parametrize("key", ROLE_KEYS)
def test_leaving(cast, kind, key, compulsory):
    rules = RULES[kind]
    process = started(cast, kind, compulsory=compulsory)
    leaving = rules.leaving_rule(compulsory=compulsory)
    walkable = leaving in (Leaving.WALK_AWAY, Leaving.ANY_TIME, Leaving.END_WITH_DISQUALIFICATION)
    allowed = walkable and cast.role_of(key) in rules.may_leave
    message = None
    if leaving == Leaving.IMPASSE_ONLY and key in ("principal_a", "advocate_a"):
        message = "In compulsory negotiation a side cannot withdraw; declare impasse instead."
    attempt(
        cast,
        allowed,
        lambda: services.process_withdraw(actor=cast[key], process=process),
        message=message,
    )
    if allowed:
        process.refresh_from_db()
        expected = {
            Leaving.WALK_AWAY: Outcome.WALKED_AWAY,
            Leaving.ANY_TIME: Outcome.WITHDRAWN,
            Leaving.END_WITH_DISQUALIFICATION: Outcome.TERMINATED,
        }[leaving]
        assert (process.status, process.outcome, process.binding) == ("ended", expected, False)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("key", ROLE_KEYS)
def test_who_may_propose(cast, kind, key):
    allowed = cast.role_of(key) in {Role.PRINCIPAL, Role.ADVOCATE, Role.MEDIATOR, Role.COORDINATOR}
    attempt(
        cast,
        allowed,
        lambda: services.process_propose(actor=cast[key], case=cast.case, kind=kind),
    )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("key", ROLE_KEYS)
def test_confidentiality_choice(cast, kind, key):
    process = propose(cast, kind)
    rules = RULES[kind]
    allowed = rules.confidentiality_chosen_by_sides and cast.role_of(key) in {
        Role.PRINCIPAL,
        Role.ADVOCATE,
    }
    attempt(
        cast,
        allowed,
        lambda: services.process_choose_confidentiality(
            actor=cast[key], process=process, confidential=True
        ),
    )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("key", ROLE_KEYS)
def test_confidentiality_acceptance(cast, kind, key):
    process = propose(cast, kind)
    rules = RULES[kind]
    allowed = rules.confidentiality_terms_accepted_by_all and cast.role_of(key) in (
        rules.participant_roles
    )
    attempt(
        cast,
        allowed,
        lambda: services.process_accept_confidentiality(actor=cast[key], process=process),
    )


@pytest.mark.parametrize("kind", [k for k in KINDS if RULES[k].required_neutrals])
def test_required_neutrals(cast, kind):
    process = ready(cast, kind)
    # Another manager removes the required neutral (the coordinator and mediator both manage).
    for role in RULES[kind].required_neutrals:
        neutral = next(p for p in cast.people.values() if p.role == role)
        remover = cast["coordinator"] if role == Role.MEDIATOR else cast["mediator"]
        services.participant_remove(actor=remover, participant=neutral)
        assert any("must be appointed and in effect" in b for b in start_blockers(process))
    for key in ROLE_KEYS:
        attempt(cast, False, lambda k=key: services.process_start(actor=cast[k], process=process))


@pytest.mark.parametrize("kind", KINDS)
def test_formats(cast, kind):
    rules = RULES[kind]
    for fmt in ("direct", "advocates", "joint", "shuttle", "hybrid", "record", "four_way"):
        allowed = fmt in rules.formats
        before = snapshot(cast)
        if allowed:
            process = propose(cast, kind, format=fmt)
            services.process_withdraw(actor=cast["principal_b"], process=process)  # decline
            continue
        with pytest.raises(InvalidInput) as raised:
            propose(cast, kind, format=fmt)
        assert raised.value.field == "format"
        assert snapshot(cast) == before


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("flags", "rule"),
    [
        ({"compulsory": True}, "may_be_compulsory"),
        ({"court_ordered": True, "court_reference": "FAM-2026-001"}, "may_be_court_ordered"),
    ],
)
def test_compulsory_and_court_ordered_flags(cast, kind, flags, rule):
    permitted = getattr(RULES[kind], rule)
    before = snapshot(cast)
    if permitted:
        process = propose(cast, kind, **flags)
        assert all(getattr(process, k) == v for k, v in flags.items())
        return
    with pytest.raises(InvalidInput) as raised:
        propose(cast, kind, **flags)
    assert raised.value.field == next(iter(flags))
    assert snapshot(cast) == before


def test_rules_errors_are_domain_errors():
    assert issubclass(Forbidden, AccordError) and issubclass(Conflict, AccordError)
