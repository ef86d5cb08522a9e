"""Arbitrations set up through the services: appointment, consent, signed terms, start.

An arbitration starts only once every party signed its arbitration agreement (the terms), so
`make_arbitration` gives a proposed arbitration every side consented to, and `agree_terms`
writes the terms, has every party sign them, and lets the arbitrator start it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.agreements import services as agreements
from accord.agreements.selectors import latest_version
from accord.agreements.services import StepUp
from accord.arbitration import services
from accord.arbitration.models import ArbitrationTerms
from accord.arbitration.selectors import arbitration_agreement
from accord.cases import services as cases
from accord.cases.models import Participant, Process
from accord.cases.vocabulary import Role
from accord.core import clock
from accord.rooms import services as rooms
from accord.rooms.services import Upload
from tests.accounts.test_services import current_code, fresh
from tests.agreements.factories import draft, latest, sign
from tests.cases.factories import World, appoint, join, make_world
from tests.rooms.factories import make_mediation

QUESTIONS = ["Is the invoice of 3 March payable?", "Who pays the costs of the repair?"]


@dataclass
class Arbitration:
    world: World
    process: Process
    arbitrator: Participant

    @property
    def parties(self) -> list[Participant]:
        return self.world.principals


def propose_arbitration(world: World) -> Process:
    """An arbitration the first party proposed and every other side consented to."""
    a, *others = world.principals
    process = cases.process_propose(actor=a, case=world.case, kind="arbitration")
    for party in others:
        cases.process_consent(actor=party, process=process)
    return process


def make_arbitration(*, sides: int = 2, advocates: bool = False) -> Arbitration:
    """A proposed arbitration with its arbitrator in effect: its terms are still to write."""
    world = make_world(sides=sides, advocates=advocates)
    arbitrator = appoint(world.mediator, world.case, Role.ARBITRATOR)
    return Arbitration(world, propose_arbitration(world), arbitrator)


def terms_input(arb: Arbitration, *, days: int = 7, **overrides) -> services.TermsInput:
    due = clock.now() + dt.timedelta(days=days)
    values = {
        "scope": list(QUESTIONS),
        "rules": "Written submissions; the law of Ontario applies.",
        "deadlines": {side.id: due for side in arb.world.sides},
        "award_days": 30,
        "max_amount": "10000",
        "currency": "cad",
        "other_terms": "",
        **overrides,
    }
    return services.TermsInput(**values)


def draft_terms(arb: Arbitration, *, by=None, based_on=None, **overrides) -> ArbitrationTerms:
    return services.terms_draft(
        actor=by or arb.arbitrator,
        process=arb.process,
        terms=terms_input(arb, **overrides),
        based_on=based_on,
    )


def sign_terms(arb: Arbitration) -> None:
    """Every party signs the latest version of the arbitration agreement."""
    version = latest_version(arbitration_agreement(arb.process))
    for party in arb.parties:
        sign(party, version)


def start(arb: Arbitration) -> Process:
    arb.process = cases.process_start(actor=arb.arbitrator, process=arb.process)
    return arb.process


def agree_terms(arb: Arbitration, **overrides) -> ArbitrationTerms:
    """Draft the terms, have every party sign them, and start the arbitration: the
    arbitration agreement in force, the record open."""
    terms = draft_terms(arb, **overrides)
    sign_terms(arb)
    start(arb)
    return terms


def close_all(arb: Arbitration) -> None:
    for party in arb.parties:
        services.submissions_close(actor=party, process=arb.process)


def decisions_for(terms: ArbitrationTerms, amounts=None) -> list[services.DecisionInput]:
    amounts = amounts or {}
    return [
        services.DecisionInput(
            scope_item_id=item.id,
            decision=f"Decision on question {item.position}.",
            amount=amounts.get(item.position),
        )
        for item in terms.scope.order_by("position")
    ]


def totp(participant: Participant) -> StepUp:
    """A current code from the participant's authenticator (as if they waited out replay)."""
    device = fresh(TOTPDevice.objects.get(user=participant.user, confirmed=True))
    return StepUp(code=current_code(device))


SECRETS = (
    "quokka-joint",
    "quokka-caucus",
    "quokka-notes",
    "quokka-title",
    "quokka-draft",
    "quokka-comment",
)


@dataclass
class Scene:
    """A mediation full of confidential content that ended at impasse, then an arbitration of
    the same case taken to its award, with every kind of arbitration object."""

    arb: Arbitration
    mediation: Process
    mediation_ids: dict[str, object]
    arbitration_ids: dict[str, object]


def mediation_then_arbitration(*, med_arb: bool) -> Scene:
    m = make_mediation(advocates=True)
    world, mediator = m.world, m.world.mediator
    a, b = world.principals
    rooms.message_post(actor=a, room=m.room("joint"), body="quokka-joint", client_key="j")
    rooms.message_post(actor=a, room=m.room("caucus:0"), body="quokka-caucus", client_key="c")
    rooms.message_post(actor=mediator, room=m.room("neutrals"), body="quokka-notes", client_key="n")
    agreement = draft(mediator, m.process, title="quokka-title", body="quokka-draft")
    version = latest(agreement)
    agreements.comment_add(actor=b, version=version, body="quokka-comment", client_key="s")
    cases.process_declare_impasse(actor=mediator, process=m.process)
    if med_arb:
        for party in (a, b):
            cases.med_arb_consent_give(actor=party)
        arbitrator = join(mediator, world.case, Role.ARBITRATOR, user=mediator.user)
        cases.neutral_declare_conflicts(actor=arbitrator, related_to=[], financial_interest=False)
        arbitrator.refresh_from_db()
    else:
        arbitrator = appoint(mediator, world.case, Role.ARBITRATOR)
    arb = Arbitration(world, propose_arbitration(world), arbitrator)
    terms = agree_terms(arb)
    submission = services.submission_file(
        actor=a,
        process=arb.process,
        kind="evidence",
        title="Invoice",
        body="Paid late.",
        client_key="e1",
        uploads=[Upload("invoice.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    services.hearing_schedule(
        actor=arbitrator,
        process=arb.process,
        starts_at=clock.now() + dt.timedelta(days=3),
        link="https://meet.example/hearing",
    )
    close_all(arb)
    award = services.award_draft(
        actor=arbitrator, process=arb.process, reasons="Reasons.", decisions=decisions_for(terms)
    )
    services.award_issue(
        actor=arbitrator, award=award, sha256=award.sha256, intent=True, step_up=totp(arbitrator)
    )
    arbitration_agreement_row = arbitration_agreement(arb.process)
    return Scene(
        arb=arb,
        mediation=m.process,
        mediation_ids={
            "process_id": m.process.id,
            "agreement_id": agreement.id,
            "version_id": version.id,
            "participant_id": world.advocates[0].id,
        },
        arbitration_ids={
            "process_id": arb.process.id,
            "agreement_id": arbitration_agreement_row.id,
            "version_id": terms.version.id,
            "participant_id": world.advocates[0].id,
            "submission_id": submission.id,
            "file_id": submission.files.get().id,
            "award_id": award.id,
            "case_id": world.case.id,
        },
    )
