"""Process pages: the guide, proposing, the consent screens, starting, impasse and ending."""

from __future__ import annotations

import html
import re
import uuid

import pytest
from django.urls import reverse

from accord.audit.models import AuditEvent
from accord.cases import services
from accord.cases.models import (
    ConfidentialityAcceptance,
    ConfidentialityChoice,
    Process,
    ProcessConsent,
)
from accord.cases.rules import RULES
from accord.cases.vocabulary import ProcessStatus, Role
from tests.agreements.factories import draft, latest, sign
from tests.cases.factories import join, make_world
from tests.factories import make_user
from tests.rooms.factories import make_mediation
from tests.safety.factories import screen

pytestmark = pytest.mark.django_db


def key():
    return uuid.uuid4().hex


def as_user(client, who):
    client.force_login(getattr(who, "user", who))
    return client


def url(name, **kwargs):
    return reverse(f"cases:{name}", kwargs=kwargs)


def text(response):
    """The page's words, without markup (for sentences that span tags)."""
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split()))


def field_error(response, field):
    body = response.content.decode()
    match = re.search(rf'<div id="id_{field}_error">(.*?)</div>', body, re.S)
    assert match, f"no error next to {field}"
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)).strip())


@pytest.fixture
def world():
    return make_world()


def proposed(world, kind="mediation"):
    return services.process_propose(actor=world.principals[0], case=world.case, kind=kind)


# --- the guide -----------------------------------------------------------------------------


def test_the_guide_is_open_to_anyone_and_generated_from_the_rules(client):
    response = client.get(url("guide"))
    assert response.status_code == 200
    page = text(response)
    for rules in RULES.values():
        assert str(rules.kind.label) in page
        assert str(rules.decider.label) in page, rules.decider
        assert str(rules.confidentiality.label) in page
        assert str(rules.leaving.label) in page
        for fmt in rules.formats:
            assert str(fmt.label) in page
    assert "When it is compulsory: No walking away; a side may declare impasse." in page
    assert "You need someone else to decide, and to be bound by it: Arbitration" in page
    assert '<th scope="col">Mediation</th>' in response.content.decode()


# --- proposing -----------------------------------------------------------------------------


def test_a_party_proposes_mediation_and_their_side_consents_by_it(client, world):
    a = world.principals[0]
    as_user(client, a)
    page = client.get(url("propose", case_id=world.case.id)).content.decode()
    assert "checked" not in page  # no process is chosen for them
    response = client.post(
        url("propose", case_id=world.case.id), {"kind": "mediation", "submission": key()}
    )
    process = Process.objects.get()
    assert response["Location"] == url("process", process_id=process.id)
    assert (process.kind, process.format, process.status) == ("mediation", "joint", "proposed")
    assert list(ProcessConsent.objects.values_list("side_id", flat=True)) == [a.side_id]


def test_the_guide_link_preselects_nothing_unless_asked(client, world):
    as_user(client, world.principals[0])
    page = client.get(url("propose", case_id=world.case.id) + "?kind=arbitration")
    assert re.search(r'value="arbitration"[^>]*checked', page.content.decode())


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"kind": "negotiation", "format": "shuttle"},
            "format",
            "Negotiation takes one of these formats: Parties talk directly, Through advocates.",
        ),
        (
            {"kind": "mediation", "court_ordered": "on"},
            "court_reference",
            "Give the court's reference.",
        ),
        (
            {"kind": "mediation", "compulsory": "on"},
            "compulsory",
            "Mediation is always voluntary; it cannot be compulsory.",
        ),
        ({}, "kind", "This field is required."),
    ],
)
def test_a_proposal_that_breaks_a_rule_is_explained_next_to_its_field(
    client, world, data, field, message
):
    as_user(client, world.principals[0])
    response = client.post(url("propose", case_id=world.case.id), data)
    assert response.status_code == 200
    assert field_error(response, field) == message
    assert not Process.objects.exists()


