"""Certificates of attempt (UMA §7): whether the process took place, who attended, how it
ended, and nothing else. A mediation full of confidential words is run to its end, and not
one of them reaches the certificate: its frozen facts, its page, its PDF or the API."""

from __future__ import annotations

import json

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from accord.accounts.services import api_token_create
from accord.agreements import services
from accord.agreements.exports import certificate_context
from accord.agreements.models import AttemptCertificate
from accord.agreements.selectors import access_attempt_of
from accord.audit.models import AuditEvent
from accord.cases import services as cases
from accord.cases.vocabulary import Role
from accord.core.errors import Conflict, Forbidden, NotFound
from accord.rooms import services as rooms
from tests.agreements.factories import draft, latest, sign
from tests.cases.factories import World, join, with_two_factor
from tests.factories import make_user
from tests.rooms.factories import named
from tests.safety.factories import screen

pytestmark = pytest.mark.django_db

SECRETS = (
    "wombat-title",
    "wombat-side-story",
    "wombat-joint",
    "wombat-caucus",
    "wombat-draft",
    "wombat-comment",
    "wombat-declaration",
)
FACT_KEYS = {
    "v",
    "certificate_of",
    "process",
    "kind",
    "court_ordered",
    "reference",
    "took_place",
    "started",
    "ended",
    "result",
    "attendees",
    "issuer",
    "issued",
}


def world_of(*, kind="workplace", title="wombat-title") -> World:
    mediator_user = with_two_factor(make_user(name="Morgan Mediator"))
    case, mediator = cases.case_open(
        user=mediator_user,
        title=title,
        kind=kind,
        sides=["Applicant", "Respondent"],
        opener_role=Role.MEDIATOR,
    )
    cases.neutral_declare_conflicts(
        actor=mediator, related_to=[], financial_interest=False, details="wombat-declaration"
    )
    mediator.refresh_from_db()
    sides = list(case.sides.order_by("position"))
    principals = [
        join(mediator, case, Role.PRINCIPAL, side, user=make_user(name=name))
        for side, name in zip(sides, ["Alex Applicant", "Blair Respondent"], strict=True)
    ]
    return World(case, sides, mediator, principals)


def court_ordered_mediation(world: World):
    a, b = world.principals
    process = cases.process_propose(
        actor=a,
        case=world.case,
        kind="mediation",
        court_ordered=True,
        court_reference="FAM-2026-0042",
    )
    cases.process_consent(actor=b, process=process)
    for person in (world.mediator, a, b):
        cases.process_accept_confidentiality(actor=person, process=process)
    screen(process)
    return cases.process_start(actor=world.mediator, process=process)


def leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


def test_a_settled_court_ordered_mediation_certifies_only_the_three_facts():
    world = world_of()
    a, b = world.principals
    process = court_ordered_mediation(world)
    room = named(rooms.rooms_ensure(process=process))
    rooms.message_post(actor=a, room=room["joint"], body="wombat-joint", client_key="j")
    rooms.message_post(actor=a, room=room["caucus:0"], body="wombat-caucus", client_key="c")
    agreement = draft(world.mediator, process, title="wombat-side-story", body="wombat-draft")
    services.comment_add(actor=b, version=latest(agreement), body="wombat-comment", client_key="k")
    for person in (a, b):
        sign(person, latest(agreement))
    cases.process_end(actor=world.mediator, process=process, outcome="agreement")

    certificate = services.attempt_certificate_issue(actor=world.mediator, process=process)
    facts = certificate.facts
    assert set(facts) == FACT_KEYS
    assert (facts["kind"], facts["court_ordered"], facts["reference"]) == (
        "mediation",
        True,
        "FAM-2026-0042",
    )
    assert (facts["took_place"], facts["result"]) == (True, "settled")
    assert facts["attendees"] == [
        {"name": "Morgan Mediator", "role": "mediator", "side": None},
        {"name": "Alex Applicant", "role": "principal", "side": "Applicant"},
        {"name": "Blair Respondent", "role": "principal", "side": "Respondent"},
    ]
    assert facts["issuer"] == {"name": "Morgan Mediator", "role": "mediator"}
    assert leaks(json.dumps(facts)) == []
    # Its page, its printed form and the API say no more.
    html = render_to_string("agreements/pdf/certificate.html", certificate_context(certificate))
    assert leaks(html) == []
    page = Client()
    page.force_login(b.user)
    shown = page.get(reverse("agreements:certificate", args=[process.id])).content.decode()
    assert "Settled" in shown and "FAM-2026-0042" in shown
    assert leaks(shown.replace("wombat-title", "")) == []  # the page's crumbs name the case
    _token, key = api_token_create(user=a.user, name="t")
    api = Client(headers={"Authorization": f"Bearer {key}"})
    body = api.get(f"/api/v1/processes/{process.id}/certificate").content.decode()
    assert leaks(body) == []
    assert json.loads(body)["result"] == "settled"


