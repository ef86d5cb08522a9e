"""Screening through the services and selectors: who answers, who reads, what the neutral
confirms, what the process start and the room plan are told, and what the audit log keeps."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accord.audit.models import AuditEvent
from accord.cases import services as cases
from accord.cases.services.processes import start_blockers
from accord.cases.vocabulary import Role
from accord.core.errors import Conflict, Forbidden, InvalidInput
from accord.rooms import services as rooms
from accord.rooms.models import Message
from accord.rooms.visibility import can_post
from accord.safety import services
from accord.safety.models import SafetyConfiguration, ScreeningResponse
from accord.safety.selectors import (
    NOT_SCREENED,
    own_response,
    process_configuration,
    screening_blockers,
    screening_summary,
)
from accord.safety.services import ConfigurationChoice
from tests.cases.factories import appoint, make_world
from tests.rooms.factories import make_mediation
from tests.safety.factories import CALM, answer, confirm, key, propose

pytestmark = pytest.mark.django_db

SECRET = "the note only the mediator may read"


@pytest.fixture
def mediation(cast):
    a, b = cast["principal_a"], cast["principal_b"]
    process = cases.process_propose(actor=a, case=cast.case, kind="mediation", format="shuttle")
    cases.process_consent(actor=b, process=process)
    return process


def counts():
    return (
        ScreeningResponse.objects.count(),
        SafetyConfiguration.objects.count(),
        AuditEvent.objects.count(),
    )


# --- answering -------------------------------------------------------------------------------


def test_a_party_answers_and_the_audit_keeps_only_a_salted_hash(cast, mediation):
    a = cast["principal_a"]
    response = answer(a, mediation, note=SECRET, fear="often")
    assert response.answers == {**CALM, "fear": "often"}
    event = AuditEvent.objects.get(action="screening.answered")
    assert event.object_id == str(response.id)
    assert set(event.payload) == {"process", "questionnaire", "answers"}
    assert event.payload["answers"].startswith("sha256:")
    text = str(event.payload)
    assert "often" not in text and SECRET not in text and response.salt not in text


def test_the_same_form_sent_twice_is_recorded_once(cast, mediation):
    a = cast["principal_a"]
    first = services.screening_answer(actor=a, process=mediation, answers=CALM, client_key="same")
    before = counts()
    again = services.screening_answer(actor=a, process=mediation, answers=CALM, client_key="same")
    assert again.id == first.id and counts() == before
    with pytest.raises(Conflict):
        services.screening_answer(
            actor=a, process=mediation, answers={**CALM, "fear": "often"}, client_key="same"
        )
    assert counts() == before


@pytest.mark.parametrize(
    ("answers", "note", "field"),
    [
        ({k: v for k, v in CALM.items() if k != "fear"}, "", "fear"),
        ({**CALM, "harm": "maybe"}, "", "harm"),
        ({**CALM, "shoe_size": "42"}, "", "shoe_size"),
        (CALM, "x" * 2001, "note"),
    ],
)
def test_bad_answers_are_refused_on_their_field_and_change_nothing(
    cast, mediation, answers, note, field
):
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        services.screening_answer(
            actor=cast["principal_a"],
            process=mediation,
            answers=answers,
            note=note,
            client_key=key(),
        )
    assert refused.value.field == field
    assert counts() == before


@pytest.mark.parametrize(
    "who",
    ["advocate_a", "support_a", "mediator", "arbitrator", "coordinator", "expert", "observer"],
)
def test_only_parties_answer(cast, mediation, who):
    before = counts()
    with pytest.raises(Forbidden):
        answer(cast[who], mediation)
    assert counts() == before


def test_no_screening_for_negotiation(cast):
    a, b = cast["principal_a"], cast["principal_b"]
    negotiation = cases.process_propose(actor=a, case=cast.case, kind="negotiation")
    before = counts()
    with pytest.raises(Forbidden):
        answer(a, negotiation)
    assert counts() == before
    assert process_configuration(negotiation) == NOT_SCREENED
    assert screening_blockers(negotiation) == []
    assert b  # both parties exist; neither is asked


def test_no_answers_after_the_process_ended(cast, mediation):
    a = cast["principal_a"]
    cases.process_withdraw(actor=a, process=mediation)  # declines the proposal: not taken up
    before = counts()
    with pytest.raises(Forbidden):  # a side that left answers no more
        answer(a, mediation)
    with pytest.raises(Conflict):
        answer(cast["principal_b"], mediation)
    assert counts() == before


# --- who reads -------------------------------------------------------------------------------


def test_each_party_reads_only_their_own_answers(cast, mediation):
    a, b = cast["principal_a"], cast["principal_b"]
    mine = answer(a, mediation, fear="sometimes")
    answer(b, mediation, note=SECRET)
    assert own_response(participant=a, process=mediation) == mine
    for who in ("advocate_a", "advocate_b", "support_a", "mediator", "arbitrator", "expert"):
        assert own_response(participant=cast[who], process=mediation) is None


@pytest.mark.parametrize(
    "who",
    [
        "principal_a",
        "principal_b",
        "advocate_a",
        "advocate_b",
        "support_a",
        "arbitrator",
        "coordinator",
        "expert",
        "observer",
    ],
)
def test_only_the_mediator_gets_the_summary(cast, mediation, who):
    answer(cast["principal_b"], mediation, note=SECRET)
    assert screening_summary(viewer=cast[who], process=mediation) is None
    summary = screening_summary(viewer=cast["mediator"], process=mediation)
    assert summary is not None
    assert [p.response.note if p.response else None for p in summary.parties] == [None, SECRET]


def test_a_mediator_who_also_arbitrates_never_sees_answers(cast, mediation):
    answer(cast["principal_a"], mediation, fear="often")
    mediator = cast["mediator"]
    assert screening_summary(viewer=mediator, process=mediation) is not None
    appoint(mediator, cast.case, Role.ARBITRATOR, user=mediator.user)
    assert screening_summary(viewer=cast["mediator"], process=mediation) is None
    with pytest.raises(Forbidden):
        confirm(cast["mediator"], mediation, shuttle_only=True)


def test_the_coordinator_screens_parenting_coordination():
    world = make_world()
    coordinator = appoint(world.mediator, world.case, Role.COORDINATOR)
    process = propose(world, "parenting_coordination", "shuttle")
    answer(world.principals[0], process)
    assert screening_summary(viewer=coordinator, process=process) is not None
    assert screening_summary(viewer=world.mediator, process=process) is None


# --- the neutral's confirmation and the configuration -----------------------------------------


def test_screening_completes_when_all_answered_and_the_neutral_confirmed(cast, mediation):
    a, b, m = cast["principal_a"], cast["principal_b"], cast["mediator"]
    assert process_configuration(mediation).still_to_answer == 2
    assert len(screening_blockers(mediation)) == 1
    answer(a, mediation)
    before = counts()
    with pytest.raises(Conflict):  # b has not answered
        confirm(m, mediation)
    assert counts() == before
    answer(b, mediation)
    assert not process_configuration(mediation).screening_complete
    configuration = confirm(m, mediation)
    assert process_configuration(mediation).screening_complete
    assert screening_blockers(mediation) == []
    event = AuditEvent.objects.get(action="screening.configuration_confirmed")
    assert event.object_id == str(configuration.id)
    assert set(event.payload) == {
        "process",
        "shuttle_only",
        "staggered",
        "support",
        "rescreen",
        "responses",
    }


def test_a_new_answer_reopens_screening_until_confirmed_again(cast, mediation):
    a, b, m = cast["principal_a"], cast["principal_b"], cast["mediator"]
    answer(a, mediation)
    answer(b, mediation)
    confirm(m, mediation)
    answer(b, mediation, arrival="yes")
    configuration = process_configuration(mediation)
    assert not configuration.screening_complete
    assert configuration.staggered  # a required measure holds before anyone confirms
    confirm(m, mediation, staggered=True)
    assert process_configuration(mediation).screening_complete


def test_a_required_measure_cannot_be_turned_off(cast, mediation):
    answer(cast["principal_a"], mediation, threats="yes")
    answer(cast["principal_b"], mediation)
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        confirm(cast["mediator"], mediation, shuttle_only=True, staggered=False, rescreen=True)
    assert refused.value.field == "staggered"
    assert counts() == before


def test_a_suggested_measure_is_the_neutrals_choice_and_more_can_be_added(cast, mediation):
    answer(cast["principal_a"], mediation, same_room="uneasy")  # shuttle suggested
    answer(cast["principal_b"], mediation)
    confirm(cast["mediator"], mediation)
    assert not process_configuration(mediation).shuttle_only
    confirm(cast["mediator"], mediation, shuttle_only=True, support=True)
    configuration = process_configuration(mediation)
    assert configuration.shuttle_only and configuration.support_required
    assert configuration.support_side_ids == frozenset()  # nobody's answers asked for one


def test_confirming_the_same_twice_records_it_once(cast, mediation):
    answer(cast["principal_a"], mediation)
    answer(cast["principal_b"], mediation)
    first = confirm(cast["mediator"], mediation)
    before = counts()
    assert confirm(cast["mediator"], mediation).id == first.id
    assert counts() == before


def test_a_confirmation_on_answers_that_changed_meanwhile_is_refused(cast, mediation):
    a, b, m = cast["principal_a"], cast["principal_b"], cast["mediator"]
    answer(a, mediation)
    answer(b, mediation)
    seen = sorted(
        str(p.response.id) for p in screening_summary(viewer=m, process=mediation).parties
    )
    answer(b, mediation, same_room="separate")
    before = counts()
    with pytest.raises(Conflict):
        services.configuration_confirm(
            actor=m,
            process=mediation,
            choice=ConfigurationChoice(True, False, False, False),
            seen=seen,
        )
    assert counts() == before


@pytest.mark.parametrize("who", ["principal_a", "advocate_a", "arbitrator", "coordinator"])
def test_only_the_neutral_confirms(cast, mediation, who):
    answer(cast["principal_a"], mediation)
    answer(cast["principal_b"], mediation)
    before = counts()
    with pytest.raises(Forbidden):
        confirm(cast[who], mediation)
    assert counts() == before


def test_blockers_say_nothing_of_one_partys_answers_before_the_neutral_confirms():
    """Every participant reads the start blockers: before the review, a "separate rooms"
    blocker would tell the calm party what the other answered."""
    world = make_world()
    process = propose(world, "mediation", "joint")
    answer(world.principals[0], process)
    answer(world.principals[1], process, fear="often")
    assert process_configuration(process).shuttle_only  # what the rules recommend
    generic = [
        "Screening is not complete: each party answers the private safety questions and the "
        "neutral confirms how the process will run."
    ]
    assert screening_blockers(process) == generic
    client = Client()
    client.force_login(world.principals[0].user)
    page = client.get(reverse("cases:process", kwargs={"process_id": process.id}))
    assert "separate rooms only" not in page.content.decode()


def test_shuttle_only_with_a_joint_format_blocks_the_start():
    world = make_world()
    process = propose(world, "mediation", "joint")
    answer(world.principals[0], process, same_room="separate")
    answer(world.principals[1], process)
    confirm(world.mediator, process, shuttle_only=True)
    configuration = process_configuration(process)
    assert configuration.screening_complete and configuration.shuttle_only
    assert screening_blockers(process) == [
        "This process must run in separate rooms only: propose it again with the shuttle format."
    ]


def test_support_sides_name_the_side_that_asked():
    world = make_world()
    process = propose(world, "mediation", "shuttle")
    answer(world.principals[0], process)
    answer(world.principals[1], process, support="yes")
    configuration = process_configuration(process)
    assert configuration.support_required
    assert configuration.support_side_ids == frozenset({world.sides[1].id})


def test_answers_carry_to_the_next_process_unless_rescreening_was_called_for():
    world = make_world()
    a, b = world.principals
    first = propose(world, "mediation", "shuttle")
    answer(a, first)
    answer(b, first)
    confirm(world.mediator, first)
    cases.process_withdraw(actor=a, process=first)  # not taken up
    second = propose(world, "mediation", "shuttle")
    summary = screening_summary(viewer=world.mediator, process=second)
    assert [p.carried for p in summary.parties] == [True, True]
    assert process_configuration(second).still_to_answer == 0
    assert not process_configuration(second).screening_complete  # the neutral confirms again
    confirm(world.mediator, second)
    assert process_configuration(second).screening_complete

    # This time the neutral calls for screening again: nothing carries to the third.
    answer(b, second, fear="sometimes")
    confirm(world.mediator, second, rescreen=True)
    cases.process_withdraw(actor=a, process=second)
    third = propose(world, "mediation", "shuttle")
    assert process_configuration(third).still_to_answer == 2
    assert [
        p.response for p in screening_summary(viewer=world.mediator, process=third).parties
    ] == [
        None,
        None,
    ]


# --- the start of the process ----------------------------------------------------------------


def ready_but_unscreened(world, kind="mediation", fmt="shuttle"):
    """Every other condition of the start met: consent, terms accepted."""
    process = propose(world, kind, fmt)
    for person in [world.mediator, *world.principals]:
        cases.process_accept_confidentiality(actor=person, process=process)
    return process


def test_a_mediation_does_not_start_before_screening_is_complete():
    world = make_world()
    process = ready_but_unscreened(world)
    answer(world.principals[0], process)  # one party answered; the other has not
    before = counts()
    with pytest.raises(Forbidden) as refused:
        cases.process_start(actor=world.mediator, process=process)
    assert "Screening is not complete" in refused.value.message
    process.refresh_from_db()
    assert process.status == "proposed" and process.started_at is None
    assert counts() == before
    answer(world.principals[1], process)
    with pytest.raises(Forbidden):  # answered, but the neutral has not confirmed
        cases.process_start(actor=world.mediator, process=process)
    confirm(world.mediator, process)
    assert cases.process_start(actor=world.mediator, process=process).status == "active"


def test_a_joint_mediation_screened_as_separate_rooms_only_does_not_start():
    world = make_world()
    process = ready_but_unscreened(world, fmt="joint")
    answer(world.principals[0], process, same_room="separate")
    answer(world.principals[1], process)
    confirm(world.mediator, process, shuttle_only=True)
    with pytest.raises(Forbidden) as refused:
        cases.process_start(actor=world.mediator, process=process)
    assert "separate rooms only" in refused.value.message
    process.refresh_from_db()
    assert process.status == "proposed"


def test_a_negotiation_is_not_screened_and_starts_without_it():
    world = make_world()
    a, b = world.principals
    process = cases.process_propose(actor=a, case=world.case, kind="negotiation")
    cases.process_consent(actor=b, process=process)
    for person in (a, b):
        cases.process_choose_confidentiality(actor=person, process=process, confidential=True)
    assert cases.process_start(actor=a, process=process).status == "active"


def test_the_start_blockers_name_no_one_and_reveal_no_answer():
    world = make_world()
    process = ready_but_unscreened(world)
    answer(world.principals[0], process, fear="often", note=SECRET)
    blockers = start_blockers(process)
    text = " ".join(blockers)
    assert "often" not in text and SECRET not in text
    assert all(p.user.display_name not in text for p in world.principals)


def test_a_mediator_who_is_also_to_arbitrate_cannot_screen_and_the_blockers_say_why():
    world = make_world()
    process = ready_but_unscreened(world)
    for person in world.principals:
        answer(person, process)
    # The parties name their mediator as arbitrator too (med-arb) before this mediation ran.
    appoint(world.mediator, world.case, Role.ARBITRATOR, user=world.mediator.user)
    before = counts()
    with pytest.raises(Forbidden):
        confirm(world.mediator, process)
    assert counts() == before
    assert any("also to arbitrate" in b for b in start_blockers(process))
    with pytest.raises(Forbidden):
        cases.process_start(actor=world.mediator, process=process)


def test_separate_rooms_confirmed_during_the_process_stop_the_joint_room_at_once():
    """B discloses threats after the start; once the neutral confirms separate rooms, A can
    no longer write to B in the joint room, and the pause is on the record."""
    m = make_mediation()
    a, b = m.world.principals
    answer(b, m.process, threats="yes", same_room="separate")
    confirm(m.world.mediator, m.process, shuttle_only=True, staggered=True, rescreen=True)
    joint = m.room("joint")
    joint.refresh_from_db()
    a.refresh_from_db()
    assert joint.paused_at is not None
    assert not can_post(a, joint)
    before = Message.objects.filter(room=joint).count()
    with pytest.raises(Forbidden):
        rooms.message_post(
            actor=a,
            room=joint,
            body="I know where you live now.",
            client_key="k1",
            send_anyway=True,
        )
    assert Message.objects.filter(room=joint).count() == before
    assert AuditEvent.objects.filter(case_id=m.world.case.id, action="room.paused").count() == 1