def test_a_double_submitted_proposal_proposes_once(client, world):
    as_user(client, world.principals[0])
    data = {"kind": "negotiation", "submission": key()}
    first = client.post(url("propose", case_id=world.case.id), data)
    second = client.post(url("propose", case_id=world.case.id), data)
    assert first["Location"] == second["Location"]
    assert Process.objects.count() == 1


def test_one_proposal_at_a_time(client, world):
    proposed(world)
    as_user(client, world.principals[1])
    page = client.get(url("propose", case_id=world.case.id))
    assert "is already proposed" in text(page)
    response = client.post(url("propose", case_id=world.case.id), {"kind": "negotiation"})
    assert response.status_code == 409
    assert "Another process is already proposed: answer it first." in text(response)
    assert Process.objects.count() == 1


def test_a_support_person_cannot_propose(client, world):
    helper = join(world.mediator, world.case, Role.SUPPORT, world.sides[0])
    as_user(client, helper)
    response = client.post(url("propose", case_id=world.case.id), {"kind": "mediation"})
    assert response.status_code == 403
    assert "Only a party, an advocate or the mediator can propose a process." in text(response)
    assert not Process.objects.exists()


# --- consent screens -----------------------------------------------------------------------


def test_the_other_side_agrees_on_the_consent_screen(client, world):
    process = proposed(world)
    b = world.principals[1]
    as_user(client, b)
    page = client.get(url("consent", process_id=process.id))
    assert "Does your side agree to Mediation?" in text(page)
    assert "Any party may withdraw at any time, no reason shown" in text(page)
    assert url("decline", process_id=process.id) in page.content.decode()
    response = client.post(url("consent", process_id=process.id), {"submission": key()})
    assert response["Location"] == url("process", process_id=process.id)
    assert ProcessConsent.objects.filter(process=process, side_id=b.side_id).exists()
    assert "Your side has already agreed." in text(
        client.get(url("consent", process_id=process.id))
    )


def test_consent_is_refused_to_a_neutral_and_changes_nothing(client, world):
    process = proposed(world)
    as_user(client, world.mediator)
    response = client.post(url("consent", process_id=process.id))
    assert response.status_code == 403
    assert "Only a party or their advocate can do this for their side." in text(response)
    assert ProcessConsent.objects.filter(process=process).count() == 1  # the proposer's


def test_consenting_to_arbitration_is_an_explicit_statement(client, world):
    process = proposed(world, "arbitration")
    b = world.principals[1]
    as_user(client, b)
    page = client.get(url("consent", process_id=process.id))
    assert "The arbitration agreement" in text(page)
    assert "checked" not in page.content.decode()
    unticked = client.post(url("consent", process_id=process.id), {})
    assert "Tick the box" in field_error(unticked, "acknowledge")
    assert not ProcessConsent.objects.filter(side_id=b.side_id).exists()
    ticked = client.post(url("consent", process_id=process.id), {"acknowledge": "on"})
    assert ticked.status_code == 302
    assert ProcessConsent.objects.filter(side_id=b.side_id).exists()


def test_a_party_declines_a_proposal_without_giving_a_reason(client, world):
    process = proposed(world, "negotiation")
    as_user(client, world.principals[1])
    page = client.get(url("decline", process_id=process.id))
    assert "You do not have to give a reason" in text(page)
    response = client.post(url("decline", process_id=process.id), {"submission": key()})
    assert response["Location"] == url("case", case_id=world.case.id)
    process.refresh_from_db()
    assert process.status == ProcessStatus.CANCELLED


def test_a_running_process_is_not_declined_here(client):
    m = make_mediation()
    as_user(client, m.world.principals[1])
    response = client.post(url("decline", process_id=m.process.id))
    assert response.status_code == 409
    m.process.refresh_from_db()
    assert m.process.status == ProcessStatus.ACTIVE