def test_a_withdrawal_is_certified_without_saying_who_withdrew():
    world = world_of()
    process = court_ordered_mediation(world)
    b = world.principals[1]
    cases.process_withdraw(actor=b, process=process)
    certificate = services.attempt_certificate_issue(actor=world.mediator, process=process)
    assert certificate.facts["result"] == "withdrawn"
    assert "Blair" not in json.dumps(
        {k: v for k, v in certificate.facts.items() if k != "attendees"}
    )
    # The party who withdrew still reads it: they may need it in court.
    assert access_attempt_of(user=b.user, process_id=process.id)[0] == process


def test_a_process_that_never_started_did_not_take_place():
    world = world_of()
    a, b = world.principals
    process = cases.process_propose(
        actor=a, case=world.case, kind="mediation", court_ordered=True, court_reference="R-1"
    )
    cases.process_withdraw(actor=b, process=process)  # declined
    certificate = services.attempt_certificate_issue(actor=world.mediator, process=process)
    assert (certificate.facts["took_place"], certificate.facts["result"]) == (
        False,
        "did_not_take_place",
    )
    assert certificate.facts["attendees"] == []


def test_who_may_issue_and_when():
    world = world_of()
    process = court_ordered_mediation(world)
    before = AuditEvent.objects.filter(case_id=world.case.id).count()
    with pytest.raises(Conflict, match="once the process is over"):
        services.attempt_certificate_issue(actor=world.mediator, process=process)
    cases.process_declare_impasse(actor=world.mediator, process=process)
    with pytest.raises(Forbidden, match="Only the process's mediator"):
        services.attempt_certificate_issue(actor=world.principals[0], process=process)
    assert AuditEvent.objects.filter(case_id=world.case.id).count() == before + 1  # the impasse
    first = services.attempt_certificate_issue(actor=world.mediator, process=process)
    assert first.facts["result"] == "not_settled"
    with pytest.raises(Conflict, match="already issued"):
        services.attempt_certificate_issue(actor=world.mediator, process=process)
    assert AttemptCertificate.objects.count() == 1


def test_only_court_ordered_or_family_processes_get_one():
    workplace = world_of()
    a, b = workplace.principals
    voluntary = cases.process_propose(actor=a, case=workplace.case, kind="mediation")
    cases.process_withdraw(actor=b, process=voluntary)
    with pytest.raises(Forbidden, match="court-ordered processes and family"):
        services.attempt_certificate_issue(actor=workplace.mediator, process=voluntary)
    family = world_of(kind="family", title="Family EDR")
    a, b = family.principals
    edr = cases.process_propose(actor=a, case=family.case, kind="mediation")
    cases.process_withdraw(actor=b, process=edr)
    assert (
        services.attempt_certificate_issue(actor=family.mediator, process=edr).facts[
            "court_ordered"
        ]
        is False
    )
    assert not AttemptCertificate.objects.filter(process=voluntary).exists()


def test_strangers_do_not_find_it():
    world = world_of()
    process = court_ordered_mediation(world)
    cases.process_declare_impasse(actor=world.mediator, process=process)
    services.attempt_certificate_issue(actor=world.mediator, process=process)
    with pytest.raises(NotFound):
        access_attempt_of(user=make_user(), process_id=process.id)