def test_negotiation_confidentiality_is_chosen_explicitly(client, world):
    process = proposed(world, "negotiation")
    a = world.principals[0]
    as_user(client, a)
    page = client.get(url("confidentiality_choice", process_id=process.id)).content.decode()
    assert 'name="confidential"' in page
    assert "checked" not in page  # never pre-selected
    empty = client.post(url("confidentiality_choice", process_id=process.id), {})
    assert field_error(empty, "confidential") == "Choose one answer for your side."
    assert not ConfidentialityChoice.objects.exists()
    data = {"confidential": "yes", "submission": key()}
    client.post(url("confidentiality_choice", process_id=process.id), data)
    client.post(url("confidentiality_choice", process_id=process.id), data)  # a double click
    assert list(ConfidentialityChoice.objects.values_list("confidential", flat=True)) == [True]
    again = client.get(url("confidentiality_choice", process_id=process.id))
    assert "Your side's choice so far: confidential." in text(again)
    assert "checked" not in again.content.decode()


def test_the_sides_are_told_when_their_choices_differ(client, world):
    process = proposed(world, "negotiation")
    a, b = world.principals
    services.process_consent(actor=b, process=process)
    services.process_choose_confidentiality(actor=a, process=process, confidential=True)
    services.process_choose_confidentiality(actor=b, process=process, confidential=False)
    page = as_user(client, b).get(url("confidentiality_choice", process_id=process.id))
    assert "The sides chose differently." in text(page)
    process_page = text(client.get(url("process", process_id=process.id)))
    assert "The sides chose differently about confidentiality: agree on one choice." in (
        process_page
    )


def test_a_mediation_has_no_confidentiality_choice(client, world):
    process = proposed(world)
    as_user(client, world.principals[0])
    response = client.post(
        url("confidentiality_choice", process_id=process.id), {"confidential": "no"}
    )
    assert response.status_code == 403
    assert not ConfidentialityChoice.objects.exists()


def test_accepting_the_confidentiality_terms(client, world):
    process = proposed(world)
    b = world.principals[1]
    as_user(client, b)
    page = client.get(url("accept_terms", process_id=process.id))
    assert "What you say in a private session with the neutral reaches the other side" in text(page)
    unticked = client.post(url("accept_terms", process_id=process.id), {})
    assert "Tick the box" in field_error(unticked, "acknowledge")
    assert not ConfidentialityAcceptance.objects.exists()
    client.post(url("accept_terms", process_id=process.id), {"acknowledge": "on"})
    assert ConfidentialityAcceptance.objects.get().participant_id == b.id
    assert "You have already accepted these terms." in text(
        client.get(url("accept_terms", process_id=process.id))
    )
    late = client.post(url("accept_terms", process_id=process.id), {"acknowledge": "on"})
    assert late.status_code == 409
    assert ConfidentialityAcceptance.objects.count() == 1


# --- starting, impasse, ending -------------------------------------------------------------


def test_the_mediator_sees_what_blocks_the_start_and_starts_when_ready(client, world):
    process = proposed(world)
    as_user(client, world.mediator)
    page = text(client.get(url("process", process_id=process.id)))
    assert "Every side must consent; still waiting for: Respondent." in page
    assert "Everyone must accept the confidentiality terms; 3 still to accept." in page
    refused = client.post(url("start", process_id=process.id), {"submission": key()})
    assert refused.status_code == 403
    assert "Every side must consent" in text(refused)
    process.refresh_from_db()
    assert process.status == ProcessStatus.PROPOSED
    events = AuditEvent.objects.filter(case_id=world.case.id).count()

    services.process_consent(actor=world.principals[1], process=process)
    for person in (*world.principals, world.mediator):
        services.process_accept_confidentiality(actor=person, process=process)
    waiting = text(client.get(url("process", process_id=process.id)))
    assert "Screening is not complete" in waiting and "Review the screening" in waiting
    screen(process)
    assert "Everything is ready." in text(client.get(url("process", process_id=process.id)))
    started = client.post(url("start", process_id=process.id), {"submission": key()})
    assert started["Location"] == url("process", process_id=process.id)
    process.refresh_from_db()
    assert process.status == ProcessStatus.ACTIVE
    assert AuditEvent.objects.filter(case_id=world.case.id).count() > events
    running = client.get(url("process", process_id=process.id)).content.decode()
    assert "/rooms/" in running
    assert reverse("rooms:shuttle", kwargs={"process_id": process.id}) in running


def test_a_party_cannot_start_a_mediation(client, world):
    process = proposed(world)
    as_user(client, world.principals[0])
    response = client.post(url("start", process_id=process.id))
    assert response.status_code == 403
    assert "Only the Mediator can start this process." in text(response)
    process.refresh_from_db()
    assert process.status == ProcessStatus.PROPOSED


def test_the_mediator_declares_impasse_after_a_calm_question(client):
    m = make_mediation()
    as_user(client, m.world.mediator)
    page = client.get(url("impasse", process_id=m.process.id))
    assert "Declaring impasse ends the mediation without agreement." in text(page)
    m.process.refresh_from_db()
    assert m.process.status == ProcessStatus.ACTIVE
    data = {"submission": key()}
    first = client.post(url("impasse", process_id=m.process.id), data)
    second = client.post(url("impasse", process_id=m.process.id), data)
    assert first["Location"] == second["Location"] == url("case", case_id=m.world.case.id)
    m.process.refresh_from_db()
    assert (m.process.status, m.process.outcome) == ("ended", "impasse")
    assert AuditEvent.objects.filter(action="process.impasse").count() == 1


def test_a_support_person_cannot_declare_impasse(client):
    m = make_mediation()
    helper = join(m.world.mediator, m.world.case, Role.SUPPORT, m.world.sides[0])
    as_user(client, helper)
    response = client.post(url("impasse", process_id=m.process.id))
    assert response.status_code == 403
    m.process.refresh_from_db()
    assert m.process.status == ProcessStatus.ACTIVE


def test_the_mediator_records_the_outcome_the_rules_allow(client):
    m = make_mediation()
    as_user(client, m.world.mediator)
    page = client.get(url("end", process_id=m.process.id)).content.decode()
    assert 'value="agreement"' in page and 'value="partial_agreement"' in page
    assert 'value="impasse"' not in page  # impasse has its own page
    assert 'value="award"' not in page
    tampered = client.post(url("end", process_id=m.process.id), {"outcome": "award"})
    assert "Select a valid choice" in field_error(tampered, "outcome")
    m.process.refresh_from_db()
    assert m.process.status == ProcessStatus.ACTIVE
    unsigned = client.post(url("end", process_id=m.process.id), {"outcome": "agreement"})
    assert "An agreement is recorded only once every side has signed it." in text(unsigned)
    m.process.refresh_from_db()
    assert m.process.status == ProcessStatus.ACTIVE
    version = latest(draft(m.world.mediator, m.process))
    for party in m.world.principals:
        sign(party, version)
    done = client.post(url("end", process_id=m.process.id), {"outcome": "agreement"})
    assert done.status_code == 302
    m.process.refresh_from_db()
    assert (m.process.outcome, m.process.binding) == ("agreement", False)


def test_a_party_records_no_outcome_of_a_mediation(client):
    m = make_mediation()
    as_user(client, m.world.principals[0])
    response = client.post(url("end", process_id=m.process.id), {"outcome": "agreement"})
    assert response.status_code == 403
    assert "Your role cannot record how this process ended." in text(response)
    m.process.refresh_from_db()
    assert m.process.status == ProcessStatus.ACTIVE


def test_a_stranger_changes_nothing_by_posting_to_a_process(client):
    m = make_mediation()
    as_user(client, make_user())
    for name in ("impasse", "end", "start", "decline", "consent"):
        response = client.post(url(name, process_id=m.process.id), {"outcome": "agreement"})
        assert response.status_code == 404, name
    m.process.refresh_from_db()
    assert m.process.status == ProcessStatus.ACTIVE
